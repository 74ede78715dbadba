/**
 * A schema-driven fuzzer for the GraphQL API, shared by the cheap mode in the test command
 * (test/fuzz.test.ts) and the long run (scripts/fuzz.ts). For every mutation and every query field
 * with arguments, as every role, it sends documents whose variables are generated from the
 * argument types by a seeded PRNG — real ids (harvested from SQL and from the role's own answers),
 * malformed ids, strings at and over size limits, odd Unicode, huge and non-finite numbers, far
 * dates, nulls, long lists, wrong enum values — and checks every answer: no 5xx, no
 * INTERNAL_SERVER_ERROR, no internals (stack traces, Prisma, paths, SQL text), and no row changed by
 * a mutation that was refused. Findings are grouped by kind, operation and error signature.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import type pg from 'pg';

// ─── PRNG ────────────────────────────────────────────────────────────────────────────────────

/** mulberry32: small, fast, good enough to make a run reproducible from its seed. */
export class Rng {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  /** A child generator for one case: the same (seed, case) always gives the same case. */
  fork(salt: number): Rng {
    return new Rng((Math.imul(this.seed ^ 0x9e3779b9, 31) + Math.imul(salt, 0x85ebca6b)) >>> 0);
  }
}

// ─── Schema ──────────────────────────────────────────────────────────────────────────────────

export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(import.meta.dirname, '..', '..', 'schema.graphql'), 'utf8'));
}

export interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  name: string;
}

/** Every mutation and every query field with arguments. */
export function operations(schema: GraphQLSchema): Operation[] {
  const out: Operation[] = [];
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (field.args.length > 0) out.push({ kind: 'query', field, name: field.name });
  }
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    out.push({ kind: 'mutation', field, name: field.name });
  }
  return out;
}

// ─── Values ──────────────────────────────────────────────────────────────────────────────────

/** A number JSON cannot say (1e400, 123…890): spliced into the body as it is. */
export interface Raw {
  __raw: string;
}
const raw = (text: string): Raw => ({ __raw: text });

