import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { nfc } from './text';
import { coded, fieldLabel } from './validation-messages';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** True for an ISO 8601 date-time with an offset naming a day that exists (no 30 February). */
export function isIsoInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  return calendarDay.getUTCMonth() === month - 1 && calendarDay.getUTCDate() === day && !Number.isNaN(Date.parse(value));
}

/** An ISO 8601 date-time with an offset (`Z` or `+07:00`): the only form times are accepted in. */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        ...coded(
          'not_an_instant',
          `${fieldLabel(String(propertyName))} phải là một thời điểm có thật theo ISO 8601, có múi giờ, ví dụ 2025-07-15T08:00:00+07:00.`,
        ),
        ...options,
      },
      validator: {
        validate: isIsoInstant,
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
      options: { ...coded('not_a_time_zone', `${fieldLabel(String(propertyName))} phải là tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh.`), ...options },
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
    ...(options.allowEmpty ? [] : [Matches(/\S/, coded('empty', 'Trường "$property" không được để trống.'))]),
    MaxLength(max),
  );
}

/** An optional field that must not be null when present (unlike @IsOptional, which lets null through). */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_dto, value: unknown) => value !== undefined);
