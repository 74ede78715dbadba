/** Conditions the rules share: the organisations a role acts in, a consent in force, a NAV grant in force. */
import type { Consent, NavSharingGrant, Prisma, Role } from '@ips/db';
import type { Actor } from './types.js';

/** The job seekers whose workplace others than the own specialist may read: all but kode 6. */
export const WORKPLACE_NOT_PROTECTED: Prisma.JobSeekerWhereInput = {
  protectedAddress: { in: ['NONE', 'CONFIDENTIAL'] },
};

export const orgsWith = (actor: Actor, ...roles: Role[]) => [
  ...new Set(actor.memberships.filter((m) => roles.includes(m.role)).map((m) => m.organizationId)),
];

/** A consent scope that is given, started, not expired and not withdrawn at `now`. */
export function activeConsent(scope: Consent['scope'], now: Date): Prisma.ConsentListRelationFilter {
  return {
    some: {
      scope,
      withdrawnAt: null,
      validFrom: { lte: now },
      OR: [{ validUntil: null }, { validUntil: { gt: now } }],
    },
  };
}

/**
 * An active NAV grant to one of `navOfficeIds` (for this counsellor or the whole office); with
 * `scope`, one that names the part AND stands on a NAV-sharing consent that covers it (the grant can
 * never reach past the consent; the database's `app.nav_job_seeker_ids` says the same).
 */
export function activeNavGrant(
  actor: Actor,
  navOfficeIds: string[],
  now: Date,
  scope?: NavSharingGrant['scopes'][number],
): Prisma.NavSharingGrantListRelationFilter {
  return {
    some: {
      navOfficeId: { in: navOfficeIds },
      OR: [{ counsellorId: null }, { counsellorId: actor.userId }],
      revokedAt: null,
      validFrom: { lte: now },
      AND: [
        { OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
        ...(scope ? [{ scopes: { has: scope } }] : []),
      ],
      consent: {
        is: {
          scope: 'NAV_SHARING',
          withdrawnAt: null,
          validFrom: { lte: now },
          OR: [{ validUntil: null }, { validUntil: { gt: now } }],
          // Consent is the only door (issue 17 item 1): the part must be one the job seeker
          // consented to, whatever the grant names.
          ...(scope ? { navParts: { has: scope } } : {}),
        },
      },
    },
  };
}
