import { startApp, TestApp } from '../harness';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; description?: string }[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; oneOf?: { $ref?: string }[] } }> }>;
}
interface Schema {
  properties?: Record<string, { description?: string; $ref?: string; allOf?: unknown[] }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const ERROR_STATUSES = new Set(['400', '401', '403', '404', '409', '410', '413', '415', '416', '429', '503']);
const ENVELOPE = '#/components/schemas/ErrorEnvelopeDto';

/**
 * A client generated from /docs-json (or a person reading /docs) learns what each operation does,
 * what each parameter and field means, and which errors to expect, each in the envelope's shape.
 */
describe('the OpenAPI document describes every operation, parameter, field and error answer', () => {
  let t: TestApp;
  let document: Document;
  const operations: [string, Operation][] = [];
  beforeAll(async () => {
    t = await startApp();
    document = (await t.http.get('/docs-json').expect(200)).body as Document;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) operations.push([`${method.toUpperCase()} ${path}`, operation]);
    }
  });
  afterAll(() => t.close());

  it('gives every operation a summary and a longer description', () => {
    const missing = operations
      .filter(([, o]) => !o.summary?.trim() || !o.description?.trim() || o.description.trim() === o.summary.trim())
      .map(([name]) => name);
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThan(100);
  });

  it('describes every parameter', () => {
    const missing = operations.flatMap(([name, o]) => (o.parameters ?? []).filter((p) => !p.description?.trim()).map((p) => `${name} ${p.in} ${p.name}`));
    expect(missing).toEqual([]);
  });

  it('describes every field of every schema', () => {
    const missing = Object.entries(document.components.schemas).flatMap(([schema, s]) =>
      Object.entries(s.properties ?? {})
        .filter(([, property]) => !property.description?.trim() && !property.$ref)
        .map(([field]) => `${schema}.${field}`),
    );
    expect(missing).toEqual([]);
  });

  it('documents at least one error answer per operation that can fail, each in the envelope and among the statuses the API answers', () => {
    // Liveness takes no input, needs no token and touches nothing: it has no error answer to document.
    const cannotFail = new Set(['GET /health/live']);
    const problems = operations.flatMap(([name, o]) => {
      const errors = Object.keys(o.responses).filter((status) => Number(status) >= 400);
      if (errors.length === 0) return cannotFail.has(name) ? [] : [`${name}: no error answer`];
      return errors.flatMap((status) => {
        if (!ERROR_STATUSES.has(status)) return [`${name}: ${status} is not an error this API answers`];
        // The envelope, or (an import's 400) either the envelope or the envelope together with the import's report.
        const schema = o.responses[status].content?.['application/json']?.schema;
        const enveloped = schema?.$ref === ENVELOPE || (schema?.oneOf ?? []).some((s) => s.$ref === ENVELOPE);
        return enveloped ? [] : [`${name}: ${status} is not documented with the error envelope`];
      });
    });
    expect(problems).toEqual([]);
  });

  it('documents 401 for every operation behind a token, and none for the public ones but a wrong password at login', () => {
    const problems = operations.flatMap(([name, o]) => {
      const isPublic = /^(GET|POST) \/(api\/public|api\/auth\/login|health)/.test(name) || !name.includes(' /api/');
      const has401 = '401' in o.responses;
      if (name === 'POST /api/auth/login') return has401 ? [] : [`${name}: lacks 401 for a wrong password`];
      return isPublic === has401 ? [`${name}: ${has401 ? 'documents' : 'lacks'} 401`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('documents 404 for every operation that names a resource in its path', () => {
    const missing = operations.filter(([name, o]) => /\{[a-zA-Z]+\}/.test(name) && !('404' in o.responses)).map(([name]) => name);
    expect(missing).toEqual([]);
  });
});
