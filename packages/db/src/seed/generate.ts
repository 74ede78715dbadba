/**
 * Deterministic synthetic data for the whole domain: the same options give the same rows.
 *
 * The structure (organisations, people, teams) is built first; then each organisation's job
 * seekers live through up to two years of history (referral, intake, career profile, employer
 * contacts, jobs with support plans and follow-up, job ends, transfers, discharge), which yields
 * every related row. Team-level records (meetings, reviews, mentoring) follow the same calendar.
 */
import { fakerNB_NO as faker } from '@faker-js/faker';
import { generateIdentityNumber, generateOrganizationNumber } from '@ips/domain';
import { json, type Row } from './copy.js';

/** Where generated rows go (a COPY buffer when seeding; a digest in the determinism test). */
export interface RowSink {
  push(table: string, row: Row): void;
}

import { at, type Day, dayOf, isoDay, Random, weekday, workday } from './random.js';

/** A day in a text a person writes (minutes, a journal note, a document reference): dd.mm.åååå. */
const writtenDay = (day: Day) => isoDay(day).split('-').reverse().join('.');

import {
  HEALTH_TRUSTS,
  INDUSTRIES,
  INTERESTS,
  JOB_TYPES,
  MUNICIPALITIES,
  STRENGTHS,
  STUDY_PROGRAMMES,
} from './reference-data.js';

export interface SeedScale {
  /** Job specialists employed by each municipality (its length is the number of municipalities). */
  specialistsPerMunicipality: readonly number[];
  /** Job specialists employed by each specialist health service. */
  specialistsPerTrust: readonly number[];
  navOffices: number;
  jobSeekersPerSpecialist: number;
  /** Job seekers in the method supervisor's own small portfolio. */
  jobSeekersPerSupervisor: number;
  maxTeamSize: number;
  employersPerRegion: number;
  /** Fraction of the full history detail to generate (1 = everything; national scale uses less). */
  historyDetail: number;
}

export const DEMO_SCALE: SeedScale = {
  specialistsPerMunicipality: [3, 6],
  specialistsPerTrust: [3],
  navOffices: 2,
  jobSeekersPerSpecialist: 18,
  jobSeekersPerSupervisor: 4,
  maxTeamSize: 10,
  employersPerRegion: 45,
  historyDetail: 1,
};

/** ≥ 400 organisations, 6,000 specialists, 120,000 job seekers. */
export const NATIONAL_SCALE: SeedScale = {
  specialistsPerMunicipality: Array.from({ length: 300 }, () => 16),
  specialistsPerTrust: Array.from({ length: 20 }, () => 60),
  navOffices: 80,
  jobSeekersPerSpecialist: 20,
  jobSeekersPerSupervisor: 0,
  maxTeamSize: 10,
  employersPerRegion: 60,
  historyDetail: 0.5,
};

export interface SeedOptions {
  scale: SeedScale;
  /** The last day of history, YYYY-MM-DD. */
  today: string;
  seed: number;
  /** Issuer of the local development OIDC provider the seeded users sign in with. */
  devIssuer: string;
}

/** Tables in load order: a table's parents always come before it. */
export const TABLE_ORDER = [
  'organization',
  'app_user',
  'user_identity',
  'platform_operator',
  'identity_provider',
  'membership',
  'specialist_team',
  'team_member',
  'health_team',
  'health_team_attachment',
  'deadline_rule_setting',
  'target',
  'team_meeting',
  'team_meeting_attendee',
  'field_mentoring',
  'fidelity_review',
  'fidelity_item_score',
  'fidelity_action_item',
  'employer',
  'job_seeker',
  'job_seeker_phase_change',
  'transfer',
  'assignment',
  'consent',
  'consent_event',
  'nav_sharing_grant',
  'career_profile',
  'career_profile_revision',
  'employer_contact',
  'job_application',
  'employment',
  'study',
  'support_plan',
  'support_plan_revision',
  'support_plan_agreement',
  'support_plan_meeting',
  'follow_up_meeting',
  'journal_note',
  'task',
  'absence',
  'team_meeting_agenda_item',
  'action_point',
  'portfolio_review',
  'portfolio_review_item',
  'notification',
] as const;

export const CONSENT_SCOPES = [
  'TEAM_CASE_DISCUSSION',
  'NAV_SHARING',
  'EMPLOYER_CONTACT',
  'SUPPORT_PLAN_TO_NAV_SYSTEM',
  'CROSS_SERVICE_TRANSFER',
  'HEALTH_TEAM_COLLABORATION',
  'RELATIVES_NETWORK',
] as const;

const FIDELITY_ITEMS = 25;

interface Org {
  id: string;
  kind: 'MUNICIPALITY' | 'SPECIALIST_HEALTH_SERVICE' | 'NAV_OFFICE';
  serviceLevel: 'MUNICIPAL' | 'SPECIALIST_HEALTH_SERVICE' | 'NAV';
  name: string;
  region: number;
  domain: string;
}

interface Person {
  id: string;
  givenName: string;
  familyName: string;
}

interface Specialist extends Person {
  org: Org;
  teamIndex: number;
  isSupervisor: boolean;
  healthTeamId: string;
}

interface Team {
  id: string;
  org: Org;
  supervisor: Specialist;
  members: Specialist[];
  meetings: { id: string; day: Day }[];
}

/** What later steps need to know about a job seeker. */
interface SeekerSummary {
  id: string;
  orgId: string;
  specialistId: string;
  phase: string;
  stalled: boolean;
  startedJobOn: Day | null;
  hasTeamConsent: boolean;
}

export interface GeneratedCounts {
  organizations: number;
  specialists: number;
  jobSeekers: number;
}

/**
 * Generates the data set into `out`, calling `flush` after the structure and after each
 * organisation's job seekers so memory stays bounded at national scale.
 */
