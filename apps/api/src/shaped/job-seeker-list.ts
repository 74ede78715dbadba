/**
 * The job-seeker list in one SQL statement that shapes its rows in PostgreSQL (ADR 0023 step 5,
 * issue 18 items 1 and 4): for a document that asks `jobSeekers` for what the NAV counsellor's
 * list and the authorization matrix ask (names, phase, days, grants, jobs, the page), the API
 * answers from one statement instead of Pothos's resolvers and Prisma's client.
 *
 * Nothing is decided here that the normal path decides elsewhere:
 * - the rows: the same Prisma `where` the resolver builds (`accessibleWhere` of the user's CASL
 *   rules AND the list's filters), written as SQL by `where-sql.ts`; the grants and jobs under
 *   their own models' `accessibleWhere`; all of it under the same row-level security, in the
 *   request's transaction;
 * - the fields: only when every rule that lets the user read a job seeker (or a grant, a job)
 *   grants every field the document asks for, so a row the rules let through has all of them
 *   readable and the normal path would null none; otherwise the normal path answers;
 * - the page: Pothos's page size, cursor format and `hasNextPage` rule, Prisma's cursor reading;
 * - the access log: one `JobSeeker.list` entry per job seeker shown, as the resolver writes.
 *
 * Anything else — another field, an argument, a fragment, a directive, a rule the SQL writer does
 * not know — answers null and the normal path runs. `IPS_SHAPED_LISTS=0` turns it off (the test
 * that compares both paths, the bench's before/after).
 */
import {
  type AppAbility,
  type ModelName as AuthzModel,
  accessibleWhere,
  DERIVED_JOB_SEEKER_FIELDS,
  jobSeekerFactRelations,
  readableJobSeekerFields,
} from '@ips/authz';
import {
  type ConsentPeriod,
  earlierEnd,
  isConsentActive,
  isGrantActive,
  osloDay,
  sharedParts,
  worstStatus,
} from '@ips/domain';
import { formatPrismaCursor } from '@pothos/plugin-prisma';
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  execute,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { z } from 'zod';
import type { Context } from '../context.js';
import { cursorId, storableText } from '../input-guard.js';
import { recordRead } from '../schema/job-seeker-fields.js';
import { Params, tableOf, whereSql } from './where-sql.js';

type Format =
  | 'text'
  | 'int'
  | 'date'
  | 'datetime'
  | 'globalId'
  | 'list'
  | 'deadline'
  | 'sharedParts'
  | 'sharedUntil'
  | 'active'
  | 'teamConsent';

/** The fields a shaped list can answer, per GraphQL type: the column and how it is written. */
const JOB_SEEKER_COLUMNS: Record<string, { column: string; format: Format }> = {
  id: { column: 'id', format: 'globalId' },
  givenName: { column: 'givenName', format: 'text' },
  familyName: { column: 'familyName', format: 'text' },
  phase: { column: 'phase', format: 'text' },
  referralDate: { column: 'referralDate', format: 'date' },
  intakeDate: { column: 'intakeDate', format: 'date' },
  dischargedAt: { column: 'dischargedAt', format: 'date' },
  version: { column: 'version', format: 'int' },
  // Derived: the most urgent open duty (Europe/Oslo today), readable where the case field it
  // follows is (DERIVED_JOB_SEEKER_FIELDS); the statement adds the job seeker's open tasks.
  deadlineStatus: { column: DERIVED_JOB_SEEKER_FIELDS.deadlineStatus, format: 'deadline' },
  protectedAddress: { column: 'protectedAddress', format: 'text' },
  // The team-discussion consent's state: follows the refusal field (the own specialist's alone);
  // GIVEN while a TEAM_CASE_DISCUSSION consent is in force, else REFUSED or MISSING.
  teamDiscussionConsent: { column: 'teamConsentRefusedAt', format: 'teamConsent' },
};
const GRANT_COLUMNS: Record<string, { column: string; format: Format }> = {
  id: { column: 'id', format: 'text' },
  scopes: { column: 'scopes', format: 'list' },
  validFrom: { column: 'validFrom', format: 'datetime' },
  validUntil: { column: 'validUntil', format: 'datetime' },
  revokedAt: { column: 'revokedAt', format: 'datetime' },
  version: { column: 'version', format: 'int' },
  // Derived from the grant and its NAV-sharing consent, by the same domain rules as the normal
  // path (`@ips/domain`: isGrantActive, sharedParts, earlierEnd); the statement adds the consent.
  sharedParts: { column: 'scopes', format: 'sharedParts' },
  sharedUntil: { column: 'validUntil', format: 'sharedUntil' },
  active: { column: 'revokedAt', format: 'active' },
};
/** Grant fields that need the grant's period and its consent. */
const GRANT_DERIVED: Format[] = ['sharedParts', 'sharedUntil', 'active'];
const EMPLOYMENT_COLUMNS: Record<string, { column: string; format: Format }> = {
  id: { column: 'id', format: 'text' },
  jobTitle: { column: 'jobTitle', format: 'text' },
  jobType: { column: 'jobType', format: 'text' },
  kind: { column: 'kind', format: 'text' },
  startDate: { column: 'startDate', format: 'date' },
  endDate: { column: 'endDate', format: 'date' },
  endedBy: { column: 'endedBy', format: 'text' },
  version: { column: 'version', format: 'int' },
};

