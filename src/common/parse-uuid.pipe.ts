import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badField } from './errors';
import { describeViolation, fieldLabel } from './validation-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses a path id that is not a UUID, naming the parameter. */
@Injectable()
export class ParseUuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      const field = metadata.data ?? 'id';
      const { code, message } = describeViolation('isUuid', '', undefined, fieldLabel(field));
      throw badField(field, code, message);
    }
    return value.toLowerCase();
  }
}
