import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HttpException } from '@nestjs/common';
import { badField, conflict, refusal } from './errors';
import { errorLanguageProblems } from '../../test/error-language';
import { toErrorEnvelope } from './error-envelope';

const SRC = join(__dirname, '..');
/** Nest's HTTP exceptions, which carry no code unless built by the helpers of errors.ts. */
const DIRECT = /new (BadRequest|Unauthorized|Forbidden|NotFound|Conflict|Gone|PayloadTooLarge|UnsupportedMediaType|ServiceUnavailable|UnprocessableEntity|Http)Exception\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('refusals', () => {
  it('are built only by the helpers of errors.ts, so that each carries a code', () => {
    const direct = sources(SRC)
      .filter((file) => !file.endsWith(join('common', 'errors.ts')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => [line, i] as const)
          .filter(([line]) => DIRECT.test(line))
          .map(([, i]) => `${relative(SRC, file)}:${i + 1}`),
      );
    expect(direct).toEqual([]);
  });

  it('keep their status, field, code and Vietnamese message through the envelope', () => {
    const { envelope } = toErrorEnvelope(conflict('status', 'conference_closed', 'Hội nghị đã kết thúc.'));
    expect(envelope).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Hội nghị đã kết thúc.',
      details: [{ field: 'status', code: 'conference_closed', message: 'Hội nghị đã kết thúc.' }],
    });
    expect(errorLanguageProblems(409, envelope)).toEqual([]);
  });

  it('answer 429 with the envelope though Nest has no exception of its own for it', () => {
    const error = refusal(429, [{ field: 'email', code: 'too_many_logins', message: 'Đăng nhập sai quá nhiều lần.' }]);
    expect(error).toBeInstanceOf(HttpException);
    expect(toErrorEnvelope(error).envelope).toMatchObject({ statusCode: 429, error: 'Too Many Requests', details: [{ code: 'too_many_logins' }] });
  });

  it('give an exception without details (Fastify, the router) a Vietnamese message and a code by its status', () => {
    const { envelope } = toErrorEnvelope(new (class extends HttpException {})('Cannot GET /api/nothing', 404));
    expect(envelope.details).toEqual([{ field: 'path', code: 'route_not_found', message: 'Không có địa chỉ này trong API.' }]);
    expect(errorLanguageProblems(404, envelope)).toEqual([]);
  });

  it('answer an unexpected error with a Vietnamese 500 that leaks nothing', () => {
    const { envelope, unexpected } = toErrorEnvelope(new Error('SQLITE_BUSY: database is locked at /srv/app/data.db'));
    expect(unexpected).toBe(true);
    expect(JSON.stringify(envelope)).not.toMatch(/SQLITE|srv/);
    expect(errorLanguageProblems(500, envelope)).toEqual([]);
  });

  it('name the field of a bad one', () => {
    expect(toErrorEnvelope(badField('email', 'not_an_email', 'Email không đúng dạng.')).envelope.details).toEqual([
      { field: 'email', code: 'not_an_email', message: 'Email không đúng dạng.' },
    ]);
  });
});