/** A job seeker's relations a shaped list can answer: their model, columns and order (the normal path's). */
const RELATIONS = {
  navSharingGrants: {
    model: 'NavSharingGrant',
    columns: GRANT_COLUMNS,
    orderBy: '"validFrom" DESC, "id" DESC',
  },
  employments: {
    model: 'Employment',
    columns: EMPLOYMENT_COLUMNS,
    orderBy: '"startDate" DESC, "id" DESC',
  },
} as const;
type RelationName = keyof typeof RELATIONS;

type Leaf = { key: string; typename: string } | { key: string; column: string; format: Format };
/** A node's fields in the document's order: columns, `__typename`s and relations. */
type NodeShape = (Leaf | { key: string; relation: RelationName; leaves: Leaf[] })[];

export interface ListPlan {
  /** The response keys at the root, in order: the list's and `__typename`s. */
  root: ({ key: string; typename: string } | { key: string; list: true } | { key: string; other: true })[];
  /** Root fields beside the list (the portfolio's count of today's meetings): executed as usual. */
  others: FieldNode[];
  field: GraphQLField<unknown, unknown>;
  fieldNode: FieldNode;
  connection: (
    | { key: string; typename: string }
    | {
        key: string;
        edges: (
          | { key: string; typename: string }
          | { key: string; cursor: true }
          | { key: string; node: NodeShape }
        )[];
      }
    | { key: string; pageInfo: ({ key: string; typename: string } | { key: string; info: string })[] }
  )[];
  /** Every job-seeker, grant and job column the document asks for (the field rules' check). */
  fields: { JobSeeker: string[]; NavSharingGrant: string[]; Employment: string[] };
  relations: RelationName[];
  /** Whether a node asks for its deadline status (the statement then reads its open tasks). */
  deadline: boolean;
  /** Whether a grant asks for what derives from its consent (the statement then reads the consent). */
  grantConsent: boolean;
  /** Whether a node asks for its team-discussion consent's state (the statement reads those consents). */
  teamConsent: boolean;
}

class NotShaped extends Error {}

const keyOf = (f: FieldNode) => f.alias?.value ?? f.name.value;

/** The fields of a selection set, refusing what a plan does not handle (fragments, directives, duplicate keys). */
function fieldsOf(set: SelectionSetNode | undefined): FieldNode[] {
  if (!set) throw new NotShaped();
  const fields: FieldNode[] = [];
  const keys = new Set<string>();
  for (const s of set.selections) {
    if (s.kind !== Kind.FIELD) throw new NotShaped();
    if (s.directives?.length) throw new NotShaped();
    const key = keyOf(s);
    // A response key is a plain property: none that names an object's own machinery (`__proto__`).
    if (keys.has(key) || (key.startsWith('__') && key !== '__typename')) throw new NotShaped();
    keys.add(key);
    fields.push(s);
  }
  return fields;
}

