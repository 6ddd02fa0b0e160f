import { startApp, TestApp } from '../harness';

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  items?: Schema;
  $ref?: string;
  allOf?: unknown[];
  oneOf?: unknown[];
  anyOf?: unknown[];
}

/** Properties that really are free-form objects, each with the reason. */
const REALLY_OBJECTS = new Set([
  // The audit trail keeps what an entity looked like before and after a change, whatever its kind.
  'AuditEntryResponse.before',
  'AuditEntryResponse.after',
  'AuditEntryResponseDto.before',
  'AuditEntryResponseDto.after',
]);

/**
 * A client generated from /docs-json trusts each property's type: a string or number field
 * documented as a bare `object` (what the Swagger plugin infers from `string | null`) makes it
 * send `{}`. No documented property is a bare object unless it really is one.
 */
describe('the OpenAPI document types every property', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('documents no string or number field as a bare object', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body as { components: { schemas: Record<string, Schema> } };
    const bare: string[] = [];
    const visit = (where: string, schema: Schema | undefined) => {
      if (!schema) return;
      const typed = schema.properties || schema.additionalProperties || schema.$ref || schema.allOf || schema.oneOf || schema.anyOf;
      if (schema.type === 'object' && !typed && !REALLY_OBJECTS.has(where)) bare.push(where);
      for (const [name, property] of Object.entries(schema.properties ?? {})) visit(`${where}.${name}`, property);
      if (schema.items) visit(`${where}[]`, schema.items);
    };
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      for (const [property, value] of Object.entries(schema.properties ?? {})) visit(`${name}.${property}`, value);
    }
    expect(bare).toEqual([]);
  });
});
