import { permittedFieldsOf } from '@casl/ability/extra';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  type Actor,
  ALL_JOB_SEEKER_FIELDS,
  accessibleWhere,
  canOn,
  defineAbilityFor,
  JOB_SEEKER_FIELDS,
  readableJobSeekerFields,
} from './index.js';

const now = new Date('2026-11-25T10:00:00Z');
const past = new Date('2026-01-01T00:00:00Z');
const future = new Date('2027-06-01T00:00:00Z');
const ORG_A = 'org-a';
const ORG_B = 'org-b';
const NAV = 'nav-1';
const TEAM = 'team-1';
const ALL_NAV_PARTS = [
  'BASIC_DETAILS',
  'EMPLOYMENT_STATUS',
  'CAREER_PROFILE',
  'SUPPORT_PLAN',
  'DIALOGUE',
  'BENEFITS_COUNSELLING',
];

const actors = {
  specialist: {
    userId: 'u-spec',
    memberships: [{ organizationId: ORG_A, role: 'JOB_SPECIALIST' }],
    teams: [{ teamId: TEAM, organizationId: ORG_A, role: 'JOB_SPECIALIST' }],
    platformOperator: false,
  },
  colleague: {
    userId: 'u-coll',
    memberships: [{ organizationId: ORG_A, role: 'JOB_SPECIALIST' }],
    teams: [{ teamId: TEAM, organizationId: ORG_A, role: 'JOB_SPECIALIST' }],
    platformOperator: false,
  },
  otherTeam: {
    userId: 'u-other',
    memberships: [{ organizationId: ORG_A, role: 'JOB_SPECIALIST' }],
    teams: [{ teamId: 'team-2', organizationId: ORG_A, role: 'JOB_SPECIALIST' }],
    platformOperator: false,
  },
  supervisor: {
    userId: 'u-sup',
    memberships: [{ organizationId: ORG_A, role: 'METHOD_SUPERVISOR' }],
    teams: [{ teamId: TEAM, organizationId: ORG_A, role: 'METHOD_SUPERVISOR' }],
    platformOperator: false,
  },
  leader: {
    userId: 'u-lead',
    memberships: [{ organizationId: ORG_A, role: 'HEALTH_SERVICE_LEADER' }],
    teams: [],
    platformOperator: false,
  },
  admin: {
    userId: 'u-admin',
    memberships: [{ organizationId: ORG_A, role: 'TENANT_ADMINISTRATOR' }],
    teams: [],
    platformOperator: false,
  },
  otherTenant: {
    userId: 'u-b',
    memberships: [{ organizationId: ORG_B, role: 'JOB_SPECIALIST' }],
    teams: [{ teamId: TEAM, organizationId: ORG_B, role: 'JOB_SPECIALIST' }],
    platformOperator: false,
  },
  nav: {
    userId: 'u-nav',
    memberships: [{ organizationId: NAV, role: 'NAV_COUNSELLOR' }],
    teams: [],
    platformOperator: false,
  },
  otherNav: {
    userId: 'u-nav2',
    memberships: [{ organizationId: 'nav-2', role: 'NAV_COUNSELLOR' }],
    teams: [],
    platformOperator: false,
  },
} satisfies Record<string, Actor>;

function consent(scope: string, overrides: Record<string, unknown> = {}) {
  return { scope, withdrawnAt: null, validFrom: past, validUntil: null, ...overrides };
}

function grant(overrides: Record<string, unknown> = {}, consentOverrides: Record<string, unknown> = {}) {
  return {
    navOfficeId: NAV,
    counsellorId: null,
    revokedAt: null,
    validFrom: past,
    validUntil: null,
    scopes: ['BASIC_DETAILS', 'EMPLOYMENT_STATUS'],
    consent: consent('NAV_SHARING', { navParts: ALL_NAV_PARTS, ...consentOverrides }),
    ...overrides,
  };
}

function jobSeeker(overrides: Record<string, unknown> = {}) {
  return {
    id: 'js-1',
    organizationId: ORG_A,
    currentSpecialistId: 'u-spec',
    teamId: TEAM,
    protectedAddress: 'NONE',
    consents: [] as unknown[],
    navSharingGrants: [] as unknown[],
    ...overrides,
  };
}

const canRead = (actor: Actor, record: object, field?: string) =>
  canOn(defineAbilityFor(actor, now), 'read', 'JobSeeker', record, field);

describe('job seeker: who reads what (role × relation)', () => {
  const withTeamConsent = jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION')] });
  const withGrant = jobSeeker({ consents: [consent('NAV_SHARING')], navSharingGrants: [grant()] });
  const table: [string, keyof typeof actors, boolean, object][] = [
    ['own portfolio', 'specialist', true, jobSeeker()],
    ['same team without consent', 'colleague', false, jobSeeker()],
    ['same team with team consent', 'colleague', true, withTeamConsent],
    [
      'same team with withdrawn team consent',
      'colleague',
      false,
      jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION', { withdrawnAt: past })] }),
    ],
    [
      'same team with expired team consent',
      'colleague',
      false,
      jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION', { validUntil: past })] }),
    ],
    ['other team with team consent', 'otherTeam', false, withTeamConsent],
    ['supervisor, team consent', 'supervisor', true, withTeamConsent],
    ['supervisor, no consent', 'supervisor', false, jobSeeker()],
    ['health-service leader', 'leader', false, withTeamConsent],
    ['tenant administrator', 'admin', false, withTeamConsent],
    ['other tenant (same team id)', 'otherTenant', false, withTeamConsent],
    ['NAV with active grant', 'nav', true, withGrant],
    ['NAV without grant', 'nav', false, jobSeeker()],
    ['NAV, grant to another office', 'otherNav', false, withGrant],
    [
      'NAV, consent withdrawn',
      'nav',
      false,
      jobSeeker({ navSharingGrants: [grant({}, { withdrawnAt: past })] }),
    ],
    [
      'NAV, consent expired',
      'nav',
      false,
      jobSeeker({ navSharingGrants: [grant({}, { validUntil: past })] }),
    ],
    ['NAV, grant revoked', 'nav', false, jobSeeker({ navSharingGrants: [grant({ revokedAt: past })] })],
    ['NAV, grant expired', 'nav', false, jobSeeker({ navSharingGrants: [grant({ validUntil: past })] })],
    [
      'NAV, grant not yet valid',
      'nav',
      false,
      jobSeeker({ navSharingGrants: [grant({ validFrom: future })] }),
    ],
    [
      'NAV, grant for another counsellor',
      'nav',
      false,
      jobSeeker({ navSharingGrants: [grant({ counsellorId: 'u-someone' })] }),
    ],
  ];
  it.each(table)('%s — %s reads: %s', (_relation, who, expected, record) => {
    expect(canRead(actors[who], record)).toBe(expected);
  });
});

