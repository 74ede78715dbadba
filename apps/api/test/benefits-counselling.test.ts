/**
 * Benefits counselling (issue 17; IPS principle 5, seed 003 §5) over HTTP: the typed record, its
 * checks, the version check, the journal note and the follow-up duty, and who may read, record and
 * edit it — a matrix of role × own / same team / other team / other tenant, and NAV × own office /
 * other office × consent covers / does not / withdrawn (docs/benefits-counselling.md).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';
import { addSecondTeam, findCell, type Relation, type Role } from './relations.js';

let stack: Stack;
let specialist: { email: string; userId: string; organizationId: string };
let jobSeekerId: string;
let colleague: string;

const osloToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const RECORD = `mutation($input: RecordBenefitsCounsellingInput!) { recordBenefitsCounselling(input: $input) {
  __typename
  ... on MutationRecordBenefitsCounsellingSuccess { data { id version counselledOn followUpOn referredToNav referralNote
      benefits { benefit incomeChange } givenBy { id } } }
  ... on ValidationError { issues { field code } } } }`;
const UPDATE = `mutation($input: UpdateBenefitsCounsellingInput!) { updateBenefitsCounselling(input: $input) {
  __typename
  ... on MutationUpdateBenefitsCounsellingSuccess { data { id version followUpOn benefits { benefit incomeChange } } }
  ... on ConflictError { currentVersion }
  ... on ValidationError { issues { field code } } } }`;
const READ = `query($id: ID!) { jobSeeker(id: $id) { benefitsCounselling { id benefits { benefit } } } }`;

type Saved = {
  __typename: string;
  data?: { id: string; version: number; followUpOn: string | null; benefits: unknown[] };
  currentVersion?: number;
  issues?: { field: string; code: string }[];
};

const content = () => ({
  counselledOn: osloToday(),
  benefits: [
    { benefit: 'WORK_ASSESSMENT_ALLOWANCE', incomeChange: 'AAP avkortes mot arbeidsinntekt time for time' },
    { benefit: 'HOUSING_ALLOWANCE', incomeChange: 'Bostøtten beregnes på nytt ved høyere inntekt' },
  ],
  referredToNav: true,
  referralNote: 'Beregning av AAP ved 40 % stilling',
  followUpOn: addDays(osloToday(), 14),
});

async function record(email: string, id: string, input: Record<string, unknown> = content()) {
  return stack.gql<{ recordBenefitsCounselling: Saved }>(email, RECORD, {
    input: { jobSeekerId: id, ...input },
  });
}
async function update(email: string, counsellingId: string, version: number, input = content()) {
  return stack.gql<{ updateBenefitsCounselling: Saved }>(email, UPDATE, {
    input: { counsellingId, version, ...input },
  });
}
/** The counselling records of the job seeker this user reads (none when the job seeker is hidden). */
async function reads(email: string, id: string): Promise<string[]> {
  const res = await stack.gql<{ jobSeeker: { benefitsCounselling: { id: string }[] } | null }>(email, READ, {
    id,
  });
  expect(res.errors).toBeUndefined();
  return (res.data?.jobSeeker?.benefitsCounselling ?? []).map((c) => c.id);
}
/** A record written below the application, for a cell's job seeker. */
async function seedRecord(jobSeeker: string): Promise<string> {
  const { rows } = await stack.admin.query<{ id: string }>(
    `INSERT INTO benefits_counselling (id, "organizationId", "jobSeekerId", "counselledOn", benefits, "givenById", "updatedAt")
     SELECT gen_random_uuid(), j."organizationId", j.id, (now() AT TIME ZONE 'Europe/Oslo')::date,
            '[{"benefit":"DISABILITY_BENEFIT","incomeChange":"Inntektsgrensen"}]', j."currentSpecialistId", now()
     FROM job_seeker j WHERE j.id = $1 RETURNING id`,
    [jobSeeker],
  );
  return (rows[0] as { id: string }).id;
}
type Outcome = 'ok' | 'forbidden' | 'not found';
const outcome = (res: { data?: Record<string, { __typename: string } | null>; errors?: unknown[] }) => {
  if (JSON.stringify(res.errors ?? []).includes('FORBIDDEN')) return 'forbidden';
  const typename = Object.values(res.data ?? {})[0]?.__typename ?? '';
  if (typename === 'NotFoundError') return 'not found';
  if (typename.endsWith('Success')) return 'ok';
  return `unexpected ${typename} ${JSON.stringify(res.errors ?? [])}`;
};

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  await addSecondTeam(stack);
  // An own, active job seeker with team-discussion consent, no NAV consent yet, in a team with a
  // colleague (another active job specialist).
  const candidate = `EXISTS (SELECT 1 FROM job_seeker j WHERE j."currentSpecialistId" = m."userId" AND j.phase <> 'DISCHARGED'
       AND EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION' AND c."withdrawnAt" IS NULL
                   AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now()))
       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'NAV_SHARING')
       AND EXISTS (SELECT 1 FROM team_member tm JOIN membership mm ON mm."userId" = tm."userId" AND mm.role = 'JOB_SPECIALIST' AND mm."endedAt" IS NULL
                   WHERE tm."teamId" = j."teamId" AND tm."leftOn" IS NULL AND tm."userId" <> m."userId"))`;
  specialist = await userWith(stack.admin, 'JOB_SPECIALIST', candidate);
  const { rows } = await stack.admin.query<{ id: string; colleague: string }>(
    `SELECT j.id, (SELECT u.email FROM team_member tm JOIN app_user u ON u.id = tm."userId"
                   JOIN membership mm ON mm."userId" = tm."userId" AND mm.role = 'JOB_SPECIALIST' AND mm."endedAt" IS NULL
                   WHERE tm."teamId" = j."teamId" AND tm."leftOn" IS NULL AND tm."userId" <> $1 ORDER BY u.email LIMIT 1) AS colleague
     FROM job_seeker j WHERE j."currentSpecialistId" = $1 AND j.phase <> 'DISCHARGED'
       AND EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION' AND c."withdrawnAt" IS NULL
                   AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now()))
       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'NAV_SHARING')
     ORDER BY j.id LIMIT 1`,
    [specialist.userId],
  );
  jobSeekerId = rows[0]?.id as string;
  colleague = rows[0]?.colleague as string;
  // The referral lies before today on any calendar day the suite runs at.
  await stack.admin.query(
    `UPDATE job_seeker SET "referralDate" = least("referralDate", (now() AT TIME ZONE 'Europe/Oslo')::date - 30) WHERE id = $1`,
    [jobSeekerId],
  );
});
afterAll(async () => {
  await stack?.close();
});

