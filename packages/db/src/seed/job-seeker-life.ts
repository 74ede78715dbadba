/**
 * One job seeker's life in the service, played out day by day over the two years of history
 * (docs/domain.md §4): referral → intake → career profile → job search with employer contacts →
 * job or study start with a support plan and follow-along → job end and a new search → tapering
 * and discharge; now and then a transfer to a colleague. Each step writes the rows it yields,
 * including the duties it opens and closes (docs/domain.md §5).
 *
 * The steps run in a fixed order and draw from the seeded random source in that order (see
 * context.ts): reordering them changes the demo data.
 */
import { fakerNB_NO as faker } from '@faker-js/faker';
import { generateIdentityNumber } from '@ips/domain';
import {
  consentRow,
  employerContactRow,
  employmentRow,
  followUpMeetingRow,
  jobSeekerRow,
} from '../factories.js';
import type {
  DischargeReason,
  JobSeekerPhase,
  MeetingPurpose,
  NavShareScope,
} from '../generated/prisma/enums.js';
import {
  type Org,
  type SeedContext,
  type SeekerSummary,
  type Specialist,
  slug,
  type Team,
  type World,
  writtenDay,
} from './context.js';
import { json, type Row } from './copy.js';
import { at, type Day, dayOf, isoDay, workday } from './random.js';
import { INTERESTS, JOB_TYPES, STRENGTHS, STUDY_PROGRAMMES } from './reference-data.js';

export const CONSENT_SCOPES = [
  'TEAM_CASE_DISCUSSION',
  'NAV_SHARING',
  'EMPLOYER_CONTACT',
  'SUPPORT_PLAN_TO_NAV_SYSTEM',
  'CROSS_SERVICE_TRANSFER',
  'HEALTH_TEAM_COLLABORATION',
  'RELATIVES_NETWORK',
] as const;

interface PlannedMeeting {
  day: Day;
  purpose: MeetingPurpose;
  employmentId?: string;
}

export class JobSeekerLife {
  private readonly id: string;
  private readonly referral: Day;
  private readonly intake: Day;
  private readonly hasIntake: boolean;
  private readonly birthDate: string;
  private readonly identityNumber: string;
  private readonly givenName: string;
  private readonly familyName: string;
  private readonly protectedAddress: 'STRICTLY_CONFIDENTIAL' | 'CONFIDENTIAL' | 'NONE';
  private readonly healthTeamId: string;
  private readonly outOfWork: boolean;
  /** The day the job seeker moved to `currentSpecialist`, when they did. */
  private readonly transfer: { day: Day } | null;
  private readonly fromSpecialist: Specialist;
  private readonly currentSpecialist: Specialist;
  private readonly consentDay: Day;
  private readonly consentIds = new Map<string, string>();
  /** The consent rows, kept until the NAV grant sets what the NAV-sharing consent covers. */
  private readonly consentRows = new Map<string, Row>();
  private readonly activeScopes = new Set<string>();

  private phase: JobSeekerPhase = 'REFERRED';
  private dischargedAt: Day | null = null;
  private dischargeReason: DischargeReason | null = null;
  private firstContactDay: Day | null = null;
  private stalled = false;
  private startedJobOn: Day | null = null;
  private jobCount = 0;
  private readonly meetings: PlannedMeeting[] = [];
  private careerRevisions: Day[] = [];
  private lastJobEvent: Day | null = null;

  constructor(
    private readonly ctx: SeedContext,
    private readonly world: World,
    private readonly org: Org,
    private readonly specialist: Specialist,
    colleagues: Specialist[],
    private readonly employers: string[],
    private readonly index: number,
  ) {
    const { rnd, today } = ctx;
    this.referral = ctx.historyStart + rnd.int(0, 725);
    this.id = rnd.uuid7(at(this.referral, 10));
    const age = rnd.int(19, 62);
    const birthDay = dayOf(`${new Date(today * 86_400_000).getUTCFullYear() - age}-01-01`) + rnd.int(0, 364);
    this.birthDate = isoDay(birthDay);
    this.identityNumber = this.syntheticIdentityNumber(rnd.chance(0.05));
    this.givenName = faker.person.firstName();
    this.familyName = faker.person.lastName();
    this.protectedAddress = rnd.chance(0.03)
      ? 'STRICTLY_CONFIDENTIAL'
      : rnd.chance(0.03)
        ? 'CONFIDENTIAL'
        : 'NONE';
    this.intake = this.referral + rnd.int(3, 21);
    this.hasIntake = this.intake <= today;
    const healthTeams = world.healthTeamsByOrg.get(org.id) ?? [];
    this.healthTeamId = rnd.chance(0.9) ? specialist.healthTeamId : rnd.pick(healthTeams);
    this.outOfWork = rnd.chance(0.9);
    // The specialist may have changed through a transfer.
    this.transfer =
      this.hasIntake && today - this.intake > 120 && rnd.chance(0.06) && colleagues.length > 1
        ? {
            day: this.intake + rnd.int(60, Math.max(61, today - this.intake - 10)),
          }
        : null;
    this.fromSpecialist = specialist;
    this.currentSpecialist = specialist;
    if (this.transfer) {
      const others = colleagues.filter((c) => c.id !== specialist.id && !c.isSupervisor);
      if (others.length > 0) this.currentSpecialist = rnd.pick(others);
    }
    this.consentDay = this.hasIntake ? this.intake : this.referral;
  }