/** Serialises variables, writing Raw values as bare JSON number text. */
export function serialise(body: unknown): string {
  return JSON.stringify(body).replace(/\{"__raw":"([^"]*)"\}/g, '$1');
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const uuidOf = (r: Rng) => {
  const h = Array.from({ length: 32 }, () => r.int(16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Text that must never reach a log or a 500; none of it matches the leak patterns. */
const ODD_TEXT = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '\u202Eevil\u202C.txt',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301\u0301',
  '\uFEFFbom',
  'Ω≈ç√∫ æøå ÆØÅ',
  "'; DROP TABLE job_seeker; --",
  '%_\\',
  '<script>alert(1)</script>',
  '   ',
  '\n\t\r',
  '\u0024{7*7}{{7*7}}',
  'null',
  '\u0085\u2028\u2029',
  '\uFFFF\uFFFE',
];
const LENGTHS = [
  0, 1, 100, 101, 200, 255, 256, 500, 1000, 1001, 2000, 4000, 4001, 5000, 10_000, 10_001, 100_001,
];
const FAR_DATES = [
  '9999-12-31',
  '0001-01-01',
  '+275760-09-13',
  '-000001-01-01',
  '275760-09-14',
  '2026-02-30',
  '2026-13-01',
  '2026-11-25T00:00:00Z',
  '1970-01-01',
  '',
  'tomorrow',
];
const FAR_DATETIMES = [
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z',
  '2026-11-25T25:61:00Z',
  '2026-11-25',
  '',
  'not a date',
];
const ODD_INTS: (number | Raw | string | boolean)[] = [
  -1,
  0,
  2147483647,
  2147483648,
  -2147483648,
  -2147483649,
  raw('9007199254740993'),
  1e21,
  1.5,
  raw('1e400'),
  raw('-1e400'),
  raw('123456789012345678901234567890'),
  'NaN',
  'Infinity',
  '12',
  true,
];
const ODD_FLOATS: (number | Raw | string)[] = [
  -1,
  0,
  -0,
  1e308,
  -1e308,
  5e-324,
  raw('1e400'),
  raw('-1e400'),
  'NaN',
  '-Infinity',
];

export interface IdSource {
  /** Raw ids per table (from SQL). */
  byTable: Map<string, string[]>;
  /** Every table name, snake_case. */
  tables: string[];
  /** Node types and the table each lives in. */
  nodeTables: Map<string, string>;
  /** Strings the role saw in its own answers (ids), per role. */
  seen: Map<string, string[]>;
  identityNumbers: string[];
}

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const PEOPLE = new Set([
  'user',
  'specialist',
  'owner',
  'supervisor',
  'actor',
  'counsellor',
  'member',
  'leader',
]);

/** The table an id argument most likely names: `teamId` → team, `jobSeekerIds` → job_seeker. */
function tableFor(name: string, context: string, ids: IdSource): string | undefined {
  const base = snake(name.replace(/Ids?$/, ''));
  if (base && ids.byTable.has(base)) return base;
  if (PEOPLE.has(base.split('_').pop() ?? '')) return 'app_user';
  if (/organi[sz]ation|nav_office|office/.test(base)) return 'organization';
  // `id` of an input: the longest table name inside the operation's name.
  const ctx = snake(context);
  return ids.tables.filter((t) => ctx.includes(t)).sort((a, b) => b.length - a.length)[0];
}

interface Gen {
  rng: Rng;
  /** Chance that any one value is hostile in this case. */
  hostility: number;
  role: string;
  ids: IdSource;
  context: string;
  today: string;
}

type Label = string | { [key: string]: Label } | Label[];
export interface Generated {
  value: unknown;
  label: Label;
}

function idValue(g: Gen, name: string): Generated {
  const { rng, ids } = g;
  if (rng.chance(g.hostility)) {
    const real = [...ids.byTable.values()].flat();
    const some = real.length ? rng.pick(real) : uuidOf(rng);
    const choices: [unknown, string][] = [
      ['', 'id:empty'],
      ['garbage', 'id:garbage'],
      [b64('JobSeeker:1'), 'id:b64(JobSeeker:1)'],
      [b64('JobSeeker:'), 'id:b64(JobSeeker:)'],
      [b64(`Nope:${some}`), 'id:b64(wrong type)'],
      [b64(`Organization:${some}`), 'id:b64(Organization:other id)'],
      [b64(`JobSeeker:${some}\u0000`), 'id:b64(with NUL)'],
      ['00000000-0000-0000-0000-000000000000', 'id:nil uuid'],
      [uuidOf(rng), 'id:unknown uuid'],
      [some.toUpperCase(), 'id:upper-case uuid'],
      [`${some} `, 'id:uuid+space'],
      ['a'.repeat(10_000), 'id:10k chars'],
      ['\u0000', 'id:NUL'],
      [12345, 'id:int'],
      [raw('1e400'), 'id:1e400'],
    ];
    const [value, label] = rng.pick(choices);
    return { value, label };
  }
  const seen = ids.seen.get(g.role) ?? [];
  const table = tableFor(name, g.context, ids);
  const own = table ? (ids.byTable.get(table) ?? []) : [];
  const r = rng.next();
  if (r < 0.35 && seen.length) return { value: rng.pick(seen), label: 'id:seen' };
  if (r < 0.85 && own.length) {
    const id = rng.pick(own);
    const node = [...ids.nodeTables].find(([, t]) => t === table)?.[0];
    if (node && rng.chance(0.5)) return { value: b64(`${node}:${id}`), label: `id:global(${node})` };
    return { value: id, label: `id:${table}` };
  }
  const all = [...ids.byTable.values()].flat();
  if (all.length) return { value: rng.pick(all), label: 'id:any table' };
  return { value: uuidOf(rng), label: 'id:unknown uuid' };
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);

function stringValue(g: Gen, name: string): Generated {
  const { rng } = g;
  const dateLike = /(date|day|On|From|To|Until|Since|from|to|until|since|start|end|due)$/i.test(name);
  if (!rng.chance(g.hostility)) {
    if (dateLike) return { value: addDays(g.today, rng.int(120) - 60), label: 'date' };
    if (/identityNumber/i.test(name) && g.ids.identityNumbers.length)
      return { value: rng.pick(g.ids.identityNumbers), label: 'identityNumber:seeded' };
    if (/organizationNumber/i.test(name)) return { value: '312345678', label: 'orgnr' };
    if (/email/i.test(name)) return { value: `fuzz${rng.int(1000)}@example.invalid`, label: 'email' };
    if (/after|before|cursor/i.test(name)) return { value: b64(`cursor:${rng.int(100)}`), label: 'cursor' };
    const words = ['arbeid', 'jobb', 'møte', 'plan', 'oppfølging', 'Fuzz', 'kafé', 'lager'];
    return {
      value: Array.from({ length: 1 + rng.int(5) }, () => rng.pick(words)).join(' '),
      label: 'text',
    };
  }
  const r = rng.next();
  if (dateLike || r < 0.15) {
    const value = rng.pick(FAR_DATES);
    return { value, label: `date:${value || 'empty'}` };
  }
  if (r < 0.55) {
    const value = rng.pick(ODD_TEXT);
    return { value, label: `text:odd(${JSON.stringify(value).slice(1, 16)})` };
  }
  const n = rng.pick(LENGTHS);
  const unit = rng.chance(0.3) ? 'ø' : 'x';
  return { value: unit.repeat(n), label: `text:${n} chars` };
}

function leafValue(g: Gen, type: GraphQLNamedType, name: string): Generated {
  const { rng } = g;
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    if (rng.chance(g.hostility)) {
      const value = rng.pick(['NOT_A_VALUE', (values[0] ?? 'x').toLowerCase(), '', 1, '\u0000']);
      return { value, label: 'enum:wrong' };
    }
    return { value: rng.pick(values), label: 'enum' };
  }
  switch (type.name) {
    case 'ID':
      return idValue(g, name);
    case 'String':
      return stringValue(g, name);
    case 'Int':
      if (rng.chance(g.hostility)) {
        const value = rng.pick(ODD_INTS);
        return { value, label: `int:${JSON.stringify(value)}` };
      }
      return { value: rng.int(20) + 1, label: 'int' };
    case 'Float':
      if (rng.chance(g.hostility)) {
        const value = rng.pick(ODD_FLOATS);
        return { value, label: `float:${JSON.stringify(value)}` };
      }
      return { value: Math.round(rng.next() * 1000) / 10, label: 'float' };
    case 'Boolean':
      if (rng.chance(g.hostility)) return { value: rng.pick(['true', 0, 'yes']), label: 'bool:wrong type' };
      return { value: rng.chance(0.5), label: 'bool' };
    case 'Date':
      if (rng.chance(g.hostility)) {
        const value = rng.pick(FAR_DATES);
        return { value, label: `date:${value || 'empty'}` };
      }
      return { value: addDays(g.today, rng.int(120) - 60), label: 'date' };
    case 'DateTime':
      if (rng.chance(g.hostility)) {
        const value = rng.pick(FAR_DATETIMES);
        return { value, label: `datetime:${value || 'empty'}` };
      }
      return { value: `${addDays(g.today, rng.int(60) - 30)}T${10 + rng.int(8)}:00:00Z`, label: 'datetime' };
    default:
      return stringValue(g, name);
  }
}

/** A value for an input type; `undefined` leaves an optional argument or field out. */
export function generate(
  g: Gen,
  type: GraphQLInputType,
  name: string,
  depth = 0,
  required = false,
): Generated | undefined {
  const { rng } = g;
  if (isNonNullType(type)) {
    if (rng.chance(g.hostility * 0.15)) return { value: null, label: 'null(required)' };
    return generate(g, type.ofType, name, depth, true);
  }
  if (!required && rng.chance(0.1 + g.hostility * 0.1)) {
    return rng.chance(0.5) ? undefined : { value: null, label: 'null' };
  }
  if (isListType(type)) {
    const element = type.ofType;
    const long = rng.chance(g.hostility * 0.2);
    const nested = isInputObjectType(getNamedType(element));
    const n = long ? (nested ? 60 : rng.pick([101, 500, 1001])) : rng.int(4);
    const items: Generated[] = [];
    for (let i = 0; i < n; i++) {
      items.push(generate(g, element, name, depth + 1) ?? { value: null, label: 'null' });
    }
    if (long) return { value: items.map((i) => i.value), label: `list:long(${n})` };
    return { value: items.map((i) => i.value), label: items.map((i) => i.label) };
  }
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    const label: Record<string, Label> = {};
    for (const field of Object.values(type.getFields())) {
      const v = generate(g, field.type, field.name, depth + 1);
      if (v === undefined) continue;
      value[field.name] = v.value;
      label[field.name] = v.label;
    }
    if (rng.chance(g.hostility * 0.1)) {
      value.notAField = 'x';
      label.notAField = 'unknown field';
    }
    return { value, label };
  }
  return leafValue(g, type as GraphQLNamedType, name);
}

// ─── Documents ───────────────────────────────────────────────────────────────────────────────

function requiredArgs(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => isNonNullType(a.type));
}

