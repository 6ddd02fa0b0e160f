import {
  ArgumentMetadata,
  HttpException,
  Injectable,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { bodyKeyBudget, MIN_BODY_KEYS, tooManyKeys } from './body-keys';
import { badField, CodedDetail, refusal } from './errors';
import { controlCharacterIn } from './text';
import { describeViolation, fieldLabel } from './validation-messages';

/** Flattens class-validator's tree into `{ field: "items.2.email", code, message }` details in Vietnamese. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): CodedDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, english]) => ({
      field,
      ...describeViolation(constraint, english, error.contexts?.[constraint], fieldLabel(field)),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** An error body lists at most this many details; the message says how many more there were. */
export const MAX_ERROR_DETAILS = 20;

/** The 400 for a body that broke these rules, its details capped at MAX_ERROR_DETAILS. */
export function invalidBody(details: CodedDetail[]): HttpException {
  const shown = details.slice(0, MAX_ERROR_DETAILS);
  const more = details.length - shown.length;
  const message =
    shown.length === 0
      ? 'Dữ liệu gửi lên không hợp lệ.'
      : shown.map((d) => d.message).join(' ') + (more > 0 ? ` (và ${more} lỗi khác)` : '');
  return refusal(400, shown, message);
}

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deeper than any body of this API; class-transformer recurses, and a 3,000-deep body overflowed its stack. */
export const MAX_BODY_DEPTH = 32;

/** With the `u` flag a surrogate matches only when unpaired. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** How many parameters a query may have. */
export const MAX_QUERY_KEYS = 50;

/** The 400 detail for a body nested deeper than MAX_BODY_DEPTH, at `field`. */
export const tooDeep = (field: string): CodedDetail => ({
  field,
  code: 'too_deep',
  message: `Dữ liệu gửi lên lồng nhau sâu quá ${MAX_BODY_DEPTH} cấp.`,
});

export interface ShapeProblem {
  status: 400 | 413;
  detail: CodedDetail;
}

/**
 * The first problem of a parsed JSON body (or query) that no DTO rule can catch, found before
 * class-transformer and class-validator spend time on it: more object keys than `keyBudget`
 * (tens of thousands cost seconds of validation), nesting deeper than MAX_BODY_DEPTH, text with
 * a lone UTF-16 surrogate (valid JSON escapes, not text) or a control character. Walks
 * iteratively, so a deep body cannot overflow this either.
 */
export function bodyShapeProblem(body: unknown, keyBudget = MIN_BODY_KEYS): ShapeProblem | null {
  const stack: [unknown, string, number][] = [[body, '', 0]];
  let keys = 0;
  const bad = (field: string, code: string, message: string): ShapeProblem => ({ status: 400, detail: { field, code, message } });
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return bad(path || 'body', 'invalid_unicode', `${fieldLabel(path || 'body')} không phải là văn bản Unicode hợp lệ.`);
      const control = controlCharacterIn(value);
      if (control) return bad(path || 'body', 'control_character', `${fieldLabel(path || 'body')} chứa ký tự điều khiển (${control}); chỉ được dùng dấu tab và xuống dòng.`);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return { status: 400, detail: tooDeep(path || 'body') };
    const isList = Array.isArray(value);
    // Counted key by key, stopping at the budget: listing all of a 60,000-key object first cost more than parsing it.
    for (const key in value) {
      if (!isList && ++keys > keyBudget) {
        return { status: 413, detail: tooManyKeys(keyBudget) };
      }
      if (LONE_SURROGATE.test(key) || controlCharacterIn(key)) return bad('body', 'invalid_field_name', 'Tên một trường không phải là văn bản hợp lệ.');
      stack.push([(value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, depth + 1]);
    }
  }
  return null;
}

/** What a request that sent no body at all carries as its body (set by a hook in app.ts). */
export const NO_BODY: Readonly<Record<string, never>> = Object.freeze({});

/**
 * Whitelists, refuses unknown fields and transforms to DTO classes; every error names its field.
 * A body that is missing or not a JSON object is refused before class-validator sees it.
 */
@Injectable()
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => invalidBody(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDtoBody = metadata.type === 'body' && typeof metadata.metatype === 'function' && this.toValidate(metadata);
    if (value === NO_BODY) {
      // An action whose fields are all optional (publish, start, check-in …) also takes no body at all.
      const nothing = isDtoBody ? await super.transform({}, metadata).catch(() => null) : {};
      if (nothing) return nothing;
      value = undefined;
    }
    if (isDtoBody && !isPlainObject(value)) {
      throw value === undefined || value === null
        ? badField('body', 'empty_body', 'Yêu cầu này cần dữ liệu JSON gửi kèm.')
        : badField('body', 'not_an_object', 'Dữ liệu gửi lên phải là một đối tượng JSON.');
    }
    const problem =
      metadata.type === 'body'
        ? // A body read as `unknown` (its DTO chosen by the route at run time) is counted against that DTO by validateBody.
          bodyShapeProblem(value, isDtoBody ? bodyKeyBudget(metadata.metatype) : Infinity)
        : metadata.type === 'query'
          ? bodyShapeProblem(value, MAX_QUERY_KEYS)
          : null;
    if (problem) throw refusal(problem.status, [problem.detail]);
    return super.transform(value, metadata);
  }
}
