import Ajv from 'ajv';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Checks real answers against the app's own OpenAPI 3.0 document. The document's schemas are
 * turned into plain JSON Schema (draft-07) that any Ajv version reads the same way:
 * - `nullable: true` (OpenAPI only) becomes "this, or null";
 * - formats become patterns (Ajv no longer ships formats), and only those the API uses;
 * - documentation keywords (description, example, …) are dropped;
 * - `allOf` of objects is merged into one object, and every object with `properties` refuses
 *   properties it does not declare: an answer may not carry fields the document does not name,
 *   nor lack the ones it marks required.
 */

const ROOT_ID = 'openapi';
const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;
const DOC_KEYWORDS = new Set(['description', 'example', 'examples', 'default', 'title', 'deprecated', 'readOnly', 'writeOnly', 'xml', 'externalDocs']);
const FORMAT_PATTERNS: Record<string, string> = {
  'date-time': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
  date: '^\\d{4}-\\d{2}-\\d{2}$',
  uuid: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
};

export interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  req: { method: string; path: string };
}

export class OpenApiAnswers {
  private readonly ajv: InstanceType<typeof Ajv>;
  private readonly validators = new Map<string, (data: unknown) => string[]>();
  private readonly templates: { path: string; pattern: RegExp; literals: number }[];

  constructor(private readonly doc: any) {
    const components: Record<string, any> = doc.components?.schemas ?? {};
    const definitions = Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, this.toJsonSchema(schema)]));
    this.ajv = new Ajv({ allErrors: true });
    this.ajv.addSchema({ $id: ROOT_ID, definitions });
    this.templates = Object.keys(doc.paths).map((path) => ({
      path,
      pattern: new RegExp(`^${path.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+')}$`),
      literals: path.replace(/\{[^}]+\}/g, '').length,
    }));
  }

  /** The document's path template a request path falls under (a literal segment wins over a parameter). */
  templateOf(path: string): string | undefined {
    const bare = path.split('?')[0];
    return this.templates.filter((t) => t.pattern.test(bare)).sort((a, b) => b.literals - a.literals)[0]?.path;
  }

  /** What is wrong with an answer, as the document describes it: [] when it matches. */
  problems(answer: Answer): string[] {
    const method = answer.req.method.toLowerCase();
    const path = this.templateOf(answer.req.path);
    if (!path) return [`${answer.req.method} ${answer.req.path} is not in the document`];
    const operation = this.doc.paths[path][method];
    if (!operation) return [`${answer.req.method} ${path} is not in the document`];
    const label = `${answer.req.method} ${path} ${answer.status}`;
    const response = operation.responses?.[String(answer.status)];
    if (!response) return [`${label}: status not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`];
    if (!response.content) return answer.status === 204 ? [] : [`${label}: no content documented`];
    const contentType = (answer.headers['content-type'] ?? '').split(';')[0].trim();
    const media = Object.keys(response.content).find((type) => type.split(';')[0].trim() === contentType);
    if (!media) return [`${label}: answered ${contentType || 'no content type'}, documented ${Object.keys(response.content).join(', ')}`];
    if (contentType !== 'application/json') return [];
    return this.validatorOf(path, method, answer.status, media)(answer.body).map((problem) => `${label}: ${problem}`);
  }

  /** The check of one documented answer (compiled once); throws when its schema cannot be compiled. */
  validatorOf(path: string, method: string, status: number, media: string): (data: unknown) => string[] {
    const key = `${method} ${path} ${status} ${media}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.compile(this.doc.paths[path][method].responses[String(status)].content[media].schema);
      this.validators.set(key, validate);
    }
    return validate;
  }

  private compile(schema: any): (data: unknown) => string[] {
    const check = this.ajv.compile(this.toJsonSchema(schema));
    return (data) => {
      if (check(data)) return [];
      return (check.errors ?? []).map((e: any) => {
        const where = e.instancePath ?? e.dataPath ?? '';
        const extra = e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : '';
        return `${where || '(body)'} ${e.message}${extra}`;
      });
    };
  }

  /** OpenAPI 3.0 schema → draft-07 JSON Schema, references pointing into the root schema's definitions. */
  toJsonSchema(schema: any): any {
    if (schema === null || typeof schema !== 'object') return schema;
    if (schema.$ref) return this.nullable(schema, { $ref: refOf(schema.$ref) });
    const merged = schema.allOf && schema.allOf.every((part: any) => this.isObject(part)) ? this.mergeAllOf(schema) : schema;
    const out: any = {};
    for (const [key, value] of Object.entries<any>(merged)) {
      if (DOC_KEYWORDS.has(key) || key === 'nullable') continue;
      if (key === 'format') {
        if (FORMAT_PATTERNS[value] && !merged.pattern) out.pattern = FORMAT_PATTERNS[value];
      } else if (key === 'properties') {
        out.properties = Object.fromEntries(Object.entries<any>(value).map(([name, s]) => [name, this.toJsonSchema(s)]));
      } else if (['items', 'not'].includes(key) || (key === 'additionalProperties' && typeof value === 'object')) {
        out[key] = this.toJsonSchema(value);
      } else if (['allOf', 'anyOf', 'oneOf'].includes(key)) {
        out[key] = value.map((s: any) => this.toJsonSchema(s));
      } else {
        out[key] = value;
      }
    }
    if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
    return this.nullable(schema, out);
  }

  private nullable(source: any, schema: any): any {
    return source.nullable === true ? { anyOf: [schema, { type: 'null' }] } : schema;
  }

  private component(ref: string): any {
    const name = COMPONENT_REF.exec(ref)?.[1];
    if (!name || !this.doc.components?.schemas?.[name]) throw new Error(`unknown reference ${ref}`);
    return this.doc.components.schemas[name];
  }

  private isObject(schema: any): boolean {
    const s = schema.$ref ? this.component(schema.$ref) : schema;
    return s.type === 'object' || (s.properties !== undefined && s.type === undefined);
  }

  /** `allOf: [{ $ref: Page }, { properties: { items } }]` → one object with the properties and requirements of both. */
  private mergeAllOf(schema: any): any {
    const { allOf, ...rest } = schema;
    const parts = allOf.map((part: any) => (part.$ref ? this.component(part.$ref) : part));
    return {
      ...rest,
      type: 'object',
      properties: Object.assign({}, ...parts.map((p: any) => p.properties ?? {})),
      required: [...new Set(parts.flatMap((p: any) => p.required ?? []))],
    };
  }
}

function refOf(ref: string): string {
  const name = COMPONENT_REF.exec(ref)?.[1];
  if (!name) throw new Error(`unsupported reference ${ref}`);
  return `${ROOT_ID}#/definitions/${name}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