/** A selection for an output type: its leaves, and a few object fields down to `depth`. */
export function selection(schema: GraphQLSchema, type: GraphQLOutputType, rng: Rng, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isAbstractType(named)) {
    const parts = schema
      .getPossibleTypes(named)
      .map((t) => {
        const inner = selection(schema, t, rng, depth);
        return inner ? `... on ${t.name} ${inner}` : '';
      })
      .filter(Boolean);
    return `{ __typename ${parts.join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).filter((f) => !requiredArgs(f));
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name);
  const objects = fields.filter((f) => !isLeafType(getNamedType(f.type)));
  const chosen: string[] = [];
  if (depth > 0) {
    // Always the connection parts and result payloads; a few other relations at random.
    for (const f of objects) {
      const always = ['edges', 'node', 'data', 'pageInfo', 'issues'].includes(f.name);
      if (!always && !rng.chance(0.35)) continue;
      const inner = selection(schema, f.type, rng, depth - 1);
      if (inner) chosen.push(`${f.name} ${inner}`);
    }
  }
  return `{ __typename ${[...leaves.slice(0, 30), ...chosen].join(' ')} }`;
}

export interface Case {
  operation: Operation;
  query: string;
  variables: Record<string, unknown>;
  shape: Label;
}

export function buildCase(
  schema: GraphQLSchema,
  op: Operation,
  rng: Rng,
  role: string,
  ids: IdSource,
  today: string,
): Case {
  const hostility = rng.pick([0, 0, 0.1, 0.3, 1]);
  const g: Gen = { rng, hostility, role, ids, context: op.name, today };
  const defs: string[] = [];
  const args: string[] = [];
  const variables: Record<string, unknown> = {};
  const shape: Record<string, Label> = {};
  op.field.args.forEach((arg: GraphQLArgument) => {
    defs.push(`$${arg.name}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${arg.name}`);
    const v = generate(g, arg.type, arg.name);
    if (v === undefined) return;
    variables[arg.name] = v.value;
    shape[arg.name] = v.label;
  });
  const sel = selection(schema, op.field.type, rng, 2);
  const query =
    `${op.kind} Fuzz${defs.length ? `(${defs.join(', ')})` : ''} ` +
    `{ ${op.name}${args.length ? `(${args.join(', ')})` : ''} ${sel} }`;
  return { operation: op, query, variables, shape };
}

// ─── Checks ──────────────────────────────────────────────────────────────────────────────────

const LEAK_PATTERNS: [RegExp, string][] = [
  [/(?:\\n|\n|")\s+at [^"\n]*?(?:\(|:\d+:\d+)/, 'stack trace'],
  [/"stacktrace"/i, 'stack trace'],
  [/prisma/i, 'Prisma'],
  [/\/work\/|node_modules|\/home\/|\/usr\/|\/tmp\/|file:\/\//, 'path'],
  [/\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^"]{0,80}\b(FROM|VALUES|SET|WHERE)\b/, 'SQL'],
  [
    /PostgreSQL|SQLSTATE|syntax error at|violates (foreign key|unique|check|not-null)|duplicate key value|invalid input syntax|invalid byte sequence|relation "[^"]+"|column "[^"]+"|22021|22P02|23505|23503/,
    'SQL error',
  ],
];

/** The first line of an HTML error page (Express's default handler), or the text's start. */
export function htmlHeadline(text: string): string {
  const pre = /<pre>([^<]*)/.exec(text)?.[1];
  return (pre ?? text).replace(/&[a-z#0-9]+;/g, ' ').slice(0, 80);
}

export function leaks(text: string): string[] {
  return [...new Set(LEAK_PATTERNS.filter(([re]) => re.test(text)).map(([, what]) => what))];
}

/** Row counts and the newest transaction id per table: any insert, update or delete shows. */
export async function fingerprint(admin: pg.Client, tables: string[]): Promise<Map<string, string>> {
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS f FROM ${t}`,
    )
    .join(' UNION ALL ');
  const { rows } = await admin.query<{ t: string; f: string }>(sql);
  return new Map(rows.map((r) => [r.t, r.f]));
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([t, f]) => before.get(t) !== f).map(([t]) => t);
}

