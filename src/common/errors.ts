import { BadRequestException, ConflictException } from '@nestjs/common';

/** A 400 in the envelope's shape, naming the one field that is wrong. */
export function badField(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, details: [{ field, message }] });
}

/** A 409 in the envelope's shape: the state of `field` does not allow the request; `message` in Vietnamese. */
export function conflict(field: string, code: string, message: string): ConflictException {
  return new ConflictException({ message, details: [{ field, code, message }] });
}