function leaves(
  set: SelectionSetNode | undefined,
  typename: string,
  columns: Record<string, { column: string; format: Format }>,
  used: string[],
): Leaf[] {
  return fieldsOf(set).map((f) => {
    if (f.arguments?.length || f.selectionSet) throw new NotShaped();
    if (f.name.value === '__typename') return { key: keyOf(f), typename };
    const column = Object.hasOwn(columns, f.name.value) ? columns[f.name.value] : undefined;
    if (!column) throw new NotShaped();
    used.push(column.column);
    return { key: keyOf(f), ...column };
  });
}

const typeOfField = (type: GraphQLObjectType, name: string): GraphQLObjectType => {
  const field = type.getFields()[name];
  const named = field ? getNamedType(field.type) : undefined;
  if (!named || !isObjectType(named)) throw new NotShaped();
  return named;
};

const plans = new WeakMap<OperationDefinitionNode, ListPlan | null>();

/** The plan for an operation a shaped list can answer, or null (kept per parsed document). */
export function planFor(schema: GraphQLSchema, operation: OperationDefinitionNode): ListPlan | null {
  let plan = plans.get(operation);
  if (plan === undefined) {
    try {
      plan = makePlan(schema, operation);
    } catch {
      // Not a shape this file answers (or anything unexpected in reading it): the normal path.
      plan = null;
    }
    plans.set(operation, plan);
  }
  return plan;
}

function makePlan(schema: GraphQLSchema, operation: OperationDefinitionNode): ListPlan {
  if (operation.operation !== 'query' || operation.directives?.length) throw new NotShaped();
  const query = schema.getQueryType();
  if (!query) throw new NotShaped();
  const fields: ListPlan['fields'] = { JobSeeker: [], NavSharingGrant: [], Employment: [] };
  const relations: RelationName[] = [];
  let listField: FieldNode | undefined;
  const others: FieldNode[] = [];
  const root: ListPlan['root'] = fieldsOf(operation.selectionSet).map((f) => {
    if (f.name.value === '__typename') return { key: keyOf(f), typename: query.name };
    if (f.name.value !== 'jobSeekers') {
      others.push(f);
      return { key: keyOf(f), other: true as const };
    }
    if (listField) throw new NotShaped();
    listField = f;
    return { key: keyOf(f), list: true as const };
  });
  const field = query.getFields().jobSeekers;
  if (!listField || !field) throw new NotShaped();
  const connectionType = typeOfField(query, 'jobSeekers');
  const edgeType = typeOfField(connectionType, 'edges');
  const pageInfoType = typeOfField(connectionType, 'pageInfo');
  const nodeType = typeOfField(edgeType, 'node');
  const connection: ListPlan['connection'] = fieldsOf(listField.selectionSet).map((f) => {
    if (f.arguments?.length) throw new NotShaped();
    const key = keyOf(f);
    if (f.name.value === '__typename') return { key, typename: connectionType.name };
    if (f.name.value === 'pageInfo')
      return {
        key,
        pageInfo: fieldsOf(f.selectionSet).map((p) => {
          if (p.arguments?.length || p.selectionSet) throw new NotShaped();
          if (p.name.value === '__typename') return { key: keyOf(p), typename: pageInfoType.name };
          if (!['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'].includes(p.name.value))
            throw new NotShaped();
          return { key: keyOf(p), info: p.name.value };
        }),
      };
    if (f.name.value !== 'edges') throw new NotShaped();
    return {
      key,
      edges: fieldsOf(f.selectionSet).map((e) => {
        if (e.arguments?.length) throw new NotShaped();
        if (e.name.value === '__typename') return { key: keyOf(e), typename: edgeType.name };
        if (e.name.value === 'cursor') {
          if (e.selectionSet) throw new NotShaped();
          return { key: keyOf(e), cursor: true as const };
        }
        if (e.name.value !== 'node') throw new NotShaped();
        const node: NodeShape = [];
        for (const n of fieldsOf(e.selectionSet)) {
          const relation = RELATIONS[n.name.value as RelationName];
          if (relation && Object.hasOwn(RELATIONS, n.name.value)) {
            if (n.arguments?.length) throw new NotShaped();
            const name = n.name.value as RelationName;
            if (relations.includes(name)) throw new NotShaped();
            relations.push(name);
            const type = typeOfField(nodeType, name);
            node.push({
              key: keyOf(n),
              relation: name,
              leaves: leaves(n.selectionSet, type.name, relation.columns, fields[relation.model]),
            });
          } else {
            node.push(
              ...leaves(
                { kind: Kind.SELECTION_SET, selections: [n] },
                nodeType.name,
                JOB_SEEKER_COLUMNS,
                fields.JobSeeker,
              ),
            );
          }
        }
        return { key: keyOf(e), node };
      }),
    };
  });
  // What the nodes ask for that needs more than their columns (open tasks, consents).
  const nodeParts = connection.flatMap((part) =>
    'edges' in part ? part.edges.flatMap((e) => ('node' in e ? e.node : [])) : [],
  );
  const asks = (format: Format) => nodeParts.some((n) => 'format' in n && n.format === format);
  const deadline = asks('deadline');
  const teamConsent = asks('teamConsent');
  const grantConsent = nodeParts.some(
    (n) => 'relation' in n && n.leaves.some((l) => 'format' in l && GRANT_DERIVED.includes(l.format)),
  );
  return {
    root,
    others,
    field,
    fieldNode: listField,
    connection,
    fields,
    relations,
    deadline,
    grantConsent,
    teamConsent,
  };
}