describe('job seeker: fields', () => {
  it('the own specialist reads every field, also a protected address', () => {
    const record = jobSeeker({ protectedAddress: 'CONFIDENTIAL' });
    for (const f of ALL_JOB_SEEKER_FIELDS) expect(canRead(actors.specialist, record, f), f).toBe(true);
  });

  it('a colleague with team consent reads case fields, never identity, contact or address', () => {
    const record = jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION')] });
    for (const f of [...JOB_SEEKER_FIELDS.basic, ...JOB_SEEKER_FIELDS.case])
      expect(canRead(actors.colleague, record, f), f).toBe(true);
    for (const f of [
      ...JOB_SEEKER_FIELDS.identity,
      ...JOB_SEEKER_FIELDS.contact,
      ...JOB_SEEKER_FIELDS.address,
    ]) {
      expect(canRead(actors.colleague, record, f), f).toBe(false);
    }
  });

  it('NAV reads basic details and identity, never case details, contact or address', () => {
    const record = jobSeeker({ navSharingGrants: [grant()] });
    const ability = defineAbilityFor(actors.nav, now);
    const fields = permittedFieldsOf(ability, 'read', 'JobSeeker', {
      fieldsFrom: (rule) => rule.fields ?? ALL_JOB_SEEKER_FIELDS,
    });
    expect(new Set(fields)).toEqual(new Set([...JOB_SEEKER_FIELDS.basic, ...JOB_SEEKER_FIELDS.identity]));
    expect(canRead(actors.nav, record, 'healthTeamId')).toBe(false);
    expect(canRead(actors.nav, record, 'streetAddress')).toBe(false);
  });
});

describe('NAV scopes reach only the parts they name', () => {
  const employment = (scopes: string[]) => ({
    organizationId: ORG_A,
    jobSeeker: { navSharingGrants: [grant({ scopes })] },
  });
  it('employment needs EMPLOYMENT_STATUS', () => {
    const ability = defineAbilityFor(actors.nav, now);
    expect(canOn(ability, 'read', 'Employment', employment(['BASIC_DETAILS', 'EMPLOYMENT_STATUS']))).toBe(
      true,
    );
    expect(canOn(ability, 'read', 'Employment', employment(['BASIC_DETAILS']))).toBe(false);
  });
  it('a support plan needs SUPPORT_PLAN', () => {
    const ability = defineAbilityFor(actors.nav, now);
    expect(canOn(ability, 'read', 'SupportPlan', employment(['BASIC_DETAILS', 'EMPLOYMENT_STATUS']))).toBe(
      false,
    );
    expect(canOn(ability, 'read', 'SupportPlan', employment(['SUPPORT_PLAN']))).toBe(true);
  });
  it('NAV never writes', () => {
    const ability = defineAbilityFor(actors.nav, now);
    const record = jobSeeker({ navSharingGrants: [grant()] });
    for (const action of ['create', 'update', 'delete', 'withdraw'] as Action[]) {
      expect(canOn(ability, action, 'JobSeeker', record)).toBe(false);
      expect(canOn(ability, action, 'Consent', { organizationId: ORG_A, jobSeeker: record })).toBe(false);
    }
  });
});

describe('NAV reads only what the consent covers (issue 17 item 1): part × consent × office', () => {
  // What each part opens: the subject (and field) a NAV counsellor reads through it.
  const PARTS = {
    BASIC_DETAILS: (js: object) => ({ type: 'JobSeeker' as const, record: js, field: 'givenName' }),
    EMPLOYMENT_STATUS: (js: object) => ({
      type: 'Employment' as const,
      record: { organizationId: ORG_A, jobSeeker: js },
    }),
    CAREER_PROFILE: (js: object) => ({
      type: 'CareerProfile' as const,
      record: { organizationId: ORG_A, jobSeeker: js },
    }),
    SUPPORT_PLAN: (js: object) => ({
      type: 'SupportPlan' as const,
      record: { organizationId: ORG_A, jobSeeker: js },
    }),
    // The dialogue with NAV (docs/nav-dialogue.md): a thread of the office holding the grant.
    DIALOGUE: (js: object) => ({
      type: 'NavDialogueThread' as const,
      record: { organizationId: ORG_A, navOfficeId: NAV, jobSeeker: js },
    }),
    BENEFITS_COUNSELLING: (js: object) => ({
      type: 'BenefitsCounselling' as const,
      record: { organizationId: ORG_A, jobSeeker: js },
    }),
  };
  const CONSENT = {
    covers: (part: string) => ({ navParts: ['BASIC_DETAILS', part] }),
    doesNot: (part: string) => ({
      navParts: ALL_NAV_PARTS.filter((p) => p !== part || p === 'BASIC_DETAILS'),
    }),
    withdrawn: (part: string) => ({ navParts: ['BASIC_DETAILS', part], withdrawnAt: past }),
  };
  const READERS = { ownOffice: actors.nav, otherOffice: actors.otherNav, otherTenant: actors.otherTenant };
  for (const [part, open] of Object.entries(PARTS)) {
    for (const [consentCase, consentOf] of Object.entries(CONSENT)) {
      for (const [readerCase, reader] of Object.entries(READERS)) {
        // Basic details are always consented (the API adds them): "does not" cannot happen for them.
        const covered = consentCase === 'covers' || (consentCase === 'doesNot' && part === 'BASIC_DETAILS');
        const expected = readerCase === 'ownOffice' && covered;
        it(`${part} · consent ${consentCase} · ${readerCase}: ${expected ? 'reads' : 'does not read'}`, () => {
          // The grant names every part: only the consent decides.
          const js = jobSeeker({
            navSharingGrants: [grant({ scopes: ALL_NAV_PARTS }, consentOf(part))],
          });
          const { type, record, field } = { field: undefined, ...open(js) };
          expect(canOn(defineAbilityFor(reader, now), 'read', type, record, field)).toBe(expected);
        });
      }
    }
  }

  it('a grant naming a part the consent covers still reads nothing the grant does not name', () => {
    const js = jobSeeker({ navSharingGrants: [grant({ scopes: ['BASIC_DETAILS', 'EMPLOYMENT_STATUS'] })] });
    const ability = defineAbilityFor(actors.nav, now);
    expect(canOn(ability, 'read', 'Employment', { organizationId: ORG_A, jobSeeker: js })).toBe(true);
    expect(canOn(ability, 'read', 'SupportPlan', { organizationId: ORG_A, jobSeeker: js })).toBe(false);
  });

  it('a consent with no parts recorded (another scope’s shape) opens no part', () => {
    const js = jobSeeker({ navSharingGrants: [grant({ scopes: ALL_NAV_PARTS }, { navParts: [] })] });
    const ability = defineAbilityFor(actors.nav, now);
    for (const type of ['Employment', 'CareerProfile', 'SupportPlan'] as const)
      expect(canOn(ability, 'read', type, { organizationId: ORG_A, jobSeeker: js })).toBe(false);
  });
});