describe('benefits counselling: the record', () => {
  it('records the counselling with a journal note and a follow-up duty; an edit is version-checked and moves the duty', async () => {
    const saved = await record(specialist.email, jobSeekerId);
    expect(saved.errors).toBeUndefined();
    const data = saved.data?.recordBenefitsCounselling.data as NonNullable<Saved['data']> & {
      givenBy: { id: string };
    };
    expect(data).toMatchObject({
      version: 1,
      counselledOn: osloToday(),
      followUpOn: addDays(osloToday(), 14),
      referredToNav: true,
      referralNote: 'Beregning av AAP ved 40 % stilling',
      givenBy: { id: specialist.userId },
    });
    expect(data.benefits).toEqual(content().benefits);
    // A colleague of the team (team-discussion consent given) reads it, and may not edit it.
    expect(await reads(colleague, jobSeekerId)).toContain(data.id);
    expect(outcome(await update(colleague, data.id, 1))).toBe('forbidden');

    const notes = await stack.admin.query<{ kind: string; text: string }>(
      'SELECT kind, text FROM journal_note WHERE "sourceId" = $1 ORDER BY "createdAt"',
      [data.id],
    );
    expect(notes.rows.map((n) => n.kind)).toEqual(['BENEFITS_COUNSELLING']);
    expect(notes.rows[0]?.text).toContain('Arbeidsavklaringspenger (AAP): AAP avkortes');
    expect(notes.rows[0]?.text).toContain('Sendt NAV for beregning: Beregning av AAP ved 40 % stilling');

    const duties = () =>
      stack.admin
        .query<{ status: string; dueOn: string; assigneeId: string }>(
          `SELECT status, to_char("dueOn", 'YYYY-MM-DD') AS "dueOn", "assigneeId" FROM task
           WHERE rule = 'BENEFITS_FOLLOW_UP' AND "jobSeekerId" = $1 ORDER BY "createdAt", status`,
          [jobSeekerId],
        )
        .then((r) => r.rows);
    expect(await duties()).toEqual([
      { status: 'OPEN', dueOn: addDays(osloToday(), 14), assigneeId: specialist.userId },
    ]);
    // The duty is in the specialist's deadlines.
    const deadlines = await stack.gql<{ myDeadlines: { rule: string; title: string }[] }>(
      specialist.email,
      '{ myDeadlines { rule title } }',
    );
    expect(deadlines.errors).toBeUndefined();
    expect(deadlines.data?.myDeadlines).toContainEqual({
      rule: 'BENEFITS_FOLLOW_UP',
      title: 'Følg opp ytelsesveiledningen',
    });

    const stale = await update(specialist.email, data.id, 7);
    expect(stale.data?.updateBenefitsCounselling).toEqual({ __typename: 'ConflictError', currentVersion: 1 });
    const moved = await update(specialist.email, data.id, 1, {
      ...content(),
      followUpOn: addDays(osloToday(), 21),
    });
    expect(moved.data?.updateBenefitsCounselling.data).toMatchObject({
      version: 2,
      followUpOn: addDays(osloToday(), 21),
    });
    expect(await duties()).toEqual([
      { status: 'CANCELLED', dueOn: addDays(osloToday(), 14), assigneeId: specialist.userId },
      { status: 'OPEN', dueOn: addDays(osloToday(), 21), assigneeId: specialist.userId },
    ]);
    const edited = await stack.admin.query('SELECT 1 FROM journal_note WHERE "sourceId" = $1', [data.id]);
    expect(edited.rowCount).toBe(2);

    // The next counselling is the follow-up: the open duty is done.
    const next = await record(specialist.email, jobSeekerId, { ...content(), followUpOn: null });
    expect(next.data?.recordBenefitsCounselling.__typename).toBe('MutationRecordBenefitsCounsellingSuccess');
    expect((await duties()).map((d) => d.status)).toEqual(['CANCELLED', 'DONE']);
  });

  it('refuses what is not counselling given, with typed errors at the fields, and writes nothing', async () => {
    const count = async () =>
      (await stack.admin.query('SELECT 1 FROM benefits_counselling WHERE "jobSeekerId" = $1', [jobSeekerId]))
        .rowCount;
    const before = await count();
    const cases: [Record<string, unknown>, { field: string; code: string }][] = [
      [{ benefits: [] }, { field: 'benefits', code: 'EMPTY' }],
      [
        {
          benefits: [
            { benefit: 'SICKNESS_BENEFIT', incomeChange: 'a' },
            { benefit: 'SICKNESS_BENEFIT', incomeChange: 'b' },
          ],
        },
        { field: 'benefits', code: 'DUPLICATE' },
      ],
      [
        { benefits: [{ benefit: 'SICKNESS_BENEFIT', incomeChange: '  ' }] },
        { field: 'benefits', code: 'REQUIRED' },
      ],
      [
        { benefits: [{ benefit: 'OTHER', incomeChange: 'x'.repeat(2001) }] },
        { field: 'benefits', code: 'TOO_LONG' },
      ],
      [{ referralNote: ' ' }, { field: 'referralNote', code: 'REQUIRED' }],
      [{ counselledOn: addDays(osloToday(), 1) }, { field: 'counselledOn', code: 'IN_FUTURE' }],
      [{ followUpOn: addDays(osloToday(), -1) }, { field: 'followUpOn', code: 'IN_PAST' }],
    ];
    for (const [change, issue] of cases) {
      const res = await record(specialist.email, jobSeekerId, { ...content(), ...change });
      expect(res.data?.recordBenefitsCounselling, JSON.stringify(change)).toEqual({
        __typename: 'ValidationError',
        issues: [issue],
      });
    }
    const bad = await stack.gql(specialist.email, RECORD, {
      input: { jobSeekerId, ...content(), benefits: [{ benefit: 'LOTTERY', incomeChange: 'x' }] },
    });
    expect(bad.status).toBeLessThan(500);
    expect(bad.errors).toBeDefined();
    expect(await count()).toBe(before);
  });
});