/** The arguments the shaped list handles; any other (or an odd value) leaves it to the normal path. */
const Args = z
  .object({
    first: z.number().int().min(0).nullish(),
    after: z.string().nullish(),
    specialistId: z.uuid().nullish(),
    orderBy: z.literal('REFERRAL_DATE_DESC').nullish(),
  })
  .strict();

/**
 * Whether every rule that lets the user read `model` grants all of `fields`: then every row the
 * rules let through has them readable (a rule without fields grants all; an inverted rule could
 * take one away, so it is not known here).
 */
export function readableOnEveryRow(ability: AppAbility, model: AuthzModel, fields: string[]): boolean {
  for (const rule of ability.rulesFor('read', model as never)) {
    if (rule.inverted) return false;
    if (rule.fields === undefined) continue;
    const granted = Array.isArray(rule.fields) ? rule.fields : [rule.fields];
    if (!fields.every((f) => granted.includes(f))) return false;
  }
  return true;
}

type Row = Record<string, unknown> & { id: string; organizationId: string };

/** Off when `IPS_SHAPED_LISTS=0` (the test's and the bench's normal path). */
export const shapedListsOn = () => process.env.IPS_SHAPED_LISTS !== '0';

/**
 * The response's data for the plan, or null when this request is one the shaped list does not
 * answer (its arguments, the user's rules): the normal path runs then.
 */