describe('consents', () => {
  const c = (specialist: string) => ({
    organizationId: ORG_A,
    jobSeeker: jobSeeker({ currentSpecialistId: specialist }),
  });
  it('the own specialist records and withdraws; a colleague does not', () => {
    expect(canOn(defineAbilityFor(actors.specialist, now), 'withdraw', 'Consent', c('u-spec'))).toBe(true);
    expect(canOn(defineAbilityFor(actors.colleague, now), 'withdraw', 'Consent', c('u-spec'))).toBe(false);
    expect(
      canOn(defineAbilityFor(actors.otherTenant, now), 'withdraw', 'Consent', {
        ...c('u-b'),
        organizationId: ORG_A,
      }),
    ).toBe(false);
  });
});

describe('properties', () => {
  const actorArb = fc.constantFrom(...Object.values(actors));
  const dateArb = fc.constantFrom(null, past, future);
  it('nobody outside the job seeker’s organisation reads it unless NAV through an active grant', () => {
    fc.assert(
      fc.property(
        actorArb,
        dateArb,
        dateArb,
        dateArb,
        fc.boolean(),
        (actor, withdrawn, validUntil, revoked, ownOffice) => {
          const record = jobSeeker({
            organizationId: 'org-elsewhere',
            consents: [consent('TEAM_CASE_DISCUSSION')],
            navSharingGrants: [
              grant(
                { revokedAt: revoked, navOfficeId: ownOffice ? NAV : 'nav-x' },
                { withdrawnAt: withdrawn, validUntil },
              ),
            ],
          });
          const active =
            ownOffice &&
            (revoked === null || revoked > now) &&
            withdrawn === null &&
            (validUntil === null || validUntil > now);
          const expected = actor.userId === 'u-nav' && active && revoked === null;
          expect(canRead(actor, record)).toBe(expected);
        },
      ),
    );
  });

  it('health-service leaders and tenant administrators never read a job seeker', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(actors.leader, actors.admin),
        fc.boolean(),
        fc.boolean(),
        (actor, consented, own) => {
          const record = jobSeeker({
            currentSpecialistId: own ? actor.userId : 'u-spec',
            consents: consented ? [consent('TEAM_CASE_DISCUSSION')] : [],
          });
          expect(canRead(actor, record)).toBe(false);
        },
      ),
    );
  });
});

describe('accessibleWhere', () => {
  it('matches nothing when no rule grants the action (never an empty OR, which Prisma reads as "all")', () => {
    for (const who of ['leader', 'admin'] as const) {
      const where = accessibleWhere(defineAbilityFor(actors[who], now), 'read', 'JobSeeker');
      expect(where).toEqual({ id: { in: [] } });
    }
  });

  it('keeps the ability’s conditions when a rule grants the action', () => {
    const where = accessibleWhere(defineAbilityFor(actors.specialist, now), 'read', 'JobSeeker') as {
      OR: unknown[];
    };
    expect(where.OR).toContainEqual({ organizationId: { in: [ORG_A] }, currentSpecialistId: 'u-spec' });
  });
});

describe('access log', () => {
  const entry = (organizationId: string) => ({ organizationId, jobSeekerId: 'js-1' });
  it('is read by tenant administrators of the organisation only', () => {
    expect(canOn(defineAbilityFor(actors.admin, now), 'read', 'AuditLog', entry(ORG_A))).toBe(true);
    expect(canOn(defineAbilityFor(actors.admin, now), 'read', 'AuditLog', entry(ORG_B))).toBe(false);
    for (const who of ['specialist', 'supervisor', 'leader', 'nav', 'otherTenant'] as const) {
      expect(canOn(defineAbilityFor(actors[who], now), 'read', 'AuditLog', entry(ORG_A)), who).toBe(false);
    }
  });
});

describe('deleting and restoring a case', () => {
  it('is for the tenant administrators and health-service leaders of its organisation only', () => {
    const record = jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION')], navSharingGrants: [grant()] });
    for (const action of ['delete', 'restore'] as const) {
      for (const who of ['admin', 'leader'] as const) {
        expect(
          canOn(defineAbilityFor(actors[who], now), action, 'JobSeeker', record),
          `${who} ${action}`,
        ).toBe(true);
        expect(
          canOn(defineAbilityFor(actors[who], now), action, 'JobSeeker', {
            ...record,
            organizationId: ORG_B,
          }),
          `${who} ${action} other tenant`,
        ).toBe(false);
      }
      for (const who of ['specialist', 'colleague', 'supervisor', 'otherTenant', 'nav'] as const) {
        expect(
          canOn(defineAbilityFor(actors[who], now), action, 'JobSeeker', record),
          `${who} ${action}`,
        ).toBe(false);
      }
    }
  });

  it('does not let them read the case', () => {
    for (const who of ['admin', 'leader'] as const) {
      const ability = defineAbilityFor(actors[who], now);
      expect(canOn(ability, 'read', 'JobSeeker', jobSeeker())).toBe(false);
      expect(accessibleWhere(ability, 'read', 'JobSeeker')).toEqual({ id: { in: [] } });
      const where = accessibleWhere(ability, 'delete', 'JobSeeker') as { OR: unknown[] };
      expect(where.OR).toContainEqual({ organizationId: { in: [ORG_A] } });
    }
  });
});

describe('supervisor and consents', () => {
  const consentOf = (record: object) => ({ organizationId: ORG_A, jobSeeker: record });
  it('reads the consents of a team case only when the job seeker agreed to team discussion', () => {
    const ability = defineAbilityFor(actors.supervisor, now);
    const withTeam = jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION')] });
    expect(canOn(ability, 'read', 'Consent', consentOf(withTeam))).toBe(true);
    expect(canOn(ability, 'read', 'Consent', consentOf(jobSeeker()))).toBe(false);
    expect(canOn(ability, 'withdraw', 'Consent', consentOf(withTeam))).toBe(false);
  });
});

