/**
 * Bad requests generated from the app's OpenAPI document: for every operation, its path
 * parameters, query parameters and JSON body are spoiled one way at a time (wrong types,
 * missing and extra fields, huge strings, deep JSON, invalid UTF-8, unusual Unicode, SQL and
 * template metacharacters, `__proto__` keys, negative and huge numbers, bad ids and tokens).
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: any }[];
  body: { contentType: string; schema: any } | null;
  secured: boolean;
}

export interface FuzzRequest {
  method: string;
  path: string;
  /** A JSON value, or raw bytes sent as they are. */
  body?: unknown;
  raw?: Buffer;
  contentType?: string;
  /** undefined: the default client token; null: none; a string: this Authorization header. */
  authorization?: string | null;
  /** Whether the request must be refused (so it cannot have changed anything). */
  mustReject: boolean;
  label: string;
}

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

/** Strings no field accepts unchanged in meaning: markup, SQL, templates, control and bidi characters. */
export const NASTY_STRINGS = [
  "' OR '1'='1' --",
  '"; DROP TABLE conferences; --',
  "1; SELECT pg_sleep(5)--",
  '{{7*7}}',
  '${process.exit(1)}',
  '<%= 7*7 %>',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '\u0000',
  '\u202eỒNG\u202c',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357',
  '\ud800',
  '\udfff\ud800',
  '\ufeff\u200b\u200d',
  '𝕳𝖔̣̂𝖎 𝖓𝖌𝖍𝖎̣ 🇻🇳',
  'Hội nghị'.normalize('NFD'),
  ' ',
  '',
];

const BAD_IDS = [
  'not-a-uuid',
  NIL_UUID,
  "1' OR '1'='1",
  '%2e%2e%2f%2e%2e%2f',
  '-1',
  '9'.repeat(40),
  'x'.repeat(5_000),
  percentEncode('\u202e\u0000'),
  '%ED%A0%80',
  '%E0%A4%A',
  '__proto__',
  'constructor',
];

const BAD_TOKENS = ['x', 'A'.repeat(43), 'B'.repeat(2_000), "tok' OR 1=1--", '%00', '..%2f..%2f'];

const HUGE_NUMBERS: unknown[] = [-1, -2147483649, 2 ** 53 + 1, 1e308, -1e308, 0.5, 1e-300];

/** Values of the wrong type for a schema: never convertible to the right one. */
function wrongTypes(schema: any): unknown[] {
  const type = schema?.type;
  const values: unknown[] = [null, { nested: { deeper: [1, 2, 3] } }, [[[]]], true];
  if (type !== 'string') values.push('abc', 'Hà Nội', ...NASTY_STRINGS.slice(0, 4));
  if (type !== 'number' && type !== 'integer') values.push(12345, -1, 1e308);
  if (type === 'number' || type === 'integer') values.push(...HUGE_NUMBERS, 'NaN', 'Infinity');
  if (type === 'string') {
    values.push('x'.repeat(200_000));
    if (schema.format || schema.enum || schema.pattern) values.push(...NASTY_STRINGS);
  }
  if (type === 'array') values.push('not-an-array', [null], [{ __proto__: { polluted: true } }]);
  return values;
}

/** A plausible value for a schema (only a base that the variants spoil). */
function plausible(schema: any, resolve: (s: any) => any, uuid: string, depth = 0): unknown {
  const s = resolve(schema) ?? {};
  if (s.enum) return s.enum[0];
  if (s.oneOf || s.anyOf) return plausible((s.oneOf ?? s.anyOf)[0], resolve, uuid, depth + 1);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x: any) => plausible(x, resolve, uuid, depth + 1)));
  switch (s.type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 3 ? [] : [plausible(s.items ?? {}, resolve, uuid, depth + 1)];
    case 'object':
      if (!s.properties || depth > 3) return {};
      return Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, plausible(v, resolve, uuid, depth + 1)]),
      );
    default:
      if (s.format === 'date-time') return '2030-01-01T08:00:00+07:00';
      if (s.format === 'date') return '2030-01-01';
      if (s.format === 'email') return 'fuzz@example.vn';
      if (s.format === 'uuid') return uuid;
      return 'Hội nghị thử';
  }
}

/** Percent-encodes a string; a lone surrogate becomes the bytes a careless encoder would write (invalid UTF-8). */
function percentEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80' + encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''));
  }
}

function deepJson(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

/** Reads the operations of an OpenAPI 3 document. */
export function operationsOf(doc: any): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const parameters: any[] = op.parameters ?? [];
      const content = op.requestBody?.content ?? null;
      const contentType = content ? Object.keys(content)[0] : null;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: contentType ? { contentType, schema: content[contentType].schema } : null,
        secured: Array.isArray(op.security) && op.security.length > 0,
      });
    }
  }
  return operations;
}

/**
 * Every bad request for one operation. `ids` gives real ids (and valid tokens) for path
 * parameters, so the spoiled part — not an unknown id — is what the app has to refuse.
 */