/** An error's identity: code and message with ids, numbers and quoted values taken out. */
export function signature(code: string, message: string): string {
  const m = message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/"[^"]{0,200}"/g, '"…"')
    .replace(/'[^']{0,200}'/g, "'…'")
    .replace(/\d+/g, 'N')
    .replace(/\s+/g, ' ')
    .trim();
  return `${code}: ${m.slice(0, 140)}`;
}

export type FindingKind = '5xx' | 'internal error' | 'leak' | 'rows changed by refused call';

export interface Finding {
  kind: FindingKind;
  signature: string;
  /** Operation → how often. */
  operations: Map<string, number>;
  roles: Set<string>;
  count: number;
  example: { operation: string; role: string; seed: number; caseNo: number; shape: string; detail: string };
}

export class Findings {
  readonly groups = new Map<string, Finding>();

  add(
    kind: FindingKind,
    operation: string,
    sig: string,
    role: string,
    example: Omit<Finding['example'], 'operation'>,
  ): void {
    const key = `${kind}|${sig}`;
    const f = this.groups.get(key);
    if (f) {
      f.count++;
      f.roles.add(role);
      f.operations.set(operation, (f.operations.get(operation) ?? 0) + 1);
      return;
    }
    this.groups.set(key, {
      kind,
      signature: sig,
      operations: new Map([[operation, 1]]),
      roles: new Set([role]),
      count: 1,
      example: { ...example, operation },
    });
  }