describe('readableJobSeekerFields', () => {
  it('lists exactly the fields the record-level rules grant', () => {
    const own = readableJobSeekerFields(defineAbilityFor(actors.specialist, now), jobSeeker());
    expect(own).toEqual(new Set(ALL_JOB_SEEKER_FIELDS));
    const colleague = readableJobSeekerFields(
      defineAbilityFor(actors.colleague, now),
      jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION')] }),
    );
    expect(colleague).toEqual(new Set([...JOB_SEEKER_FIELDS.basic, ...JOB_SEEKER_FIELDS.case]));
    expect(readableJobSeekerFields(defineAbilityFor(actors.leader, now), jobSeeker()).size).toBe(0);
  });
});

describe('employers and employer contacts', () => {
  const contact = (over: Record<string, unknown>) => ({
    organizationId: ORG_A,
    specialistId: 'u-spec',
    jobSeekerId: null,
    ...over,
  });
  it('specialists share the organisation’s employers; leaders, administrators and NAV do not do job development', () => {
    expect(
      canOn(defineAbilityFor(actors.specialist, now), 'create', 'Employer', { organizationId: ORG_A }),
    ).toBe(true);
    expect(
      canOn(defineAbilityFor(actors.colleague, now), 'read', 'Employer', { organizationId: ORG_A }),
    ).toBe(true);
    expect(
      canOn(defineAbilityFor(actors.otherTenant, now), 'read', 'Employer', { organizationId: ORG_A }),
    ).toBe(false);
    for (const who of ['leader', 'admin', 'nav'] as const) {
      expect(
        canOn(defineAbilityFor(actors[who], now), 'create', 'Employer', { organizationId: ORG_A }),
        who,
      ).toBe(false);
    }
  });

  it('a contact is recorded in one’s own name; a contact about a job seeker is read by its current specialist only', () => {
    expect(canOn(defineAbilityFor(actors.specialist, now), 'create', 'EmployerContact', contact({}))).toBe(
      true,
    );
    expect(canOn(defineAbilityFor(actors.colleague, now), 'create', 'EmployerContact', contact({}))).toBe(
      false,
    );
    expect(canOn(defineAbilityFor(actors.colleague, now), 'read', 'EmployerContact', contact({}))).toBe(true);
    expect(
      canOn(
        defineAbilityFor(actors.colleague, now),
        'read',
        'EmployerContact',
        contact({ jobSeekerId: 'js-1' }),
      ),
    ).toBe(false);
    expect(
      canOn(
        defineAbilityFor(actors.specialist, now),
        'read',
        'EmployerContact',
        contact({ jobSeekerId: 'js-1', jobSeeker: jobSeeker() }),
      ),
    ).toBe(true);
    // Its author, once the job seeker is followed by someone else, no longer reads it.
    expect(
      canOn(
        defineAbilityFor(actors.specialist, now),
        'read',
        'EmployerContact',
        contact({ jobSeekerId: 'js-1', jobSeeker: jobSeeker({ currentSpecialistId: 'u-coll' }) }),
      ),
    ).toBe(false);
  });
});

describe('a contact naming a job seeker needs the employer-contact consent (seed 000 §3, issue 17 item 2)', () => {
  const naming = (consents: unknown[], over: Record<string, unknown> = {}) => ({
    organizationId: ORG_A,
    specialistId: 'u-spec',
    jobSeekerId: 'js-1',
    jobSeeker: jobSeeker({ consents }),
    ...over,
  });
  const given = [consent('EMPLOYER_CONTACT')];
  const withdrawn = [consent('EMPLOYER_CONTACT', { withdrawnAt: past })];
  const expired = [consent('EMPLOYER_CONTACT', { validUntil: past })];
  const notYet = [consent('EMPLOYER_CONTACT', { validFrom: future })];
  const otherScope = [consent('TEAM_CASE_DISCUSSION'), consent('NAV_SHARING')];
  const cases: [string, unknown[], boolean][] = [
    ['given', given, true],
    ['withdrawn', withdrawn, false],
    ['expired', expired, false],
    ['not yet valid', notYet, false],
    ['other scopes only', otherScope, false],
    ['none', [], false],
  ];
  it.each(cases)('own specialist, consent %s', (_label, consents, expected) => {
    expect(
      canOn(defineAbilityFor(actors.specialist, now), 'create', 'EmployerContact', naming(consents)),
    ).toBe(expected);
  });
  it('never for a colleague, the supervisor, a leader, an administrator, NAV or another tenant, even with the consent', () => {
    for (const who of [
      'colleague',
      'otherTeam',
      'supervisor',
      'leader',
      'admin',
      'nav',
      'otherTenant',
    ] as const) {
      const mine = naming(given, { specialistId: actors[who].userId });
      expect(canOn(defineAbilityFor(actors[who], now), 'create', 'EmployerContact', mine), who).toBe(false);
    }
  });
  it('without naming the job seeker the contact is job development anyone doing it may log', () => {
    const anonymous = { organizationId: ORG_A, specialistId: 'u-spec', jobSeekerId: null, jobSeeker: null };
    expect(canOn(defineAbilityFor(actors.specialist, now), 'create', 'EmployerContact', anonymous)).toBe(
      true,
    );
  });
});

describe('the history of one’s own job seeker', () => {
  it('contacts about the job seeker are read by its current specialist, whoever made them', () => {
    const aboutMine = {
      organizationId: ORG_A,
      specialistId: 'u-before',
      jobSeekerId: 'js-1',
      jobSeeker: jobSeeker(),
    };
    expect(canOn(defineAbilityFor(actors.specialist, now), 'read', 'EmployerContact', aboutMine)).toBe(true);
    expect(canOn(defineAbilityFor(actors.colleague, now), 'read', 'EmployerContact', aboutMine)).toBe(false);
    expect(canOn(defineAbilityFor(actors.supervisor, now), 'read', 'EmployerContact', aboutMine)).toBe(false);
    expect(canOn(defineAbilityFor(actors.otherTenant, now), 'read', 'EmployerContact', aboutMine)).toBe(
      false,
    );
  });

  it('follow-up meetings are read by the current specialist only: not colleagues, supervisor, leader, administrator or NAV', () => {
    const meeting = (js: object) => ({ organizationId: ORG_A, specialistId: 'u-before', jobSeeker: js });
    const consented = jobSeeker({
      consents: [{ scope: 'TEAM_CASE_DISCUSSION', withdrawnAt: null, validFrom: past, validUntil: null }],
    });
    expect(
      canOn(defineAbilityFor(actors.specialist, now), 'read', 'FollowUpMeeting', meeting(consented)),
    ).toBe(true);
    for (const who of [
      'colleague',
      'otherTeam',
      'supervisor',
      'leader',
      'admin',
      'nav',
      'otherTenant',
    ] as const) {
      expect(
        canOn(defineAbilityFor(actors[who], now), 'read', 'FollowUpMeeting', meeting(consented)),
        who,
      ).toBe(false);
    }
    expect(
      canOn(
        defineAbilityFor(actors.specialist, now),
        'read',
        'FollowUpMeeting',
        meeting(jobSeeker({ currentSpecialistId: 'u-coll' })),
      ),
    ).toBe(false);
  });
});