export async function runPlan(
  ctx: Context,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  plan: ListPlan,
  rawVariables: Record<string, unknown> | undefined,
  fragments: readonly FragmentDefinitionNode[] = [],
): Promise<Record<string, unknown> | null> {
  if (ctx.unguarded) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const parsed = Args.safeParse(getArgumentValues(plan.field as never, plan.fieldNode, coerced.coerced));
  if (!parsed.success) return null;
  const args = parsed.data;
  // The input guard's reading of a cursor (input-guard.ts): anything else, the normal path answers.
  let cursor: string | null = null;
  if (args.after != null) {
    cursor = storableText(args.after) ? cursorId(args.after) : null;
    if (cursor === null) return null;
  }
  const { ability } = ctx;
  // The job seeker's field rules: when every rule grants every field asked for, no row needs its
  // own check; otherwise each row's readable fields are the ability's for that row, from the facts
  // the rules look at (the normal path's `readableJobSeekerFields` on the same facts).
  const perRow = !readableOnEveryRow(ability, 'JobSeeker', plan.fields.JobSeeker);
  const factRelations = perRow ? jobSeekerFactRelations(ability) : [];
  for (const name of plan.relations) {
    const { model } = RELATIONS[name];
    if (!readableOnEveryRow(ability, model, plan.fields[model])) return null;
  }

  // The root fields beside the list, executed as usual (their resolvers, their checks); an error
  // there leaves the whole document to the normal path, which formats it.
  let others: Record<string, unknown> | undefined;
  if (plan.others.length > 0) {
    const result = await execute({
      schema,
      document: {
        kind: Kind.DOCUMENT,
        definitions: [
          ...fragments,
          { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: plan.others } },
        ],
      },
      contextValue: ctx,
      variableValues: rawVariables ?? {},
    });
    if (result.errors?.length || !result.data) return null;
    others = result.data as Record<string, unknown>;
  }

  const params = new Params();
  const where = whereSql(
    'JobSeeker',
    {
      AND: [
        accessibleWhere(ability, 'read', 'JobSeeker'),
        args.specialistId ? { currentSpecialistId: args.specialistId } : {},
      ],
    },
    'js',
    params,
  );
  if (where === null) return null;
  // Pothos's page: `first` (default 25) up to the configured maximum, plus one row to know whether
  // there is another page; after a cursor, Prisma's reading: from the cursor's row on, skipping it.
  const size = Math.min(args.first ?? 25, ctx.config.maxPageSize);
  const limit = size + 1;
  const after = cursor
    ? ` AND (js."referralDate", js.id) <= (SELECT c."referralDate", c.id FROM job_seeker c WHERE c.id = ${params.add(cursor)}::uuid)`
    : '';
  const columns = new Set([
    'id',
    'organizationId',
    'referralDate',
    ...plan.fields.JobSeeker,
    ...(perRow ? ['currentSpecialistId', 'teamId', 'protectedAddress'] : []),
  ]);
  const relationSql: string[] = [];
  // The facts the field rules look at (JOB_SEEKER_ACCESS_SELECT), under row-level security alone.
  if (plan.teamConsent || factRelations.includes('consents'))
    relationSql.push(
      `'factConsents', (SELECT coalesce(json_agg(json_build_object('scope', c.scope, 'withdrawnAt', c."withdrawnAt",
          'validFrom', c."validFrom", 'validUntil', c."validUntil")), '[]'::json)
        FROM consent c WHERE c."organizationId" = p."organizationId" AND c."jobSeekerId" = p.id
          AND c.scope = 'TEAM_CASE_DISCUSSION')`,
    );
  if (factRelations.includes('navSharingGrants'))
    relationSql.push(
      `'factGrants', (SELECT coalesce(json_agg(json_build_object('navOfficeId', g."navOfficeId",
          'counsellorId', g."counsellorId", 'revokedAt', g."revokedAt", 'validFrom', g."validFrom",
          'validUntil', g."validUntil", 'scopes', g.scopes,
          'consent', (SELECT json_build_object('scope', c.scope, 'withdrawnAt', c."withdrawnAt",
              'validFrom', c."validFrom", 'validUntil', c."validUntil", 'navParts', c."navParts")
            FROM consent c WHERE c."organizationId" = g."organizationId" AND c.id = g."consentId"))), '[]'::json)
        FROM nav_sharing_grant g WHERE g."organizationId" = p."organizationId" AND g."jobSeekerId" = p.id)`,
    );
  for (const name of plan.relations) {
    const relation = RELATIONS[name];
    const relationWhere = whereSql(
      relation.model,
      accessibleWhere(ability, 'read', relation.model),
      'r',
      params,
    );
    if (relationWhere === null) return null;
    const derived = name === 'navSharingGrants' && plan.grantConsent;
    const wanted = [
      ...new Set([
        ...plan.fields[relation.model],
        ...(derived ? ['scopes', 'revokedAt', 'validFrom', 'validUntil'] : []),
      ]),
    ];
    // The grant's consent as the normal path selects it (a required relation, row-level security alone).
    const consent = derived
      ? `, 'consent', (SELECT json_build_object('withdrawnAt', c."withdrawnAt", 'validFrom', c."validFrom",
          'validUntil', c."validUntil", 'navParts', c."navParts") FROM consent c
          WHERE c."organizationId" = r."organizationId" AND c.id = r."consentId")`
      : '';
    const object = wanted.map((c) => `'${c}', r."${c}"`).join(', ') + consent;
    relationSql.push(
      `'${name}', (SELECT coalesce(json_agg(json_build_object(${object}) ORDER BY ${relation.orderBy
        .split(', ')
        .map((o) => `r.${o}`)
        .join(', ')}), '[]'::json) FROM ${tableOf(relation.model)} r
        WHERE r."organizationId" = p."organizationId" AND r."jobSeekerId" = p.id AND ${relationWhere})`,
    );
  }
  if (plan.deadline)
    // The normal path's selection for the status: the open tasks, under row-level security alone.
    relationSql.push(
      `'openTasks', (SELECT coalesce(json_agg(json_build_object('dueOn', t."dueOn", 'warnFrom', t."warnFrom")), '[]'::json)
        FROM task t WHERE t."organizationId" = p."organizationId" AND t."jobSeekerId" = p.id AND t.status = 'OPEN')`,
    );
  const object = [...[...columns].map((c) => `'${c}', p."${c}"`), ...relationSql].join(', ');
  const sql = `SELECT coalesce(json_agg(json_build_object(${object}) ORDER BY p."referralDate" DESC, p.id DESC), '[]'::json)::text AS rows
FROM (SELECT ${[...columns].map((c) => `js."${c}"`).join(', ')} FROM job_seeker js
      WHERE ${where}${after}
      ORDER BY js."referralDate" DESC, js.id DESC LIMIT ${params.add(limit)}${cursor ? ' OFFSET 1' : ''}) p`;
  const result = (await ctx.db.$queryRawUnsafe(sql, ...params.values)) as { rows: string }[];
  const rows = JSON.parse(result[0]?.rows ?? '[]') as Row[];
  // A grant whose consent the statement could not read: the normal path decides what that means.
  if (plan.grantConsent)
    for (const row of rows)
      for (const g of (row.navSharingGrants ?? []) as { consent?: unknown }[]) if (!g.consent) return null;

  const shown = rows.length === limit ? rows.slice(0, -1) : rows;
  const now = ctx.now;
  const scope: ShapeScope = {
    today: osloDay(now),
    now,
    readable: (row) => (perRow ? readableJobSeekerFields(ability, factsOf(row)) : null),
  };
  for (const row of shown) recordRead(ctx, row, 'JobSeeker.list');
  const cursorOf = (row: Row) => formatPrismaCursor(row, 'id');
  const pageInfo: Record<string, unknown> = {
    hasNextPage: rows.length === limit,
    hasPreviousPage: cursor !== null,
    startCursor: shown[0] ? cursorOf(shown[0]) : null,
    endCursor: shown.length > 0 ? cursorOf(shown[shown.length - 1] as Row) : null,
  };
  const list: Record<string, unknown> = {};
  for (const part of plan.connection) {
    if ('typename' in part) list[part.key] = part.typename;
    else if ('pageInfo' in part)
      list[part.key] = Object.fromEntries(
        part.pageInfo.map((p) => [p.key, 'typename' in p ? p.typename : pageInfo[p.info]]),
      );
    else
      list[part.key] = shown.map((row) =>
        Object.fromEntries(
          part.edges.map((e) => {
            if ('typename' in e) return [e.key, e.typename];
            if ('cursor' in e) return [e.key, cursorOf(row)];
            return [e.key, shapeNode(e.node, row, scope)];
          }),
        ),
      );
  }
  return Object.fromEntries(
    plan.root.map((r) => [r.key, 'typename' in r ? r.typename : 'list' in r ? list : others?.[r.key]]),
  );
}

