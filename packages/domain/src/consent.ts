/**
 * Consent's pure rules (docs/domain.md §3, issue 17 item 1): when a consent or a NAV sharing grant
 * is in force, which parts of a case NAV reads through a grant (the grant's parts within the
 * consent's: the consent is the only door), and the checks of a consent's period and parts. The
 * API (`apps/api/src/services/consent.ts`), the ability and row-level security apply the same rule.
 */

/** The parts of a case that can be shared with NAV, in the order screens show them. */
export const NAV_PARTS = [
  'BASIC_DETAILS',
  'EMPLOYMENT_STATUS',
  'CAREER_PROFILE',
  'SUPPORT_PLAN',
  'DIALOGUE',
  'BENEFITS_COUNSELLING',
] as const;
export type NavPart = (typeof NAV_PARTS)[number];

export interface ConsentPeriod {
  withdrawnAt: Date | null;
  validFrom: Date;
  validUntil: Date | null;
}

/** A consent is in force from its start, until its end (exclusive), unless withdrawn. */
export const isConsentActive = (c: ConsentPeriod, now: Date): boolean =>
  c.withdrawnAt === null && c.validFrom <= now && (c.validUntil === null || c.validUntil > now);

/** A grant is in force within its own period, unrevoked, and only while its consent is. */
export const isGrantActive = (
  g: { revokedAt: Date | null; validFrom: Date; validUntil: Date | null; consent: ConsentPeriod },
  now: Date,
): boolean =>
  g.revokedAt === null &&
  g.validFrom <= now &&
  (g.validUntil === null || g.validUntil > now) &&
  isConsentActive(g.consent, now);

/** The parts NAV reads through a grant: the grant's within the consent's, in screen order. */
export const sharedParts = <P extends string>(grantParts: readonly P[], consentParts: readonly P[]): P[] =>
  (NAV_PARTS as readonly string[]).filter(
    (p) => grantParts.includes(p as P) && consentParts.includes(p as P),
  ) as P[];

/**
 * The parts a NAV-sharing consent records: what the job seeker named, with basic details always
 * (NAV cannot work on a case without knowing whose it is), in screen order.
 */
export const consentParts = <P extends string>(named: readonly P[]): P[] =>
  (NAV_PARTS as readonly string[]).filter((p) => p === 'BASIC_DETAILS' || named.includes(p as P)) as P[];

/** The earlier of two ends, where null is "no end". */
export const earlierEnd = (a: Date | null, b: Date | null): Date | null =>
  a && b ? (a < b ? a : b) : (a ?? b);

export interface ConsentIssue {
  field: 'navParts' | 'validUntil';
  code: 'REQUIRED' | 'ONLY_NAV_SHARING' | 'BEFORE_START';
  message: string;
}

/**
 * The parts given with a consent: required for NAV sharing (basic details alone is a valid
 * answer), refused for any other scope.
 */
export function consentPartsIssues(
  scope: string,
  parts: readonly string[] | null | undefined,
): ConsentIssue[] {
  if (scope === 'NAV_SHARING')
    return parts == null || parts.length === 0
      ? [
          {
            field: 'navParts',
            code: 'REQUIRED',
            message: 'Name the parts the job seeker consented to share with NAV',
          },
        ]
      : [];
  return parts && parts.length > 0
    ? [
        {
          field: 'navParts',
          code: 'ONLY_NAV_SHARING',
          message: 'Only the consent to share with NAV has parts',
        },
      ]
    : [];
}

/** A consent's end must come after its start. */
export const consentPeriodIssues = (validFrom: Date, validUntil: Date | null | undefined): ConsentIssue[] =>
  validUntil && validUntil <= validFrom
    ? [{ field: 'validUntil', code: 'BEFORE_START', message: 'validUntil must be after validFrom' }]
    : [];