describe('personal reminders (issue 15 item 10)', () => {
  it('are read, set and changed by their author only, on a job seeker of the author’s portfolio', () => {
    const reminder = (authorId: string, currentSpecialistId: string) => ({
      organizationId: ORG_A,
      authorId,
      jobSeeker: jobSeeker({ currentSpecialistId }),
    });
    for (const action of ['read', 'create', 'update'] as const) {
      expect(
        canOn(defineAbilityFor(actors.specialist, now), action, 'Reminder', reminder('u-spec', 'u-spec')),
      ).toBe(true);
      for (const who of [
        'colleague',
        'otherTeam',
        'supervisor',
        'leader',
        'admin',
        'nav',
        'otherTenant',
      ] as const) {
        expect(
          canOn(defineAbilityFor(actors[who], now), action, 'Reminder', reminder('u-spec', 'u-spec')),
          `${who} ${action}`,
        ).toBe(false);
      }
      // Not someone else's, even on one's own job seeker; not after the job seeker moved on.
      expect(
        canOn(defineAbilityFor(actors.specialist, now), action, 'Reminder', reminder('u-coll', 'u-spec')),
      ).toBe(false);
      expect(
        canOn(defineAbilityFor(actors.specialist, now), action, 'Reminder', reminder('u-spec', 'u-coll')),
      ).toBe(false);
    }
  });
});

describe('career profile', () => {
  const profile = (record: object) => ({ organizationId: ORG_A, jobSeeker: record });
  it('is written by the own specialist, read by consented colleagues and by NAV only with CAREER_PROFILE', () => {
    expect(
      canOn(defineAbilityFor(actors.specialist, now), 'update', 'CareerProfile', profile(jobSeeker())),
    ).toBe(true);
    const team = jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION')] });
    expect(canOn(defineAbilityFor(actors.colleague, now), 'read', 'CareerProfile', profile(team))).toBe(true);
    expect(canOn(defineAbilityFor(actors.colleague, now), 'update', 'CareerProfile', profile(team))).toBe(
      false,
    );
    expect(
      canOn(defineAbilityFor(actors.colleague, now), 'read', 'CareerProfile', profile(jobSeeker())),
    ).toBe(false);
    const nav = (scopes: string[]) => profile(jobSeeker({ navSharingGrants: [grant({ scopes })] }));
    expect(
      canOn(
        defineAbilityFor(actors.nav, now),
        'read',
        'CareerProfile',
        nav(['BASIC_DETAILS', 'CAREER_PROFILE']),
      ),
    ).toBe(true);
    expect(
      canOn(
        defineAbilityFor(actors.nav, now),
        'read',
        'CareerProfile',
        nav(['BASIC_DETAILS', 'EMPLOYMENT_STATUS']),
      ),
    ).toBe(false);
    expect(canOn(defineAbilityFor(actors.leader, now), 'read', 'CareerProfile', profile(jobSeeker()))).toBe(
      false,
    );
  });
});

describe('journal notes', () => {
  it('are read by the own specialist only', () => {
    const note = (specialist: string) => ({
      organizationId: ORG_A,
      jobSeeker: jobSeeker({ currentSpecialistId: specialist, consents: [consent('TEAM_CASE_DISCUSSION')] }),
    });
    expect(canOn(defineAbilityFor(actors.specialist, now), 'read', 'JournalNote', note('u-spec'))).toBe(true);
    for (const who of ['colleague', 'supervisor', 'leader', 'nav', 'admin'] as const) {
      expect(canOn(defineAbilityFor(actors[who], now), 'read', 'JournalNote', note('u-spec')), who).toBe(
        false,
      );
    }
  });
});

describe('deadline rule tuning', () => {
  it('is for the organisation’s tenant administrators only', () => {
    const setting = { organizationId: ORG_A };
    expect(canOn(defineAbilityFor(actors.admin, now), 'update', 'DeadlineRuleSetting', setting)).toBe(true);
    expect(
      canOn(defineAbilityFor(actors.admin, now), 'update', 'DeadlineRuleSetting', { organizationId: ORG_B }),
    ).toBe(false);
    for (const who of ['specialist', 'supervisor', 'leader', 'nav'] as const) {
      expect(canOn(defineAbilityFor(actors[who], now), 'update', 'DeadlineRuleSetting', setting), who).toBe(
        false,
      );
    }
  });
});

describe('job applications', () => {
  it('are the own specialist’s work with the job seeker', () => {
    const application = (specialist: string) => ({
      organizationId: ORG_A,
      jobSeeker: jobSeeker({ currentSpecialistId: specialist }),
    });
    expect(
      canOn(defineAbilityFor(actors.specialist, now), 'create', 'JobApplication', application('u-spec')),
    ).toBe(true);
    expect(
      canOn(defineAbilityFor(actors.colleague, now), 'read', 'JobApplication', application('u-spec')),
    ).toBe(false);
    expect(canOn(defineAbilityFor(actors.nav, now), 'read', 'JobApplication', application('u-spec'))).toBe(
      false,
    );
  });
});

describe('studies', () => {
  it('follow the employment rules: own specialist writes, NAV reads with EMPLOYMENT_STATUS', () => {
    const study = (record: object) => ({ organizationId: ORG_A, jobSeeker: record });
    expect(canOn(defineAbilityFor(actors.specialist, now), 'create', 'Study', study(jobSeeker()))).toBe(true);
    expect(canOn(defineAbilityFor(actors.colleague, now), 'create', 'Study', study(jobSeeker()))).toBe(false);
    expect(
      canOn(
        defineAbilityFor(actors.nav, now),
        'read',
        'Study',
        study(jobSeeker({ navSharingGrants: [grant()] })),
      ),
    ).toBe(true);
    expect(
      canOn(
        defineAbilityFor(actors.nav, now),
        'read',
        'Study',
        study(jobSeeker({ navSharingGrants: [grant({ scopes: ['BASIC_DETAILS'] })] })),
      ),
    ).toBe(false);
  });
});