export function badRequestsFor(op: Operation, doc: any, idFor: (path: string, param: string) => string): FuzzRequest[] {
  const resolve = (schema: any): any => {
    if (schema?.$ref) return doc.components.schemas[schema.$ref.split('/').pop()];
    return schema;
  };
  const isRead = op.method === 'GET' || op.method === 'HEAD';
  const out: FuzzRequest[] = [];
  const fill = (overrides: Record<string, string> = {}) =>
    op.path.replace(/\{(\w+)\}/g, (_m, name: string) => overrides[name] ?? idFor(op.path, name));
  const validPath = fill();
  const jsonBody = op.body?.contentType === 'application/json';
  const base = jsonBody ? plausible(op.body!.schema, resolve, idFor(op.path, 'uuid')) : undefined;
  const baseObject = base && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  // A field no DTO knows: with it, a body is refused whatever else it holds.
  const spoil = (body: Record<string, unknown>) => ({ ...body, fuzzUnknownField: 'x' });
  const add = (r: Omit<FuzzRequest, 'method'>) => out.push({ method: op.method, ...r });

  for (const name of op.pathParams) {
    const bad = name === 'token' ? [...BAD_TOKENS, ...BAD_IDS.slice(0, 4)] : BAD_IDS;
    for (const value of bad) {
      add({
        path: fill({ [name]: value }),
        body: jsonBody ? baseObject : undefined,
        mustReject: true,
        label: `path ${name}=${value.slice(0, 20)}`,
      });
    }
  }

  for (const { name, schema } of op.queryParams) {
    const values = [
      ...(['integer', 'number'].includes(resolve(schema)?.type) ? ['abc', '-1', '0', '1e309', '99999999999999999999', '1.5'] : []),
      ...NASTY_STRINGS.map(percentEncode),
      'x'.repeat(10_000),
    ];
    // A mutating request is sent only with a spoiled body, so it cannot have changed anything.
    if (!isRead && !jsonBody) continue;
    const body = isRead ? undefined : spoil(baseObject);
    for (const value of values) {
      add({ path: `${validPath}?${name}=${value}`, body, mustReject: !isRead, label: `query ${name}` });
    }
    add({ path: `${validPath}?${name}=a&${name}=b&${name}[x]=1`, body, mustReject: !isRead, label: `query ${name} repeated` });
  }
  if (isRead) add({ path: `${validPath}?__proto__[polluted]=1&constructor[prototype][polluted]=1`, mustReject: false, label: 'query __proto__' });

  if (op.secured) {
    const expired = idFor(op.path, 'expiredToken');
    for (const authorization of [null, 'Bearer ', 'Bearer x.y.z', `Bearer ${'a'.repeat(5_000)}`, 'Basic YWRtaW46YWRtaW4=', `Bearer ${expired}`]) {
      add({ path: validPath, body: jsonBody ? baseObject : undefined, authorization, mustReject: true, label: `auth ${String(authorization).slice(0, 12)}` });
    }
  }

  if (op.body) {
    const schema = resolve(op.body.schema);
    const properties: Record<string, any> = schema?.properties ?? {};
    const required: string[] = schema?.required ?? [];
    if (jsonBody) {
      for (const [name, prop] of Object.entries(properties)) {
        for (const value of wrongTypes(resolve(prop))) {
          add({ path: validPath, body: spoil({ ...baseObject, [name]: value }), mustReject: true, label: `body ${name} wrong type` });
        }
        for (const value of NASTY_STRINGS) {
          add({ path: validPath, body: spoil({ ...baseObject, [name]: value }), mustReject: true, label: `body ${name} nasty` });
        }
      }
      for (const name of required) {
        const { [name]: _dropped, ...rest } = baseObject;
        add({ path: validPath, body: rest, mustReject: true, label: `body missing ${name}` });
        add({ path: validPath, body: { ...baseObject, [name]: null }, mustReject: true, label: `body null ${name}` });
      }
    }
    const rawBodies: [string, Buffer, string][] = [
      ['extra field', Buffer.from(JSON.stringify(spoil(baseObject))), 'application/json'],
      ['__proto__ key', Buffer.from(`{"__proto__":{"isAdmin":true},${JSON.stringify(baseObject).slice(1)}`), 'application/json'],
      ['constructor key', Buffer.from(JSON.stringify({ ...baseObject, constructor: { prototype: { polluted: true } } })), 'application/json'],
      ['deep JSON array', Buffer.from(deepJson(5_000)), 'application/json'],
      ['deep JSON object', Buffer.from('{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000)), 'application/json'],
      ['invalid UTF-8', Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from('","fuzzUnknownField":1}')]), 'application/json'],
      ['invalid UTF-8 only', Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8]), 'application/json'],
      ['truncated JSON', Buffer.from('{"title": "Hội'), 'application/json'],
      ['empty body', Buffer.alloc(0), 'application/json'],
      ['JSON null', Buffer.from('null'), 'application/json'],
      ['JSON array', Buffer.from('[1,2,3]'), 'application/json'],
      ['JSON string', Buffer.from('"Hội nghị"'), 'application/json'],
      ['huge number', Buffer.from('{"version": 1e999999, "fuzzUnknownField": 1}'), 'application/json'],
      ['over the body limit', Buffer.from(JSON.stringify({ x: 'y'.repeat(1_200_000) })), 'application/json'],
      ['form encoded', Buffer.from('title=H%E1%BB%99i&fuzz=1'), 'application/x-www-form-urlencoded'],
      ['text', Buffer.from('xin chào'), 'text/plain'],
      ['xml', Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'), 'application/xml'],
      ['multipart without file', Buffer.from('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n'), 'multipart/form-data; boundary=b'],
      ['multipart broken', Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nemail\r\nx'), 'multipart/form-data; boundary=b'],
    ];
    for (const [label, raw, contentType] of rawBodies) {
      add({ path: validPath, raw, contentType, mustReject: true, label: `raw ${label}` });
    }
  }
  return out;
}
