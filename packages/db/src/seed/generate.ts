/**
 * Deterministic synthetic data for the whole domain: the same options give the same rows.
 *
 * The structure (organisations, people, teams: structure.ts) is built first, with each team's
 * calendar (team-calendar.ts); then each organisation's job seekers live through up to two years of
 * history (job-seeker-life.ts), which yields every related row; last come the team records that
 * name job seekers (team-records.ts).
 */
import {
  type RowSink,
  SeedContext,
  type SeedOptions,
  type SeedScale,
  type SeekerSummary,
  type Specialist,
  type World,
} from './context.js';
import { JobSeekerLife } from './job-seeker-life.js';
import { addAbsences, addEmployers } from './organisation-records.js';
import { buildWorld } from './structure.js';
import { addTeamCalendar } from './team-calendar.js';
import { addTeamRecords } from './team-records.js';

export { CONSENT_SCOPES } from './job-seeker-life.js';
export type { RowSink, SeedOptions, SeedScale };

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
  const ctx = new SeedContext(options, out);
  const world = buildWorld(ctx);
  for (const team of world.teams) addTeamCalendar(ctx, team);
  await flush();
  const { seekersByTeam, jobSeekers } = await liveJobSeekers(ctx, world, flush);
  world.teams.forEach((team, teamIndex) => {
    addTeamRecords(ctx, team, seekersByTeam.get(teamIndex) ?? []);
  });
  await flush();
  return {
    organizations: world.orgs.length,
    specialists: world.allSpecialists.length,
    jobSeekers,
  };
}

/** Every portfolio's job seekers, one organisation at a time (flushed after each). */
async function liveJobSeekers(ctx: SeedContext, world: World, flush: () => Promise<void>) {
  const { scale } = ctx.options;
  const seekersByTeam = new Map<number, SeekerSummary[]>();
  const specialistsByOrg = new Map<string, Specialist[]>();
  for (const s of world.allSpecialists) {
    const list = specialistsByOrg.get(s.org.id) ?? [];
    list.push(s);
    specialistsByOrg.set(s.org.id, list);
  }
  let seekerIndex = 0;
  for (const org of world.healthOrgs) {
    const staff = specialistsByOrg.get(org.id) ?? [];
    if (staff.length === 0) continue;
    const employers = addEmployers(ctx, org);
    for (const specialist of staff) {
      const count = specialist.isSupervisor ? scale.jobSeekersPerSupervisor : scale.jobSeekersPerSpecialist;
      for (let k = 0; k < count; k++) {
        const life = new JobSeekerLife(ctx, world, org, specialist, staff, employers, seekerIndex++);
        const list = seekersByTeam.get(specialist.teamIndex) ?? [];
        list.push(life.live());
        seekersByTeam.set(specialist.teamIndex, list);
      }
      addAbsences(ctx, org, specialist);
    }
    await flush();
  }
  return { seekersByTeam, jobSeekers: seekerIndex };
}