describe('absences', () => {
  const absence = (specialistId: string, overrides: Record<string, unknown> = {}) => ({
    organizationId: ORG_A,
    specialistId,
    specialist: { teamMemberships: [{ teamId: TEAM, leftOn: null }] },
    ...overrides,
  });
  it('a specialist registers and reads only their own; the leader any in the organisation', () => {
    const spec = defineAbilityFor(actors.specialist, now);
    expect(canOn(spec, 'create', 'Absence', absence('u-spec'))).toBe(true);
    expect(canOn(spec, 'create', 'Absence', absence('u-coll'))).toBe(false);
    expect(canOn(spec, 'read', 'Absence', absence('u-coll'))).toBe(false);
    const leader = defineAbilityFor(actors.leader, now);
    expect(canOn(leader, 'create', 'Absence', absence('u-coll'))).toBe(true);
    expect(canOn(leader, 'update', 'Absence', absence('u-coll'))).toBe(true);
    expect(canOn(leader, 'create', 'Absence', absence('u-coll', { organizationId: ORG_B }))).toBe(false);
    expect(canOn(defineAbilityFor(actors.admin, now), 'read', 'Absence', absence('u-coll'))).toBe(false);
    expect(canOn(defineAbilityFor(actors.nav, now), 'read', 'Absence', absence('u-coll'))).toBe(false);
  });
  it('the supervisor reads the absences of the team’s current members, registers none', () => {
    const sup = defineAbilityFor(actors.supervisor, now);
    expect(canOn(sup, 'read', 'Absence', absence('u-coll'))).toBe(true);
    expect(canOn(sup, 'create', 'Absence', absence('u-coll'))).toBe(false);
    const left = absence('u-coll', { specialist: { teamMemberships: [{ teamId: TEAM, leftOn: past }] } });
    expect(canOn(sup, 'read', 'Absence', left)).toBe(false);
    const other = absence('u-other', {
      specialist: { teamMemberships: [{ teamId: 'team-2', leftOn: null }] },
    });
    expect(canOn(sup, 'read', 'Absence', other)).toBe(false);
  });
});

