/**
 * The row factories the seed and the tests share (src/factories.ts): their columns are the seed's,
 * in the seed's order (the seed writes its rows through them), every default that is not null is a
 * value the seed writes, and a row built from the required values alone inserts under the real schema.
 */
import { randomUUID } from 'node:crypto';
import { generateIdentityNumber } from '@ips/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  absenceRow,
  consentRow,
  employerContactRow,
  employmentRow,
  type FactoryTable,
  followUpMeetingRow,
  insertRow,
  jobSeekerRow,
} from '../src/factories.js';
import { encodeCell, type Row } from '../src/seed/copy.js';
import { generateDataset } from '../src/seed/generate.js';
import { defaultSeedOptions } from '../src/seed/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

const ORG = randomUUID();
const USER = randomUUID();
const EMPLOYER = randomUUID();
const SEEKER = randomUUID();

/**
 * The columns the seed wrote for each table before it wrote them through the factories, in its
 * order: the demo data's digest rests on them, so a change here is a change of the demo data.
 */
const SEED_COLUMNS: Record<FactoryTable, string[]> = {
  job_seeker: [
    'id',
    'organizationId',
    'identityNumber',
    'givenName',
    'familyName',
    'birthDate',
    'phone',
    'email',
    'streetAddress',
    'postalCode',
    'city',
    'protectedAddress',
    'referralDate',
    'referredBy',
    'intakeDate',
    'phase',
    'phaseChangedAt',
    'healthTeamId',
    'teamId',
    'currentSpecialistId',
    'outOfWorkAtReferral',
    'dischargedAt',
    'dischargeReason',
    'dischargeNote',
    'version',
    'createdAt',
    'updatedAt',
  ],
  employment: [
    'id',
    'organizationId',
    'jobSeekerId',
    'employerId',
    'kind',
    'jobTitle',
    'jobType',
    'startDate',
    'endDate',
    'hoursPerWeek',
    'hourlyWage',
    'openLabourMarket',
    'atLeastMinimumWage',
    'openToAnyone',
    'employerMeetingWanted',
    'endedBy',
    'endReason',
    'endLearnedOn',
    'endRecordedById',
    'version',
    'createdAt',
    'updatedAt',
  ],
  employer_contact: [
    'id',
    'organizationId',
    'employerId',
    'specialistId',
    'jobSeekerId',
    'contactedAt',
    'faceToFace',
    'purpose',
    'contactPerson',
    'durationMinutes',
    'outcome',
    'notes',
    'createdAt',
  ],
  follow_up_meeting: [
    'id',
    'organizationId',
    'jobSeekerId',
    'specialistId',
    'employmentId',
    'purpose',
    'status',
    'scheduledAt',
    'participants',
    'faceToFace',
    'location',
    'durationMinutes',
    'summary',
    'createdAt',
  ],
  absence: [
    'id',
    'organizationId',
    'specialistId',
    'type',
    'planned',
    'startDate',
    'expectedEndDate',
    'actualEndDate',
    'registeredById',
    'supervisorNotifiedAt',
    'note',
    'createdAt',
    'updatedAt',
  ],
  consent: [
    'id',
    'organizationId',
    'jobSeekerId',
    'scope',
    'validFrom',
    'validUntil',
    'recordedById',
    'recordedAt',
    'documentReference',
    'withdrawnAt',
    'withdrawnById',
    'withdrawalNote',
    'version',
    'updatedAt',
    'navParts',
  ],
};

/** Each table's required values (and the job seeker's fixed id, for the rows that point to it). */
const inputs = {
  job_seeker: {
    id: SEEKER,
    organizationId: ORG,
    identityNumber:
      generateIdentityNumber({ birthDate: '1990-05-17', synthetic: true, individual: 123 }) ?? '',
    givenName: 'Fabrikk',
    familyName: 'Test',
    birthDate: '1990-05-17',
    referralDate: '2026-10-01',
  },
  employment: {
    organizationId: ORG,
    jobSeekerId: SEEKER,
    kind: 'ORDINARY_JOB',
    jobTitle: 'Lagermedarbeider',
    jobType: '9321',
    startDate: '2026-10-15',
    hoursPerWeek: '18.8',
  },
  employer_contact: {
    organizationId: ORG,
    employerId: EMPLOYER,
    specialistId: USER,
    contactedAt: new Date('2026-10-12T08:00:00Z'),
    purpose: 'RELATIONSHIP_BUILDING',
  },
  follow_up_meeting: {
    organizationId: ORG,
    jobSeekerId: SEEKER,
    specialistId: USER,
    purpose: 'FOLLOW_ALONG',
    scheduledAt: new Date('2026-10-20T07:00:00Z'),
    location: 'REMOTE',
    durationMinutes: 45,
  },
  absence: { organizationId: ORG, specialistId: USER, type: 'SICK_LEAVE', startDate: '2026-10-05' },
  consent: {
    organizationId: ORG,
    jobSeekerId: SEEKER,
    scope: 'EMPLOYER_CONTACT',
    validFrom: new Date('2026-10-01T09:00:00Z'),
    recordedById: USER,
  },
} as const;

