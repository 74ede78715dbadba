/**
 * Every code a `ValidationError`'s issue may carry: the GraphQL enum `ValidationCode`, so the admin
 * knows the full list at build time (its text table is exhaustive over it).
 *
 * Adding a code: add it HERE (one line, with what it means), run `pnpm --filter @ips/api
 * schema:print` and `pnpm generate`; the admin's typecheck then says where a text is missing
 * (`packages/ui/src/mutation-texts.ts`). A producer can only use a code listed here
 * (`FieldIssue.code` is typed by this list).
 */
export const VALIDATION_CODES = {
  // Input refused by the input guard before any resolver (src/input-guard.ts)
  INVALID_TEXT: 'The text holds a NUL byte or an unpaired surrogate',
  INVALID_ID: 'The id is not one this API gives out',
  INVALID_CURSOR: 'The page cursor is not one this API gave out',
  TOO_MANY: 'Too many values at a time',
  INVALID: 'The value is not valid',
  // Presence and shape of a value
  REQUIRED: 'A value is required',
  MISSING: 'Something this needs has not been written yet (e.g. the minutes before distributing)',
  EMPTY: 'The list must have at least one entry',
  ONE_OF: 'Give exactly one of the alternatives',
  TOO_SHORT: 'The text is too short',
  TOO_LONG: 'The text is too long',
  INCOMPLETE: 'Not everything needed is filled in (e.g. items without a score)',
  DUPLICATE: 'The same value is given twice, or exists already',
  UNKNOWN: 'The id names nothing the caller may use here',
  MISMATCH: 'Two values do not fit together',
  CONTRADICTION: 'Two values contradict each other',
  // Identity and organisation numbers (`@ips/domain`)
  FORMAT: 'The number has the wrong form',
  CHECKSUM: 'The check digit does not match',
  DATE: 'The number holds no valid birth date',
  SYNTHETIC_NOT_ALLOWED: 'Synthetic (test) identity numbers are not accepted here',
  // Numbers and days
  OUT_OF_BOUNDS: 'The value is outside the allowed bounds',
  OUT_OF_RANGE: 'The value is outside the allowed range',
  IN_FUTURE: 'The day or time is in the future',
  IN_PAST: 'The day or time is in the past',
  BEFORE_START: 'The end is before the start',
  END_BEFORE_START: 'The end is before the start',
  BEFORE_REFERRAL: "The day is before the job seeker's referral",
  BEFORE_JOINED: 'The day is before the person joined',
  OVERLAPS: 'The period overlaps another one',
  RETENTION_PERIOD_PASSED: 'The retention period has passed',
  // The support plan's follow-up rule (`@ips/domain`)
  TOO_FEW_FACE_TO_FACE: 'Too few face-to-face follow-up meetings',
  FIRST_MEETING_TOO_LATE: 'The first face-to-face meeting is too late after the start',
  MEETING_BEFORE_START: 'A follow-up meeting is planned before the start',
  // States of a record
  CLOSED: 'The record is closed',
  FINAL: 'The record is final and cannot change',
  NOT_OPEN: 'The record is no longer open',
  ALREADY_ENDED: 'It has ended already',
  ALREADY_DISCHARGED: 'The job seeker is discharged already',
  ALREADY_GIVEN: 'The consent is given already',
  ALREADY_WITHDRAWN: 'The consent is withdrawn already',
  ALREADY_REVOKED: 'The sharing is revoked already',
  NOT_CONSENTED:
    'The job seeker has not consented to sharing this part (a grant can cover no more than the consent)',
  ONLY_NAV_SHARING: 'Only the consent to share with NAV has parts',
  ALREADY_PLANNED: 'It is planned already',
  ALREADY_MEMBER: 'The person is a member already',
  DISCHARGED: 'The job seeker is discharged',
  WITHDRAWN: 'The consent is withdrawn',
  NOT_REFERRED: 'The job seeker is not in the referred phase',
  NOT_A_JOB: 'It is not a job (e.g. a study)',
  WITHOUT_JOB_SEEKER: 'It needs a job seeker',
  NOT_TUNABLE: 'The rule has no tunable deadline',
  // People, teams and organisations
  NOT_IN_TEAM: 'The person is not a member of the team',
  TEAM_FULL: 'The team has its maximum of job specialists',
  SAME_SPECIALIST: 'The job seeker has this specialist already',
  SAME_PERSON: 'A person cannot be both',
  ABSENT: 'The person is absent',
  OUT_OF_REACH: 'The person cannot be reached from here',
  HAS_PORTFOLIO: 'The person still has job seekers',
  OVER_CASELOAD_LIMIT: 'The receiver would be over their caseload ceiling (20 per full-time equivalent)',
  MEMBERSHIP_ENDED: 'The membership has ended',
  NOT_A_SUPERVISOR: 'The person is not a method supervisor',
  NOT_A_COUNSELLOR_THERE: 'The person is not a NAV counsellor in that office',
  NOT_A_NAV_OFFICE: 'The organisation is not a NAV office',
  OTHER_ORGANIZATION: 'It belongs to another organisation',
  ROLE_NOT_FOR_ORGANIZATION: 'The role does not exist in this kind of organisation',
  OWN_ADMIN_ROLE: 'Administrators cannot end their own administrator role',
  LAST_PROVIDER: 'The last enabled sign-in provider cannot be turned off',
} as const satisfies Record<string, string>;

export type ValidationCode = keyof typeof VALIDATION_CODES;

/** The code for an error of `parseIdentityNumber` / `parseOrganizationNumber`. */
export function numberCode(error: 'format' | 'checksum' | 'date' | 'synthetic-not-allowed'): ValidationCode {
  return (
    {
      format: 'FORMAT',
      checksum: 'CHECKSUM',
      date: 'DATE',
      'synthetic-not-allowed': 'SYNTHETIC_NOT_ALLOWED',
    } as const
  )[error];
}

/** A code from a validator's own vocabulary: itself when listed here, else INVALID. */
export function asValidationCode(code: string | undefined): ValidationCode {
  return code && Object.hasOwn(VALIDATION_CODES, code) ? (code as ValidationCode) : 'INVALID';
}
