import { registerDecorator, ValidationOptions } from 'class-validator';
import { coded, fieldLabel } from './validation-messages';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a calendar date written YYYY-MM-DD that exists (no 30 February). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A day without a time (a signing date, a deadline): YYYY-MM-DD. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...coded('not_a_date', `${fieldLabel(String(propertyName))} phải là một ngày có thật, viết theo dạng YYYY-MM-DD, ví dụ 2022-07-10.`), ...options },
      validator: { validate: isIsoDate },
    });
}