/** Each table's factory row built from its required values only. */
const minimal: Record<FactoryTable, () => Row> = {
  job_seeker: () => jobSeekerRow(inputs.job_seeker),
  employment: () => employmentRow(inputs.employment),
  employer_contact: () => employerContactRow(inputs.employer_contact),
  follow_up_meeting: () => followUpMeetingRow(inputs.follow_up_meeting),
  absence: () => absenceRow(inputs.absence),
  consent: () => consentRow(inputs.consent),
};
const TABLES = Object.keys(minimal) as FactoryTable[];

describe('row factories: the seed writes its rows through them', () => {
  /** Per table: the columns of its first seed row, and every value the seed writes per column. */
  const seen = new Map<string, { columns: string[]; values: Map<string, Set<string>> }>();

  beforeAll(async () => {
    await generateDataset(
      defaultSeedOptions({ today: '2026-11-25' }),
      {
        push(table: string, row: Row) {
          if (!(TABLES as string[]).includes(table)) return;
          let entry = seen.get(table);
          if (!entry) {
            entry = { columns: Object.keys(row), values: new Map() };
            seen.set(table, entry);
          }
          for (const [column, value] of Object.entries(row)) {
            const values = entry.values.get(column) ?? new Set<string>();
            values.add(encodeCell(value));
            entry.values.set(column, values);
          }
        },
      },
      async () => {},
    );
  }, 120_000);

  it.each(TABLES)(
    '%s: the seed rows and a row from required values alone have the seed columns, in order',
    (table) => {
      expect(seen.get(table)?.columns).toEqual(SEED_COLUMNS[table]);
      expect(Object.keys(minimal[table]())).toEqual(SEED_COLUMNS[table]);
    },
  );

  it.each(TABLES)(
    '%s: every default that is not null, an id or a time is a value the seed writes',
    (table) => {
      // A null default needs no seed precedent: the insert below proves the column takes it.
      const given = new Set(Object.keys(inputs[table]));
      const defaults = Object.entries(minimal[table]()).filter(
        ([column, value]) =>
          !given.has(column) && value !== null && !/^id$|Id$/.test(column) && !(value instanceof Date),
      );
      expect(defaults.length).toBeGreaterThan(0);
      for (const [column, value] of defaults)
        expect([...(seen.get(table)?.values.get(column) ?? [])], `${table}.${column}`).toContain(
          encodeCell(value),
        );
    },
  );
});

describe('row factories: inserted under the real schema', () => {
  let db: TestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase(inject('ipsTemplate'));
    admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    await admin.query(
      `INSERT INTO organization (id, kind, "serviceLevel", name, "organizationNumber", "allowSyntheticIdentityNumbers", "updatedAt")
       VALUES ($1, 'MUNICIPALITY', 'MUNICIPAL', 'Fabrikk kommune', '310000099', true, now())`,
      [ORG],
    );
    await admin.query(
      `INSERT INTO app_user (id, "givenName", "familyName", email, "updatedAt") VALUES ($1, 'Fabrikk', 'Spesialist', 'fabrikk@ips.test', now())`,
      [USER],
    );
    await admin.query(
      `INSERT INTO employer (id, "organizationId", name, "updatedAt") VALUES ($1, $2, 'Fabrikken AS', now())`,
      [EMPLOYER, ORG],
    );
  });

  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  it('inserts each factory row from its required values and returns its id', async () => {
    for (const table of TABLES) {
      const row = minimal[table]();
      const id = await insertRow(admin, table, row);
      expect(id).toBe(row.id);
      const { rowCount } = await admin.query(`SELECT 1 FROM "${table}" WHERE id = $1`, [id]);
      expect(rowCount, table).toBe(1);
    }
  });

  it('stores the defaults: a held meeting with the job seeker, remote not face to face; a sick leave unplanned, registered by the specialist; a consent without NAV parts', async () => {
    const meeting = (
      await admin.query(
        `SELECT status, participants::text, "faceToFace", "employmentId" FROM follow_up_meeting WHERE "jobSeekerId" = $1`,
        [SEEKER],
      )
    ).rows[0];
    expect(meeting).toEqual({
      status: 'HELD',
      participants: '{JOB_SEEKER}',
      faceToFace: false,
      employmentId: null,
    });
    const absence = (
      await admin.query(`SELECT planned, "registeredById" FROM absence WHERE "specialistId" = $1`, [USER])
    ).rows[0];
    expect(absence).toEqual({ planned: false, registeredById: USER });
    const consent = (
      await admin.query(
        `SELECT "navParts"::text, "recordedAt" = "validFrom" AS recorded, version FROM consent WHERE "jobSeekerId" = $1`,
        [SEEKER],
      )
    ).rows[0];
    expect(consent).toEqual({ navParts: '{}', recorded: true, version: 1 });
    const seeker = (
      await admin.query(
        `SELECT phase, "protectedAddress", "outOfWorkAtReferral" FROM job_seeker WHERE id = $1`,
        [SEEKER],
      )
    ).rows[0];
    expect(seeker).toEqual({ phase: 'REFERRED', protectedAddress: 'NONE', outOfWorkAtReferral: true });
  });

  it('leaves out undefined columns so the table defaults apply', async () => {
    const id = await insertRow(admin, 'employer_contact', {
      ...minimal.employer_contact(),
      id: randomUUID(),
      createdAt: undefined,
    });
    const { rows } = await admin.query(
      `SELECT "createdAt" IS NOT NULL AS stamped FROM employer_contact WHERE id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ stamped: true });
  });
});
