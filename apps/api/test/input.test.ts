/**
 * Bad input over HTTP (issue 14): whatever a client sends — an id that is not one, a NUL byte or a
 * lone surrogate in text, a date in the year 1 or 275760, a "happened on" day in the future, a
 * thousand ids at once — the answer is a typed error that names the field (`ValidationError` in a
 * mutation's union, `BAD_USER_INPUT` with the same issues elsewhere), never an internal error, and
 * nothing is written. The schema walks check every argument and input field, not a chosen few.
 */
import { osloDay } from '@ips/domain';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let specialist: { email: string; userId: string; organizationId: string };
let jobSeekerId: string;

const today = osloDay(new Date());
const plusDays = (n: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  // An own job seeker in job search, referred at least 60 days ago (so a job can start 30 days ago).
  specialist = await userWith(
    stack.admin,
    'JOB_SPECIALIST',
    `EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = u.id AND j.phase = 'JOB_SEARCH'
       AND j."referralDate" <= CURRENT_DATE - 60)`,
  );
  const { rows } = await stack.admin.query<{ id: string }>(
    `SELECT id FROM job_seeker WHERE "currentSpecialistId" = $1 AND phase = 'JOB_SEARCH'
       AND "referralDate" <= CURRENT_DATE - 60 ORDER BY id LIMIT 1`,
    [specialist.userId],
  );
  jobSeekerId = rows[0]?.id as string;
});
afterAll(async () => {
  await stack?.close();
});

const count = async (sql: string, params: unknown[] = []) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);

type Issue = { field: string; code: string };
type Outcome = { __typename?: string; issues?: Issue[] };
type Response = Awaited<ReturnType<Stack['gql']>>;

/** The issues a response carries: a typed ValidationError's, or those of a BAD_USER_INPUT error. */
function issuesOf(res: Response, field: string): Issue[] {
  const typed = (res.data as Record<string, Outcome | null> | undefined)?.[field];
  if (typed?.__typename === 'ValidationError') return typed.issues ?? [];
  return (res.errors ?? []).flatMap((e) =>
    e.extensions?.code === 'BAD_USER_INPUT' ? ((e.extensions.issues as Issue[] | undefined) ?? []) : [],
  );
}
const codes = (res: Response) => (res.errors ?? []).map((e) => e.extensions?.code);

// ─── walking the schema: a value for every argument ───

const UUID = '0190f0c4-0000-7000-8000-000000000001';
/** A value of each scalar that passes input checks; a walk overrides one of them with a bad one. */
const GOOD: Record<string, unknown> = {
  ID: UUID,
  String: 'abc',
  Int: 1,
  Float: 1,
  Boolean: false,
  Date: '2020-01-02',
  DateTime: '2020-01-02T10:00:00Z',
};

/** Text that passes each text field's own format check (by the field's name), else `abc`. */
const GOOD_TEXT: [RegExp, string][] = [
  [/email$/i, 'a@example.no'],
  [/(Date|On|^on|^validFrom)$/, '2020-01-02'],
  [/^(issuer|jwksUri)$/, 'https://example.no'],
  [/^(municipalityNumber|postalCode)$/, '0150'],
  [/^industryCode$/, '01'],
];

