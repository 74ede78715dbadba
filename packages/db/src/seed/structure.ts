/**
 * The structure the histories are played out in: organisations (municipalities, specialist health
 * services, NAV offices) with their identity providers, the people and their memberships, health
 * teams, specialist teams of at most `maxTeamSize` (grouped per region, so a team can hold
 * specialists employed by several organisations: docs/domain.md §2), and the teams' targets.
 */
import { fakerNB_NO as faker } from '@faker-js/faker';
import {
  type Org,
  type Person,
  type SeedContext,
  type Specialist,
  slug,
  type Team,
  type World,
} from './context.js';
import { isoDay } from './random.js';
import { HEALTH_TRUSTS } from './reference-data.js';

export function buildWorld(ctx: SeedContext): World {
  const orgs = addOrganisations(ctx);
  const people = new People(ctx);
  const operator = people.addUser(orgs.municipalities[0] as Org);
  ctx.out.push('platform_operator', {
    userId: operator.id,
    createdAt: ctx.created,
  });
  const healthOrgs = [...orgs.municipalities, ...orgs.trusts];
  const healthTeamsByOrg = addHealthServiceStaff(ctx, people, healthOrgs);
  const navCounsellors = new Map<string, string[]>();
  for (const nav of orgs.navOffices) {
    people.addMembership(nav, people.addUser(nav).id, 'TENANT_ADMINISTRATOR');
    const counsellors = [people.addUser(nav), people.addUser(nav)].map((p) => p.id);
    for (const id of counsellors) people.addMembership(nav, id, 'NAV_COUNSELLOR');
    navCounsellors.set(nav.id, counsellors);
  }
  const specialistsByRegion = addSpecialists(ctx, people, orgs, healthTeamsByOrg);
  const { teams, allSpecialists } = formTeams(
    ctx,
    people,
    orgs.municipalities,
    specialistsByRegion,
    healthTeamsByOrg,
  );
  addTargets(ctx, teams);
  return {
    orgs: orgs.all,
    municipalities: orgs.municipalities,
    healthOrgs,
    navOffices: orgs.navOffices,
    healthTeamsByOrg,
    navCounsellors,
    teams,
    allSpecialists,
  };
}