  get size(): number {
    return this.groups.size;
  }

  report(): string {
    const lines: string[] = [];
    const sorted = [...this.groups.values()].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.signature.localeCompare(b.signature),
    );
    for (const [i, f] of sorted.entries()) {
      const ops = [...f.operations].sort((a, b) => b[1] - a[1]);
      lines.push(
        `${i + 1}. [${f.kind}] ${f.signature}`,
        `    ${f.count}× in ${ops.length} operation(s): ${ops
          .slice(0, 12)
          .map(([o, n]) => `${o}${n > 1 ? ` ×${n}` : ''}`)
          .join(', ')}${ops.length > 12 ? ', …' : ''}`,
        `    roles: ${[...f.roles].sort().join(', ')}`,
        `    example: ${f.example.operation} as ${f.example.role}, variables ${f.example.shape.slice(0, 400)}`,
        `    ${f.example.detail.replace(/\s+/g, ' ').slice(0, 300)}`,
        `    reproduce: seed ${f.example.seed}, case ${f.example.caseNo}`,
      );
    }
    return lines.join('\n');
  }
}

export interface Totals {
  /** Why mutations were refused: error code or result type → count. */
  refusals?: Map<string, number>;
  requests: number;
  fiveXx: number;
  internal: number;
  leaks: number;
  rowsChanged: number;
  refusedMutations: number;
  succeededMutations: number;
}

