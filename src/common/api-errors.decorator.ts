import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath, OpenAPIObject } from '@nestjs/swagger';

/** One thing wrong with a request (DESIGN.md's error envelope). */
export class ErrorDetailDto {
  @ApiProperty({ description: 'the field (dotted path for nested ones: `items.2.email`), `body`, `file` or a path parameter', example: 'email' })
  field!: string;

  @ApiProperty({ description: 'a stable machine code; rely on it, not on the wording', example: 'not_an_email' })
  code!: string;

  @ApiProperty({ description: 'the same in Vietnamese, as a page would show it', example: 'Trường "email" không đúng dạng địa chỉ email, ví dụ ten@coquan.gov.vn.' })
  message!: string;

  @ApiPropertyOptional({ type: 'integer', description: 'the line of an imported file, when the detail is about one' })
  row?: number;
}

/** Every 4xx and 5xx answer of the API has this shape. */
export class ErrorEnvelopeDto {
  @ApiProperty({ type: 'integer', description: 'the HTTP status again', example: 400 }) statusCode!: number;
  @ApiProperty({ description: 'the HTTP reason phrase', example: 'Bad Request' }) error!: string;
  @ApiProperty({ description: 'what went wrong, in Vietnamese', example: 'Trường "email" không đúng dạng địa chỉ email, ví dụ ten@coquan.gov.vn.' }) message!: string;
  @ApiProperty({ type: [ErrorDetailDto], description: 'each thing wrong (at most 20), with its field and code' }) details!: ErrorDetailDto[];
}

/** The error statuses an operation documents. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 416 | 429 | 503;

/** When an error answer happens; with `or`, a body that may also be that type (the envelope with more fields). */
export type ErrorWhen = string | { description: string; or: Type<unknown> };

/**
 * Documents the error answers of one operation, each with the envelope's schema and when it
 * happens: `@ApiErrors({ 404: 'the conference does not exist', 409: 'the conference is closed' })`.
 * An import's 400 may also be the envelope together with its report: `{ description, or: ReportDto }`.
 * 401 (for routes behind a token) and 400 (for routes with a body, query or path id) are added to
 * every operation by `documentCommonErrors` unless given here.
 */
export function ApiErrors(when: Partial<Record<ErrorStatus, ErrorWhen>>) {
  const extra = Object.values(when).flatMap((w) => (typeof w === 'object' ? [w.or] : []));
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeDto, ...extra),
    ...Object.entries(when).map(([status, w]) =>
      ApiResponse({
        status: Number(status),
        description: typeof w === 'string' ? w : w.description,
        // Always JSON, also on routes whose 200 answer is a file or an event stream.
        content: {
          'application/json': {
            schema:
              typeof w === 'string'
                ? { $ref: getSchemaPath(ErrorEnvelopeDto) }
                : { oneOf: [{ $ref: getSchemaPath(ErrorEnvelopeDto) }, { $ref: getSchemaPath(w.or) }] },
          },
        },
      }),
    ),
  );
}

type Operation = {
  parameters?: { in?: string; name?: string; description?: string }[];
  requestBody?: unknown;
  security?: Record<string, unknown>[];
  responses: Record<string, unknown>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** What the path segment before a `{param}` names, for the parameter's description. */
const RESOURCES: Record<string, string> = {
  conferences: 'the conference (hội nghị)',
  speakers: 'the speaker (báo cáo viên)',
  users: 'the user',
  'bridge-points': 'the bridge point (điểm cầu) in this conference',
  attendees: 'the delegate (đại biểu) in this conference',
  'award-decisions': 'the award decision (quyết định khen thưởng) in this conference',
  recipients: 'the award recipient in this decision',
  deliveries: 'the mail delivery in this conference',
  'agenda-items': 'the agenda item (mục chương trình) in this conference',
  'action-items': 'the action item (nhiệm vụ) in this conference',
  'import-jobs': 'the import job in this conference',
  'administrative-units': 'the administrative unit: 2-digit province or 5-digit commune code',
  materials: 'the material (tài liệu) in this conference',
};

/** Describes a path parameter by what it names: `{id}` after `conferences` is a conference's id. */
function describePathParameter(path: string, name: string): string | undefined {
  if (name === 'token') return "the signed link's token, exactly as it was mailed";
  const segments = path.split('/');
  const resource = RESOURCES[segments[segments.indexOf(`{${name}}`) - 1]];
  if (!resource) return undefined;
  return name === 'code' ? resource : `id (UUID) of ${resource}`;
}

/**
 * Describes path parameters by the resource they name, and adds the error answers every
 * operation of a kind has: 401 where a bearer token is needed, 400
 * where a path id, query or body can be wrong, 429 where `throttled` says the route is rate
 * limited. Each refers to the envelope's schema.
 */
export function documentCommonErrors(document: OpenAPIObject, throttled: (method: string, path: string) => boolean = () => false): OpenAPIObject {
  const envelope = { $ref: '#/components/schemas/ErrorEnvelopeDto' };
  const schemas = ((document.components ??= {}).schemas ??= {});
  if (!schemas.ErrorEnvelopeDto) throw new Error('ErrorEnvelopeDto is not in the document: pass it in extraModels');
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const add = (status: number, description: string) => {
        operation.responses[status] ??= { description, content: { 'application/json': { schema: envelope } } };
      };
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'path' && !parameter.description && parameter.name) parameter.description = describePathParameter(path, parameter.name);
      }
      const secured = (operation.security ?? document.security ?? []).some((s) => 'bearer' in s);
      const takesInput = operation.requestBody !== undefined || (operation.parameters ?? []).some((p) => p.in === 'path' || p.in === 'query');
      if (takesInput) add(400, 'a field of the request is wrong; each detail names it with a code');
      if (secured) add(401, 'no bearer token, or it is invalid or has expired');
      if (throttled(method, path)) add(429, 'too many requests from this address or for this account; try again later');
    }
  }
  return document;
}
