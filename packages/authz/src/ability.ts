/**
 * Who may do what: the one source of truth for role × team × tenant × consent, down to fields
 * (domain.md §2–§3, §10). The API filters lists with `accessibleBy(ability)` in SQL and selects
 * only permitted fields; the admin UI uses the same ability to show or hide actions.
 *
 * | role | job seekers | consents / NAV grants | people and teams |
 * | --- | --- | --- | --- |
 * | job specialist | own portfolio: everything; same team's cases with TEAM_CASE_DISCUSSION consent: case fields only | own job seekers' | read colleagues; register own absences |
 * | method supervisor | own portfolio; supervised teams' cases with TEAM_CASE_DISCUSSION consent: case fields; transfers them | read, for the team | read team and its absences, manage members |
 * | health-service leader | never (staffing and aggregates only) | never | read staffing; register and end absences |
 * | NAV counsellor | only through an active grant (consent given, not withdrawn or expired, grant not revoked or expired), only the parts both the grant and the consent name; never addresses | read grants addressed to them | — |
 * | tenant administrator | never | never | manage users, memberships, teams, health teams, identity providers |
 *
 * Deleting a job seeker's case (soft, restorable within the tenant's retention period: ADR 0012) and
 * restoring it are for the tenant administrators and health-service leaders of its organisation —
 * neither reads the case; the database repeats the check in its definer functions.
 *
 * Protected addresses (kode 6/7) are readable only by the job seeker's own specialist; so is the
 * workplace (a job's employer) of a job seeker with a strictly confidential address (kode 6).
 */

import { AbilityBuilder, subject as asSubject, type Subject } from '@casl/ability';
import { accessibleBy, createPrismaAbility, type WhereInputOf } from '@casl/prisma/runtime';
import type { Prisma } from '@ips/db';
import { administratorRules } from './rules/administrator.js';
import { defineBenefitsCounsellingRules } from './rules/benefits.js';
import { caseDeletionRules } from './rules/case-deletion.js';
import { everyoneRules } from './rules/everyone.js';
import { leaderRules } from './rules/leader.js';
import { navRules } from './rules/nav.js';
import { defineDialogueRules } from './rules/nav-dialogue.js';
import { portfolioRules } from './rules/portfolio.js';
import { supervisorRules } from './rules/supervisor.js';
import { teamCasesRules } from './rules/team-cases.js';
import type { Action, Actor, AppAbility, AppSubjects, ModelName } from './types.js';

/**
 * The actor's ability at `now`: each role's rules, one file per role in `rules/` (field groups in
 * `fields.ts`, shared conditions in `conditions.ts`). Only `can` rules: an inverted rule with
 * conditions would turn into a row filter of its own in accessibleBy.
 */
export function defineAbilityFor(actor: Actor, now: Date = new Date()): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createPrismaAbility);
  everyoneRules(can, actor, now);
  portfolioRules(can, actor, now);
  teamCasesRules(can, actor, now);
  supervisorRules(can, actor, now);
  leaderRules(can, actor, now);
  caseDeletionRules(can, actor, now);
  administratorRules(can, actor, now);
  navRules(can, actor, now);
  // The NAV dialogue (issue 17): own specialist, covering supervisor, NAV under consent and grant.
  defineDialogueRules(can, actor, now);
  // Benefits counselling (issue 17): own specialist writes; the team under consent and NAV under the part read.
  defineBenefitsCounsellingRules(can, actor, now);
  // Addresses (and so protected addresses, kode 6/7) are granted by the own-portfolio rule alone:
  // no other rule lists the address fields.
  return build();
}

/** Checks an action on a loaded record (`subject` tags it with its model name). */
export function canOn(
  ability: AppAbility,
  action: Action,
  type: ModelName,
  record: object,
  field?: string,
): boolean {
  return ability.can(action, asSubject(type, record) as unknown as Subject as AppSubjects, field);
}

/** Matches no row: what a list must use when no rule grants anything. */
const NOTHING = { id: { in: [] as string[] } };

/**
 * The `where` that limits a model to what the ability allows: put it first in an `AND`.
 *
 * This is the only way the API filters by the ability. `accessibleBy` answers `{ OR: [] }` when no
 * rule grants the action, and Prisma 7 reads an empty `OR` as no filter at all (every row): that
 * case becomes a condition that matches nothing.
 */
export function accessibleWhere<M extends ModelName>(
  ability: AppAbility,
  action: Action,
  model: M,
): WhereInputOf<Prisma.TypeMap, M> {
  const where = accessibleBy(ability, action).ofType(model as never) as { OR?: unknown[] };
  if (Array.isArray(where.OR) && where.OR.length === 0) return NOTHING as WhereInputOf<Prisma.TypeMap, M>;
  return where as WhereInputOf<Prisma.TypeMap, M>;
}

/**
 * An ability that allows everything, for the benchmark's "security layers off" rung only (it
 * prices what the real ability costs). The API refuses to use it in production; nothing else may.
 */
export function unrestrictedAbilityForBenchmarkOnly(): AppAbility {
  return createPrismaAbility<AppAbility>([{ action: 'manage', subject: 'all' }]);
}