export const emptyTotals = (): Totals => ({
  requests: 0,
  fiveXx: 0,
  internal: 0,
  leaks: 0,
  rowsChanged: 0,
  refusedMutations: 0,
  succeededMutations: 0,
});

// ─── Running ─────────────────────────────────────────────────────────────────────────────────

export interface Role {
  name: string;
  email: string;
  token: string;
}

export interface Target {
  url: string;
  admin: pg.Client;
  /** Server log lines (error and warn) since the last call, to name what a 500 hid. */
  takeLog(): string[];
}

export interface Answer {
  status: number;
  text: string;
  body: {
    data?: unknown;
    errors?: { message: string; path?: unknown; extensions?: { code?: string } }[];
  } | null;
}

export async function post(
  url: string,
  token: string | null,
  body: string,
  contentType = 'application/json',
) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await res.text();
  let parsed: Answer['body'] = null;
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = null;
  }
  return { status: res.status, text, body: parsed } satisfies Answer;
}

const UUIDISH = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in an answer (fields named id or …Id), for the role's later cases. */
export function harvest(data: unknown, into: string[], cap = 400): void {
  const walk = (v: unknown, key: string) => {
    if (into.length >= cap) return;
    if (typeof v === 'string') {
      if ((key === 'id' || key.endsWith('Id')) && (UUIDISH.test(v) || /^[A-Za-z0-9+/]+=*$/.test(v))) {
        if (!into.includes(v)) into.push(v);
      }
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(data, '');
}

/** Did the mutation do what it was asked (a Success payload, no errors)? */
export function succeeded(answer: Answer, field: string): boolean {
  if (answer.status !== 200 || !answer.body || answer.body.errors?.length) return false;
  const data = answer.body.data as Record<string, unknown> | null | undefined;
  const result = data?.[field];
  if (result === null || result === undefined) return false;
  const typename = (result as { __typename?: string }).__typename;
  return typename === undefined || !/Error$/.test(typename);
}

export async function runCase(
  target: Target,
  c: Case,
  role: Role,
  ids: IdSource,
  tables: string[],
  findings: Findings,
  totals: Totals,
  meta: { seed: number; caseNo: number },
): Promise<void> {
  const mutation = c.operation.kind === 'mutation';
  const before = mutation ? await fingerprint(target.admin, tables) : null;
  target.takeLog();
  let answer: Answer;
  try {
    answer = await post(target.url, role.token, serialise({ query: c.query, variables: c.variables }));
  } catch (error) {
    answer = { status: 599, text: `fetch failed: ${(error as Error).message}`, body: null };
  }
  totals.requests++;
  const shape = JSON.stringify(c.shape);
  const log = target.takeLog();
  const example = (detail: string) => ({
    role: role.name,
    seed: meta.seed,
    caseNo: meta.caseNo,
    shape,
    detail,
  });
  const op = `${c.operation.kind} ${c.operation.name}`;
  const firstError = answer.body?.errors?.[0];
  if (answer.status >= 500) {
    totals.fiveXx++;
    const code = firstError?.extensions?.code ?? 'no JSON';
    findings.add(
      '5xx',
      op,
      signature(`${answer.status} ${code}`, firstError?.message ?? answer.text.slice(0, 100)),
      role.name,
      example(`server log: ${log.join(' | ') || '(none)'}`),
    );
  }
  for (const e of answer.body?.errors ?? []) {
    if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') {
      totals.internal++;
      findings.add(
        'internal error',
        op,
        signature('INTERNAL_SERVER_ERROR', e.message),
        role.name,
        example(`path ${JSON.stringify(e.path)}; server log: ${log.join(' | ') || '(none)'}`),
      );
      break;
    }
  }
  const leaked = leaks(answer.text);
  if (leaked.length) {
    totals.leaks++;
    const at = answer.text.search(LEAK_PATTERNS.find(([re]) => re.test(answer.text))?.[0] ?? /$/);
    findings.add(
      'leak',
      op,
      signature(`${answer.status} ${leaked.join('+')}`, firstError?.message ?? htmlHeadline(answer.text)),
      role.name,
      example(`…${answer.text.slice(Math.max(0, at - 80), at + 120)}…`),
    );
  }
  if (answer.body?.data) harvest(answer.body.data, ids.seen.get(role.name) ?? []);
  if (mutation && before) {
    if (succeeded(answer, c.operation.name)) {
      totals.succeededMutations++;
    } else {
      totals.refusedMutations++;
      const result = (answer.body?.data as Record<string, { __typename?: string } | null> | undefined)?.[
        c.operation.name
      ];
      const reason = firstError?.extensions?.code ?? result?.__typename ?? `HTTP ${answer.status}`;
      totals.refusals ??= new Map();
      totals.refusals.set(reason, (totals.refusals.get(reason) ?? 0) + 1);
      const changed = changedTables(before, await fingerprint(target.admin, tables));
      if (changed.length) {
        totals.rowsChanged++;
        const why = firstError
          ? `${firstError.extensions?.code ?? '?'} ${firstError.message}`
          : JSON.stringify((answer.body?.data as Record<string, unknown> | undefined)?.[c.operation.name]);
        findings.add(
          'rows changed by refused call',
          op,
          signature(`tables ${changed.sort().join(',')}`, why.slice(0, 100)),
          role.name,
          example(`refused with ${why.slice(0, 200)}`),
        );
      }
    }
  }
}

/** Protocol-level abuse, once per run: bodies and documents rather than variables. */
export function transportCases(): { name: string; body: string; contentType?: string }[] {
  const aliases = Array.from({ length: 2000 }, (_, i) => `a${i}: __typename`).join(' ');
  let deep = 'id';
  for (let i = 0; i < 300; i++) deep = `memberships { user { ${deep} } }`;
  const manyVars = Array.from({ length: 60 }, (_, i) => `$v${i}: Int!`).join(', ');
  const manyUses = Array.from(
    { length: 60 },
    (_, i) => `e${i}: employers(first: $v${i}) { pageInfo { hasNextPage } }`,
  ).join(' ');
  const badVars = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`v${i}`, 'not an int']));
  return [
    { name: 'malformed JSON', body: '{"query": "{ me { id } }", ' },
    { name: 'JSON that is a string', body: '"{ me { id } }"' },
    { name: 'empty body', body: '' },
    { name: 'batch of two', body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) },
    { name: 'query not a string', body: JSON.stringify({ query: 42 }) },
    { name: 'variables not an object', body: JSON.stringify({ query: '{ me { id } }', variables: [1] }) },
    { name: '2000 aliases', body: JSON.stringify({ query: `{ ${aliases} }` }) },
    { name: 'nesting 300 deep', body: JSON.stringify({ query: `{ me { ${deep} } }` }) },
    {
      name: '60 invalid variables',
      body: JSON.stringify({ query: `query Q(${manyVars}) { ${manyUses} }`, variables: badVars }),
    },
    { name: '200k tokens', body: JSON.stringify({ query: `{ ${'__typename '.repeat(200_000)} }` }) },
    { name: 'text/plain body', body: '{ me { id } }', contentType: 'text/plain' },
    { name: 'syntax error', body: JSON.stringify({ query: '{ me { id ' }) },
    { name: 'NUL in document', body: JSON.stringify({ query: '{ me { id \u0000 } }' }) },
    { name: 'lone surrogate in document', body: JSON.stringify({ query: '{ me { id } } # \uD800' }) },
  ];
}

