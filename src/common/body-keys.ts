import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import { CodedDetail } from './errors';

/** How many object keys a body may hold when its DTO allows fewer (or takes no nested objects). */
export const MIN_BODY_KEYS = 500;

const budgets = new WeakMap<object, number>();

/** The 413 detail for a body (or query) with more object keys than `budget`. */
export const tooManyKeys = (budget: number): CodedDetail => ({
  field: 'body',
  code: 'too_many_keys',
  message: `Dữ liệu gửi lên có hơn ${budget.toLocaleString('vi-VN')} trường.`,
});

/**
 * The most object keys a valid body of `dto` can hold, read from the DTO's own rules: one per
 * property, plus, for a nested object, its own maximum, and for a nested list, its ArrayMaxSize
 * times an item's maximum. A body with more keys than that cannot be valid, so it is refused
 * before class-transformer and class-validator spend time on it (tens of thousands of keys
 * cost seconds). Never less than MIN_BODY_KEYS.
 */
export function bodyKeyBudget(dto: unknown): number {
  if (typeof dto !== 'function') return MIN_BODY_KEYS;
  let budget = budgets.get(dto);
  if (budget === undefined) {
    budget = Math.max(MIN_BODY_KEYS, maxKeysOf(dto as Dto, 0));
    budgets.set(dto, budget);
  }
  return budget;
}

/** Deeper than the DTOs nest; a cycle of nested types stops here. */
const MAX_NESTING = 8;

/** A DTO class. */
type Dto = abstract new (...args: never[]) => unknown;

function maxKeysOf(dto: Dto, depth: number): number {
  if (depth > MAX_NESTING) return 0;
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byProperty = new Map<string, typeof rules>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  let keys = 0;
  for (const [property, own] of byProperty) {
    keys += 1;
    if (!own.some((rule) => rule.type === 'nestedValidation')) continue;
    const nested = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as Dto | undefined;
    if (!nested) continue;
    const maxItems = own.find((rule) => rule.name === 'arrayMaxSize')?.constraints?.[0] as number | undefined;
    const listed = own.some((rule) => rule.type === 'nestedValidation' && rule.each);
    keys += (listed ? (maxItems ?? 1) : 1) * maxKeysOf(nested, depth + 1);
  }
  return keys;
}
