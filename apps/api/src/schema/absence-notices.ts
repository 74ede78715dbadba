/**
 * Telling the method supervisors of a specialist's teams about an absence (seed 001 §4.1): each
 * supervisor once (never the specialist themselves), in the inbox and by e-mail, linked to the
 * absence. What the notice says is the caller's: a long unplanned absence or a planned one.
 */

import type { NotificationKind } from '@ips/db';
import { norwegianDate } from '@ips/domain';
import type { Context } from '../context.js';
import { notify } from './notification.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);

export interface AbsenceFacts {
  id: string;
  organizationId: string;
  specialistId: string;
  startDate: Date;
  expectedEndDate: Date | null;
}

/** The notice's words, given the specialist's name, the team, and the start and expected end (dd.mm.åååå). */
type Wording = (facts: { name: string; team: string; from: string; until: string }) => {
  title: string;
  body: string;
};

export async function notifySupervisorsOf(
  ctx: Context,
  absence: AbsenceFacts,
  kind: NotificationKind,
  wording: Wording,
): Promise<void> {
  const supervisors = await ctx.db.$queryRaw<
    { supervisor_id: string; team_name: string; email: string | null }[]
  >`
    SELECT supervisor_id, team_name, email FROM app.supervisors_of(${absence.specialistId}::uuid)`;
  const specialist = await ctx.db.user.findUniqueOrThrow({
    where: { id: absence.specialistId },
    select: { givenName: true, familyName: true },
  });
  const name = `${specialist.givenName} ${specialist.familyName}`;
  const from = norwegianDate(iso(absence.startDate));
  const until = absence.expectedEndDate ? norwegianDate(iso(absence.expectedEndDate)) : 'ukjent';
  const notified = new Set<string>();
  for (const s of supervisors) {
    if (s.supervisor_id === absence.specialistId || notified.has(s.supervisor_id)) continue;
    notified.add(s.supervisor_id);
    await notify(ctx, {
      organizationId: absence.organizationId,
      recipientId: s.supervisor_id,
      email: s.email,
      kind,
      ...wording({ name, team: s.team_name, from, until }),
      link: { type: 'Absence', id: absence.id },
    });
  }
}
