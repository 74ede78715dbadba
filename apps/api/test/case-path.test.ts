/** Referral, intake and discharge over HTTP: zero exclusion, typed bad input, deadlines, history. */
import { generateIdentityNumber } from '@ips/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack, userWith } from './harness.js';

let stack: Stack;
let specialist: { email: string; userId: string; organizationId: string };

beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  specialist = await userWith(stack.admin, 'JOB_SPECIALIST');
});
afterAll(async () => {
  await stack?.close();
});

const REFER = `mutation($input: ReferJobSeekerInput!) {
  referJobSeeker(input: $input) {
    __typename
    ... on MutationReferJobSeekerSuccess { data { id phase version identityNumber birthDate streetAddress } }
    ... on ValidationError { issues { field code } }
    ... on NotFoundError { entity }
  }
}`;
const INTAKE = `mutation($input: RecordIntakeInput!) {
  recordIntake(input: $input) {
    __typename
    ... on MutationRecordIntakeSuccess { data { phase version deadlineStatus } }
    ... on ConflictError { currentVersion }
    ... on ValidationError { issues { field code } }
  }
}`;
const DISCHARGE = `mutation($input: DischargeJobSeekerInput!) {
  dischargeJobSeeker(input: $input) {
    __typename
    ... on MutationDischargeJobSeekerSuccess { data { phase version deadlineStatus } }
    ... on ValidationError { issues { field code } }
  }
}`;

type Result = {
  __typename: string;
  data?: Record<string, unknown>;
  issues?: { field: string; code: string }[];
  currentVersion?: number;
  entity?: string;
};
const count = async (sql: string, params: unknown[] = []) =>
  Number((await stack.admin.query<{ n: string }>(sql, params)).rows[0]?.n);
const syntheticNumber = (birthDate: string, individual: number) =>
  generateIdentityNumber({ birthDate, synthetic: true, individual }) as string;
const dbId = (nodeId: unknown) => Buffer.from(String(nodeId), 'base64').toString().split(':')[1] as string;

const referral = (overrides: Record<string, unknown> = {}) => ({
  organizationId: specialist.organizationId,
  identityNumber: syntheticNumber('1991-04-17', 123),
  givenName: 'Ingrid',
  familyName: 'Johansen',
  referralDate: '2026-11-20',
  referredBy: 'DPS Allmennpoliklinikk',
  outOfWorkAtReferral: true,
  ...overrides,
});

