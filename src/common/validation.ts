import {
  ArgumentMetadata,
  BadRequestException,
  Injectable,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { ErrorDetail } from './error-envelope';

/** Flattens class-validator's tree into `{ field: "items.2.email", message }` pairs. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deeper than any body of this API; class-transformer recurses, and a 3,000-deep body overflowed its stack. */
export const MAX_BODY_DEPTH = 32;

/** With the `u` flag a surrogate matches only when unpaired. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The first problem of a parsed JSON body that no DTO rule can catch: nesting deeper than
 * MAX_BODY_DEPTH, or text with a lone UTF-16 surrogate (valid JSON escapes, not text; some
 * validators throw on it). Walks iteratively, so a deep body cannot overflow this either.
 */
export function bodyShapeProblem(body: unknown): ErrorDetail | null {
  const stack: [unknown, string, number][] = [[body, '', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return { field: path || 'body', message: `${path || 'body'} is not valid Unicode text` };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return { field: path || 'body', message: `body is nested deeper than ${MAX_BODY_DEPTH} levels` };
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (LONE_SURROGATE.test(key)) return { field: 'body', message: 'a field name is not valid Unicode text' };
      stack.push([child, childPath, depth + 1]);
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
      exceptionFactory: (errors) => {
        const details = flattenValidationErrors(errors);
        const message = details.length > 0 ? details.map((d) => d.message).join('; ') : 'invalid input';
        return new BadRequestException({ message, details });
      },
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
      const message = value === undefined || value === null ? 'body must not be empty' : 'body must be a JSON object';
      throw new BadRequestException({ message, details: [{ field: 'body', message }] });
    }
    const problem = metadata.type === 'body' ? bodyShapeProblem(value) : null;
    if (problem) throw new BadRequestException({ message: problem.message, details: [problem] });
    return super.transform(value, metadata);
  }
}