/** A value for `type`, with `bad` at `path` (segments below it) and a good value everywhere else. */
function sample(type: GraphQLInputType, name: string, bad?: { path: string[]; value: unknown }): unknown {
  const here = bad && bad.path.length === 0 ? bad : undefined;
  const below = (segment: string) =>
    bad && bad.path[0] === segment ? { path: bad.path.slice(1), value: bad.value } : undefined;
  if (isNonNullType(type)) return sample(type.ofType, name, bad);
  if (isListType(type)) return [sample(type.ofType, name, below('0'))];
  if (isInputObjectType(type)) {
    // Every field, optional ones too.
    return Object.fromEntries(
      Object.values(type.getFields()).map((f) => [f.name, sample(f.type, f.name, below(f.name))]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (here) return here.value;
  const scalar = getNamedType(type).name;
  if (scalar === 'String') return GOOD_TEXT.find(([re]) => re.test(name))?.[1] ?? 'abc';
  if (scalar in GOOD) return GOOD[scalar];
  throw new Error(`no sample for ${scalar}`);
}

/** Where `scalar` occurs in `type`: one path of field names (and `0` for a list item) each. */
function pathsTo(type: GraphQLInputType, scalar: string, seen: string[] = []): string[][] {
  if (isNonNullType(type)) return pathsTo(type.ofType, scalar, seen);
  if (isListType(type)) return pathsTo(type.ofType, scalar, seen).map((p) => ['0', ...p]);
  if (isInputObjectType(type)) {
    if (seen.includes(type.name)) return [];
    return Object.values(type.getFields()).flatMap((f) =>
      pathsTo(f.type, scalar, [...seen, type.name]).map((p) => [f.name, ...p]),
    );
  }
  return isScalarType(type) && type.name === scalar ? [[]] : [];
}

function operation(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  args: GraphQLArgument[],
) {
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const uses = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const typed = isUnionType(named) && named.getTypes().some((t) => t.name === 'ValidationError');
  const selection =
    isScalarType(named) || isEnumType(named)
      ? ''
      : `{ __typename ${typed ? '... on ValidationError { issues { field code } }' : ''} }`;
  return `${kind}${defs ? `(${defs})` : ''} { ${field.name}${uses ? `(${uses})` : ''} ${selection} }`;
}

/**
 * Every place `scalar` occurs in the arguments of every query and mutation, one at a time: the bad
 * value there and good values everywhere else. The answer must be a typed error naming that field
 * (the path below the mutation's `input`, e.g. `agendaNotes.0.agendaItemId`) with `expectedCode`.
 */
async function walk(scalar: string, bad: unknown, expectedCode: string): Promise<number> {
  const failures: string[] = [];
  let checked = 0;
  for (const kind of ['query', 'mutation'] as const) {
    const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    if (!root || !isObjectType(root)) continue;
    for (const field of Object.values(root.getFields())) {
      for (const arg of field.args) {
        for (const path of pathsTo(arg.type, scalar)) {
          checked++;
          // The argument under test and the required ones (optional ones may exclude each other).
          const args = field.args.filter((a) => a === arg || isNonNullType(a.type));
          const variables = Object.fromEntries(
            args.map((a) => [a.name, sample(a.type, a.name, a === arg ? { path, value: bad } : undefined)]),
          );
          const res = await stack.gql(specialist.email, operation(kind, field, args), variables);
          const where = [arg.name, ...path].join('.');
          const name = `${kind} ${field.name} ${where}`;
          if (codes(res).includes('INTERNAL_SERVER_ERROR')) {
            failures.push(`${name}: INTERNAL_SERVER_ERROR ${res.errors?.[0]?.message}`);
            continue;
          }
          // node/nodes answer null for an id that names nothing.
          if (field.name === 'node' || field.name === 'nodes') {
            if (res.errors) failures.push(`${name}: ${res.errors[0]?.message}`);
            continue;
          }
          const expectedField = (arg.name === 'input' ? path : [arg.name, ...path]).join('.');
          const issues = issuesOf(res, field.name);
          if (!issues.some((i) => i.field === expectedField && i.code === expectedCode))
            failures.push(
              `${name}: expected ${expectedField} ${expectedCode}, got ${JSON.stringify(issues.length ? issues : res)}`,
            );
        }
      }
    }
  }
  expect(failures).toEqual([]);
  return checked;
}

describe('ids', () => {
  it('node and nodes answer null for a global id that holds no UUID or names no node type', async () => {
    const uuid = UUID;
    const ids = [
      b64('JobSeeker:1'),
      b64("JobSeeker:1' OR 1=1"),
      b64('Organization:abc'),
      b64(`NoSuchType:${uuid}`),
      b64(`ValidationError:${uuid}`),
      '!!! not base64 !!!',
      b64(`JobSeeker:${uuid}`),
    ];
    for (const id of ids) {
      const one = await stack.gql(specialist.email, 'query($id: ID!) { node(id: $id) { id } }', { id });
      expect(one.errors, id).toBeUndefined();
      expect(one.data, id).toEqual({ node: null });
    }
    const many = await stack.gql(specialist.email, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids,
    });
    expect(many.errors).toBeUndefined();
    expect(many.data).toEqual({ nodes: ids.map(() => null) });
  });

  it('every ID argument and input field refuses a non-UUID with a typed error naming it', async () => {
    expect(await walk('ID', '1', 'INVALID_ID')).toBeGreaterThan(0);
  });

  it('a mutation answers its own ValidationError for a bad id, and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM consent');
    const res = await stack.gql<{ recordConsent: Outcome }>(
      specialist.email,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { __typename ... on ValidationError { issues { field code } } } }`,
      { input: { jobSeekerId: 'x', scope: 'NAV_SHARING' } },
    );
    expect(res.data?.recordConsent).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'jobSeekerId', code: 'INVALID_ID' }],
    });
    expect(await count('SELECT count(*) AS n FROM consent')).toBe(before);
  });

  it('a page cursor that holds no UUID is a bad input, not a database error', async () => {
    for (const after of [b64('GPC:S:1'), b64('GPC:S:abc'), 'not a cursor']) {
      const res = await stack.gql(
        specialist.email,
        'query($after: String) { jobSeekers(first: 2, after: $after) { edges { node { id } } } }',
        {
          after,
        },
      );
      expect(codes(res), after).not.toContain('INTERNAL_SERVER_ERROR');
      expect(codes(res), after).toContain('BAD_USER_INPUT');
    }
  });

  it('nodes takes at most a page of ids', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => b64(`JobSeeker:${i}`));
    const res = await stack.gql(specialist.email, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(res.data?.nodes ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.issues).toEqual([
      expect.objectContaining({ field: 'ids', code: 'TOO_MANY' }),
    ]);
    const page = Array.from({ length: 50 }, (_, i) => b64(`JobSeeker:${i}`));
    const ok = await stack.gql(specialist.email, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: page,
    });
    expect(ok.errors).toBeUndefined();
  });
});

describe('text', () => {
  it('every String argument and input field refuses a NUL byte with a typed error naming it', async () => {
    expect(await walk('String', 'a\u0000b', 'INVALID_TEXT')).toBeGreaterThan(0);
  });

  it('every String argument and input field refuses a lone surrogate', async () => {
    expect(await walk('String', 'a\ud800b', 'INVALID_TEXT')).toBeGreaterThan(0);
  });

  it('a NUL byte in a consent’s document reference is a ValidationError on that field; nothing is written', async () => {
    const before = await count('SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1', [jobSeekerId]);
    const res = await stack.gql<{ recordConsent: Outcome }>(
      specialist.email,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { __typename ... on ValidationError { issues { field code } } } }`,
      { input: { jobSeekerId, scope: 'RELATIVES_NETWORK', documentReference: 'Skjema\u0000 i journal' } },
    );
    expect(res.data?.recordConsent).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'documentReference', code: 'INVALID_TEXT' }],
    });
    expect(await count('SELECT count(*) AS n FROM consent WHERE "jobSeekerId" = $1', [jobSeekerId])).toBe(
      before,
    );
  });
});