  /** Plays the whole history and returns what the team records need. */
  live(): SeekerSummary {
    this.consents();
    this.navSharingGrant();
    this.path();
    this.careerProfile();
    this.followUpMeetings();
    this.assignments();
    this.firstEmployerContactDuty();
    this.jobSeekerRow();
    return {
      id: this.id,
      orgId: this.org.id,
      specialistId: this.currentSpecialist.id,
      phase: this.phase,
      stalled: this.stalled,
      startedJobOn: this.startedJobOn,
      hasTeamConsent: this.activeScopes.has('TEAM_CASE_DISCUSSION'),
    };
  }

  /** A synthetic (month + 80) number, unique within the organisation. */
  private syntheticIdentityNumber(dNumber: boolean): string {
    const year = Number(this.birthDate.slice(0, 4));
    for (let attempt = 0; ; attempt++) {
      const individual = (year >= 2000 ? 500 : 0) + ((this.index * 7 + attempt * 13) % 499);
      const candidate = generateIdentityNumber({
        birthDate: this.birthDate,
        synthetic: true,
        kind: dNumber ? 'd-number' : 'fodselsnummer',
        individual,
      });
      if (candidate && this.ctx.claimIdentity(this.org.id, candidate)) return candidate;
    }
  }

  private get teamOfCurrent(): Team {
    return this.world.teams[this.currentSpecialist.teamIndex] as Team;
  }

  private currentSpecialistAt(day: Day): string {
    return this.transfer && day >= this.transfer.day ? this.currentSpecialist.id : this.fromSpecialist.id;
  }

  // ─── consents: every combination of scopes appears across the portfolio ───
  private consents() {
    const { rnd, out, today } = this.ctx;
    const { index, consentDay } = this;
    const mask = index % 128;
    const scopes = CONSENT_SCOPES.filter((_, bit) => (mask >> bit) & 1);
    scopes.forEach((scope, n) => {
      const cid = rnd.uuid7(at(consentDay, 11));
      const expired = index % 11 === 3 && n === 0;
      const withdrawnDay = index % 7 === 2 && n === scopes.length - 1 ? consentDay + rnd.int(10, 200) : null;
      const withdrawn = withdrawnDay !== null && withdrawnDay <= today ? withdrawnDay : null;
      const validUntil = expired ? Math.min(today - 1, consentDay + 90) : consentDay + 730;
      if (!withdrawn && validUntil > today && consentDay <= today) this.activeScopes.add(scope);
      this.consentIds.set(scope, cid);
      const snapshot = {
        scope,
        validFrom: isoDay(consentDay),
        validUntil: isoDay(validUntil),
      };
      const consent: Row = consentRow({
        id: cid,
        organizationId: this.org.id,
        jobSeekerId: this.id,
        scope,
        validFrom: at(consentDay, 11),
        validUntil: at(validUntil, 23),
        recordedById: this.specialist.id,
        recordedAt: at(consentDay, 11),
        documentReference: `Signert samtykke skannet i journal ${writtenDay(consentDay)}`,
        withdrawnAt: withdrawn ? at(withdrawn, 13) : null,
        withdrawnById: withdrawn ? this.currentSpecialist.id : null,
        withdrawalNote: withdrawn ? 'Jobbsøker trakk samtykket muntlig i samtale' : null,
        version: withdrawn ? 2 : 1,
        updatedAt: at(withdrawn ?? consentDay, 13),
        // NAV_SHARING: set with the grant (the consent covers at least what the grant names).
        navParts: [] as NavShareScope[],
      });
      this.consentRows.set(scope, consent);
      out.push('consent', consent);
      this.consentEvent(cid, 'GIVEN', snapshot, this.specialist.id, at(consentDay, 11));
      if (withdrawn) {
        const withdrawnSnapshot = {
          ...snapshot,
          withdrawnAt: isoDay(withdrawn),
        };
        this.consentEvent(cid, 'WITHDRAWN', withdrawnSnapshot, this.currentSpecialist.id, at(withdrawn, 13));
      }
    });
  }

