import { ArgumentMetadata, Type } from '@nestjs/common';
import { AppValidationPipe } from './validation';

const pipe = new AppValidationPipe();

/**
 * Validates a body against a DTO class chosen at run time, for routes whose body has more
 * than one form (e.g. one bridge point, a list, or a whole set of units).
 */
export function validateBody<T extends object>(dto: Type<T>, body: unknown): Promise<T> {
  const metadata: ArgumentMetadata = { type: 'body', metatype: dto, data: '' };
  return pipe.transform(body, metadata) as Promise<T>;
}
