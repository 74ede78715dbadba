/**
 * A tenant's own settings (the organisation's `settings` document), read in one place: each setting
 * with its default and the bounds a tenant may set it within. A value outside its bounds, of the
 * wrong type or missing reads as the default, so a stored document never widens a rule. Deadline
 * rules have their own table (`deadline-rules.ts`, tuned within each rule's bounds); the retention
 * periods are read by the database's purge functions (docs/operations.md).
 */
import {
  DEFAULT_LONG_ABSENCE_DAYS,
  DEFAULT_PLANNED_ABSENCE_NOTICE_DAYS,
  LONG_ABSENCE_BOUNDS,
  PLANNED_ABSENCE_NOTICE_BOUNDS,
} from './staffing';
import { DEFAULT_STALLED_AFTER_WEEKS, STALLED_BOUNDS } from './team-meeting';

interface Bounded {
  default: number;
  min: number;
  max: number;
}

/** The staffing settings: what each means, its default and its bounds. */
export const STAFFING_SETTINGS = {
  /** An unplanned absence expected to last longer than this is "long": the supervisor is told (seed 001 §4.1). */
  longAbsenceThresholdDays: { default: DEFAULT_LONG_ABSENCE_DAYS, ...LONG_ABSENCE_BOUNDS },
  /** A case without progress for this many weeks is stalled (seed 004 §3.2: stalled cases first). */
  stalledAfterWeeks: { default: DEFAULT_STALLED_AFTER_WEEKS, ...STALLED_BOUNDS },
  /** A planned absence is announced to the supervisor this many days ahead (seed 001 §4.1). */
  plannedAbsenceNoticeDays: {
    default: DEFAULT_PLANNED_ABSENCE_NOTICE_DAYS,
    ...PLANNED_ABSENCE_NOTICE_BOUNDS,
  },
} as const satisfies Record<string, Bounded>;

export type StaffingSettingName = keyof typeof STAFFING_SETTINGS;
export type StaffingSettings = Record<StaffingSettingName, number>;

/** Whether a value may be stored for the setting: a whole number within its bounds. */
export function isStaffingSettingValue(name: StaffingSettingName, value: unknown): value is number {
  const { min, max } = STAFFING_SETTINGS[name];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The staffing settings as they apply: the tenant's value where it is valid, else the default. */
export function staffingSettingsOf(settings: unknown): StaffingSettings {
  const stored = (settings && typeof settings === 'object' ? settings : {}) as Record<string, unknown>;
  const read = (name: StaffingSettingName) =>
    isStaffingSettingValue(name, stored[name]) ? (stored[name] as number) : STAFFING_SETTINGS[name].default;
  return {
    longAbsenceThresholdDays: read('longAbsenceThresholdDays'),
    stalledAfterWeeks: read('stalledAfterWeeks'),
    plannedAbsenceNoticeDays: read('plannedAbsenceNoticeDays'),
  };
}