describe('dates', () => {
  const FAR = [
    '9999-12-31T23:59:59Z',
    '0001-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '1000-06-01T10:00:00Z',
  ];

  it('a team meeting far in the past or future is refused and not stored', async () => {
    const { rows } = await stack.admin.query<{ id: string; email: string }>(
      `SELECT t.id, u.email FROM specialist_team t JOIN app_user u ON u.id = t."methodSupervisorId"
       WHERE t.active ORDER BY t.id LIMIT 1`,
    );
    const team = rows[0] as { id: string; email: string };
    const before = await count('SELECT count(*) AS n FROM team_meeting WHERE "teamId" = $1', [team.id]);
    for (const scheduledAt of FAR) {
      const res = await stack.gql<{ createTeamMeeting: Outcome }>(
        team.email,
        `mutation($input: CreateTeamMeetingInput!) { createTeamMeeting(input: $input) { __typename ... on ValidationError { issues { field code } } } }`,
        { input: { teamId: team.id, scheduledAt } },
      );
      expect(codes(res), scheduledAt).toEqual([]);
      expect(res.data?.createTeamMeeting, scheduledAt).toEqual({
        __typename: 'ValidationError',
        issues: [{ field: 'scheduledAt', code: 'OUT_OF_RANGE' }],
      });
    }
    expect(await count('SELECT count(*) AS n FROM team_meeting WHERE "teamId" = $1', [team.id])).toBe(before);
  });

  it('a consent’s end date far away is refused and the consent is unchanged', async () => {
    // A consent of the job seeker's the specialist may change: one they record now, in a scope
    // not given yet.
    const { rows: free } = await stack.admin.query<{ scope: string }>(
      `SELECT s.scope FROM unnest(enum_range(NULL::"ConsentScope")) AS s(scope) WHERE NOT EXISTS (
         SELECT 1 FROM consent c WHERE c."jobSeekerId" = $1 AND c.scope = s.scope AND c."withdrawnAt" IS NULL)
       ORDER BY s.scope LIMIT 1`,
      [jobSeekerId],
    );
    const recorded = await stack.gql<{ recordConsent: { data?: { id: string; version: number } } }>(
      specialist.email,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { ... on MutationRecordConsentSuccess { data { id version } } } }`,
      { input: { jobSeekerId, scope: free[0]?.scope } },
    );
    const consent = recorded.data?.recordConsent.data as { id: string; version: number };
    expect(consent?.id).toBeDefined();
    for (const validUntil of FAR) {
      const res = await stack.gql<{ changeConsent: Outcome }>(
        specialist.email,
        `mutation($input: ChangeConsentInput!) { changeConsent(input: $input) { __typename ... on ValidationError { issues { field code } } } }`,
        { input: { id: consent.id, version: consent.version, validUntil } },
      );
      expect(codes(res), validUntil).toEqual([]);
      expect(res.data?.changeConsent, validUntil).toEqual({
        __typename: 'ValidationError',
        issues: [{ field: 'validUntil', code: 'OUT_OF_RANGE' }],
      });
    }
    const { rows } = await stack.admin.query('SELECT version, "validUntil" FROM consent WHERE id = $1', [
      consent.id,
    ]);
    expect(rows[0]).toEqual({ version: consent.version, validUntil: null });
  });

  it('every date and time argument and input field refuses the year 9999 and the year 1', async () => {
    expect(await walk('DateTime', '9999-12-31T23:59:59Z', 'OUT_OF_RANGE')).toBeGreaterThan(0);
    await walk('DateTime', '0001-01-01T00:00:00Z', 'OUT_OF_RANGE');
    await walk('Date', '9999-12-31', 'OUT_OF_RANGE');
    await walk('Date', '0001-01-01', 'OUT_OF_RANGE');
  });

  it('every calendar-day text input refuses the year 9999 (OUT_OF_RANGE), not only the scalars', async () => {
    // recordJobStart's startDate is a String (YYYY-MM-DD) in the schema: the same range applies.
    const res = await stack.gql<{ recordJobStart: Outcome }>(
      specialist.email,
      `mutation($input: RecordJobStartInput!) { recordJobStart(input: $input) { __typename ... on ValidationError { issues { field code } } } }`,
      { input: jobStart('9999-12-31') },
    );
    expect(res.data?.recordJobStart).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'startDate', code: 'OUT_OF_RANGE' }],
    });
  });

  it('a job cannot be learned of, or have ended, on a day still to come (Europe/Oslo)', async () => {
    const start = await stack.gql<{ recordJobStart: { data?: { id: string; version: number } } }>(
      specialist.email,
      `mutation($input: RecordJobStartInput!) { recordJobStart(input: $input) { ... on MutationRecordJobStartSuccess { data { id version } } } }`,
      { input: jobStart(plusDays(-30)) },
    );
    const job = start.data?.recordJobStart.data as { id: string; version: number };
    expect(job?.id).toBeDefined();
    const END = `mutation($input: EndEmploymentInput!) { endEmployment(input: $input) { __typename
      ... on ValidationError { issues { field code } } ... on MutationEndEmploymentSuccess { data { version } } } }`;
    const end = (endDate: string, learnedOn: string) =>
      stack.gql<{ endEmployment: Outcome }>(specialist.email, END, {
        input: { employmentId: job.id, version: job.version, endDate, learnedOn, endedBy: 'EMPLOYER' },
      });
    const future = await end(plusDays(60), plusDays(61));
    expect(future.data?.endEmployment.issues).toEqual(
      expect.arrayContaining([
        { field: 'endDate', code: 'IN_FUTURE' },
        { field: 'learnedOn', code: 'IN_FUTURE' },
      ]),
    );
    const tomorrow = await end(plusDays(-1), plusDays(1));
    expect(tomorrow.data?.endEmployment.issues).toEqual([{ field: 'learnedOn', code: 'IN_FUTURE' }]);
    expect(
      await count('SELECT count(*) AS n FROM employment WHERE id = $1 AND "endDate" IS NULL', [job.id]),
    ).toBe(1);
    const ok = await end(plusDays(-1), today);
    expect(ok.data?.endEmployment.__typename).toBe('MutationEndEmploymentSuccess');
  });
});

function jobStart(startDate: string) {
  return {
    jobSeekerId,
    kind: 'ORDINARY_JOB',
    jobTitle: 'Lagermedarbeider',
    jobType: 'PART',
    startDate,
    hoursPerWeek: 20,
    openLabourMarket: true,
    atLeastMinimumWage: true,
    openToAnyone: true,
    employerMeetingWanted: false,
  };
}