describe('referral', () => {
  it('refers anyone who wants work: the referring specialist follows them, with history and an access-log row', async () => {
    const res = await stack.gql<{ referJobSeeker: Result }>(specialist.email, REFER, { input: referral() });
    expect(res.data?.referJobSeeker).toMatchObject({
      __typename: 'MutationReferJobSeekerSuccess',
      data: { phase: 'REFERRED', version: 1, birthDate: '1991-04-17' },
    });
    const id = dbId(res.data?.referJobSeeker.data?.id);
    expect(
      await count(`SELECT count(*) AS n FROM job_seeker WHERE id = $1 AND "currentSpecialistId" = $2`, [
        id,
        specialist.userId,
      ]),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*) AS n FROM job_seeker_phase_change WHERE "jobSeekerId" = $1 AND "toPhase" = 'REFERRED'`,
        [id],
      ),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM assignment WHERE "jobSeekerId" = $1 AND "endedAt" IS NULL`, [
        id,
      ]),
    ).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE "jobSeekerId" = $1 AND action = 'CREATE'`, [id]),
    ).toBe(1);
  });

  it('gives typed errors for a bad identity number, a duplicate and a future date, and writes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM job_seeker');
    const cases: [Record<string, unknown>, { field: string; code: string }][] = [
      [{ identityNumber: '17049112345' }, { field: 'identityNumber', code: 'CHECKSUM' }],
      [{ identityNumber: '1704911234' }, { field: 'identityNumber', code: 'FORMAT' }],
      [{}, { field: 'identityNumber', code: 'DUPLICATE' }], // the number referred above
      [
        { identityNumber: syntheticNumber('1985-02-02', 7), referralDate: '2099-01-01' },
        { field: 'referralDate', code: 'IN_FUTURE' },
      ],
    ];
    for (const [overrides, issue] of cases) {
      const res = await stack.gql<{ referJobSeeker: Result }>(specialist.email, REFER, {
        input: referral(overrides),
      });
      expect(res.data?.referJobSeeker.issues).toContainEqual(issue);
    }
    expect(await count('SELECT count(*) AS n FROM job_seeker')).toBe(before);
  });

  it('refuses synthetic identity numbers in a production tenant', async () => {
    await stack.admin.query('UPDATE organization SET "allowSyntheticIdentityNumbers" = false WHERE id = $1', [
      specialist.organizationId,
    ]);
    try {
      const res = await stack.gql<{ referJobSeeker: Result }>(specialist.email, REFER, {
        input: referral({ identityNumber: syntheticNumber('1979-09-09', 55) }),
      });
      expect(res.data?.referJobSeeker.issues).toEqual([
        { field: 'identityNumber', code: 'SYNTHETIC_NOT_ALLOWED' },
      ]);
    } finally {
      await stack.admin.query(
        'UPDATE organization SET "allowSyntheticIdentityNumbers" = true WHERE id = $1',
        [specialist.organizationId],
      );
    }
  });

  it('does not store the address of a job seeker with a strictly confidential address (kode 6)', async () => {
    const res = await stack.gql<{ referJobSeeker: Result }>(specialist.email, REFER, {
      input: referral({
        identityNumber: syntheticNumber('1990-06-06', 88),
        protectedAddress: 'STRICTLY_CONFIDENTIAL',
        streetAddress: 'Storgata 1',
        city: 'Bodø',
      }),
    });
    const id = dbId(res.data?.referJobSeeker.data?.id);
    const { rows } = await stack.admin.query('SELECT "streetAddress", city FROM job_seeker WHERE id = $1', [
      id,
    ]);
    expect(rows).toEqual([{ streetAddress: null, city: null }]);
  });

  it('is not for leaders or NAV, and not into an organisation the user is not a member of', async () => {
    const leader = await userWith(
      stack.admin,
      'HEALTH_SERVICE_LEADER',
      `m."organizationId" = '${specialist.organizationId}'`,
    );
    const asLeader = await stack.gql<{ referJobSeeker: Result }>(leader.email, REFER, {
      input: referral({ identityNumber: syntheticNumber('1970-01-01', 1) }),
    });
    expect(asLeader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await userWith(
      stack.admin,
      'JOB_SPECIALIST',
      `m."organizationId" <> '${specialist.organizationId}'`,
    );
    const elsewhere = await stack.gql<{ referJobSeeker: Result }>(other.email, REFER, {
      input: referral({ identityNumber: syntheticNumber('1970-01-01', 2) }),
    });
    expect(elsewhere.data?.referJobSeeker).toEqual({ __typename: 'NotFoundError', entity: 'Organization' });
  });
});

describe('intake and discharge', () => {
  it('intake opens the first-employer-contact deadline a month later; a stale version is a conflict; discharge closes it', async () => {
    const res = await stack.gql<{ referJobSeeker: Result }>(specialist.email, REFER, {
      input: referral({ identityNumber: syntheticNumber('1988-08-08', 42) }),
    });
    const nodeId = res.data?.referJobSeeker.data?.id;
    const id = dbId(nodeId);
    const early = await stack.gql<{ recordIntake: Result }>(specialist.email, INTAKE, {
      input: { jobSeekerId: id, version: 1, intakeDate: '2026-11-01' },
    });
    expect(early.data?.recordIntake.issues).toEqual([{ field: 'intakeDate', code: 'BEFORE_REFERRAL' }]);
    const stale = await stack.gql<{ recordIntake: Result }>(specialist.email, INTAKE, {
      input: { jobSeekerId: id, version: 9, intakeDate: '2026-11-24' },
    });
    expect(stale.data?.recordIntake).toEqual({ __typename: 'ConflictError', currentVersion: 1 });
    expect(await count(`SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1`, [id])).toBe(0);

    const intake = await stack.gql<{ recordIntake: Result }>(specialist.email, INTAKE, {
      input: { jobSeekerId: id, version: 1, intakeDate: '2026-11-24' },
    });
    expect(intake.data?.recordIntake).toMatchObject({
      __typename: 'MutationRecordIntakeSuccess',
      data: { phase: 'INTAKE', version: 2 },
    });
    const { rows } = await stack.admin.query<{
      rule: string;
      dueOn: string;
      warnFrom: string;
      assigneeId: string;
    }>(
      `SELECT rule::text, to_char("dueOn", 'YYYY-MM-DD') AS "dueOn", to_char("warnFrom", 'YYYY-MM-DD') AS "warnFrom", "assigneeId"
       FROM task WHERE "jobSeekerId" = $1 AND status = 'OPEN'`,
      [id],
    );
    expect(rows).toEqual([
      {
        rule: 'FIRST_EMPLOYER_CONTACT',
        dueOn: '2026-12-24',
        warnFrom: '2026-12-17',
        assigneeId: specialist.userId,
      },
    ]);

    const discharged = await stack.gql<{ dischargeJobSeeker: Result }>(specialist.email, DISCHARGE, {
      input: { jobSeekerId: id, version: 2, dischargedOn: '2026-11-25', reason: 'JOB_SEEKER_WITHDREW' },
    });
    expect(discharged.data?.dischargeJobSeeker).toMatchObject({
      data: { phase: 'DISCHARGED', version: 3, deadlineStatus: 'NONE' },
    });
    expect(
      await count(`SELECT count(*) AS n FROM task WHERE "jobSeekerId" = $1 AND status = 'OPEN'`, [id]),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM assignment WHERE "jobSeekerId" = $1 AND "endedAt" IS NULL`, [
        id,
      ]),
    ).toBe(0);
    expect(
      (
        await stack.admin.query<{ p: string }>(
          `SELECT string_agg("toPhase"::text, ',' ORDER BY "changedAt", id) AS p FROM job_seeker_phase_change WHERE "jobSeekerId" = $1`,
          [id],
        )
      ).rows[0]?.p,
    ).toBe('REFERRED,INTAKE,DISCHARGED');
    const again = await stack.gql<{ dischargeJobSeeker: Result }>(specialist.email, DISCHARGE, {
      input: { jobSeekerId: id, version: 3, dischargedOn: '2026-11-25', reason: 'OTHER' },
    });
    expect(again.data?.dischargeJobSeeker.issues).toEqual([
      { field: 'jobSeekerId', code: 'ALREADY_DISCHARGED' },
    ]);
  });

  it('a colleague who may read the case may not change it', async () => {
    const { rows } = await stack.admin.query<{ email: string; id: string; version: number }>(
      `SELECT u.email, j.id, j.version FROM job_seeker j
       JOIN team_member tm ON tm."teamId" = j."teamId" AND tm."userId" <> j."currentSpecialistId" AND tm.role = 'JOB_SPECIALIST'
       JOIN membership m ON m."userId" = tm."userId" AND m."organizationId" = j."organizationId"
       JOIN app_user u ON u.id = tm."userId"
       WHERE j.phase <> 'DISCHARGED' AND EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION'
         AND c."withdrawnAt" IS NULL AND (c."validUntil" IS NULL OR c."validUntil" > now()))
       LIMIT 1`,
    );
    const row = rows[0];
    if (!row) throw new Error('no readable team case in the demo data');
    const res = await stack.gql(row.email, DISCHARGE, {
      input: { jobSeekerId: row.id, version: row.version, dischargedOn: '2026-11-25', reason: 'OTHER' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      await count(
        `SELECT count(*) AS n FROM job_seeker WHERE id = $1 AND phase <> 'DISCHARGED' AND version = $2`,
        [row.id, row.version],
      ),
    ).toBe(1);
  });
});

