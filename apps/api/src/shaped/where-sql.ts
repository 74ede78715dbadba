/**
 * A Prisma `where` (what `accessibleWhere` makes of the user's CASL rules, and the list's filters)
 * written as SQL for one statement that shapes a list in PostgreSQL (ADR 0023 step 5). Only the
 * operators and relations the rules use are known; anything else answers null, and the caller
 * keeps the normal path (Pothos and Prisma) — it never guesses. Values are parameters, so the text
 * depends on the rules' structure only (one prepared statement per structure, not per user).
 *
 * Meaning follows Prisma's: a scalar value or `equals` is `=` (null is `IS NULL`), `in` is `= ANY`
 * (an empty list matches nothing), `has` is `= ANY(column)`, `some`/`none` on a list relation are
 * `EXISTS`/`NOT EXISTS` over its rows, `is` on a to-one relation is `EXISTS` over the related row,
 * `AND`/`OR`/`NOT` as written. The test `shaped-list.test.ts` holds every rule of every role to
 * Prisma's own reading of the same `where`, row for row, on real data.
 */
import { getDatamodel } from '@ips/db/pothos-types';

export type ModelName = 'JobSeeker' | 'NavSharingGrant' | 'Consent' | 'Employment';
type Relation = { model: ModelName; list: boolean; on: readonly (readonly [string, string])[] };

/** A job seeker's rows in another table, and a row's job seeker: both on the tenant and the id. */
const JOB_SEEKERS_ROWS = [
  ['organizationId', 'organizationId'],
  ['id', 'jobSeekerId'],
] as const;
const ROWS_JOB_SEEKER = [
  ['organizationId', 'organizationId'],
  ['jobSeekerId', 'id'],
] as const;

/** The models the shaped lists read, their tables and the relations their rules name. */
const MODELS = {
  JobSeeker: {
    table: 'job_seeker',
    relations: {
      navSharingGrants: {
        model: 'NavSharingGrant',
        list: true,
        on: JOB_SEEKERS_ROWS,
      },
      consents: {
        model: 'Consent',
        list: true,
        on: JOB_SEEKERS_ROWS,
      },
      employments: {
        model: 'Employment',
        list: true,
        on: JOB_SEEKERS_ROWS,
      },
    },
  },
  NavSharingGrant: {
    table: 'nav_sharing_grant',
    relations: {
      jobSeeker: {
        model: 'JobSeeker',
        list: false,
        on: ROWS_JOB_SEEKER,
      },
      consent: {
        model: 'Consent',
        list: false,
        on: [
          ['organizationId', 'organizationId'],
          ['consentId', 'id'],
        ],
      },
    },
  },
  Consent: {
    table: 'consent',
    relations: {
      jobSeeker: {
        model: 'JobSeeker',
        list: false,
        on: ROWS_JOB_SEEKER,
      },
    },
  },
  Employment: {
    table: 'employment',
    relations: {
      jobSeeker: {
        model: 'JobSeeker',
        list: false,
        on: ROWS_JOB_SEEKER,
      },
    },
  },
} as const satisfies Record<ModelName, { table: string; relations: Record<string, Relation> }>;

export const tableOf = (model: ModelName) => MODELS[model].table;

/** Scalar fields per model (name → whether it is a list), from the generated datamodel. */
const scalars: Map<string, Map<string, boolean>> = (() => {
  const map = new Map<string, Map<string, boolean>>();
  for (const [name, model] of Object.entries(getDatamodel().datamodel.models)) {
    map.set(
      name,
      new Map(
        model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum').map((f) => [f.name, f.isList]),
      ),
    );
  }
  return map;
})();

/** The relation's join, as written in MODELS — exported for the test that checks it against the datamodel. */
export function relationOf(model: ModelName, name: string): Relation | undefined {
  const relations = MODELS[model].relations as Record<string, Relation>;
  return Object.hasOwn(relations, name) ? relations[name] : undefined;
}

/** Thrown inside the compiler for anything it does not know; `whereSql` turns it into null. */
class Unsupported extends Error {}

/** The statement's parameters, collected while the SQL is written (`$1`, `$2`, …). */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value instanceof Date ? value.toISOString() : value);
    return `$${this.values.length}`;
  }
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

const isValue = (v: unknown) =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date;

let aliasCounter = 0;
const nextAlias = () => {
  aliasCounter = (aliasCounter + 1) % 1_000_000;
  return `w${aliasCounter}`;
};