describe('transfers', () => {
  const transfer = (record: object) => ({ organizationId: ORG_A, jobSeeker: record });
  it('the supervisor transfers a team case the team may discuss; nobody else transfers', () => {
    const discussed = jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION')] });
    const sup = defineAbilityFor(actors.supervisor, now);
    expect(canOn(sup, 'create', 'Transfer', transfer(discussed))).toBe(true);
    expect(canOn(sup, 'create', 'Transfer', transfer(jobSeeker()))).toBe(false);
    expect(
      canOn(
        sup,
        'create',
        'Transfer',
        transfer(jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION', { withdrawnAt: past })] })),
      ),
    ).toBe(false);
    expect(canOn(sup, 'create', 'Transfer', transfer({ ...discussed, teamId: 'team-2' }))).toBe(false);
    for (const actor of [actors.specialist, actors.colleague, actors.admin, actors.nav]) {
      expect(canOn(defineAbilityFor(actor, now), 'create', 'Transfer', transfer(discussed))).toBe(false);
    }
  });
  it("the organisation's leader moves a consented case during an absence, never one without the consent", () => {
    // (issue 16: `moveAbsentPortfolio` finds the absent specialist's job seekers itself; the leader
    // never reads them — this rule only bounds which of them may move.)
    const leader = defineAbilityFor(actors.leader, now);
    const discussed = jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION')] });
    expect(canOn(leader, 'create', 'Transfer', transfer(discussed))).toBe(true);
    expect(canOn(leader, 'create', 'Transfer', transfer(jobSeeker()))).toBe(false);
    expect(
      canOn(
        leader,
        'create',
        'Transfer',
        transfer(jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION', { withdrawnAt: past })] })),
      ),
    ).toBe(false);
    expect(canOn(leader, 'create', 'Transfer', { organizationId: 'org-b', jobSeeker: discussed })).toBe(
      false,
    );
    expect(canOn(leader, 'read', 'JobSeeker', discussed)).toBe(false);
  });
  it('the job seeker’s current specialist reads its transfers', () => {
    expect(canOn(defineAbilityFor(actors.specialist, now), 'read', 'Transfer', transfer(jobSeeker()))).toBe(
      true,
    );
    expect(canOn(defineAbilityFor(actors.colleague, now), 'read', 'Transfer', transfer(jobSeeker()))).toBe(
      false,
    );
  });
});

describe('notifications', () => {
  it('are read and marked read by their recipient only', () => {
    const note = { organizationId: ORG_A, recipientId: 'u-sup' };
    expect(canOn(defineAbilityFor(actors.supervisor, now), 'read', 'Notification', note)).toBe(true);
    expect(canOn(defineAbilityFor(actors.supervisor, now), 'update', 'Notification', note)).toBe(true);
    expect(canOn(defineAbilityFor(actors.leader, now), 'read', 'Notification', note)).toBe(false);
  });
});

describe('team work', () => {
  const ofTeam = (teamId: string, extra: Record<string, unknown> = {}) => ({
    organizationId: ORG_A,
    teamId,
    ...extra,
  });
  it('the supervisor runs the team meeting; members read it; other teams and other roles see nothing', () => {
    const sup = defineAbilityFor(actors.supervisor, now);
    const spec = defineAbilityFor(actors.specialist, now);
    for (const type of ['TeamMeeting', 'ActionPoint', 'PortfolioReview', 'FieldMentoring'] as const) {
      expect(canOn(sup, 'create', type, ofTeam(TEAM))).toBe(true);
      expect(canOn(sup, 'create', type, ofTeam('team-2'))).toBe(false);
    }
    expect(canOn(spec, 'read', 'TeamMeeting', ofTeam(TEAM))).toBe(true);
    expect(canOn(spec, 'create', 'TeamMeeting', ofTeam(TEAM))).toBe(false);
    expect(canOn(defineAbilityFor(actors.otherTeam, now), 'read', 'TeamMeeting', ofTeam(TEAM))).toBe(false);
    for (const actor of [actors.leader, actors.admin, actors.nav])
      expect(canOn(defineAbilityFor(actor, now), 'read', 'TeamMeeting', ofTeam(TEAM))).toBe(false);
  });
  it('an action point is completed by its owner or the supervisor', () => {
    const point = ofTeam(TEAM, { ownerId: 'u-spec' });
    expect(canOn(defineAbilityFor(actors.specialist, now), 'update', 'ActionPoint', point)).toBe(true);
    expect(canOn(defineAbilityFor(actors.colleague, now), 'update', 'ActionPoint', point)).toBe(false);
    expect(canOn(defineAbilityFor(actors.supervisor, now), 'update', 'ActionPoint', point)).toBe(true);
  });
  it('a portfolio review is read by the supervisor and the reviewed specialist only', () => {
    const review = ofTeam(TEAM, { specialistId: 'u-spec' });
    expect(canOn(defineAbilityFor(actors.specialist, now), 'read', 'PortfolioReview', review)).toBe(true);
    expect(canOn(defineAbilityFor(actors.colleague, now), 'read', 'PortfolioReview', review)).toBe(false);
    expect(canOn(defineAbilityFor(actors.supervisor, now), 'read', 'PortfolioReview', review)).toBe(true);
  });
});

describe('fidelity reviews', () => {
  const review = (teamId: string, organizationId = ORG_A) => ({ organizationId, teamId });
  it('the supervisor runs them; the team and the organisation’s leader read them; nobody else', () => {
    expect(canOn(defineAbilityFor(actors.supervisor, now), 'update', 'FidelityReview', review(TEAM))).toBe(
      true,
    );
    expect(
      canOn(defineAbilityFor(actors.supervisor, now), 'update', 'FidelityReview', review('team-2')),
    ).toBe(false);
    expect(canOn(defineAbilityFor(actors.specialist, now), 'read', 'FidelityReview', review(TEAM))).toBe(
      true,
    );
    expect(canOn(defineAbilityFor(actors.specialist, now), 'update', 'FidelityReview', review(TEAM))).toBe(
      false,
    );
    expect(canOn(defineAbilityFor(actors.leader, now), 'read', 'FidelityReview', review(TEAM))).toBe(true);
    expect(canOn(defineAbilityFor(actors.leader, now), 'update', 'FidelityReview', review(TEAM))).toBe(false);
    expect(canOn(defineAbilityFor(actors.leader, now), 'read', 'FidelityReview', review(TEAM, ORG_B))).toBe(
      false,
    );
    expect(canOn(defineAbilityFor(actors.otherTeam, now), 'read', 'FidelityReview', review(TEAM))).toBe(
      false,
    );
    expect(canOn(defineAbilityFor(actors.nav, now), 'read', 'FidelityReview', review(TEAM))).toBe(false);
    const action = { organizationId: ORG_A, review: review(TEAM) };
    expect(canOn(defineAbilityFor(actors.supervisor, now), 'update', 'FidelityActionItem', action)).toBe(
      true,
    );
    expect(canOn(defineAbilityFor(actors.specialist, now), 'update', 'FidelityActionItem', action)).toBe(
      false,
    );
  });
});

describe('the team-discussion consent (seed 001 §3, issue 17 item 6)', () => {
  const member = (overrides: Record<string, unknown> = {}) => ({
    id: 'u-spec',
    teamMemberships: [{ organizationId: ORG_A, teamId: TEAM, leftOn: null, ...overrides }],
  });

  it('only the method supervisor of the specialist’s team asks for missing consents, and only for a current member', () => {
    const expected: Record<keyof typeof actors, boolean> = {
      specialist: false,
      colleague: false,
      otherTeam: false,
      supervisor: true,
      leader: false,
      admin: false,
      otherTenant: false,
      nav: false,
      otherNav: false,
    };
    for (const [who, allowed] of Object.entries(expected))
      expect(
        canOn(defineAbilityFor(actors[who as keyof typeof actors], now), 'request', 'User', member()),
        who,
      ).toBe(allowed);
    const sup = defineAbilityFor(actors.supervisor, now);
    expect(canOn(sup, 'request', 'User', member({ teamId: 'team-2' }))).toBe(false);
    expect(canOn(sup, 'request', 'User', member({ leftOn: past }))).toBe(false);
  });

  it('the refusal and the request are read and recorded by the own specialist alone, never by the team, the supervisor or NAV', () => {
    const record = jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION')], navSharingGrants: [grant()] });
    for (const field of JOB_SEEKER_FIELDS.teamConsent) {
      expect(canRead(actors.specialist, record, field), field).toBe(true);
      expect(canOn(defineAbilityFor(actors.specialist, now), 'update', 'JobSeeker', record, field)).toBe(
        true,
      );
      for (const who of ['colleague', 'supervisor', 'leader', 'nav', 'admin', 'otherTenant'] as const) {
        expect(canRead(actors[who], record, field), `${who} ${field}`).toBe(false);
        expect(canOn(defineAbilityFor(actors[who], now), 'update', 'JobSeeker', record, field), who).toBe(
          false,
        );
      }
    }
  });
});

describe('protected persons: a kode-6 job seeker’s workplace (issue 17 item 9)', () => {
  const job = (protectedAddress: string) => ({
    organizationId: ORG_A,
    jobSeekerId: 'js-1',
    jobSeeker: jobSeeker({
      protectedAddress,
      consents: [consent('TEAM_CASE_DISCUSSION')],
      navSharingGrants: [grant()],
    }),
  });

  it('only the own specialist reads the employer of a kode-6 job seeker’s job; the job itself stays readable', () => {
    const expected = { specialist: true, colleague: false, supervisor: false, nav: false } as const;
    for (const [who, workplace] of Object.entries(expected)) {
      const ability = defineAbilityFor(actors[who as keyof typeof expected], now);
      expect(canOn(ability, 'read', 'Employment', job('STRICTLY_CONFIDENTIAL'), 'employerId'), who).toBe(
        workplace,
      );
      expect(canOn(ability, 'read', 'Employment', job('STRICTLY_CONFIDENTIAL'), 'jobTitle'), who).toBe(true);
      expect(canOn(ability, 'read', 'Employment', job('STRICTLY_CONFIDENTIAL')), who).toBe(true);
    }
  });

  it('kode 7 and no protection: the team and NAV read the employer as before', () => {
    for (const level of ['NONE', 'CONFIDENTIAL'])
      for (const who of ['specialist', 'colleague', 'supervisor', 'nav'] as const)
        expect(
          canOn(defineAbilityFor(actors[who], now), 'read', 'Employment', job(level), 'employerId'),
          `${who} ${level}`,
        ).toBe(true);
  });

  it('leaders, administrators, another team and another tenant read no job at all', () => {
    for (const who of ['leader', 'admin', 'otherTeam', 'otherTenant', 'otherNav'] as const)
      expect(canOn(defineAbilityFor(actors[who], now), 'read', 'Employment', job('NONE')), who).toBe(false);
  });
});

describe('the NAV dialogue (issue 17): role × relation × consent', () => {
  const away = { absences: [{ startDate: past, expectedEndDate: null, actualEndDate: null }] };
  const back = {
    absences: [{ startDate: past, expectedEndDate: new Date('2026-11-24T00:00:00Z'), actualEndDate: null }],
  };
  const thread = (js: object, office = NAV) => ({
    organizationId: ORG_A,
    navOfficeId: office,
    jobSeeker: js,
  });
  const message = (js: object, office = NAV) => ({ organizationId: ORG_A, thread: thread(js, office) });
  const dialogueGrant = (consentOverrides: Record<string, unknown> = {}) =>
    grant({ scopes: ['BASIC_DETAILS', 'DIALOGUE'] }, consentOverrides);
  const js = (specialist: object, grants: unknown[] = [dialogueGrant()]) =>
    jobSeeker({
      consents: [consent('TEAM_CASE_DISCUSSION')],
      currentSpecialist: specialist,
      navSharingGrants: grants,
    });
  const may = (actor: Actor, record: ReturnType<typeof js>) => {
    const ability = defineAbilityFor(actor, now);
    return {
      list: canOn(ability, 'read', 'NavDialogueThread', thread(record)),
      messages: canOn(ability, 'read', 'NavDialogueMessage', message(record)),
      post: canOn(ability, 'update', 'NavDialogueThread', thread(record)),
      start: canOn(ability, 'create', 'NavDialogueThread', thread(record)),
      journal: canOn(ability, 'create', 'JournalNote', { organizationId: ORG_A, jobSeeker: record }),
    };
  };
  const ALL = { list: true, messages: true, post: true, start: true, journal: true };
  const NONE = { list: false, messages: false, post: false, start: false, journal: false };

  it('the own specialist: everything (the API closes writes without consent, the history stays)', () => {
    expect(may(actors.specialist, js(back))).toEqual(ALL);
    expect(may(actors.specialist, js(back, []))).toEqual(ALL);
  });
  it('colleagues of the same team, another team, another tenant: nothing', () => {
    for (const actor of [actors.colleague, actors.otherTeam, actors.otherTenant, actors.leader, actors.admin])
      expect(may(actor, js(away))).toEqual(NONE);
  });
  it('the supervisor only while the specialist is away today, with team consent, never the journal', () => {
    expect(may(actors.supervisor, js(back))).toEqual(NONE);
    expect(may(actors.supervisor, js(away))).toEqual({ ...ALL, journal: false });
    const noTeamConsent = { ...js(away), consents: [] };
    expect(may(actors.supervisor, noTeamConsent)).toEqual(NONE);
  });
  it('NAV: the office holding the grant while consent and grant cover DIALOGUE; never the journal', () => {
    expect(may(actors.nav, js(back))).toEqual({ ...ALL, journal: false });
    expect(may(actors.otherNav, js(back))).toEqual(NONE);
    expect(may(actors.nav, js(back, [dialogueGrant({ navParts: ['BASIC_DETAILS'] })]))).toEqual(NONE);
    expect(may(actors.nav, js(back, [dialogueGrant({ withdrawnAt: past })]))).toEqual(NONE);
    expect(may(actors.nav, js(back, [grant({ scopes: ['BASIC_DETAILS'] })]))).toEqual(NONE);
    // Another office's thread about the same job seeker stays closed to this office.
    const ability = defineAbilityFor(actors.nav, now);
    expect(canOn(ability, 'read', 'NavDialogueThread', thread(js(back), 'nav-2'))).toBe(false);
    expect(canOn(ability, 'read', 'NavDialogueMessage', message(js(back), 'nav-2'))).toBe(false);
  });
});

describe('benefits counselling (issue 17, IPS principle 5): role × relation × action', () => {
  const record = (js: object) => ({ organizationId: ORG_A, jobSeeker: js });
  const teamCase = () => jobSeeker({ consents: [consent('TEAM_CASE_DISCUSSION')] });
  const noTeamConsent = () => jobSeeker();
  const shared = (scopes: string[], consentOverrides: Record<string, unknown> = {}) =>
    jobSeeker({ navSharingGrants: [grant({ scopes }, consentOverrides)] });
  const BOTH = ['BASIC_DETAILS', 'BENEFITS_COUNSELLING'];
  // [who, relation, the job seeker, reads, writes (create and update)]
  const cells: [keyof typeof actors, string, () => object, boolean, boolean][] = [
    ['specialist', 'own', noTeamConsent, true, true],
    ['colleague', 'same team, team consent', teamCase, true, false],
    ['colleague', 'same team, no consent', noTeamConsent, false, false],
    ['otherTeam', 'other team, team consent', teamCase, false, false],
    ['otherTenant', 'other tenant', teamCase, false, false],
    ['supervisor', 'supervised team, team consent', teamCase, true, false],
    ['supervisor', 'supervised team, no consent', noTeamConsent, false, false],
    ['leader', 'same organisation', teamCase, false, false],
    ['admin', 'same organisation', teamCase, false, false],
    ['nav', 'own office, consent covers', () => shared(BOTH), true, false],
    [
      'nav',
      'own office, grant without the part',
      () => shared(['BASIC_DETAILS', 'EMPLOYMENT_STATUS']),
      false,
      false,
    ],
    [
      'nav',
      'own office, consent does not cover',
      () => shared(BOTH, { navParts: ['BASIC_DETAILS'] }),
      false,
      false,
    ],
    ['nav', 'own office, consent withdrawn', () => shared(BOTH, { withdrawnAt: past }), false, false],
    ['otherNav', 'other office, consent covers', () => shared(BOTH), false, false],
  ];
  it.each(cells)('%s · %s', (who, _relation, js, reads, writes) => {
    const ability = defineAbilityFor(actors[who], now);
    expect(canOn(ability, 'read', 'BenefitsCounselling', record(js()))).toBe(reads);
    expect(canOn(ability, 'create', 'BenefitsCounselling', record(js()))).toBe(writes);
    expect(canOn(ability, 'update', 'BenefitsCounselling', record(js()))).toBe(writes);
  });
});