interface ShapeScope {
  today: string;
  now: Date;
  /** The row's readable job-seeker fields, or null when every field asked for is readable on every row. */
  readable: (row: Row) => ReadonlySet<string> | null;
}

const toDate = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)));

/** A consent's period as the rules read it (dates as dates). */
function periodOf(c: Record<string, unknown>) {
  return {
    ...c,
    withdrawnAt: toDate(c.withdrawnAt),
    validFrom: toDate(c.validFrom),
    validUntil: toDate(c.validUntil),
  };
}

/** The row's facts in the shape of JOB_SEEKER_ACCESS_SELECT, for the field rules. */
function factsOf(row: Row): object {
  const facts: Record<string, unknown> = {
    id: row.id,
    organizationId: row.organizationId,
    currentSpecialistId: row.currentSpecialistId,
    teamId: row.teamId,
    protectedAddress: row.protectedAddress,
  };
  if (row.factConsents) facts.consents = (row.factConsents as Record<string, unknown>[]).map(periodOf);
  if (row.factGrants)
    facts.navSharingGrants = (row.factGrants as Record<string, unknown>[]).map((g) => ({
      ...periodOf(g),
      revokedAt: toDate(g.revokedAt),
      consent: g.consent ? periodOf(g.consent as Record<string, unknown>) : null,
    }));
  return facts;
}