  private consentEvent(consentId: string, kind: string, snapshot: object, actorId: string, occurredAt: Date) {
    this.ctx.out.push('consent_event', {
      id: this.ctx.rnd.uuid7(occurredAt),
      organizationId: this.org.id,
      consentId,
      jobSeekerId: this.id,
      kind,
      snapshot,
      actorId,
      occurredAt,
    });
  }

  private navSharingGrant() {
    const navConsent = this.consentIds.get('NAV_SHARING');
    if (!navConsent) return;
    const { rnd, out, today } = this.ctx;
    const { index, consentDay } = this;
    const nav = this.world.navOffices[this.org.region % this.world.navOffices.length] as Org;
    const counsellors = this.world.navCounsellors.get(nav.id) ?? [];
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
    const consentRow = this.consentRows.get('NAV_SHARING');
    if (consentRow)
      consentRow.navParts = [
        ...grantScopes,
        ...(index % 4 === 1 && !grantScopes.includes('CAREER_PROFILE') ? ['CAREER_PROFILE'] : []),
        ...(index % 2 === 0 ? ['DIALOGUE'] : []),
      ];
    out.push('nav_sharing_grant', {
      id: grantId,
      organizationId: this.org.id,
      jobSeekerId: this.id,
      consentId: navConsent,
      navOfficeId: nav.id,
      counsellorId: grantCounsellor,
      scopes: grantScopes,
      validFrom: at(consentDay, 12),
      validUntil: grantExpired ? at(Math.min(today - 1, consentDay + 120), 23) : null,
      grantedById: this.specialist.id,
      revokedAt: revoked && revoked <= today ? at(revoked, 9) : null,
      revokedById: revoked && revoked <= today ? this.specialist.id : null,
      createdAt: at(consentDay, 12),
      updatedAt: at(consentDay, 12),
    });
  }

  private phaseChange(from: JobSeekerPhase | null, to: JobSeekerPhase, day: Day, by: string) {
    this.ctx.out.push('job_seeker_phase_change', {
      id: this.ctx.rnd.uuid7(at(day, 12)),
      organizationId: this.org.id,
      jobSeekerId: this.id,
      fromPhase: from,
      toPhase: to,
      changedAt: at(day, 12),
      changedById: by,
      note: null,
    });
  }

  private moveTo(to: JobSeekerPhase, day: Day, by: string) {
    this.phaseChange(this.phase, to, day, by);
    this.phase = to;
  }

  // ─── the path: intake → career profile → search → job(s) → tapering / discharge ───
  private path() {
    const { rnd, today } = this.ctx;
    const { intake } = this;
    this.phaseChange(null, 'REFERRED', this.referral, this.specialist.id);
    if (!this.hasIntake) return;
    this.moveTo('INTAKE', intake, this.specialist.id);
    this.meetings.push({ day: intake, purpose: 'INTAKE' });
    const profiling = intake + rnd.int(2, 10);
    if (profiling <= today) {
      this.moveTo('CAREER_PROFILING', profiling, this.specialist.id);
      this.meetings.push({ day: profiling, purpose: 'CAREER_PROFILING' });
      this.meetings.push({ day: profiling + 7, purpose: 'CAREER_PROFILING' });
      this.careerRevisions = [profiling + 14];
    }
    const searchStart = profiling + rnd.int(14, 24);
    if (searchStart <= today) {
      this.moveTo('JOB_SEARCH', searchStart, this.specialist.id);
      this.jobSearch(searchStart);
    }
    if (this.phase === 'JOB_SEARCH' && today - intake > 500 && rnd.chance(0.15)) {
      const dischargedAt = today - rnd.int(5, 60);
      this.dischargedAt = dischargedAt;
      this.dischargeReason = rnd.pick(['JOB_SEEKER_WITHDREW', 'MOVED', 'NO_CONTACT']);
      this.moveTo('DISCHARGED', dischargedAt, this.currentSpecialistAt(dischargedAt));
      this.journal('DISCHARGE', dischargedAt, null, 'Utskrevet fra porteføljen etter avtale med jobbsøker.');
    }
  }

