import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';

/*
 * Who writes which table, read from the code itself.
 *
 * Each table belongs to the module (folder of src/) that declares its entity. A module writes its
 * own tables; it changes another module's rows by calling that module's service. This spec finds
 * every write in src/ and compares the writer's folder with the table's owner:
 *   - EntityManager and Repository calls: insert, update, delete, save, upsert, remove,
 *     increment, decrement, softDelete, restore, clear (`m.insert(Entity, …)`, and `this.rows.save(…)`
 *     where `rows` was injected with @InjectRepository(Entity) or typed Repository<Entity>);
 *   - query builders: `.insert().into(Entity)`, `.update(Entity)`, `.delete().from(Entity)`;
 *   - the shared write helpers: `versionedUpdate(m, Entity, …)`, and the prepared insert of
 *     `entityRows(m, Entity)`;
 *   - SQL text: `INSERT INTO t`, `UPDATE t … SET`, `DELETE FROM t`.
 * Migrations (they create every table) are not writers.
 *
 * The spec fails on any crossing. Where a lower module needs what a higher one knows, the higher
 * one answers through a seam of the lower one (ConferencePoints, ConferenceCloneSteps, …). Two
 * more checks: no two folders import each other, and no file outside a repository holds SQL text
 * (it belongs in a repository: named methods, explicit placeholders).
 */

const SRC = __dirname;
const WRITE_METHODS = new Set(['insert', 'update', 'delete', 'save', 'upsert', 'remove', 'increment', 'decrement', 'softDelete', 'restore', 'clear']);
const SQL_WRITE = /\b(?:INSERT\s+INTO|DELETE\s+FROM)\s+"?([a-z_]+)"?|\bUPDATE\s+"?([a-z_]+)"?\s+SET\b/gi;
const SQL_TEXT = /\bSELECT\b[\s\S]+\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+"?[a-z_]+"?\s+SET\b|\bDELETE\s+FROM\b/i;


interface Found {
  writer: string;
  table: string;
  where: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const folderOf = (file: string) => relative(SRC, file).split(sep)[0];

/** Entity class name → table and owning folder, from every `@Entity('table') export class X`. */
function entityOwners(files: string[]): Map<string, { table: string; owner: string }> {
  const owners = new Map<string, { table: string; owner: string }>();
  for (const file of files.filter((f) => f.endsWith('.entity.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/@Entity\(\s*'([a-z_]+)'[^)]*\)\s*(?:@[^\n]*\n\s*)*export class (\w+)/g)) {
      owners.set(match[2], { table: match[1], owner: folderOf(file) });
    }
  }
  return owners;
}

const nameOf = (node: ts.Node | undefined): string | undefined => (node && ts.isIdentifier(node) ? node.text : undefined);

/** The entity a Repository field or parameter holds, from @InjectRepository(E) or Repository<E>. */
function repositoryEntity(node: ts.ParameterDeclaration | ts.PropertyDeclaration): string | undefined {
  for (const decorator of ts.getDecorators(node) ?? []) {
    const call = decorator.expression;
    if (ts.isCallExpression(call) && nameOf(call.expression) === 'InjectRepository') return nameOf(call.arguments[0]);
  }
  const type = node.type;
  if (type && ts.isTypeReferenceNode(type) && nameOf(type.typeName) === 'Repository' && type.typeArguments?.length === 1) {
    const arg = type.typeArguments[0];
    if (ts.isTypeReferenceNode(arg)) return nameOf(arg.typeName);
  }
  return undefined;
}

/** Whether a call chain (`a.b().c()`) has a call of `method` in it. */
function chainHas(node: ts.Expression, method: string): boolean {
  let current: ts.Expression = node;
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) {
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && current.expression.name.text === method) return true;
    current = ts.isCallExpression(current) ? current.expression : current.expression;
  }
  return false;
}