export async function runTransport(
  target: Target,
  role: Role,
  findings: Findings,
  totals: Totals,
  seed: number,
): Promise<void> {
  for (const [i, t] of transportCases().entries()) {
    target.takeLog();
    let answer: Answer;
    try {
      answer = await post(target.url, role.token, t.body, t.contentType);
    } catch (error) {
      answer = { status: 599, text: `fetch failed: ${(error as Error).message}`, body: null };
    }
    totals.requests++;
    const log = target.takeLog();
    const example = {
      role: role.name,
      seed,
      caseNo: -1 - i,
      shape: t.name,
      detail: `server log: ${log.join(' | ') || '(none)'}`,
    };
    const e = answer.body?.errors?.[0];
    if (answer.status >= 500) {
      totals.fiveXx++;
      findings.add(
        '5xx',
        `(transport) ${t.name}`,
        signature(
          `${answer.status} ${e?.extensions?.code ?? 'no JSON'}`,
          e?.message ?? answer.text.slice(0, 80),
        ),
        role.name,
        example,
      );
    }
    if (answer.body?.errors?.some((x) => x.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
      totals.internal++;
      findings.add(
        'internal error',
        `(transport) ${t.name}`,
        signature('INTERNAL_SERVER_ERROR', e?.message ?? ''),
        role.name,
        example,
      );
    }
    const leaked = leaks(answer.text);
    if (leaked.length) {
      totals.leaks++;
      findings.add(
        'leak',
        `(transport) ${t.name}`,
        signature(`${answer.status} ${leaked.join('+')}`, e?.message ?? htmlHeadline(answer.text)),
        role.name,
        { ...example, detail: answer.text.slice(0, 300) },
      );
    }
  }
}

// ─── Set-up ──────────────────────────────────────────────────────────────────────────────────

export const ROLES = [
  'JOB_SPECIALIST',
  'METHOD_SUPERVISOR',
  'HEALTH_SERVICE_LEADER',
  'NAV_COUNSELLOR',
  'TENANT_ADMINISTRATOR',
] as const;

/** Tables of the product (public schema) and the chain heads, for the fingerprint. */
export async function productTables(admin: pg.Client): Promise<string[]> {
  const { rows } = await admin.query<{ t: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'app') ORDER BY 1`,
  );
  return rows.map((r) => r.t);
}

export async function idSource(admin: pg.Client, schema: GraphQLSchema): Promise<IdSource> {
  const { rows: tables } = await admin.query<{ t: string }>(
    `SELECT c.table_name AS t FROM information_schema.columns c
     WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.data_type = 'uuid' ORDER BY 1`,
  );
  const byTable = new Map<string, string[]>();
  for (const { t } of tables) {
    const { rows } = await admin.query<{ id: string }>(
      `SELECT id::text FROM public.${t} ORDER BY md5(id::text) LIMIT 12`,
    );
    byTable.set(
      t,
      rows.map((r) => r.id),
    );
  }
  const nodeTables = new Map<string, string>();
  const nodeType = schema.getType('Node');
  if (nodeType && isAbstractType(nodeType)) {
    for (const t of schema.getPossibleTypes(nodeType)) {
      const table = snake(t.name);
      if (byTable.has(table)) nodeTables.set(t.name, table);
    }
  }
  const { rows: numbers } = await admin.query<{ n: string }>(
    `SELECT "identityNumber" AS n FROM job_seeker ORDER BY md5(id::text) LIMIT 8`,
  );
  return {
    byTable,
    tables: [...byTable.keys()],
    nodeTables,
    seen: new Map(ROLES.map((r) => [r, []])),
    identityNumbers: numbers.map((r) => r.n),
  };
}