  /** Rounds of job development until a job (or a study) starts, again after a job ends. */
  private jobSearch(searchStart: Day) {
    const { rnd, today } = this.ctx;
    // Rapid job search: the first employer contact usually within 30 days of intake.
    const firstContact = this.intake + (rnd.chance(0.75) ? rnd.int(7, 30) : rnd.int(31, 120));
    let day = Math.max(firstContact, searchStart - 5);
    const wantsStudy = rnd.chance(0.08);
    const gapToStall = rnd.chance(0.2);
    while (day <= today) {
      const getsJob = rnd.chance(this.jobCount === 0 ? 0.6 : 0.5);
      const searchLength = rnd.int(20, 220);
      const searchEnd = this.developJobs(day, searchLength, gapToStall);
      this.stalled = gapToStall && this.phase === 'JOB_SEARCH';
      const start = workday(searchEnd + rnd.int(7, 21));
      if (wantsStudy && start <= today) {
        this.startStudy(start);
        return;
      }
      if (!getsJob || start > today) {
        day = searchEnd + rnd.int(10, 30);
        if (!getsJob && searchEnd + 30 > today) return;
        continue;
      }
      const next = this.holdJob(start);
      if (next === null) return;
      day = next;
    }
  }

  /** Job development: contacts every 4–14 days (fewer when the case stalls); returns the last day. */
  private developJobs(day: Day, searchLength: number, gapToStall: boolean): Day {
    const { rnd, out, today, detail } = this.ctx;
    let searchEnd = day;
    for (let d = day; d <= Math.min(today, day + searchLength); d += rnd.int(4, gapToStall ? 40 : 14)) {
      const contactDay = workday(d);
      if (contactDay > today) break;
      if (this.firstContactDay === null) this.firstContactDay = contactDay;
      if (rnd.chance(detail)) {
        out.push(
          'employer_contact',
          employerContactRow({
            id: rnd.uuid7(at(contactDay, 10)),
            organizationId: this.org.id,
            employerId: rnd.pick(this.employers),
            specialistId: this.currentSpecialistAt(contactDay),
            jobSeekerId: this.id,
            contactedAt: at(contactDay, rnd.int(9, 15)),
            faceToFace: rnd.chance(0.7),
            purpose: 'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
            contactPerson: `${faker.person.firstName()} ${faker.person.lastName()}`,
            durationMinutes: rnd.int(15, 60),
            outcome: rnd.pick(['NO_OPENING', 'FOLLOW_UP_AGREED', 'INTERVIEW_ARRANGED', 'OTHER']),
            notes: null,
            createdAt: at(contactDay, 16),
          }),
        );
      }
      if (rnd.chance(0.3 * detail)) this.meetings.push({ day: contactDay + 1, purpose: 'JOB_SEARCH' });
      if (rnd.chance(0.2 * detail)) this.jobApplication(contactDay + rnd.int(0, 3));
      searchEnd = contactDay;
    }
    return searchEnd;
  }