describe('benefits counselling: who reads, records and edits (matrix)', () => {
  const cells: [Role, Relation, { read: boolean; create: Outcome; update: Outcome }][] = [
    ['JOB_SPECIALIST', 'own', { read: true, create: 'ok', update: 'ok' }],
    ['JOB_SPECIALIST', 'same team, team consent', { read: true, create: 'forbidden', update: 'forbidden' }],
    ['JOB_SPECIALIST', 'same team, no consent', { read: false, create: 'not found', update: 'not found' }],
    ['JOB_SPECIALIST', 'other team', { read: false, create: 'not found', update: 'not found' }],
    ['JOB_SPECIALIST', 'other tenant', { read: false, create: 'not found', update: 'not found' }],
    [
      'METHOD_SUPERVISOR',
      'same team, team consent',
      { read: true, create: 'forbidden', update: 'forbidden' },
    ],
    ['METHOD_SUPERVISOR', 'other tenant', { read: false, create: 'not found', update: 'not found' }],
    ['HEALTH_SERVICE_LEADER', 'same organisation', { read: false, create: 'not found', update: 'not found' }],
    ['TENANT_ADMINISTRATOR', 'same organisation', { read: false, create: 'not found', update: 'not found' }],
  ];
  it.each(cells)('%s × %s', async (role, relation, expected) => {
    const cell = await findCell(stack, role, relation);
    const id = await seedRecord(cell.jobSeekerId);
    expect((await reads(cell.email, cell.jobSeekerId)).includes(id)).toBe(expected.read);
    // Recording on a discharged job seeker is refused on its own; the matrix asks about access.
    await stack.admin.query(
      `UPDATE job_seeker SET phase = 'JOB_SEARCH' WHERE id = $1 AND phase = 'DISCHARGED'`,
      [cell.jobSeekerId],
    );
    expect(outcome(await record(cell.email, cell.jobSeekerId))).toBe(expected.create);
    expect(outcome(await update(cell.email, id, 1))).toBe(expected.update);
  });
});

