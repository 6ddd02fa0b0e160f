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
    if (isDtoBody && !isPlainObject(value)) {
      const message = value === undefined || value === null ? 'body must not be empty' : 'body must be a JSON object';
      throw new BadRequestException({ message, details: [{ field: 'body', message }] });
    }
    return super.transform(value, metadata);
  }
}
