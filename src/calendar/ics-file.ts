import { StreamableFile } from '@nestjs/common';
import { searchKey } from '../common/text';
import { CalendarMethod } from './calendar-inputs';

/** An .ics answer: its text, its iTIP method and a file name. */
export interface IcsFile {
  body: string;
  method: CalendarMethod;
  filename: string;
}

/** `text/calendar; charset=utf-8; method=…`, as RFC 5545 and iTIP over HTTP and email expect. */
export function icsContentType(method: CalendarMethod): string {
  return `text/calendar; charset=utf-8; method=${method}`;
}

/** An ASCII file name from a Vietnamese title: "Hội nghị sơ kết" → "hoi-nghi-so-ket.ics". */
export function icsFileName(title: string, prefix = ''): string {
  const slug = searchKey(title).replace(/[^a-z0-9]+/g, '-').slice(0, 80).replace(/^-+|-+$/g, '') || 'hoi-nghi';
  return `${prefix}${slug}.ics`;
}

export function icsResponse(file: IcsFile): StreamableFile {
  const body = Buffer.from(file.body, 'utf8');
  return new StreamableFile(body, {
    type: icsContentType(file.method),
    disposition: `attachment; filename="${file.filename}"`,
    length: body.length,
  });
}