describe('benefits counselling: NAV reads it only while the consent covers it', () => {
  it('own office × consent does not cover / covers / withdrawn; other office never', async () => {
    const offices = await stack.admin.query<{ id: string; email: string }>(
      `SELECT DISTINCT ON (o.id) o.id, u.email FROM organization o JOIN membership m ON m."organizationId" = o.id
         AND m.role = 'NAV_COUNSELLOR' AND m."endedAt" IS NULL JOIN app_user u ON u.id = m."userId" AND u.active
       WHERE o.kind = 'NAV_OFFICE' AND o.active ORDER BY o.id, u.email LIMIT 2`,
    );
    const [office, otherOffice] = offices.rows as { id: string; email: string }[];
    if (!office || !otherOffice) throw new Error('the demo data has fewer than two NAV offices');
    const mine = await seedRecord(jobSeekerId);

    // Consent to NAV for employment status only: the part cannot be shared.
    const consent = await stack.gql<{
      recordConsent: { data: { id: string; version: number; navParts: string[] } };
    }>(
      specialist.email,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) {
        ... on MutationRecordConsentSuccess { data { id version navParts } } } }`,
      { input: { jobSeekerId, scope: 'NAV_SHARING', navParts: ['EMPLOYMENT_STATUS'] } },
    );
    const consentId = consent.data?.recordConsent.data.id as string;
    const GRANT = `mutation($input: GrantNavSharingInput!) { grantNavSharing(input: $input) {
      __typename ... on MutationGrantNavSharingSuccess { data { id scopes } } ... on ValidationError { issues { field code } } } }`;
    const beyond = await stack.gql<{ grantNavSharing: Saved }>(specialist.email, GRANT, {
      input: { jobSeekerId, navOfficeId: office.id, scopes: ['EMPLOYMENT_STATUS', 'BENEFITS_COUNSELLING'] },
    });
    expect(beyond.data?.grantNavSharing).toEqual({
      __typename: 'ValidationError',
      issues: [{ field: 'scopes', code: 'NOT_CONSENTED' }],
    });
    await stack.gql(specialist.email, GRANT, {
      input: { jobSeekerId, navOfficeId: office.id, scopes: ['EMPLOYMENT_STATUS'] },
    });
    expect(await reads(office.email, jobSeekerId)).toEqual([]);
    // A grant naming the part past the consent (written below the API) reads nothing either.
    await stack.admin.query(
      `UPDATE nav_sharing_grant SET scopes = array_append(scopes, 'BENEFITS_COUNSELLING') WHERE "consentId" = $1`,
      [consentId],
    );
    expect(await reads(office.email, jobSeekerId)).toEqual([]);

    // The consent widened to the part (the API keeps it) and the part shared: NAV reads it.
    const widened = await stack.gql<{ changeConsent: { data: { navParts: string[] } } }>(
      specialist.email,
      `mutation($input: ChangeConsentInput!) { changeConsent(input: $input) {
        ... on MutationChangeConsentSuccess { data { navParts } } } }`,
      {
        input: {
          id: consentId,
          version: consent.data?.recordConsent.data.version,
          navParts: ['EMPLOYMENT_STATUS', 'BENEFITS_COUNSELLING'],
        },
      },
    );
    expect(widened.data?.changeConsent.data.navParts).toContain('BENEFITS_COUNSELLING');
    const shared = await stack.gql<{ grantNavSharing: { data: { scopes: string[] } } }>(
      specialist.email,
      GRANT,
      {
        input: { jobSeekerId, navOfficeId: office.id, scopes: ['BENEFITS_COUNSELLING'] },
      },
    );
    expect(shared.data?.grantNavSharing.data.scopes).toContain('BENEFITS_COUNSELLING');
    expect(await reads(office.email, jobSeekerId)).toContain(mine);
    expect(await reads(otherOffice.email, jobSeekerId)).toEqual([]);
    // NAV reads, never writes.
    expect(outcome(await record(office.email, jobSeekerId))).toBe('forbidden');
    expect(outcome(await update(office.email, mine, 1))).toBe('forbidden');
    expect(outcome(await record(otherOffice.email, jobSeekerId))).toBe('not found');

    // Withdrawn: NAV reads nothing on the next request.
    const version = (
      await stack.admin.query<{ version: number }>('SELECT version FROM consent WHERE id = $1', [consentId])
    ).rows[0]?.version;
    const withdrawn = await stack.gql<{ withdrawConsent: { __typename: string } }>(
      specialist.email,
      `mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { __typename } }`,
      { input: { id: consentId, version } },
    );
    expect(withdrawn.data?.withdrawConsent.__typename).toBe('MutationWithdrawConsentSuccess');
    expect(await reads(office.email, jobSeekerId)).toEqual([]);
  });
});
