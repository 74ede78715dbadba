/**
 * A job seeker's fields, guarded: every field is checked against the ability for that record, and
 * a field the user may not read is null. Which fields a rule grants and which facts it looks at are
 * `@ips/authz`'s (`fields.ts`); this file loads those facts once per record and request (with the
 * list's own query where it can, else in one batch) and logs every read in the access log.
 */
import {
  JOB_SEEKER_ACCESS_SELECT,
  JOB_SEEKER_FACT_RELATIONS,
  jobSeekerFactRelations,
  readableJobSeekerFields,
} from '@ips/authz';
import type { JobSeeker, Prisma } from '@ips/db';
import { Batcher } from '../batch.js';
import type { Context } from '../context.js';

const ACCESS_SELECT = JOB_SEEKER_ACCESS_SELECT;

type AccessFacts = Prisma.JobSeekerGetPayload<{ select: typeof ACCESS_SELECT }>;

/** The fact relations this user's field rules look at (the ability decides, `@ips/authz`). */
const factRelations = (ctx: Context) => jobSeekerFactRelations(ctx.ability);

/** The fact relations of ACCESS_SELECT that this user's rules look at. */
function factRelationSelect(ctx: Context): Prisma.JobSeekerSelect {
  return Object.fromEntries(factRelations(ctx).map((name) => [name, ACCESS_SELECT[name]]));
}

/** ACCESS_SELECT with only the relations this user's rules look at. */
function accessSelect(ctx: Context): Prisma.JobSeekerSelect {
  const { consents: _c, navSharingGrants: _n, ...scalars } = ACCESS_SELECT;
  return { ...scalars, ...factRelationSelect(ctx) };
}

const accessLoaders = new WeakMap<Context, Batcher<string, AccessFacts>>();

/** Access facts of every job seeker the request touches, in one query per batch. */
export function accessFacts(ctx: Context, id: string): Promise<AccessFacts | undefined> {
  let loader = accessLoaders.get(ctx);
  if (!loader) {
    loader = new Batcher(async (ids) => {
      const rows = (await ctx.db.jobSeeker.findMany({
        where: { id: { in: ids } },
        select: accessSelect(ctx),
      })) as unknown as AccessFacts[];
      return new Map(rows.map((r) => [r.id, r]));
    });
    accessLoaders.set(ctx, loader);
  }
  return loader.load(id);
}

/** A read of the job seeker, for its access log. */
export function recordRead(ctx: Context, js: { id: string; organizationId: string }, area: string) {
  ctx.audit.record({
    organizationId: js.organizationId,
    jobSeekerId: js.id,
    action: 'READ',
    area,
    entityType: 'JobSeeker',
    entityId: js.id,
  });
}

/** A field of the job seeker that is null unless the ability grants it for this record. */
export async function guarded<K extends keyof JobSeeker>(
  ctx: Context,
  js: { id: string; organizationId: string } & Partial<JobSeeker>,
  field: K,
): Promise<JobSeeker[K] | null> {
  if (ctx.unguarded) return js[field] as JobSeeker[K];
  recordRead(ctx, js, 'JobSeeker');
  const readable = await readableFields(ctx, js);
  return readable.has(field) ? (js[field] as JobSeeker[K]) : null;
}

const fieldCache = new WeakMap<Context, Map<string, Promise<ReadonlySet<string>>>>();

/**
 * The list's query with the access facts added, so the field checks need no query of their own —
 * unless the client selects one of the same relations (with its own filter): merging would make
 * Pothos load that relation row by row, so those lists load the facts in one batch instead.
 */
export function withAccessFacts<Q extends { select?: object; include?: object }>(
  ctx: Context,
  query: Q,
): { query: Q; merged: boolean } {
  const own = query.select ?? query.include;
  if (own && JOB_SEEKER_FACT_RELATIONS.some((r) => r in own)) return { query, merged: false };
  return query.select
    ? { query: { ...query, select: { ...query.select, ...accessSelect(ctx) } }, merged: true }
    : { query: { ...query, include: { ...query.include, ...factRelationSelect(ctx) } }, merged: true };
}

/**
 * Rows loaded with the access facts merged into their query. Only these are trusted to carry the
 * facts: a row whose relations came from the client's own selection (other filters, other fields)
 * has its facts loaded separately.
 */
export const rowsWithFacts = new WeakSet<object>();

/** The access facts, when the record was loaded with them (`withAccessFacts`). */
function loadedFacts(js: object): AccessFacts | undefined {
  return rowsWithFacts.has(js) ? (js as AccessFacts) : undefined;
}

/** The fields this user may read on this job seeker, evaluated once per record and request. */
export function readableFields(ctx: Context, js: { id: string }): Promise<ReadonlySet<string>> {
  let cache = fieldCache.get(ctx);
  if (!cache) {
    cache = new Map();
    fieldCache.set(ctx, cache);
  }
  let fields = cache.get(js.id);
  if (!fields) {
    // Facts loaded with the record (in the list's own query) save a query per request.
    const loaded = loadedFacts(js);
    fields = loaded
      ? Promise.resolve(readableJobSeekerFields(ctx.ability, loaded))
      : accessFacts(ctx, js.id).then((facts) =>
          facts ? readableJobSeekerFields(ctx.ability, facts) : new Set<string>(),
        );
    cache.set(js.id, fields);
  }
  return fields;
}
