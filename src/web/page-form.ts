import { Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FormFields } from './form-body';

export type FieldKind = 'text' | 'number' | 'email' | 'phone' | 'choice';

export interface FieldSpec {
  /** How the field is named in a sentence, lower case: "họ tên người chủ trì". */
  label: string;
  kind: FieldKind;
  /** Required on the page even where the API lets it out. */
  required?: boolean;
}

export type FormSpec = Record<string, FieldSpec>;
/** One Vietnamese message per field that is wrong. */
export type FieldErrors = Record<string, string>;

export interface FormResult<T> {
  /** What was typed, to fill the form again when it comes back with messages. */
  values: FormFields;
  errors: FieldErrors;
  /** The validated DTO when there are no errors. */
  dto?: T;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const numberIn = (message: string | undefined) => /(\d+)/.exec(message ?? '')?.[1];

/** "1.000" and "1 000" are how a Vietnamese writes a thousand. */
function toNumber(text: string): number | string {
  const plain = /^\d{1,3}([.\s]\d{3})+$/.test(text) ? text.replace(/[.\s]/g, '') : text;
  return /^[+-]?\d+$/.test(plain) ? Number(plain) : text;
}

/** The Vietnamese message for one field from the DTO's constraints that failed on it. */
export function fieldMessage(spec: FieldSpec, constraints: Record<string, string>): string {
  const label = capitalize(spec.label);
  if (constraints.isEmail) return `${label} không đúng dạng địa chỉ email, ví dụ ten@coquan.gov.vn.`;
  if (spec.kind === 'phone' && constraints.matches) return `${label} không đúng dạng số điện thoại Việt Nam, ví dụ 0912 345 678.`;
  if (constraints.maxLength) return `${label} dài quá ${numberIn(constraints.maxLength)} ký tự.`;
  if (constraints.isInt) return `${label} phải là một số nguyên, ví dụ 45.`;
  if (constraints.min) return `${label} không được nhỏ hơn ${numberIn(constraints.min)}.`;
  if (constraints.max) return `${label} không được lớn hơn ${Number(numberIn(constraints.max)).toLocaleString('vi-VN')}.`;
  if (constraints.isIn) return `Vui lòng chọn ${spec.label}.`;
  if (constraints.isString || constraints.matches) return `Vui lòng nhập ${spec.label}.`;
  return `${label} không hợp lệ.`;
}

/**
 * Reads a page form against the same DTO the JSON API validates with, so the rules are the
 * API's; only the messages are the page's own, in Vietnamese, one per field. Fields outside
 * the spec are ignored; empty fields count as not given.
 */
export async function readForm<T extends object>(dto: Type<T>, spec: FormSpec, fields: FormFields | undefined): Promise<FormResult<T>> {
  const values: FormFields = {};
  const input: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [name, field] of Object.entries(spec)) {
    const raw = typeof fields?.[name] === 'string' ? fields[name] : '';
    values[name] = raw;
    const text = raw.trim();
    if (text === '') {
      if (field.required) errors[name] = field.kind === 'choice' ? `Vui lòng chọn ${field.label}.` : `Vui lòng nhập ${field.label}.`;
      continue;
    }
    input[name] = field.kind === 'number' ? toNumber(text) : text;
  }
  const instance = plainToInstance(dto, input);
  const failures: ValidationError[] = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  for (const failure of failures) {
    const field = spec[failure.property];
    if (field && !errors[failure.property]) errors[failure.property] = fieldMessage(field, failure.constraints ?? {});
  }
  return Object.keys(errors).length > 0 ? { values, errors } : { values, errors, dto: instance };
}