describe('journal-ready notes', () => {
  it('a discharge writes a note for the record, readable by the own specialist as text and PDF', async () => {
    const { rows } = await stack.admin.query<{ id: string }>(
      `SELECT "jobSeekerId" AS id FROM journal_note WHERE kind = 'DISCHARGE' AND "createdById" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      [specialist.userId],
    );
    const id = rows[0]?.id as string;
    expect(id).toBeDefined();
    const res = await stack.gql<{
      jobSeeker: { journalNotes: { kind: string; text: string; pdfBase64: string }[] };
    }>(specialist.email, `{ jobSeeker(id: "${id}") { journalNotes { kind text pdfBase64 } } }`);
    const note = res.data?.jobSeeker.journalNotes.find((n) => n.kind === 'DISCHARGE');
    expect(note?.text).toContain('IPS: utskrevet fra porteføljen');
    expect(note?.text).toContain('utskrevet 25.11.2026: jobbsøker ønsket å avslutte');
    const pdf = Buffer.from(note?.pdfBase64 ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(800);
  });

  it('are not shown to a colleague who may read the case', async () => {
    const { rows } = await stack.admin.query<{ email: string; id: string }>(
      `SELECT u.email, j.id FROM job_seeker j
       JOIN team_member tm ON tm."teamId" = j."teamId" AND tm."userId" <> j."currentSpecialistId" AND tm.role = 'JOB_SPECIALIST'
       JOIN membership m ON m."userId" = tm."userId" AND m."organizationId" = j."organizationId"
       JOIN app_user u ON u.id = tm."userId"
       WHERE EXISTS (SELECT 1 FROM journal_note n WHERE n."jobSeekerId" = j.id)
         AND EXISTS (SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION'
           AND c."withdrawnAt" IS NULL AND (c."validUntil" IS NULL OR c."validUntil" > now()))
       LIMIT 1`,
    );
    const row = rows[0] as { email: string; id: string };
    const res = await stack.gql<{ jobSeeker: { givenName: string; journalNotes: unknown[] } }>(
      row.email,
      `{ jobSeeker(id: "${row.id}") { givenName journalNotes { text } } }`,
    );
    expect(res.data?.jobSeeker.givenName).toBeTruthy();
    expect(res.data?.jobSeeker.journalNotes).toEqual([]);
  });
});

describe('tenant tuning of the deadline rules', () => {
  const TUNE = `mutation($input: TuneDeadlineRuleInput!) { tuneDeadlineRule(input: $input) { __typename ... on ValidationError { issues { field code } } } }`;
  it('lets the tenant administrator tighten a rule within its bounds, and intake then follows it', async () => {
    const admin = await userWith(
      stack.admin,
      'TENANT_ADMINISTRATOR',
      `m."organizationId" = '${specialist.organizationId}'`,
    );
    const input = {
      organizationId: specialist.organizationId,
      rule: 'FIRST_EMPLOYER_CONTACT',
      dueDays: 21,
      warnDaysBefore: 5,
    };
    const bySpecialist = await stack.gql(specialist.email, TUNE, { input });
    expect(bySpecialist.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooLoose = await stack.gql<{ tuneDeadlineRule: Result }>(admin.email, TUNE, {
      input: { ...input, dueDays: 60 },
    });
    expect(tooLoose.data?.tuneDeadlineRule.issues).toEqual([{ field: 'dueDays', code: 'OUT_OF_BOUNDS' }]);
    const tuned = await stack.gql<{ tuneDeadlineRule: Result }>(admin.email, TUNE, { input });
    expect(tuned.data?.tuneDeadlineRule.__typename).toBe('MutationTuneDeadlineRuleSuccess');

    const res = await stack.gql<{ referJobSeeker: Result }>(specialist.email, REFER, {
      input: referral({ identityNumber: syntheticNumber('1993-03-03', 77) }),
    });
    const id = dbId(res.data?.referJobSeeker.data?.id);
    await stack.gql(specialist.email, INTAKE, {
      input: { jobSeekerId: id, version: 1, intakeDate: '2026-11-24' },
    });
    const { rows } = await stack.admin.query<{ dueOn: string; warnFrom: string }>(
      `SELECT to_char("dueOn", 'YYYY-MM-DD') AS "dueOn", to_char("warnFrom", 'YYYY-MM-DD') AS "warnFrom" FROM task WHERE "jobSeekerId" = $1`,
      [id],
    );
    expect(rows).toEqual([{ dueOn: '2026-12-15', warnFrom: '2026-12-10' }]);
  });
});