function writesIn(file: string, owners: Map<string, { table: string; owner: string }>, text = readFileSync(file, 'utf8')): Found[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const writer = folderOf(file);
  const repositories = new Map<string, string>();
  const preparedRows = new Map<string, string>();
  const at = (node: ts.Node) => `${relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const entity = (name: string | undefined, node: ts.Node) => {
    const owner = name ? owners.get(name) : undefined;
    if (owner) found.push({ writer, table: owner.table, where: at(node) });
  };

  const collect = (node: ts.Node) => {
    if ((ts.isParameter(node) || ts.isPropertyDeclaration(node)) && ts.isIdentifier(node.name)) {
      const held = repositoryEntity(node);
      if (held) repositories.set(node.name.text, held);
    }
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isCallExpression(node.initializer) && nameOf(node.initializer.expression) === 'entityRows') {
      if (ts.isIdentifier(node.name)) preparedRows.set(node.name.text, nameOf(node.initializer.arguments[1]) ?? '');
    }
    ts.forEachChild(node, collect);
  };
  collect(source);

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const first = nameOf(node.arguments[0]);
        if (WRITE_METHODS.has(method) && first && owners.has(first)) entity(first, node);
        else if (WRITE_METHODS.has(method) && ts.isPropertyAccessExpression(callee.expression) && callee.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
          entity(repositories.get(callee.expression.name.text), node);
        } else if (WRITE_METHODS.has(method) && ts.isIdentifier(callee.expression) && repositories.has(callee.expression.text)) {
          entity(repositories.get(callee.expression.text), node);
        }
        if (method === 'into' && chainHas(callee.expression, 'insert')) entity(first, node);
        if (method === 'from' && chainHas(callee.expression, 'delete')) entity(first, node);
      }
      if (nameOf(callee) === 'versionedUpdate') entity(nameOf(node.arguments[1]), node);
    }
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'insert' && ts.isIdentifier(node.expression) && preparedRows.has(node.expression.text)) {
      entity(preparedRows.get(node.expression.text), node);
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      for (const match of node.getText(source).matchAll(SQL_WRITE)) {
        const table = (match[1] ?? match[2]).toLowerCase();
        const owner = [...owners.values()].find((o) => o.table === table);
        if (owner) found.push({ writer, table, where: at(node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sqlTextIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const lines: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && SQL_TEXT.test(node.getText(source))) {
      lines.push(`${relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

/** Folder → the folders its code imports from (specs and migrations aside). */
function folderImports(files: string[]): Map<string, Set<string>> {
  const folders = new Set(files.map(folderOf).filter((f) => !f.endsWith('.ts')));
  const edges = new Map<string, Set<string>>([...folders].map((f) => [f, new Set<string>()]));
  for (const file of files) {
    const from = folderOf(file);
    if (!folders.has(from)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
      const to = relative(SRC, join(file, '..', match[1])).split(sep)[0];
      if (to !== from && folders.has(to)) edges.get(from)!.add(to);
    }
  }
  return edges;
}

/** The drawing in the README: one line a folder, `folder → a, b, c`, inside the block after "Module dependencies". */
function readmeDrawing(): string[] {
  const readme = readFileSync(join(SRC, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**Module dependencies'));
  const block = /```text\n([\s\S]*?)```/.exec(section);
  return block ? block[1].trim().split('\n') : [];
}

describe('module boundaries', () => {
  const files = sources(SRC);
  const owners = entityOwners(files);
  const writes = files.flatMap((file) => writesIn(file, owners));

  it('finds the entities and the writes it reasons about (the reader itself works)', () => {
    expect(owners.get('Conference')).toEqual({ table: 'conferences', owner: 'conferences' });
    expect(owners.get('SessionAttendance')).toEqual({ table: 'session_attendances', owner: 'training' });
    const own = (writer: string, table: string) => writes.some((w) => w.writer === writer && w.table === table);
    expect(own('conferences', 'conferences')).toBe(true);
    expect(own('bridge-points', 'bridge_points')).toBe(true);
    expect(own('training', 'session_attendances')).toBe(true);
    expect(own('audit', 'audit_entries')).toBe(true);
  });

  it('sees every form of write in a module that is not the owner', () => {
    const file = join(SRC, 'attendees', 'example.ts');
    const text = [
      'class Example {',
      '  constructor(@InjectRepository(BridgePoint) private readonly points: Repository<BridgePoint>, private readonly calls: Repository<Conference>) {}',
      '  async run(m: EntityManager) {',
      '    await m.update(BridgePoint, { id }, { name });',
      '    await this.points.save({ id });',
      '    await this.calls.delete({ id });',
      '    await m.createQueryBuilder().insert().into(AgendaItem).values([]).execute();',
      '    await m.createQueryBuilder().delete().from(Speaker).execute();',
      '    await versionedUpdate(m, Minutes, row, next);',
      '    const rows = entityRows(m, AuditEntry);',
      '    await this.tx.sql(m, rows.insert, []);',
      "    await m.query('UPDATE conferences SET title = $1 WHERE id = $2', []);",
      '    await m.find(Certificate, {});',
      '  }',
      '}',
    ].join('\n');
    expect(writesIn(file, owners, text).map((w) => `${w.writer} → ${w.table}`)).toEqual([
      'attendees → bridge_points',
      'attendees → bridge_points',
      'attendees → conferences',
      'attendees → agenda_items',
      'attendees → speakers',
      'attendees → minutes',
      'attendees → audit_entries',
      'attendees → conferences',
    ]);
  });

  it('lets each module write only its own tables', () => {
    const crossings = new Map<string, string[]>();
    for (const w of writes) {
      const owner = [...owners.values()].find((o) => o.table === w.table)!.owner;
      if (owner === w.writer) continue;
      const key = `${w.writer} → ${w.table}`;
      crossings.set(key, [...(crossings.get(key) ?? []), w.where]);
    }
    expect([...crossings].map(([key, where]) => `${key} (${where.join(', ')})`)).toEqual([]);
  });

  it('lets folders depend on each other one way', () => {
    const edges = folderImports(files);
    const mutual = [...edges].flatMap(([a, to]) => [...to].filter((b) => a < b && edges.get(b)!.has(a)).map((b) => `${a} ↔ ${b}`));
    expect(mutual).toEqual([]);
  });

  it('draws the folders\' dependencies in the README as they are in the code', () => {
    const edges = folderImports(files);
    const drawing = [...edges].sort(([a], [b]) => a.localeCompare(b)).map(([from, to]) => `${from} → ${[...to].sort().join(', ') || '(nothing)'}`);
    expect(readmeDrawing()).toEqual(drawing);
  });

  it('keeps SQL text in repositories, storages and the database layer', () => {
    const elsewhere = files.filter((f) => !SQL_HOMES.some((home) => home.test(relative(SRC, f))));
    const holding = [...new Set(elsewhere.flatMap(sqlTextIn).map((where) => where.split(':')[0]))].sort();
    expect(holding).toEqual([]);
  });
});

/** Where SQL text belongs: repositories, storage adapters, the database layer and the statement builder. */
const SQL_HOMES = [/\.repository\.ts$/, /-storage\.ts$/, /^database\//, /^common\/entity-rows\.ts$/];
