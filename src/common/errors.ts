import { BadRequestException } from '@nestjs/common';

/** A 400 in the envelope's shape, naming the one field that is wrong. */
export function badField(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, details: [{ field, message }] });
}
