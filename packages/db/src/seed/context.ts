/**
 * What every step of the seed shares: the options, the row sink, the seeded random source and the
 * calendar (today and the start of the two years of history), plus the shapes the steps pass on.
 *
 * Determinism rests on one rule: the steps draw from `rnd` and `faker` in a fixed order. Moving a
 * draw changes every row after it (the determinism test in `test/seed.test.ts` only checks that the
 * same options give the same rows, so a reordering is allowed, but it changes the demo data).
 */
import { fakerNB_NO as faker } from '@faker-js/faker';
import { generateOrganizationNumber } from '@ips/domain';
import type { Row } from './copy.js';
import { at, type Day, dayOf, isoDay, Random } from './random.js';
import { MUNICIPALITIES } from './reference-data.js';

/** Where generated rows go (a COPY buffer when seeding; a digest in the determinism test). */
export interface RowSink {
  push(table: string, row: Row): void;
}

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

export interface SeedOptions {
  scale: SeedScale;
  /** The last day of history, YYYY-MM-DD. */
  today: string;
  seed: number;
  /** Issuer of the local development OIDC provider the seeded users sign in with. */
  devIssuer: string;
}

export interface Org {
  id: string;
  kind: 'MUNICIPALITY' | 'SPECIALIST_HEALTH_SERVICE' | 'NAV_OFFICE';
  serviceLevel: 'MUNICIPAL' | 'SPECIALIST_HEALTH_SERVICE' | 'NAV';
  name: string;
  region: number;
  domain: string;
}

export interface Person {
  id: string;
  givenName: string;
  familyName: string;
}

export interface Specialist extends Person {
  org: Org;
  teamIndex: number;
  isSupervisor: boolean;
  healthTeamId: string;
}

export interface Team {
  id: string;
  org: Org;
  supervisor: Specialist;
  members: Specialist[];
  meetings: { id: string; day: Day }[];
}

/** What the team records need to know about a job seeker. */
export interface SeekerSummary {
  id: string;
  orgId: string;
  specialistId: string;
  phase: string;
  stalled: boolean;
  startedJobOn: Day | null;
  hasTeamConsent: boolean;
}

/** The organisations, people and teams the job seekers' histories are played out in. */
export interface World {
  orgs: Org[];
  municipalities: Org[];
  healthOrgs: Org[];
  navOffices: Org[];
  healthTeamsByOrg: Map<string, string[]>;
  navCounsellors: Map<string, string[]>;
  teams: Team[];
  /** Everyone who holds a portfolio (the supervisors too when the scale gives them one). */
  allSpecialists: Specialist[];
}

/** A day in a text a person writes (minutes, a journal note, a document reference): dd.mm.åååå. */
export const writtenDay = (day: Day) => isoDay(day).split('-').reverse().join('.');

/** A name as it can stand in an e-mail address or a domain. */
export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export class SeedContext {
  readonly rnd: Random;
  readonly today: Day;
  /** History runs over the two years before today. */
  readonly historyStart: Day;
  readonly detail: number;
  /** When the structure (organisations, people, teams) was created. */
  readonly created: Date;
  private orgNumberBase = 31_000_000;
  private readonly usedIdentity = new Set<string>();

  constructor(
    readonly options: SeedOptions,
    readonly out: RowSink,
  ) {
    this.rnd = new Random(options.seed);
    faker.seed(options.seed);
    this.today = dayOf(options.today);
    this.historyStart = this.today - 730;
    this.detail = options.scale.historyDetail;
    this.created = at(this.historyStart - 30);
  }

  /** The next valid (mod-11) organisation number: organisations and employers share the series. */
  nextOrgNumber(): string {
    for (;;) {
      this.orgNumberBase += 17;
      const n = generateOrganizationNumber(this.orgNumberBase);
      if (n) return n;
    }
  }

  municipalityName(i: number): string {
    const ref = MUNICIPALITIES[i % MUNICIPALITIES.length];
    const round = Math.floor(i / MUNICIPALITIES.length);
    return round === 0 ? (ref?.[1] ?? 'Ukjent') : `${ref?.[1]} ${round + 1}`;
  }

  municipalityNumber(i: number): string {
    return i < MUNICIPALITIES.length ? (MUNICIPALITIES[i]?.[0] ?? '9999') : String(6000 + i).padStart(4, '0');
  }

  /** Claims an identity number within an organisation; false when it is taken there already. */
  claimIdentity(orgId: string, identityNumber: string): boolean {
    const key = `${orgId}:${identityNumber}`;
    if (this.usedIdentity.has(key)) return false;
    this.usedIdentity.add(key);
    return true;
  }
}
