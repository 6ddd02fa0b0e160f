import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';
import { nfc } from './text';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with an offset (`Z` or `+07:00`): the only form times are accepted in. */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be an ISO 8601 date-time with an offset, e.g. 2025-07-15T08:00:00+07:00`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
      },
    });
}

/** An IANA time zone name that this runtime knows (e.g. Asia/Ho_Chi_Minh). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an IANA time zone such as Asia/Ho_Chi_Minh`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            new Intl.DateTimeFormat('en', { timeZone: value });
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}

/** A user-typed text field: trimmed, NFC, non-empty, at most `max` characters. */
export function IsText(max: number, options: { allowEmpty?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? nfc(value) : value)),
    IsString(),
    ...(options.allowEmpty ? [] : [Matches(/\S/, { message: '$property must not be empty' })]),
    MaxLength(max),
  );
}