function addOrganisations(ctx: SeedContext) {
  const { rnd, out, created, options } = ctx;
  const all: Org[] = [];
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
    all.push(org);
    out.push('organization', {
      id: org.id,
      kind,
      serviceLevel,
      name,
      organizationNumber: ctx.nextOrgNumber(),
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
    addOrg('MUNICIPALITY', `${ctx.municipalityName(i)} kommune`, i, ctx.municipalityNumber(i)),
  );
  const trusts = options.scale.specialistsPerTrust.map((_, i) => {
    const ref = HEALTH_TRUSTS[i % HEALTH_TRUSTS.length];
    const round = Math.floor(i / HEALTH_TRUSTS.length);
    const name = round === 0 ? (ref?.[0] ?? 'Helseforetak') : `${ref?.[0]} ${round + 1}`;
    return addOrg('SPECIALIST_HEALTH_SERVICE', name, (ref?.[1] ?? 0) % municipalities.length, null);
  });
  const navOffices = Array.from({ length: options.scale.navOffices }, (_, i) =>
    addOrg('NAV_OFFICE', `NAV ${ctx.municipalityName(i)}`, i, ctx.municipalityNumber(i)),
  );
  return { all, municipalities, trusts, navOffices };
}

/** Users (each signs in through the development OIDC provider by e-mail) and their memberships. */
class People {
  private readonly usedEmails = new Set<string>();
  constructor(private readonly ctx: SeedContext) {}

  addUser(org: Org): Person {
    const { rnd, out, created, options } = this.ctx;
    const givenName = faker.person.firstName();
    const familyName = faker.person.lastName();
    let email = `${slug(givenName)}.${slug(familyName)}@${org.domain}`;
    for (let n = 2; this.usedEmails.has(email); n++)
      email = `${slug(givenName)}.${slug(familyName)}${n}@${org.domain}`;
    this.usedEmails.add(email);
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
  }

  addMembership(org: Org, userId: string, role: string, fte = 1) {
    const { rnd, out, created } = this.ctx;
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
  }
}

/** Each health organisation's administrator, leader and two health teams. */
function addHealthServiceStaff(ctx: SeedContext, people: People, healthOrgs: Org[]) {
  const { rnd, out, created } = ctx;
  const healthTeamsByOrg = new Map<string, string[]>();
  for (const org of healthOrgs) {
    people.addMembership(org, people.addUser(org).id, 'TENANT_ADMINISTRATOR');
    people.addMembership(org, people.addUser(org).id, 'HEALTH_SERVICE_LEADER');
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
  return healthTeamsByOrg;
}

/** Specialists, grouped per region (a municipality and the trusts based there). */
function addSpecialists(
  ctx: SeedContext,
  people: People,
  orgs: { municipalities: Org[]; trusts: Org[] },
  healthTeamsByOrg: Map<string, string[]>,
) {
  const specialistsByRegion = new Map<number, Specialist[]>();
  const addSpecialist = (org: Org): Specialist => {
    const person = people.addUser(org);
    const healthTeams = healthTeamsByOrg.get(org.id) ?? [];
    const s: Specialist = {
      ...person,
      org,
      teamIndex: -1,
      isSupervisor: false,
      healthTeamId: ctx.rnd.pick(healthTeams),
    };
    const list = specialistsByRegion.get(org.region) ?? [];
    list.push(s);
    specialistsByRegion.set(org.region, list);
    return s;
  };
  const { scale } = ctx.options;
  orgs.municipalities.forEach((org, i) => {
    for (let n = 0; n < (scale.specialistsPerMunicipality[i] ?? 0); n++) addSpecialist(org);
  });
  orgs.trusts.forEach((org, i) => {
    for (let n = 0; n < (scale.specialistsPerTrust[i] ?? 0); n++) addSpecialist(org);
  });
  return specialistsByRegion;
}

/** Teams of at most `maxTeamSize` per region, each led by a supervisor employed by the host. */
function formTeams(
  ctx: SeedContext,
  people: People,
  municipalities: Org[],
  specialistsByRegion: Map<number, Specialist[]>,
  healthTeamsByOrg: Map<string, string[]>,
) {
  const { rnd, options } = ctx;
  const teams: Team[] = [];
  const allSpecialists: Specialist[] = [];
  for (const [region, members] of [...specialistsByRegion.entries()].sort((a, b) => a[0] - b[0])) {
    for (let i = 0; i < members.length; i += options.scale.maxTeamSize) {
      const group = members.slice(i, i + options.scale.maxTeamSize);
      const host = municipalities[region] ?? (group[0] as Specialist).org;
      const supervisor: Specialist = {
        ...people.addUser(host),
        org: host,
        teamIndex: teams.length,
        isSupervisor: true,
        healthTeamId: rnd.pick(healthTeamsByOrg.get(host.id) ?? []),
      };
      const team: Team = {
        id: rnd.uuid7(ctx.created),
        org: host,
        supervisor,
        members: group,
        meetings: [],
      };
      const teamNo = teams.filter((t) => t.org.id === host.id).length + 1;
      addTeam(ctx, people, team, teamNo, teams.length);
      teams.push(team);
      allSpecialists.push(...group);
      if (options.scale.jobSeekersPerSupervisor > 0) allSpecialists.push(supervisor);
    }
  }
  return { teams, allSpecialists };
}

function addTeam(ctx: SeedContext, people: People, team: Team, teamNo: number, teamIndex: number) {
  const { rnd, out, created, historyStart } = ctx;
  const { org: host, supervisor, members: group } = team;
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
  for (const org of memberOrgs.values()) people.addMembership(org, supervisor.id, 'METHOD_SUPERVISOR');
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
    m.teamIndex = teamIndex;
    people.addMembership(m.org, m.id, 'JOB_SPECIALIST', rnd.chance(0.2) ? 0.8 : 1);
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
}

/** Targets (docs/domain.md §9); the tenants' deadline settings stay at the rules' defaults. */
function addTargets(ctx: SeedContext, teams: Team[]) {
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
      ctx.out.push('target', {
        id: ctx.rnd.uuid7(ctx.created),
        organizationId: team.org.id,
        teamId: team.id,
        measure,
        value: String(value),
        validFrom: isoDay(ctx.historyStart),
        validUntil: null,
        setById: team.supervisor.id,
        createdAt: ctx.created,
      });
    }
  }
}
