/**
 * A team's calendar over the two years of history: weekly team meetings (minutes distributed the
 * same day), monthly field mentoring and two IPS fidelity reviews with their action items
 * (docs/domain.md §8–§9). The records that name job seekers follow later (team-records.ts).
 */
import type { SeedContext, Team } from './context.js';
import { writtenDay } from './context.js';
import { at, isoDay, weekday, workday } from './random.js';

const FIDELITY_ITEMS = 25;

export function addTeamCalendar(ctx: SeedContext, team: Team) {
  addTeamMeetings(ctx, team);
  addFieldMentoring(ctx, team);
  addFidelityReviews(ctx, team);
}

/** Tuesdays 09:00; at national scale every other week to bound the volume. */
function addTeamMeetings(ctx: SeedContext, team: Team) {
  const { rnd, out, today, historyStart } = ctx;
  const everyone = [team.supervisor, ...team.members];
  const step = ctx.detail >= 1 ? 7 : 14;
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
    if (!held) continue;
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

function addFieldMentoring(ctx: SeedContext, team: Team) {
  const { rnd, out, today, historyStart } = ctx;
  const everyone = [team.supervisor, ...team.members];
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
}

/** Two final reviews, 18 and 6 months ago, the later one scoring a little higher. */
function addFidelityReviews(ctx: SeedContext, team: Team) {
  const { rnd, out, today } = ctx;
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