export async function generateDataset(
  options: SeedOptions,
  out: RowSink,
  flush: () => Promise<void>,
): Promise<GeneratedCounts> {
  const rnd = new Random(options.seed);
  faker.seed(options.seed);
  const today = dayOf(options.today);
  const historyStart = today - 730;
  const detail = options.scale.historyDetail;
  const created = at(historyStart - 30);

  // ───────────── organisations ─────────────
  const orgs: Org[] = [];
  let orgNumberBase = 31_000_000;
  const nextOrgNumber = () => {
    for (;;) {
      orgNumberBase += 17;
      const n = generateOrganizationNumber(orgNumberBase);
      if (n) return n;
    }
  };
  const municipalityName = (i: number) => {
    const ref = MUNICIPALITIES[i % MUNICIPALITIES.length];
    const round = Math.floor(i / MUNICIPALITIES.length);
    return round === 0 ? (ref?.[1] ?? 'Ukjent') : `${ref?.[1]} ${round + 1}`;
  };
  const municipalityNumber = (i: number) =>
    i < MUNICIPALITIES.length ? (MUNICIPALITIES[i]?.[0] ?? '9999') : String(6000 + i).padStart(4, '0');
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const addOrg = (kind: Org['kind'], name: string, region: number, muniNo: string | null) => {
    const serviceLevel: Org['serviceLevel'] =
      kind === 'MUNICIPALITY' ? 'MUNICIPAL' : kind === 'NAV_OFFICE' ? 'NAV' : 'SPECIALIST_HEALTH_SERVICE';
    const org: Org = {
      id: rnd.uuid7(created),
      kind,
      serviceLevel,
      name,
      region,
      domain: `${slug(name)}.test`,
    };
    orgs.push(org);
    out.push('organization', {
      id: org.id,
      kind,
      serviceLevel,
      name,
      organizationNumber: nextOrgNumber(),
      municipalityNumber: muniNo,
      allowSyntheticIdentityNumbers: true,
      settings: { demo: true, retentionYears: 10 },
      active: true,
      createdAt: created,
      updatedAt: created,
    });
    out.push('identity_provider', {
      id: rnd.uuid7(created),
      organizationId: org.id,
      kind:
        kind === 'NAV_OFFICE'
          ? 'ENTRA_ID'
          : kind === 'SPECIALIST_HEALTH_SERVICE'
            ? 'HELSE_ID'
            : 'GENERIC_OIDC',
      issuer: options.devIssuer,
      audience: 'ips-api',
      jwksUri: null,
      clientId: 'ips-admin',
      enabled: true,
      createdAt: created,
      updatedAt: created,
    });
    return org;
  };
  const municipalities = options.scale.specialistsPerMunicipality.map((_, i) =>
    addOrg('MUNICIPALITY', `${municipalityName(i)} kommune`, i, municipalityNumber(i)),
  );
  const trusts = options.scale.specialistsPerTrust.map((_, i) => {
    const ref = HEALTH_TRUSTS[i % HEALTH_TRUSTS.length];
    const round = Math.floor(i / HEALTH_TRUSTS.length);
    const name = round === 0 ? (ref?.[0] ?? 'Helseforetak') : `${ref?.[0]} ${round + 1}`;
    return addOrg('SPECIALIST_HEALTH_SERVICE', name, (ref?.[1] ?? 0) % municipalities.length, null);
  });
  const navOffices = Array.from({ length: options.scale.navOffices }, (_, i) =>
    addOrg('NAV_OFFICE', `NAV ${municipalityName(i)}`, i, municipalityNumber(i)),
  );
  const navOfficeFor = (region: number) => navOffices[region % navOffices.length] as Org;

  // ───────────── people ─────────────
  const usedEmails = new Set<string>();
  const addUser = (org: Org): Person => {
    const givenName = faker.person.firstName();
    const familyName = faker.person.lastName();
    let email = `${slug(givenName)}.${slug(familyName)}@${org.domain}`;
    for (let n = 2; usedEmails.has(email); n++)
      email = `${slug(givenName)}.${slug(familyName)}${n}@${org.domain}`;
    usedEmails.add(email);
    const person = { id: rnd.uuid7(created), givenName, familyName };
    out.push('app_user', {
      id: person.id,
      email,
      givenName,
      familyName,
      phone: `${rnd.pick(['4', '9'])}${rnd.int(1000000, 9999999)}`,
      active: true,
      createdAt: created,
      updatedAt: created,
    });
    out.push('user_identity', {
      id: rnd.uuid7(created),
      userId: person.id,
      issuer: options.devIssuer,
      subject: email,
      createdAt: created,
    });
    return person;
  };
  const addMembership = (org: Org, userId: string, role: string, fte = 1) =>
    out.push('membership', {
      id: rnd.uuid7(created),
      organizationId: org.id,
      userId,
      role,
      fte: fte.toFixed(2),
      validFrom: created,
      endedAt: null,
      createdAt: created,
      updatedAt: created,
    });

  const operator = addUser(municipalities[0] as Org);
  out.push('platform_operator', { userId: operator.id, createdAt: created });

  const healthOrgs = [...municipalities, ...trusts];
  const healthTeamsByOrg = new Map<string, string[]>();
  for (const org of healthOrgs) {
    addMembership(org, addUser(org).id, 'TENANT_ADMINISTRATOR');
    addMembership(org, addUser(org).id, 'HEALTH_SERVICE_LEADER');
    const names =
      org.kind === 'MUNICIPALITY'
        ? ['Oppfølgingstjenesten psykisk helse og rus', 'FACT-teamet']
        : ['DPS Allmennpoliklinikk', 'Ambulant akutteam'];
    const ids = names.map((name) => {
      const id = rnd.uuid7(created);
      out.push('health_team', {
        id,
        organizationId: org.id,
        name,
        unit: org.name,
        active: true,
        createdAt: created,
        updatedAt: created,
      });
      return id;
    });
    healthTeamsByOrg.set(org.id, ids);
  }
  const navCounsellors = new Map<string, string[]>();
  for (const nav of navOffices) {
    addMembership(nav, addUser(nav).id, 'TENANT_ADMINISTRATOR');
    const counsellors = [addUser(nav), addUser(nav)].map((p) => p.id);
    for (const id of counsellors) addMembership(nav, id, 'NAV_COUNSELLOR');
    navCounsellors.set(nav.id, counsellors);
  }

  // Specialists, grouped per region (municipality + the trusts based there) into teams of ≤ 10.
  const specialistsByRegion = new Map<number, Specialist[]>();
  const addSpecialist = (org: Org): Specialist => {
    const person = addUser(org);
    const healthTeams = healthTeamsByOrg.get(org.id) ?? [];
    const s: Specialist = {
      ...person,
      org,
      teamIndex: -1,
      isSupervisor: false,
      healthTeamId: rnd.pick(healthTeams),
    };
    const list = specialistsByRegion.get(org.region) ?? [];
    list.push(s);
    specialistsByRegion.set(org.region, list);
    return s;
  };
  municipalities.forEach((org, i) => {
    for (let n = 0; n < (options.scale.specialistsPerMunicipality[i] ?? 0); n++) addSpecialist(org);
  });
  trusts.forEach((org, i) => {
    for (let n = 0; n < (options.scale.specialistsPerTrust[i] ?? 0); n++) addSpecialist(org);
  });

  const teams: Team[] = [];
  const allSpecialists: Specialist[] = [];
  for (const [region, members] of [...specialistsByRegion.entries()].sort((a, b) => a[0] - b[0])) {
    for (let i = 0; i < members.length; i += options.scale.maxTeamSize) {
      const group = members.slice(i, i + options.scale.maxTeamSize);
      const host = municipalities[region] ?? (group[0] as Specialist).org;
      const supervisor: Specialist = {
        ...addUser(host),
        org: host,
        teamIndex: teams.length,
        isSupervisor: true,
        healthTeamId: rnd.pick(healthTeamsByOrg.get(host.id) ?? []),
      };
      const team: Team = { id: rnd.uuid7(created), org: host, supervisor, members: group, meetings: [] };
      const teamNo = teams.filter((t) => t.org.id === host.id).length + 1;
      out.push('specialist_team', {
        id: team.id,
        organizationId: host.id,
        name: `IPS ${host.name.replace(/ kommune$/, '')}${teamNo > 1 ? ` ${teamNo}` : ''}`,
        methodSupervisorId: supervisor.id,
        active: true,
        createdAt: created,
        updatedAt: created,
      });
      // The supervisor acts in every organisation whose specialists are in the team.
      const memberOrgs = new Map<string, Org>([[host.id, host]]);
      for (const m of group) memberOrgs.set(m.org.id, m.org);
      for (const org of memberOrgs.values()) addMembership(org, supervisor.id, 'METHOD_SUPERVISOR');
      out.push('team_member', {
        id: rnd.uuid7(created),
        organizationId: host.id,
        teamId: team.id,
        userId: supervisor.id,
        role: 'METHOD_SUPERVISOR',
        employerOrganizationId: host.id,
        joinedOn: isoDay(historyStart - 30),
        leftOn: null,
        createdAt: created,
      });
      for (const m of group) {
        m.teamIndex = teams.length;
        addMembership(m.org, m.id, 'JOB_SPECIALIST', rnd.chance(0.2) ? 0.8 : 1);
        out.push('team_member', {
          id: rnd.uuid7(created),
          organizationId: host.id,
          teamId: team.id,
          userId: m.id,
          role: 'JOB_SPECIALIST',
          employerOrganizationId: m.org.id,
          joinedOn: isoDay(historyStart - rnd.int(0, 60)),
          leftOn: null,
          createdAt: created,
        });
        out.push('health_team_attachment', {
          id: rnd.uuid7(created),
          organizationId: m.org.id,
          healthTeamId: m.healthTeamId,
          userId: m.id,
          fromDate: isoDay(historyStart - 30),
          untilDate: null,
          createdAt: created,
        });
      }
      teams.push(team);
      allSpecialists.push(...group);
      if (options.scale.jobSeekersPerSupervisor > 0) allSpecialists.push(supervisor);
    }
  }

  // Targets (domain.md §9) and the tenants' deadline settings (defaults).
  const targets: [string, number][] = [
    ['EMPLOYMENT_RATE', 0.4],
    ['JOB_STARTS_PER_SPECIALIST_PER_YEAR', 12],
    ['CASELOAD_PER_SPECIALIST', 20],
    ['EMPLOYER_CONTACTS_PER_SPECIALIST_PER_WEEK', 6],
    ['COMMUNITY_TIME_SHARE', 0.65],
    ['FIRST_EMPLOYER_CONTACT_WITHIN_MONTH_SHARE', 1],
  ];
  for (const team of teams) {
    for (const [measure, value] of targets) {
      out.push('target', {
        id: rnd.uuid7(created),
        organizationId: team.org.id,
        teamId: team.id,
        measure,
        value: String(value),
        validFrom: isoDay(historyStart),
        validUntil: null,
        setById: team.supervisor.id,
        createdAt: created,
      });
    }
  }

  // ───────────── team calendar: weekly meetings, field mentoring, fidelity reviews ─────────────
  for (const team of teams) {
    const everyone = [team.supervisor, ...team.members];
    // Tuesdays 09:00; at national scale every other week to bound the volume.
    const step = detail >= 1 ? 7 : 14;
    let day = historyStart + ((1 - weekday(historyStart) + 7) % 7);
    for (; day <= today + 7; day += step) {
      const id = rnd.uuid7(at(day, 9));
      const held = day <= today;
      out.push('team_meeting', {
        id,
        organizationId: team.org.id,
        teamId: team.id,
        scheduledAt: at(day, 9),
        status: held ? 'HELD' : 'PLANNED',
        minutes: held
          ? `Referat teammøte ${writtenDay(day)}: gjennomgang av status, nye i jobb og arbeidsgiverkontakter.`
          : null,
        distributedAt: held ? at(day, 15) : null,
        createdAt: at(day - 3),
        updatedAt: at(day, 15),
      });
      team.meetings.push({ id, day });
      if (held) {
        for (const p of everyone) {
          out.push('team_meeting_attendee', {
            id: rnd.uuid7(at(day, 9)),
            organizationId: team.org.id,
            meetingId: id,
            userId: p.id,
            present: rnd.chance(0.9),
          });
        }
      }
    }
    for (let month = 0; month < 24; month++) {
      const day = workday(historyStart + month * 30 + rnd.int(0, 20));
      const [observed, observer] = rnd.sample(everyone, 2);
      if (!observed || !observer || day > today) continue;
      out.push('field_mentoring', {
        id: rnd.uuid7(at(day)),
        organizationId: team.org.id,
        teamId: team.id,
        observedSpecialistId: observed.id,
        observerId: observer.id,
        occurredOn: isoDay(day),
        setting: rnd.pick(['JOB_SEEKER_MEETING', 'EMPLOYER_MEETING']),
        observations: 'Presenterte tjenesten tydelig; kan bli mer konkret på hva jobbsøker ønsker.',
        feedback: 'Øv på å avslutte møtet med en klar avtale om neste kontakt.',
        createdAt: at(day, 16),
      });
    }
    for (const [n, offset] of [
      [0, 540],
      [1, 180],
    ] as const) {
      const day = workday(today - offset);
      const id = rnd.uuid7(at(day));
      const scores = Array.from({ length: FIDELITY_ITEMS }, () => rnd.int(2 + n, 5));
      out.push('fidelity_review', {
        id,
        organizationId: team.org.id,
        teamId: team.id,
        reviewedOn: isoDay(day),
        reviewers: 'Eksterne IPS-evaluatorer',
        status: 'FINAL',
        totalScore: scores.reduce((a, b) => a + b, 0),
        createdAt: at(day),
        updatedAt: at(day + 14),
      });
      scores.forEach((score, i) => {
        out.push('fidelity_item_score', {
          id: rnd.uuid7(at(day)),
          organizationId: team.org.id,
          reviewId: id,
          item: i + 1,
          score,
          evidence: `Vurdert ut fra intervju, journalgjennomgang og tall fra fagsystemet (item ${i + 1}).`,
          computedScore: null,
          computedEvidence: null,
        });
      });
      for (const item of rnd.sample([1, 8, 15, 17, 19, 21, 24], 3)) {
        out.push('fidelity_action_item', {
          id: rnd.uuid7(at(day)),
          organizationId: team.org.id,
          reviewId: id,
          item,
          action: `Tiltak for å styrke item ${item}`,
          ownerId: team.supervisor.id,
          dueOn: isoDay(day + 90),
          status: day + 90 < today ? 'DONE' : 'OPEN',
          followUpNote: null,
          createdAt: at(day),
          updatedAt: at(day),
        });
      }
    }
  }
  await flush();

  // ───────────── job seekers, one organisation at a time ─────────────
  const seekersByTeam = new Map<number, SeekerSummary[]>();
  const specialistsByOrg = new Map<string, Specialist[]>();
  for (const s of allSpecialists) {
    const list = specialistsByOrg.get(s.org.id) ?? [];
    list.push(s);
    specialistsByOrg.set(s.org.id, list);
  }
  let seekerIndex = 0;
  let jobSeekerCount = 0;
  const usedIdentity = new Set<string>();
  for (const org of healthOrgs) {
    const staff = specialistsByOrg.get(org.id) ?? [];
    if (staff.length === 0) continue;
    const employers = makeEmployers(org);
    for (const specialist of staff) {
      const count = specialist.isSupervisor
        ? options.scale.jobSeekersPerSupervisor
        : options.scale.jobSeekersPerSpecialist;
      for (let k = 0; k < count; k++) {
        const summary = makeJobSeeker(org, specialist, staff, employers, seekerIndex++);
        const list = seekersByTeam.get(specialist.teamIndex) ?? [];
        list.push(summary);
        seekersByTeam.set(specialist.teamIndex, list);
        jobSeekerCount++;
      }
      makeAbsences(org, specialist);
    }
    await flush();
  }

  // ───────────── team records that name job seekers ─────────────
  teams.forEach((team, teamIndex) => {
    const seekers = seekersByTeam.get(teamIndex) ?? [];
    const discussable = seekers.filter((s) => s.hasTeamConsent && s.phase !== 'DISCHARGED');
    team.meetings.forEach((meeting, i) => {
      const agenda: [string, string][] = [
        ['FOLLOW_UP_FROM_LAST_SUPERVISION', 'Gjennomgang, oppfølging fra forrige veiledning'],
        ['NEW_IN_WORK', 'Nye i jobb'],
        ['JOB_SEEKER_STATUS', 'Status jobbsøkere'],
        ['EMPLOYER_CONTACTS_LAST_WEEK', 'Arbeidsgiverkontakt forrige uke'],
        ['CASES_AND_ACTION_POINTS', 'Case, aksjonspunkter'],
        ['OTHER', 'Diverse'],
      ];
      const caseSeeker = discussable.length > 0 && i % 2 === 0 ? rnd.pick(discussable) : null;
      agenda.forEach(([kind, title], position) => {
        out.push('team_meeting_agenda_item', {
          id: rnd.uuid7(at(meeting.day, 9)),
          organizationId: team.org.id,
          meetingId: meeting.id,
          kind,
          position,
          title,
          notes: null,
          jobSeekerId: kind === 'CASES_AND_ACTION_POINTS' && caseSeeker ? caseSeeker.id : null,
        });
      });
      if (meeting.day <= today && rnd.chance(0.6)) {
        const owner = rnd.pick([team.supervisor, ...team.members]);
        const due = meeting.day + 7;
        const done = due < today - 3 || rnd.chance(0.3);
        const taskId = rnd.uuid7(at(meeting.day, 11));
        out.push('task', {
          id: taskId,
          organizationId: team.org.id,
          rule: 'ACTION_POINT',
          jobSeekerId: null,
          assigneeId: owner.id,
          title: 'Aksjonspunkt fra teammøtet',
          dueOn: isoDay(due),
          warnFrom: isoDay(due - 2),
          status: done ? 'DONE' : 'OPEN',
          sourceType: 'ActionPoint',
          sourceId: null,
          closedAt: done ? at(due - 1, 14) : null,
          closedReason: done ? 'completed' : null,
          createdAt: at(meeting.day, 11),
          updatedAt: at(meeting.day, 11),
        });
        out.push('action_point', {
          id: rnd.uuid7(at(meeting.day, 11)),
          organizationId: team.org.id,
          teamId: team.id,
          meetingId: meeting.id,
          ownerId: owner.id,
          description: rnd.pick([
            'Ta kontakt med arbeidsgiver om mulig stilling',
            'Forberede karriereprofil til neste møte',
            'Avklare samtykke for samarbeid med NAV',
            'Følge opp jobbsøker som har stoppet opp',
          ]),
          dueOn: isoDay(due),
          status: done ? 'DONE' : 'OPEN',
          taskId,
          completedAt: done ? at(due - 1, 14) : null,
          createdAt: at(meeting.day, 11),
          updatedAt: at(meeting.day, 11),
        });
      }
    });
    // Quarterly portfolio reviews per specialist, stalled cases first.
    for (const specialist of [team.supervisor, ...team.members]) {
      const own = seekers.filter((s) => s.specialistId === specialist.id && s.phase !== 'DISCHARGED');
      for (let quarter = 0; quarter < 8; quarter++) {
        const meeting = team.meetings.find((m) => m.day >= historyStart + quarter * 91 + 14);
        if (!meeting || meeting.day > today) continue;
        const reviewId = rnd.uuid7(at(meeting.day, 10));
        out.push('portfolio_review', {
          id: reviewId,
          organizationId: team.org.id,
          teamId: team.id,
          specialistId: specialist.id,
          meetingId: meeting.id,
          reviewedOn: isoDay(meeting.day),
          notes: 'Porteføljen gjennomgått; jobbsøkere uten framdrift drøftet først.',
          createdAt: at(meeting.day, 10),
        });
        const reviewed = [...own].sort((a, b) => Number(b.stalled) - Number(a.stalled)).slice(0, 5);
        for (const s of reviewed.filter((s) => s.hasTeamConsent)) {
          out.push('portfolio_review_item', {
            id: rnd.uuid7(at(meeting.day, 10)),
            organizationId: team.org.id,
            reviewId,
            jobSeekerId: s.id,
            stalled: s.stalled,
            note: s.stalled ? 'Ingen arbeidsgiverkontakt siste uker: ny strategi avtalt.' : null,
          });
        }
      }
    }
    out.push('notification', {
      id: rnd.uuid7(at(today - 1)),
      organizationId: team.org.id,
      recipientId: team.supervisor.id,
      kind: 'DEADLINE_DIGEST',
      title: 'Frister som nærmer seg',
      body: 'Det er frister i teamet som forfaller denne uken.',
      linkType: 'Team',
      linkId: team.id,
      readAt: null,
      emailedAt: at(today - 1, 7),
      createdAt: at(today - 1, 7),
    });
  });
  await flush();

  return { organizations: orgs.length, specialists: allSpecialists.length, jobSeekers: jobSeekerCount };

  // ───────────── helpers (hoisted) ─────────────

  function makeEmployers(org: Org): string[] {
    const ids: string[] = [];
    const city = municipalityName(org.region);
    for (let i = 0; i < options.scale.employersPerRegion; i++) {
      const [code, industry] = rnd.pick(INDUSTRIES);
      const id = rnd.uuid7(created);
      ids.push(id);
      out.push('employer', {
        id,
        organizationId: org.id,
        organizationNumber: nextOrgNumber(),
        name: `${faker.company.name()} ${rnd.pick(['AS', 'AS', 'AS', 'SA', 'ANS'])}`,
        industryCode: code,
        industry,
        streetAddress: faker.location.streetAddress(),
        postalCode: String(rnd.int(1000, 9999)),
        city,
        createdAt: created,
        updatedAt: created,
      });
    }
    return ids;
  }

  function makeAbsences(org: Org, specialist: Specialist) {
    for (let year = 0; year < 2; year++) {
      const start = workday(historyStart + year * 365 + rnd.int(170, 200));
      out.push('absence', {
        id: rnd.uuid7(at(start - 60)),
        organizationId: org.id,
        specialistId: specialist.id,
        type: 'VACATION',
        planned: true,
        startDate: isoDay(start),
        expectedEndDate: isoDay(start + 20),
        actualEndDate: start + 20 <= today ? isoDay(start + 20) : null,
        registeredById: specialist.id,
        supervisorNotifiedAt: null,
        note: 'Sommerferie',
        createdAt: at(start - 60),
        updatedAt: at(start - 60),
      });
    }
    if (rnd.chance(0.25)) {
      const start = workday(today - rnd.int(20, 600));
      const length = rnd.int(3, 40);
      const ongoing = start + length > today;
      out.push('absence', {
        id: rnd.uuid7(at(start)),
        organizationId: org.id,
        specialistId: specialist.id,
        type: 'SICK_LEAVE',
        planned: false,
        startDate: isoDay(start),
        expectedEndDate: isoDay(start + length),
        actualEndDate: ongoing ? null : isoDay(start + length),
        registeredById: specialist.id,
        supervisorNotifiedAt: length > 14 ? at(start + 1, 10) : null,
        note: null,
        createdAt: at(start, 8),
        updatedAt: at(start, 8),
      });
    }
  }

  function phaseChange(
    orgId: string,
    jobSeekerId: string,
    from: string | null,
    to: string,
    day: Day,
    by: string,
  ) {
    out.push('job_seeker_phase_change', {
      id: rnd.uuid7(at(day, 12)),
      organizationId: orgId,
      jobSeekerId,
      fromPhase: from,
      toPhase: to,
      changedAt: at(day, 12),
      changedById: by,
      note: null,
    });
  }

  function makeJobSeeker(
    org: Org,
    specialist: Specialist,
    colleagues: Specialist[],
    employers: string[],
    index: number,
  ): SeekerSummary {
    const referral = historyStart + rnd.int(0, 725);
    const id = rnd.uuid7(at(referral, 10));
    const age = rnd.int(19, 62);
    const birthDay = dayOf(`${new Date(today * 86_400_000).getUTCFullYear() - age}-01-01`) + rnd.int(0, 364);
    const birthDate = isoDay(birthDay);
    const year = Number(birthDate.slice(0, 4));
    let identityNumber: string | null = null;
    const dNumber = rnd.chance(0.05);
    for (let attempt = 0; !identityNumber || usedIdentity.has(`${org.id}:${identityNumber}`); attempt++) {
      const individual = (year >= 2000 ? 500 : 0) + ((index * 7 + attempt * 13) % 499);
      identityNumber = generateIdentityNumber({
        birthDate,
        synthetic: true,
        kind: dNumber ? 'd-number' : 'fodselsnummer',
        individual,
      });
    }
    usedIdentity.add(`${org.id}:${identityNumber}`);
    const givenName = faker.person.firstName();
    const familyName = faker.person.lastName();
    const protectedAddress = rnd.chance(0.03)
      ? 'STRICTLY_CONFIDENTIAL'
      : rnd.chance(0.03)
        ? 'CONFIDENTIAL'
        : 'NONE';
    const intake = referral + rnd.int(3, 21);
    const hasIntake = intake <= today;
    const healthTeams = healthTeamsByOrg.get(org.id) ?? [];
    const healthTeamId = rnd.chance(0.9) ? specialist.healthTeamId : rnd.pick(healthTeams);
    const team = teams[specialist.teamIndex] as Team;
    const outOfWork = rnd.chance(0.9);

    // The specialist may have changed through a transfer.
    let currentSpecialist = specialist;
    const transfer =
      hasIntake && today - intake > 120 && rnd.chance(0.06) && colleagues.length > 1
        ? { day: intake + rnd.int(60, Math.max(61, today - intake - 10)) }
        : null;
    let fromSpecialist = specialist;
    if (transfer) {
      const others = colleagues.filter((c) => c.id !== specialist.id && !c.isSupervisor);
      if (others.length > 0) {
        fromSpecialist = specialist;
        currentSpecialist = rnd.pick(others);
      }
    }
    const teamOfCurrent = teams[currentSpecialist.teamIndex] as Team;

    // ─── consents: every combination of scopes appears across the portfolio ───
    const mask = index % 128;
    const scopes = CONSENT_SCOPES.filter((_, bit) => (mask >> bit) & 1);
    const consentDay = hasIntake ? intake : referral;
    const consentIds = new Map<string, string>();
    const consentRows = new Map<string, Record<string, unknown>>();
    const activeScopes = new Set<string>();
    scopes.forEach((scope, n) => {
      const cid = rnd.uuid7(at(consentDay, 11));
      const expired = index % 11 === 3 && n === 0;
      const withdrawnDay = index % 7 === 2 && n === scopes.length - 1 ? consentDay + rnd.int(10, 200) : null;
      const withdrawn = withdrawnDay !== null && withdrawnDay <= today ? withdrawnDay : null;
      const validUntil = expired ? Math.min(today - 1, consentDay + 90) : consentDay + 730;
      if (!withdrawn && validUntil > today && consentDay <= today) activeScopes.add(scope);
      consentIds.set(scope, cid);
      const snapshot = { scope, validFrom: isoDay(consentDay), validUntil: isoDay(validUntil) };
      const consentRow = {
        id: cid,
        organizationId: org.id,
        jobSeekerId: id,
        scope,
        validFrom: at(consentDay, 11),
        validUntil: at(validUntil, 23),
        recordedById: specialist.id,
        recordedAt: at(consentDay, 11),
        documentReference: `Signert samtykke skannet i journal ${writtenDay(consentDay)}`,
        withdrawnAt: withdrawn ? at(withdrawn, 13) : null,
        withdrawnById: withdrawn ? currentSpecialist.id : null,
        withdrawalNote: withdrawn ? 'Jobbsøker trakk samtykket muntlig i samtale' : null,
        version: withdrawn ? 2 : 1,
        updatedAt: at(withdrawn ?? consentDay, 13),
        // NAV_SHARING: set with the grant below (the consent covers at least what the grant names).
        navParts: [] as string[],
      };
      consentRows.set(scope, consentRow);
      out.push('consent', consentRow);
      out.push('consent_event', {
        id: rnd.uuid7(at(consentDay, 11)),
        organizationId: org.id,
        consentId: cid,
        jobSeekerId: id,
        kind: 'GIVEN',
        snapshot,
        actorId: specialist.id,
        occurredAt: at(consentDay, 11),
      });
      if (withdrawn) {
        out.push('consent_event', {
          id: rnd.uuid7(at(withdrawn, 13)),
          organizationId: org.id,
          consentId: cid,
          jobSeekerId: id,
          kind: 'WITHDRAWN',
          snapshot: { ...snapshot, withdrawnAt: isoDay(withdrawn) },
          actorId: currentSpecialist.id,
          occurredAt: at(withdrawn, 13),
        });
      }
    });
    const navConsent = consentIds.get('NAV_SHARING');
    if (navConsent) {
      const nav = navOfficeFor(org.region);
      const counsellors = navCounsellors.get(nav.id) ?? [];
      const revoked = index % 5 === 1 ? consentDay + rnd.int(30, 300) : null;
      const grantExpired = index % 9 === 4;
      // (drawn in the order the row's fields drew them before issue 17: the seed stays the same)
      const grantId = rnd.uuid7(at(consentDay, 12));
      const grantCounsellor = index % 3 === 0 ? null : rnd.pick(counsellors);
      const grantScopes = rnd.pick([
        ['BASIC_DETAILS', 'EMPLOYMENT_STATUS'],
        ['BASIC_DETAILS', 'EMPLOYMENT_STATUS', 'SUPPORT_PLAN'],
        ['BASIC_DETAILS', 'EMPLOYMENT_STATUS', 'SUPPORT_PLAN', 'CAREER_PROFILE'],
      ]);
      // The consent covers what the grant names; some also the dialogue, or a part not granted.
      const consentRow = consentRows.get('NAV_SHARING');
      if (consentRow)
        consentRow.navParts = [
          ...grantScopes,
          ...(index % 4 === 1 && !grantScopes.includes('CAREER_PROFILE') ? ['CAREER_PROFILE'] : []),
          ...(index % 2 === 0 ? ['DIALOGUE'] : []),
        ];
      out.push('nav_sharing_grant', {
        id: grantId,
        organizationId: org.id,
        jobSeekerId: id,
        consentId: navConsent,
        navOfficeId: nav.id,
        counsellorId: grantCounsellor,
        scopes: grantScopes,
        validFrom: at(consentDay, 12),
        validUntil: grantExpired ? at(Math.min(today - 1, consentDay + 120), 23) : null,
        grantedById: specialist.id,
        revokedAt: revoked && revoked <= today ? at(revoked, 9) : null,
        revokedById: revoked && revoked <= today ? specialist.id : null,
        createdAt: at(consentDay, 12),
        updatedAt: at(consentDay, 12),
      });
    }

    // ─── the path: intake → career profile → search → job(s) → tapering / discharge ───
    let phase = 'REFERRED';
    phaseChange(org.id, id, null, 'REFERRED', referral, specialist.id);
    let dischargedAt: Day | null = null;
    let dischargeReason: string | null = null;
    let firstContactDay: Day | null = null;
    let stalled = false;
    let startedJobOn: Day | null = null;
    const meetings: { day: Day; purpose: string; employmentId?: string }[] = [];
    let careerRevisions: Day[] = [];
    let lastJobEvent: Day | null = null;

    if (hasIntake) {
      phaseChange(org.id, id, phase, 'INTAKE', intake, specialist.id);
      phase = 'INTAKE';
      meetings.push({ day: intake, purpose: 'INTAKE' });
      const profiling = intake + rnd.int(2, 10);
      if (profiling <= today) {
        phaseChange(org.id, id, phase, 'CAREER_PROFILING', profiling, specialist.id);
        phase = 'CAREER_PROFILING';
        meetings.push({ day: profiling, purpose: 'CAREER_PROFILING' });
        meetings.push({ day: profiling + 7, purpose: 'CAREER_PROFILING' });
        careerRevisions = [profiling + 14];
      }
      const searchStart = profiling + rnd.int(14, 24);
      if (searchStart <= today) {
        phaseChange(org.id, id, phase, 'JOB_SEARCH', searchStart, specialist.id);
        phase = 'JOB_SEARCH';
        // Rapid job search: the first employer contact usually within 30 days of intake.
        const firstContact = intake + (rnd.chance(0.75) ? rnd.int(7, 30) : rnd.int(31, 120));
        let day = Math.max(firstContact, searchStart - 5);
        let jobCount = 0;
        let studyDone = false;
        const wantsStudy = rnd.chance(0.08);
        const gapToStall = rnd.chance(0.2);
        while (day <= today) {
          // Job development: contacts every 4–14 days (fewer when the case stalls).
          let searchEnd = day;
          const getsJob = rnd.chance(jobCount === 0 ? 0.6 : 0.5);
          const searchLength = rnd.int(20, 220);
          for (let d = day; d <= Math.min(today, day + searchLength); d += rnd.int(4, gapToStall ? 40 : 14)) {
            const contactDay = workday(d);
            if (contactDay > today) break;
            if (firstContactDay === null) firstContactDay = contactDay;
            if (rnd.chance(detail)) {
              out.push('employer_contact', {
                id: rnd.uuid7(at(contactDay, 10)),
                organizationId: org.id,
                employerId: rnd.pick(employers),
                specialistId: currentSpecialistAt(contactDay),
                jobSeekerId: id,
                contactedAt: at(contactDay, rnd.int(9, 15)),
                faceToFace: rnd.chance(0.7),
                purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
                contactPerson: `${faker.person.firstName()} ${faker.person.lastName()}`,
                durationMinutes: rnd.int(15, 60),
                outcome: rnd.pick(['NO_OPENING', 'FOLLOW_UP_AGREED', 'INTERVIEW_ARRANGED', 'OTHER']),
                notes: null,
                createdAt: at(contactDay, 16),
              });
            }
            if (rnd.chance(0.3 * detail)) meetings.push({ day: contactDay + 1, purpose: 'JOB_SEARCH' });
            if (rnd.chance(0.2 * detail)) {
              const applied = contactDay + rnd.int(0, 3);
              out.push('job_application', {
                id: rnd.uuid7(at(applied, 12)),
                organizationId: org.id,
                jobSeekerId: id,
                employerId: rnd.pick(employers),
                position: rnd.pick(JOB_TYPES)[1],
                source: rnd.chance(0.5) ? 'JOB_DEVELOPMENT' : 'ADVERTISED',
                status:
                  applied + 30 < today
                    ? rnd.pick(['REJECTED', 'WITHDRAWN', 'INTERVIEW'])
                    : rnd.pick(['PLANNED', 'SENT']),
                appliedOn: applied <= today ? isoDay(applied) : null,
                notes: null,
                createdAt: at(applied, 12),
                updatedAt: at(applied, 12),
              });
            }
            searchEnd = contactDay;
          }
          stalled = gapToStall && phase === 'JOB_SEARCH';
          const start = workday(searchEnd + rnd.int(7, 21));
          if (wantsStudy && !studyDone && start <= today) {
            studyDone = true;
            const [institution, programme] = rnd.pick(STUDY_PROGRAMMES);
            const studyId = rnd.uuid7(at(start));
            out.push('study', {
              id: studyId,
              organizationId: org.id,
              jobSeekerId: id,
              institution,
              programme,
              startDate: isoDay(start),
              endDate: null,
              completed: null,
              endReason: null,
              createdAt: at(start - 5),
              updatedAt: at(start - 5),
            });
            supportPlan('STUDY', null, studyId, start);
            phaseChange(org.id, id, phase, 'STUDYING', start, currentSpecialistAt(start));
            phase = 'STUDYING';
            lastJobEvent = start;
            break;
          }
          if (!getsJob || start > today) {
            day = searchEnd + rnd.int(10, 30);
            if (!getsJob && searchEnd + 30 > today) break;
            continue;
          }
          // A job start (or, now and then, work practice, which is never a job start).
          const practice = rnd.chance(0.1);
          const employmentId = rnd.uuid7(at(start - 3));
          const [jobType, jobTitle] = rnd.pick(JOB_TYPES);
          const lasts = rnd.chance(0.65) ? null : rnd.int(20, 300);
          const end = lasts === null ? null : start + lasts;
          const ended = end !== null && end <= today;
          const competitive = !practice && rnd.chance(0.95);
          out.push('employment', {
            id: employmentId,
            organizationId: org.id,
            jobSeekerId: id,
            employerId: rnd.pick(employers),
            kind: practice ? 'WORK_PRACTICE' : 'ORDINARY_JOB',
            jobTitle,
            jobType,
            startDate: isoDay(start),
            endDate: ended ? isoDay(end as Day) : null,
            hoursPerWeek: String(rnd.pick([7.5, 15, 18.8, 22.5, 30, 37.5])),
            hourlyWage: practice ? null : String(rnd.int(205, 290)),
            openLabourMarket: competitive || practice === false,
            atLeastMinimumWage: competitive,
            openToAnyone: competitive,
            employerMeetingWanted: rnd.chance(0.4),
            endedBy: ended ? rnd.pick(['JOB_SEEKER', 'EMPLOYER', 'MUTUAL', 'FIXED_TERM_EXPIRED']) : null,
            endReason: ended
              ? rnd.pick([
                  'Trivdes ikke',
                  'Sluttet etter prøvetid',
                  'Midlertidig stilling utløp',
                  'Helsemessige årsaker',
                ])
              : null,
            endLearnedOn: ended ? isoDay((end as Day) + rnd.int(0, 2)) : null,
            endRecordedById: ended ? currentSpecialistAt(end as Day) : null,
            version: ended ? 2 : 1,
            createdAt: at(start - 3),
            updatedAt: at(ended ? (end as Day) : start - 3),
          });
          if (!practice) {
            jobCount++;
            startedJobOn = startedJobOn ?? start;
            supportPlan('JOB', employmentId, null, start, end !== null && ended ? end : null);
            phaseChange(org.id, id, phase, 'EMPLOYED', start, currentSpecialistAt(start));
            phase = 'EMPLOYED';
            meetings.push({ day: start + rnd.int(1, 3), purpose: 'FOLLOW_ALONG', employmentId });
            for (let w = 1; w <= 4 && start + 7 * w <= today; w++) {
              meetings.push({ day: start + 7 * w, purpose: 'FOLLOW_ALONG', employmentId });
            }
            for (let m = 2; start + 30 * m <= (ended ? (end as Day) : today); m++) {
              if (rnd.chance(detail))
                meetings.push({ day: start + 30 * m, purpose: 'FOLLOW_ALONG', employmentId });
            }
            lastJobEvent = start;
          }
          if (ended) {
            const learned = (end as Day) + 1;
            meetings.push({ day: learned + rnd.int(0, 3), purpose: 'JOB_END_FOLLOW_UP' });
            journal(
              'JOB_END',
              learned,
              employmentId,
              `Arbeidsforhold som ${jobTitle.toLowerCase()} avsluttet ${writtenDay(end as Day)}.`,
            );
            if (!practice) {
              phaseChange(org.id, id, phase, 'JOB_SEARCH', learned, currentSpecialistAt(learned));
              phase = 'JOB_SEARCH';
              lastJobEvent = learned;
            }
            day = learned + rnd.int(7, 20);
            continue;
          }
          if (!practice && today - start > 270) {
            const taper = start + 270;
            phaseChange(org.id, id, phase, 'TAPERING', taper, currentSpecialistAt(taper));
            phase = 'TAPERING';
            if (today - start > 450 && rnd.chance(0.5)) {
              dischargedAt = start + 450;
              dischargeReason = 'STABLE_IN_WORK';
              phaseChange(org.id, id, phase, 'DISCHARGED', dischargedAt, currentSpecialistAt(dischargedAt));
              phase = 'DISCHARGED';
              journal(
                'DISCHARGE',
                dischargedAt,
                null,
                'Utskrevet fra porteføljen: stabil i ordinært arbeid over tid.',
              );
            }
          }
          break;
        }
      }
      if (phase === 'JOB_SEARCH' && today - intake > 500 && rnd.chance(0.15)) {
        dischargedAt = today - rnd.int(5, 60);
        dischargeReason = rnd.pick(['JOB_SEEKER_WITHDREW', 'MOVED', 'NO_CONTACT']);
        phaseChange(org.id, id, phase, 'DISCHARGED', dischargedAt, currentSpecialistAt(dischargedAt));
        phase = 'DISCHARGED';
        journal('DISCHARGE', dischargedAt, null, 'Utskrevet fra porteføljen etter avtale med jobbsøker.');
      }
    }

    // ─── career profile (revised after job events) ───
    if (careerRevisions.length > 0) {
      const profileId = rnd.uuid7(at(careerRevisions[0] as Day));
      if (lastJobEvent !== null && lastJobEvent > (careerRevisions[0] as Day) && rnd.chance(0.6)) {
        careerRevisions.push(Math.min(today, lastJobEvent + rnd.int(5, 30)));
      }
      const needsUpdate = lastJobEvent !== null && lastJobEvent > (careerRevisions.at(-1) as Day);
      out.push('career_profile', {
        id: profileId,
        organizationId: org.id,
        jobSeekerId: id,
        currentRevision: careerRevisions.length,
        needsUpdate,
        needsUpdateReason: needsUpdate ? 'Oppdater etter siste jobbstart/-slutt' : null,
        version: careerRevisions.length,
        createdAt: at(careerRevisions[0] as Day),
        updatedAt: at(careerRevisions.at(-1) as Day),
      });
      careerRevisions.forEach((day, n) => {
        out.push('career_profile_revision', {
          id: rnd.uuid7(at(day, 14)),
          organizationId: org.id,
          careerProfileId: profileId,
          revision: n + 1,
          interests: rnd.sample(INTERESTS, 3).join(', '),
          preferences: `Ønsker ${rnd.pick(['deltid', 'heltid', 'deltid med mulighet for mer'])}, ${rnd.pick(['dagtid', 'gjerne kveld', 'fleksibel arbeidstid'])}`,
          strengths: rnd.sample(STRENGTHS, 3).join(', '),
          workExperience: json([{ title: rnd.pick(JOB_TYPES)[1], years: rnd.int(0, 8) }]),
          education: json([
            { level: rnd.pick(['Grunnskole', 'Videregående', 'Fagbrev', 'Høyere utdanning']) },
          ]),
          disclosurePreference: rnd.pick(['FULL', 'PARTIAL', 'NONE', 'UNDECIDED']),
          disclosureWishes: rnd.pick([
            null,
            'Vil selv fortelle om helse når det passer',
            'Ønsker ikke at arbeidsgiver får vite om diagnose',
          ]),
          benefitsSituation: rnd.pick([
            'Arbeidsavklaringspenger (AAP)',
            'Uføretrygd (delvis)',
            'Sosialhjelp',
            'Ingen ytelse',
          ]),
          createdById: currentSpecialistAt(day),
          createdAt: at(day, 14),
        });
      });
    }

    // ─── follow-up meetings ───
    for (const m of meetings) {
      if (m.day > today) continue;
      const community = rnd.chance(0.65);
      out.push('follow_up_meeting', {
        id: rnd.uuid7(at(m.day, 11)),
        organizationId: org.id,
        jobSeekerId: id,
        specialistId: currentSpecialistAt(m.day),
        employmentId: m.employmentId ?? null,
        purpose: m.purpose,
        status: rnd.chance(0.93) ? 'HELD' : 'NO_SHOW',
        scheduledAt: at(m.day, rnd.int(9, 15)),
        participants:
          m.purpose === 'FOLLOW_ALONG' && rnd.chance(0.3) ? ['JOB_SEEKER', 'EMPLOYER'] : ['JOB_SEEKER'],
        faceToFace: rnd.chance(0.85),
        location: community ? 'COMMUNITY' : rnd.chance(0.8) ? 'OFFICE' : 'REMOTE',
        durationMinutes: rnd.pick([30, 45, 60, 90]),
        summary: 'Samtale om jobbønsker og neste steg. Avtalt ny kontakt.',
        createdAt: at(m.day, 16),
      });
    }

    // ─── transfer and assignment history ───
    const assignmentStart = at(hasIntake ? intake : referral, 9);
    if (transfer && currentSpecialist.id !== fromSpecialist.id) {
      const tDay = transfer.day;
      const transferId = rnd.uuid7(at(tDay, 10));
      const meeting = teamOfCurrent.meetings.filter((mm) => mm.day <= tDay).at(-1);
      const crossService = fromSpecialist.org.serviceLevel !== currentSpecialist.org.serviceLevel;
      out.push('transfer', {
        id: transferId,
        organizationId: org.id,
        jobSeekerId: id,
        fromSpecialistId: fromSpecialist.id,
        toSpecialistId: currentSpecialist.id,
        reason: rnd.pick(['SPECIALIST_ABSENCE', 'SPECIALIST_LEAVING', 'NO_PROGRESS', 'JOB_SEEKER_WISH']),
        temporary: false,
        crossService,
        consentId: crossService ? (consentIds.get('CROSS_SERVICE_TRANSFER') ?? null) : null,
        teamMeetingId: meeting?.id ?? null,
        decidedById: teamOfCurrent.supervisor.id,
        effectiveAt: at(tDay, 10),
        note: 'Drøftet i teammøtet; ny jobbspesialist tar kontakt for et snarlig møte.',
        createdAt: at(tDay, 10),
      });
      out.push('assignment', {
        id: rnd.uuid7(assignmentStart),
        organizationId: org.id,
        jobSeekerId: id,
        specialistId: fromSpecialist.id,
        reason: 'INTAKE',
        startedAt: assignmentStart,
        endedAt: at(tDay, 10),
        transferId: null,
        createdAt: assignmentStart,
      });
      out.push('assignment', {
        id: rnd.uuid7(at(tDay, 10)),
        organizationId: org.id,
        jobSeekerId: id,
        specialistId: currentSpecialist.id,
        reason: 'TRANSFER',
        startedAt: at(tDay, 10),
        endedAt: dischargedAt !== null ? at(dischargedAt, 15) : null,
        transferId,
        createdAt: at(tDay, 10),
      });
      journal(
        'TRANSFER',
        tDay,
        transferId,
        'Jobbsøker overført til ny jobbspesialist etter drøfting i teamet.',
      );
      taskRow(
        'MEET_AFTER_TRANSFER',
        tDay + 7,
        tDay + 4,
        tDay + rnd.int(1, 6),
        'Møt jobbsøker etter overføring',
      );
    } else {
      out.push('assignment', {
        id: rnd.uuid7(assignmentStart),
        organizationId: org.id,
        jobSeekerId: id,
        specialistId: specialist.id,
        reason: 'INTAKE',
        startedAt: assignmentStart,
        endedAt: dischargedAt !== null ? at(dischargedAt, 15) : null,
        transferId: null,
        createdAt: assignmentStart,
      });
    }

    // ─── deadlines: first employer contact within a month of intake ───
    if (hasIntake) {
      const due = intake + 30;
      taskRow(
        'FIRST_EMPLOYER_CONTACT',
        due,
        due - 7,
        firstContactDay !== null ? firstContactDay : dischargedAt !== null ? dischargedAt : null,
        'Første arbeidsgiverkontakt innen én måned etter inntak',
      );
    }

    out.push('job_seeker', {
      id,
      organizationId: org.id,
      identityNumber,
      givenName,
      familyName,
      birthDate,
      phone: `${rnd.pick(['4', '9'])}${rnd.int(1000000, 9999999)}`,
      email: rnd.chance(0.7) ? `${slug(givenName)}.${slug(familyName)}${rnd.int(1, 99)}@epost.test` : null,
      streetAddress: protectedAddress === 'STRICTLY_CONFIDENTIAL' ? null : faker.location.streetAddress(),
      postalCode: protectedAddress === 'STRICTLY_CONFIDENTIAL' ? null : String(rnd.int(1000, 9999)),
      city: protectedAddress === 'STRICTLY_CONFIDENTIAL' ? null : municipalityName(org.region),
      protectedAddress,
      referralDate: isoDay(referral),
      referredBy: rnd.pick([
        'Fastlege',
        'DPS Allmennpoliklinikk',
        'Oppfølgingstjenesten',
        'Selvhenvist',
        'NAV',
      ]),
      intakeDate: hasIntake ? isoDay(intake) : null,
      phase,
      phaseChangedAt: at(today - rnd.int(0, 30), 12),
      healthTeamId,
      teamId: teamOfCurrent.id,
      currentSpecialistId: currentSpecialist.id,
      outOfWorkAtReferral: outOfWork,
      dischargedAt: dischargedAt !== null ? isoDay(dischargedAt) : null,
      dischargeReason,
      dischargeNote: dischargeReason ? 'Avsluttet etter samtale med jobbsøker og helseteam.' : null,
      version: 1,
      createdAt: at(referral, 10),
      updatedAt: at(today - rnd.int(0, 30), 12),
    });
    void team;

    return {
      id,
      orgId: org.id,
      specialistId: currentSpecialist.id,
      phase,
      stalled,
      startedJobOn,
      hasTeamConsent: activeScopes.has('TEAM_CASE_DISCUSSION'),
    };

    function currentSpecialistAt(day: Day): string {
      return transfer && day >= transfer.day ? currentSpecialist.id : fromSpecialist.id;
    }

    function journal(kind: string, day: Day, sourceId: string | null, text: string) {
      if (day > today) return;
      out.push('journal_note', {
        id: rnd.uuid7(at(day, 15)),
        organizationId: org.id,
        jobSeekerId: id,
        kind,
        sourceId,
        text,
        createdById: currentSpecialistAt(day),
        createdAt: at(day, 15),
        recordedInJournalAt: day + 1 <= today ? at(day + 1, 10) : null,
        recordedInJournalById: day + 1 <= today ? currentSpecialistAt(day + 1) : null,
      });
    }

    function taskRow(rule: string, due: Day, warnFrom: Day, doneDay: Day | null, title: string) {
      const opened = Math.min(warnFrom, due) - 7;
      if (opened > today) return;
      const done = doneDay !== null && doneDay <= today;
      out.push('task', {
        id: rnd.uuid7(at(opened, 8)),
        organizationId: org.id,
        rule,
        jobSeekerId: id,
        assigneeId: currentSpecialistAt(Math.min(today, due)),
        title,
        dueOn: isoDay(due),
        warnFrom: isoDay(warnFrom),
        status: done ? 'DONE' : dischargedAt !== null ? 'CANCELLED' : 'OPEN',
        sourceType: 'JobSeeker',
        sourceId: id,
        closedAt: done ? at(doneDay as Day, 16) : dischargedAt !== null ? at(dischargedAt, 16) : null,
        closedReason: done ? 'completed' : dischargedAt !== null ? 'discharged' : null,
        createdAt: at(opened, 8),
        updatedAt: at(opened, 8),
      });
    }

    function supportPlan(
      kind: 'JOB' | 'STUDY',
      employmentId: string | null,
      studyId: string | null,
      start: Day,
      closedOn: Day | null = null,
    ) {
      const planId = rnd.uuid7(at(start - 2));
      const revisions = start + 120 <= today ? 2 : 1;
      out.push('support_plan', {
        id: planId,
        organizationId: org.id,
        jobSeekerId: id,
        kind,
        employmentId,
        studyId,
        status: closedOn !== null ? 'CLOSED' : revisions === 2 && today - start > 270 ? 'TAPERING' : 'ACTIVE',
        currentRevision: revisions,
        version: revisions,
        createdAt: at(start - 2),
        updatedAt: at(start - 2 + (revisions - 1) * 120),
      });
      const employerContact = activeScopes.has('EMPLOYER_CONTACT');
      for (let r = 1; r <= revisions; r++) {
        const day = start - 2 + (r - 1) * 120;
        const revisionId = rnd.uuid7(at(day, 13));
        out.push('support_plan_revision', {
          id: revisionId,
          organizationId: org.id,
          supportPlanId: planId,
          revision: r,
          employerRoutines:
            kind === 'JOB' ? 'Fast fadder første måned; opplæring i kasse og varemottak.' : null,
          absenceArrangements: 'Egenmelding til leder før kl. 08. Fri til behandling annenhver torsdag.',
          specialArrangements: rnd.pick([null, 'Pauser ved behov', 'Redusert stilling de første ukene']),
          employerMayCallSpecialist: employerContact && rnd.chance(0.7),
          agreedWithEmployer: employerContact,
          taperingPlan: r > 1 ? 'Oppfølging trappes ned til månedlige samtaler.' : null,
          changeNote: r > 1 ? 'Oppdatert etter fire måneder i jobb.' : null,
          createdById: currentSpecialistAt(day),
          createdAt: at(day, 13),
        });
        const agreements: [string, string][] = [
          ['JOB_SPECIALIST', 'Ukentlige samtaler første måned, deretter månedlig.'],
          ['JOB_SEEKER', 'Gir beskjed til jobbspesialist om utfordringer.'],
        ];
        // The health team is named only with the consent to work with it (issue 17 item 8).
        if (activeScopes.has('HEALTH_TEAM_COLLABORATION'))
          agreements.splice(1, 0, ['HEALTH_TEAM', 'Behandler følger opp medisinering og søvn.']);
        if (activeScopes.has('NAV_SHARING'))
          agreements.push(['NAV_COUNSELLOR', 'Hjelp med meldekort og avklaring av ytelser.']);
        if (activeScopes.has('RELATIVES_NETWORK'))
          agreements.push(['RELATIVES', 'Mor hjelper med å komme i gang om morgenen.']);
        if (employerContact) agreements.push(['EMPLOYER', 'Leder tar kontakt ved ureglementert fravær.']);
        for (const [supportPerson, responsibility] of agreements) {
          out.push('support_plan_agreement', {
            id: rnd.uuid7(at(day, 13)),
            organizationId: org.id,
            revisionId,
            supportPerson,
            personName: null,
            responsibility,
          });
        }
        const planned = r === 1 ? [start + rnd.int(1, 3), start + 14, start + 28] : [day + 30, day + 60];
        for (const p of planned) {
          out.push('support_plan_meeting', {
            id: rnd.uuid7(at(day, 13)),
            organizationId: org.id,
            revisionId,
            plannedOn: isoDay(p),
            faceToFace: true,
            topic:
              r === 1 && p === planned[0]
                ? 'Første oppfølgingsmøte etter oppstart'
                : 'Hvordan går det i jobben?',
          });
        }
        journal('SUPPORT_PLAN', day, planId, `Jobbstøtteplan revisjon ${r} utarbeidet sammen med jobbsøker.`);
      }
      if (kind === 'JOB') {
        taskRow(
          'FIRST_FOLLOW_UP_AFTER_START',
          start + 3,
          start,
          start + rnd.int(1, 3),
          'Første oppfølgingsmøte innen tre dager etter oppstart',
        );
      }
    }
  }
}