  private jobApplication(applied: Day) {
    const { rnd, out, today } = this.ctx;
    out.push('job_application', {
      id: rnd.uuid7(at(applied, 12)),
      organizationId: this.org.id,
      jobSeekerId: this.id,
      employerId: rnd.pick(this.employers),
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

  private startStudy(start: Day) {
    const { rnd, out } = this.ctx;
    const [institution, programme] = rnd.pick(STUDY_PROGRAMMES);
    const studyId = rnd.uuid7(at(start));
    out.push('study', {
      id: studyId,
      organizationId: this.org.id,
      jobSeekerId: this.id,
      institution,
      programme,
      startDate: isoDay(start),
      endDate: null,
      completed: null,
      endReason: null,
      createdAt: at(start - 5),
      updatedAt: at(start - 5),
    });
    this.supportPlan('STUDY', null, studyId, start);
    this.moveTo('STUDYING', start, this.currentSpecialistAt(start));
    this.lastJobEvent = start;
  }

  /**
   * A job start (or, now and then, work practice, which is never a job start), its follow-along,
   * and how it goes on: the day the search starts again after the job ends, or null when the job
   * lasts (tapering after nine months, and for some a discharge after fifteen).
   */
  private holdJob(start: Day): Day | null {
    const { rnd, today } = this.ctx;
    const practice = rnd.chance(0.1);
    const employmentId = rnd.uuid7(at(start - 3));
    const [jobType, jobTitle] = rnd.pick(JOB_TYPES);
    const lasts = rnd.chance(0.65) ? null : rnd.int(20, 300);
    const end = lasts === null ? null : start + lasts;
    const ended = end !== null && end <= today ? end : null;
    this.employmentRow({
      employmentId,
      start,
      ended,
      practice,
      jobType,
      jobTitle,
    });
    if (!practice) {
      this.jobCount++;
      this.startedJobOn = this.startedJobOn ?? start;
      this.supportPlan('JOB', employmentId, null, start, end !== null && ended !== null ? end : null);
      this.moveTo('EMPLOYED', start, this.currentSpecialistAt(start));
      this.followAlong(start, ended, employmentId);
      this.lastJobEvent = start;
    }
    if (ended !== null) {
      const learned = ended + 1;
      this.meetings.push({
        day: learned + rnd.int(0, 3),
        purpose: 'JOB_END_FOLLOW_UP',
      });
      const text = `Arbeidsforhold som ${jobTitle.toLowerCase()} avsluttet ${writtenDay(ended)}.`;
      this.journal('JOB_END', learned, employmentId, text);
      if (!practice) {
        this.moveTo('JOB_SEARCH', learned, this.currentSpecialistAt(learned));
        this.lastJobEvent = learned;
      }
      return learned + rnd.int(7, 20);
    }
    if (!practice && today - start > 270) {
      const taper = start + 270;
      this.moveTo('TAPERING', taper, this.currentSpecialistAt(taper));
      if (today - start > 450 && rnd.chance(0.5)) {
        const dischargedAt = start + 450;
        this.dischargedAt = dischargedAt;
        this.dischargeReason = 'STABLE_IN_WORK';
        this.moveTo('DISCHARGED', dischargedAt, this.currentSpecialistAt(dischargedAt));
        const text = 'Utskrevet fra porteføljen: stabil i ordinært arbeid over tid.';
        this.journal('DISCHARGE', dischargedAt, null, text);
      }
    }
    return null;
  }

  private employmentRow(job: {
    employmentId: string;
    start: Day;
    ended: Day | null;
    practice: boolean;
    jobType: string;
    jobTitle: string;
  }) {
    const { rnd, out } = this.ctx;
    const { employmentId, start, ended, practice } = job;
    const competitive = !practice && rnd.chance(0.95);
    out.push(
      'employment',
      employmentRow({
        id: employmentId,
        organizationId: this.org.id,
        jobSeekerId: this.id,
        employerId: rnd.pick(this.employers),
        kind: practice ? 'WORK_PRACTICE' : 'ORDINARY_JOB',
        jobTitle: job.jobTitle,
        jobType: job.jobType,
        startDate: isoDay(start),
        endDate: ended !== null ? isoDay(ended) : null,
        hoursPerWeek: String(rnd.pick([7.5, 15, 18.8, 22.5, 30, 37.5])),
        hourlyWage: practice ? null : String(rnd.int(205, 290)),
        openLabourMarket: competitive || practice === false,
        atLeastMinimumWage: competitive,
        openToAnyone: competitive,
        employerMeetingWanted: rnd.chance(0.4),
        endedBy: ended !== null ? rnd.pick(['JOB_SEEKER', 'EMPLOYER', 'MUTUAL', 'FIXED_TERM_EXPIRED']) : null,
        endReason:
          ended !== null
            ? rnd.pick([
                'Trivdes ikke',
                'Sluttet etter prøvetid',
                'Midlertidig stilling utløp',
                'Helsemessige årsaker',
              ])
            : null,
        endLearnedOn: ended !== null ? isoDay(ended + rnd.int(0, 2)) : null,
        endRecordedById: ended !== null ? this.currentSpecialistAt(ended) : null,
        version: ended !== null ? 2 : 1,
        createdAt: at(start - 3),
        updatedAt: at(ended ?? start - 3),
      }),
    );
  }

  /** Within 3 days of the start, weekly the first month, then monthly (fidelity item 23). */
  private followAlong(start: Day, ended: Day | null, employmentId: string) {
    const { rnd, today, detail } = this.ctx;
    this.meetings.push({
      day: start + rnd.int(1, 3),
      purpose: 'FOLLOW_ALONG',
      employmentId,
    });
    for (let w = 1; w <= 4 && start + 7 * w <= today; w++) {
      this.meetings.push({
        day: start + 7 * w,
        purpose: 'FOLLOW_ALONG',
        employmentId,
      });
    }
    for (let m = 2; start + 30 * m <= (ended ?? today); m++) {
      if (rnd.chance(detail))
        this.meetings.push({
          day: start + 30 * m,
          purpose: 'FOLLOW_ALONG',
          employmentId,
        });
    }
  }

  // ─── career profile (revised after job events) ───
  private careerProfile() {
    if (this.careerRevisions.length === 0) return;
    const { rnd, out, today } = this.ctx;
    const revisions = this.careerRevisions;
    const first = revisions[0] as Day;
    const profileId = rnd.uuid7(at(first));
    if (this.lastJobEvent !== null && this.lastJobEvent > first && rnd.chance(0.6)) {
      revisions.push(Math.min(today, this.lastJobEvent + rnd.int(5, 30)));
    }
    const needsUpdate = this.lastJobEvent !== null && this.lastJobEvent > (revisions.at(-1) as Day);
    out.push('career_profile', {
      id: profileId,
      organizationId: this.org.id,
      jobSeekerId: this.id,
      currentRevision: revisions.length,
      needsUpdate,
      needsUpdateReason: needsUpdate ? 'Oppdater etter siste jobbstart/-slutt' : null,
      version: revisions.length,
      createdAt: at(first),
      updatedAt: at(revisions.at(-1) as Day),
    });
    revisions.forEach((day, n) => {
      out.push('career_profile_revision', {
        id: rnd.uuid7(at(day, 14)),
        organizationId: this.org.id,
        careerProfileId: profileId,
        revision: n + 1,
        interests: rnd.sample(INTERESTS, 3).join(', '),
        preferences: `Ønsker ${rnd.pick(['deltid', 'heltid', 'deltid med mulighet for mer'])}, ${rnd.pick(['dagtid', 'gjerne kveld', 'fleksibel arbeidstid'])}`,
        strengths: rnd.sample(STRENGTHS, 3).join(', '),
        workExperience: json([{ title: rnd.pick(JOB_TYPES)[1], years: rnd.int(0, 8) }]),
        education: json([
          {
            level: rnd.pick(['Grunnskole', 'Videregående', 'Fagbrev', 'Høyere utdanning']),
          },
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
        createdById: this.currentSpecialistAt(day),
        createdAt: at(day, 14),
      });
    });
  }

  private followUpMeetings() {
    const { rnd, out, today } = this.ctx;
    for (const m of this.meetings) {
      if (m.day > today) continue;
      const community = rnd.chance(0.65);
      out.push(
        'follow_up_meeting',
        followUpMeetingRow({
          id: rnd.uuid7(at(m.day, 11)),
          organizationId: this.org.id,
          jobSeekerId: this.id,
          specialistId: this.currentSpecialistAt(m.day),
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
        }),
      );
    }
  }

  // ─── transfer and assignment history ───
  private assignments() {
    const { rnd, out } = this.ctx;
    const assignmentStart = at(this.hasIntake ? this.intake : this.referral, 9);
    const endedAt = this.dischargedAt !== null ? at(this.dischargedAt, 15) : null;
    if (!this.transfer || this.currentSpecialist.id === this.fromSpecialist.id) {
      this.assignment(
        rnd.uuid7(assignmentStart),
        this.specialist.id,
        'INTAKE',
        assignmentStart,
        endedAt,
        null,
      );
      return;
    }
    const tDay = this.transfer.day;
    const transferId = rnd.uuid7(at(tDay, 10));
    const team = this.teamOfCurrent;
    const meeting = team.meetings.filter((mm) => mm.day <= tDay).at(-1);
    const crossService = this.fromSpecialist.org.serviceLevel !== this.currentSpecialist.org.serviceLevel;
    out.push('transfer', {
      id: transferId,
      organizationId: this.org.id,
      jobSeekerId: this.id,
      fromSpecialistId: this.fromSpecialist.id,
      toSpecialistId: this.currentSpecialist.id,
      reason: rnd.pick(['SPECIALIST_ABSENCE', 'SPECIALIST_LEAVING', 'NO_PROGRESS', 'JOB_SEEKER_WISH']),
      temporary: false,
      crossService,
      consentId: crossService ? (this.consentIds.get('CROSS_SERVICE_TRANSFER') ?? null) : null,
      teamMeetingId: meeting?.id ?? null,
      decidedById: team.supervisor.id,
      effectiveAt: at(tDay, 10),
      note: 'Drøftet i teammøtet; ny jobbspesialist tar kontakt for et snarlig møte.',
      createdAt: at(tDay, 10),
    });
    this.assignment(
      rnd.uuid7(assignmentStart),
      this.fromSpecialist.id,
      'INTAKE',
      assignmentStart,
      at(tDay, 10),
      null,
    );
    const transferred = at(tDay, 10);
    this.assignment(
      rnd.uuid7(transferred),
      this.currentSpecialist.id,
      'TRANSFER',
      transferred,
      endedAt,
      transferId,
    );
    this.journal(
      'TRANSFER',
      tDay,
      transferId,
      'Jobbsøker overført til ny jobbspesialist etter drøfting i teamet.',
    );
    this.taskRow(
      'MEET_AFTER_TRANSFER',
      tDay + 7,
      tDay + 4,
      tDay + rnd.int(1, 6),
      'Møt jobbsøker etter overføring',
    );
  }

  private assignment(
    id: string,
    specialistId: string,
    reason: string,
    startedAt: Date,
    endedAt: Date | null,
    transferId: string | null,
  ) {
    this.ctx.out.push('assignment', {
      id,
      organizationId: this.org.id,
      jobSeekerId: this.id,
      specialistId,
      reason,
      startedAt,
      endedAt,
      transferId,
      createdAt: startedAt,
    });
  }

  /** First employer contact within a month of intake (seed 003 §6). */
  private firstEmployerContactDuty() {
    if (!this.hasIntake) return;
    const due = this.intake + 30;
    const done = this.firstContactDay ?? this.dischargedAt;
    this.taskRow(
      'FIRST_EMPLOYER_CONTACT',
      due,
      due - 7,
      done,
      'Første arbeidsgiverkontakt innen én måned etter inntak',
    );
  }

  private jobSeekerRow() {
    const { rnd, out, today } = this.ctx;
    const { givenName, familyName, protectedAddress } = this;
    const strictly = protectedAddress === 'STRICTLY_CONFIDENTIAL';
    out.push(
      'job_seeker',
      jobSeekerRow({
        id: this.id,
        organizationId: this.org.id,
        identityNumber: this.identityNumber,
        givenName,
        familyName,
        birthDate: this.birthDate,
        phone: `${rnd.pick(['4', '9'])}${rnd.int(1000000, 9999999)}`,
        email: rnd.chance(0.7) ? `${slug(givenName)}.${slug(familyName)}${rnd.int(1, 99)}@epost.test` : null,
        streetAddress: strictly ? null : faker.location.streetAddress(),
        postalCode: strictly ? null : String(rnd.int(1000, 9999)),
        city: strictly ? null : this.ctx.municipalityName(this.org.region),
        protectedAddress,
        referralDate: isoDay(this.referral),
        referredBy: rnd.pick([
          'Fastlege',
          'DPS Allmennpoliklinikk',
          'Oppfølgingstjenesten',
          'Selvhenvist',
          'NAV',
        ]),
        intakeDate: this.hasIntake ? isoDay(this.intake) : null,
        phase: this.phase,
        phaseChangedAt: at(today - rnd.int(0, 30), 12),
        healthTeamId: this.healthTeamId,
        teamId: this.teamOfCurrent.id,
        currentSpecialistId: this.currentSpecialist.id,
        outOfWorkAtReferral: this.outOfWork,
        dischargedAt: this.dischargedAt !== null ? isoDay(this.dischargedAt) : null,
        dischargeReason: this.dischargeReason,
        dischargeNote: this.dischargeReason ? 'Avsluttet etter samtale med jobbsøker og helseteam.' : null,
        version: 1,
        createdAt: at(this.referral, 10),
        updatedAt: at(today - rnd.int(0, 30), 12),
      }),
    );
  }

  private journal(kind: string, day: Day, sourceId: string | null, text: string) {
    const { rnd, out, today } = this.ctx;
    if (day > today) return;
    out.push('journal_note', {
      id: rnd.uuid7(at(day, 15)),
      organizationId: this.org.id,
      jobSeekerId: this.id,
      kind,
      sourceId,
      text,
      createdById: this.currentSpecialistAt(day),
      createdAt: at(day, 15),
      recordedInJournalAt: day + 1 <= today ? at(day + 1, 10) : null,
      recordedInJournalById: day + 1 <= today ? this.currentSpecialistAt(day + 1) : null,
    });
  }

  /** A duty with its rule (docs/domain.md §5): done on `doneDay`, cancelled by a discharge. */
  private taskRow(rule: string, due: Day, warnFrom: Day, doneDay: Day | null, title: string) {
    const { rnd, out, today } = this.ctx;
    const opened = Math.min(warnFrom, due) - 7;
    if (opened > today) return;
    const done = doneDay !== null && doneDay <= today;
    const { dischargedAt } = this;
    out.push('task', {
      id: rnd.uuid7(at(opened, 8)),
      organizationId: this.org.id,
      rule,
      jobSeekerId: this.id,
      assigneeId: this.currentSpecialistAt(Math.min(today, due)),
      title,
      dueOn: isoDay(due),
      warnFrom: isoDay(warnFrom),
      status: done ? 'DONE' : dischargedAt !== null ? 'CANCELLED' : 'OPEN',
      sourceType: 'JobSeeker',
      sourceId: this.id,
      closedAt: done ? at(doneDay as Day, 16) : dischargedAt !== null ? at(dischargedAt, 16) : null,
      closedReason: done ? 'completed' : dischargedAt !== null ? 'discharged' : null,
      createdAt: at(opened, 8),
      updatedAt: at(opened, 8),
    });
  }

  /** A job or study support plan (docs/domain.md §6) with its revisions and first duty. */
  private supportPlan(
    kind: 'JOB' | 'STUDY',
    employmentId: string | null,
    studyId: string | null,
    start: Day,
    closedOn: Day | null = null,
  ) {
    const { rnd, out, today } = this.ctx;
    const planId = rnd.uuid7(at(start - 2));
    const revisions = start + 120 <= today ? 2 : 1;
    out.push('support_plan', {
      id: planId,
      organizationId: this.org.id,
      jobSeekerId: this.id,
      kind,
      employmentId,
      studyId,
      status: closedOn !== null ? 'CLOSED' : revisions === 2 && today - start > 270 ? 'TAPERING' : 'ACTIVE',
      currentRevision: revisions,
      version: revisions,
      createdAt: at(start - 2),
      updatedAt: at(start - 2 + (revisions - 1) * 120),
    });
    for (let r = 1; r <= revisions; r++) this.supportPlanRevision(kind, planId, start, r);
    if (kind === 'JOB') {
      const title = 'Første oppfølgingsmøte innen tre dager etter oppstart';
      this.taskRow('FIRST_FOLLOW_UP_AFTER_START', start + 3, start, start + rnd.int(1, 3), title);
    }
  }

  private supportPlanRevision(kind: 'JOB' | 'STUDY', planId: string, start: Day, r: number) {
    const { rnd, out } = this.ctx;
    const employerContact = this.activeScopes.has('EMPLOYER_CONTACT');
    const day = start - 2 + (r - 1) * 120;
    const revisionId = rnd.uuid7(at(day, 13));
    out.push('support_plan_revision', {
      id: revisionId,
      organizationId: this.org.id,
      supportPlanId: planId,
      revision: r,
      employerRoutines: kind === 'JOB' ? 'Fast fadder første måned; opplæring i kasse og varemottak.' : null,
      absenceArrangements: 'Egenmelding til leder før kl. 08. Fri til behandling annenhver torsdag.',
      specialArrangements: rnd.pick([null, 'Pauser ved behov', 'Redusert stilling de første ukene']),
      employerMayCallSpecialist: employerContact && rnd.chance(0.7),
      agreedWithEmployer: employerContact,
      taperingPlan: r > 1 ? 'Oppfølging trappes ned til månedlige samtaler.' : null,
      changeNote: r > 1 ? 'Oppdatert etter fire måneder i jobb.' : null,
      createdById: this.currentSpecialistAt(day),
      createdAt: at(day, 13),
    });
    const agreements: [string, string][] = [
      ['JOB_SPECIALIST', 'Ukentlige samtaler første måned, deretter månedlig.'],
      ['JOB_SEEKER', 'Gir beskjed til jobbspesialist om utfordringer.'],
    ];
    // The health team is named only with the consent to work with it (issue 17 item 8).
    if (this.activeScopes.has('HEALTH_TEAM_COLLABORATION'))
      agreements.splice(1, 0, ['HEALTH_TEAM', 'Behandler følger opp medisinering og søvn.']);
    if (this.activeScopes.has('NAV_SHARING'))
      agreements.push(['NAV_COUNSELLOR', 'Hjelp med meldekort og avklaring av ytelser.']);
    if (this.activeScopes.has('RELATIVES_NETWORK'))
      agreements.push(['RELATIVES', 'Mor hjelper med å komme i gang om morgenen.']);
    if (employerContact) agreements.push(['EMPLOYER', 'Leder tar kontakt ved ureglementert fravær.']);
    for (const [supportPerson, responsibility] of agreements) {
      out.push('support_plan_agreement', {
        id: rnd.uuid7(at(day, 13)),
        organizationId: this.org.id,
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
        organizationId: this.org.id,
        revisionId,
        plannedOn: isoDay(p),
        faceToFace: true,
        topic:
          r === 1 && p === planned[0] ? 'Første oppfølgingsmøte etter oppstart' : 'Hvordan går det i jobben?',
      });
    }
    this.journal(
      'SUPPORT_PLAN',
      day,
      planId,
      `Jobbstøtteplan revisjon ${r} utarbeidet sammen med jobbsøker.`,
    );
  }
}
