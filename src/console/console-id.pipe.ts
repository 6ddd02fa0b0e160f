import { Injectable, Param, PipeTransform } from '@nestjs/common';
import { conferenceNotFound } from '../common/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A conference id in a console address: anything but a UUID is a page that does not exist (404), not a bad request. */
@Injectable()
export class ConsoleIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw conferenceNotFound();
    return value.toLowerCase();
  }
}

/** The conference id of a console address (`:id`), through ConsoleIdPipe. */
export const ConferenceId = (): ParameterDecorator => Param('id', ConsoleIdPipe);