function shapeNode(shape: NodeShape, row: Row, scope: ShapeScope): Record<string, unknown> {
  const { today, now } = scope;
  const readable = scope.readable(row);
  // A field the user may not read on this row is null, as on the normal path; the id is not guarded.
  const hidden = (part: Leaf) =>
    readable !== null && 'format' in part && part.format !== 'globalId' && !readable.has(part.column);
  const out: Record<string, unknown> = {};
  for (const part of shape) {
    if ('relation' in part) {
      const items = (row[part.relation] ?? []) as Record<string, unknown>[];
      out[part.key] = items.map((item) =>
        Object.fromEntries(part.leaves.map((leaf) => [leaf.key, leafValue(leaf, item, '', now)])),
      );
    } else if (hidden(part)) {
      out[part.key] = null;
    } else if ('format' in part && part.format === 'teamConsent') {
      const consents = ((row.factConsents ?? []) as Record<string, unknown>[]).map(
        periodOf,
      ) as ConsentPeriod[];
      out[part.key] = consents.some((c) => isConsentActive(c, now))
        ? 'GIVEN'
        : row.teamConsentRefusedAt
          ? 'REFUSED'
          : 'MISSING';
    } else if ('format' in part && part.format === 'deadline') {
      const tasks = (row.openTasks ?? []) as { dueOn: string; warnFrom: string }[];
      out[part.key] = worstStatus(tasks, today);
    } else out[part.key] = leafValue(part, row, 'JobSeeker', now);
  }
  return out;
}

/** A grant with its consent, as the domain rules read it. */
function grantOf(row: Record<string, unknown>) {
  const c = row.consent as Record<string, unknown>;
  return {
    scopes: (row.scopes ?? []) as string[],
    revokedAt: toDate(row.revokedAt),
    validFrom: new Date(String(row.validFrom)),
    validUntil: toDate(row.validUntil),
    consent: {
      withdrawnAt: toDate(c.withdrawnAt),
      validFrom: new Date(String(c.validFrom)),
      validUntil: toDate(c.validUntil),
      navParts: (c.navParts ?? []) as string[],
    },
  };
}

function leafValue(leaf: Leaf, row: Record<string, unknown>, nodeType: string, now: Date): unknown {
  if ('typename' in leaf) return leaf.typename;
  if (leaf.format === 'sharedParts' || leaf.format === 'active' || leaf.format === 'sharedUntil') {
    const g = grantOf(row);
    if (leaf.format === 'active') return isGrantActive(g, now);
    if (leaf.format === 'sharedParts')
      return isGrantActive(g, now) ? sharedParts(g.scopes, g.consent.navParts) : [];
    return earlierEnd(g.validUntil, g.consent.validUntil)?.toISOString() ?? null;
  }
  const value = row[leaf.column];
  if (value === null || value === undefined) return null;
  switch (leaf.format) {
    case 'globalId':
      return encodeGlobalID(nodeType, String(value));
    case 'datetime':
      return new Date(String(value)).toISOString();
    case 'date':
      return String(value).slice(0, 10);
    default:
      return value;
  }
}
