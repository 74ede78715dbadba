/**
 * Team records that name job seekers, written once every job seeker exists: the team meetings'
 * agendas (a case is discussed only with the team-discussion consent, seed 001 §3), action points
 * with their duties, quarterly portfolio reviews with stalled cases first (seed 004 §3.2), and the
 * supervisor's latest deadline digest.
 */
import type { SeedContext, SeekerSummary, Specialist, Team } from './context.js';
import { at, isoDay } from './random.js';

const AGENDA: [string, string][] = [
  ['FOLLOW_UP_FROM_LAST_SUPERVISION', 'Gjennomgang, oppfølging fra forrige veiledning'],
  ['NEW_IN_WORK', 'Nye i jobb'],
  ['JOB_SEEKER_STATUS', 'Status jobbsøkere'],
  ['EMPLOYER_CONTACTS_LAST_WEEK', 'Arbeidsgiverkontakt forrige uke'],
  ['CASES_AND_ACTION_POINTS', 'Case, aksjonspunkter'],
  ['OTHER', 'Diverse'],
];

export function addTeamRecords(ctx: SeedContext, team: Team, seekers: SeekerSummary[]) {
  const { rnd, out, today } = ctx;
  const discussable = seekers.filter((s) => s.hasTeamConsent && s.phase !== 'DISCHARGED');
  team.meetings.forEach((meeting, i) => {
    const caseSeeker = discussable.length > 0 && i % 2 === 0 ? rnd.pick(discussable) : null;
    AGENDA.forEach(([kind, title], position) => {
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
    if (meeting.day <= today && rnd.chance(0.6)) addActionPoint(ctx, team, meeting);
  });
  for (const specialist of [team.supervisor, ...team.members]) {
    addPortfolioReviews(ctx, team, specialist, seekers);
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
}

function addActionPoint(ctx: SeedContext, team: Team, meeting: Team['meetings'][number]) {
  const { rnd, out, today } = ctx;
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

/** Quarterly portfolio reviews of one specialist, stalled cases first. */
function addPortfolioReviews(ctx: SeedContext, team: Team, specialist: Specialist, seekers: SeekerSummary[]) {
  const { rnd, out, today, historyStart } = ctx;
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