/** `where` for `model` read as `alias`, or null when the compiler does not know all of it. */
export function whereSql(model: ModelName, where: unknown, alias: string, params: Params): string | null {
  const mark = params.values.length;
  try {
    // Aliases only need to be unique within one statement: restart them so the text is stable.
    aliasCounter = 0;
    return compile(model, where, alias, params);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    params.values.length = mark;
    return null;
  }
}

function and(parts: string[]): string {
  if (parts.length === 0) return 'TRUE';
  if (parts.length === 1) return parts[0] as string;
  return `(${parts.join(' AND ')})`;
}

function compile(model: ModelName, where: unknown, alias: string, params: Params): string {
  if (!isPlainObject(where)) throw new Unsupported('where');
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === 'AND') {
      const list = Array.isArray(value) ? value : [value];
      parts.push(and(list.map((w) => compile(model, w, alias, params))));
    } else if (key === 'OR') {
      // Prisma reads an empty OR as no filter; accessibleWhere never lets one through — unknown here.
      if (!Array.isArray(value) || value.length === 0) throw new Unsupported('OR');
      parts.push(`(${value.map((w) => compile(model, w, alias, params)).join(' OR ')})`);
    } else if (key === 'NOT') {
      // Prisma: NOT [a, b] is neither a nor b; an empty list is no filter (unknown here).
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0) throw new Unsupported('NOT');
      parts.push(and(list.map((w) => `NOT ${compile(model, w, alias, params)}`)));
    } else {
      const relation = relationOf(model, key);
      if (relation) parts.push(relationSql(relation, value, alias, params));
      else parts.push(scalarSql(model, key, value, alias, params));
    }
  }
  return and(parts);
}

function relationSql(relation: Relation, filter: unknown, alias: string, params: Params): string {
  if (!isPlainObject(filter)) throw new Unsupported('relation filter');
  const keys = Object.keys(filter).filter((k) => filter[k] !== undefined);
  if (keys.length !== 1) throw new Unsupported('relation filter');
  const op = keys[0] as string;
  const inner = nextAlias();
  const join = relation.on
    .map(([mine, theirs]) => `${inner}.${q(theirs)} = ${alias}.${q(mine)}`)
    .join(' AND ');
  const table = MODELS[relation.model].table;
  if (relation.list && (op === 'some' || op === 'none')) {
    const cond = compile(relation.model, filter[op], inner, params);
    const exists = `EXISTS (SELECT 1 FROM ${q(table)} ${inner} WHERE ${join} AND ${cond})`;
    return op === 'some' ? exists : `NOT ${exists}`;
  }
  if (!relation.list && op === 'is' && isPlainObject(filter.is)) {
    const cond = compile(relation.model, filter.is, inner, params);
    return `EXISTS (SELECT 1 FROM ${q(table)} ${inner} WHERE ${join} AND ${cond})`;
  }
  throw new Unsupported(`relation ${op}`);
}

function scalarSql(model: ModelName, field: string, filter: unknown, alias: string, params: Params): string {
  const isList = scalars.get(model)?.get(field);
  if (isList === undefined) throw new Unsupported(`field ${field}`);
  const column = `${alias}.${q(field)}`;
  if (filter === null) return `${column} IS NULL`;
  if (isValue(filter)) {
    if (isList) throw new Unsupported('list equality');
    return `${column} = ${params.add(filter)}`;
  }
  if (!isPlainObject(filter)) throw new Unsupported('scalar filter');
  const parts: string[] = [];
  for (const [op, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (isList) {
      if (op === 'has' && isValue(value)) parts.push(`${params.add(value)} = ANY(${column})`);
      else throw new Unsupported(`list ${op}`);
      continue;
    }
    switch (op) {
      case 'equals':
        if (value === null) parts.push(`${column} IS NULL`);
        else if (isValue(value)) parts.push(`${column} = ${params.add(value)}`);
        else throw new Unsupported('equals');
        break;
      case 'in':
        if (!Array.isArray(value) || !value.every(isValue)) throw new Unsupported('in');
        parts.push(value.length === 0 ? 'FALSE' : `${column} = ANY(${params.add(value)})`);
        break;
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte': {
        if (!isValue(value)) throw new Unsupported(op);
        const sign = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[op];
        parts.push(`${column} ${sign} ${params.add(value)}`);
        break;
      }
      case 'not':
        if (value === null) parts.push(`${column} IS NOT NULL`);
        else throw new Unsupported('not');
        break;
      default:
        throw new Unsupported(op);
    }
  }
  return and(parts);
}
