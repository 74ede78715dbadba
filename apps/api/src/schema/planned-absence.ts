/**
 * Planned absences are announced to the method supervisor ahead (issue 17 item 7; seed 001 §4.1:
 * "Den enkelte jobbspesialist har ansvar for å varsle leder, og helst også metodeveileder, på et
 * tidlig tidspunkt ved planlagt og langvarig fravær"): when one is registered, the method
 * supervisors of the specialist's teams are notified at once; the job `planned_absence`
 * (`app.notify_planned_absences`, hourly) notifies them again the tenant's notice period before
 * the start (settings.plannedAbsenceNoticeDays, 1–60, 14 by default), once. An absence registered
 * inside that period already counts as announced (no second notice the same day).
 * docs/leader-and-administration.md, "Planned absences are announced ahead".
 */
import { osloDay, staffingSettingsOf } from '@ips/domain';
import type { Context } from '../context.js';
import { notifySupervisorsOf } from './absence-notices.js';

/** The tenant's notice period for planned absences, in days (within bounds, else the default). */
export const plannedAbsenceNoticeDays = (settings: unknown): number =>
  staffingSettingsOf(settings).plannedAbsenceNoticeDays;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, days: number) =>
  iso(
    new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days)),
  );

/** Notifies the supervisors of a planned absence just registered (not one that has started already). */
export async function announcePlannedAbsence(
  ctx: Context,
  absence: {
    id: string;
    organizationId: string;
    specialistId: string;
    startDate: Date;
    expectedEndDate: Date | null;
  },
  settings: unknown,
): Promise<void> {
  const today = osloDay(ctx.now);
  const start = iso(absence.startDate);
  if (start < today) return;
  // Inside the notice period already: this is the notice ahead; the job sends no second one.
  const inside = start <= addDays(today, plannedAbsenceNoticeDays(settings));
  await notifySupervisorsOf(ctx, absence, 'PLANNED_ABSENCE', ({ name, team, from, until }) => ({
    title: `${name} (${team}) har meldt planlagt fravær fra ${from} til ${until}.`,
    body: `Planlegg hvem som følger opp jobbsøkerne i porteføljen mens jobbspesialisten er borte (se dekningsoversikten).${inside ? '' : ' Du får et nytt varsel før fraværet begynner.'}`,
  }));
  if (inside)
    await ctx.db.absence.update({ where: { id: absence.id }, data: { supervisorRemindedAt: ctx.now } });
}
