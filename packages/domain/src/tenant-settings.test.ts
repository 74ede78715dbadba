import { describe, expect, it } from 'vitest';
import { isStaffingSettingValue, STAFFING_SETTINGS, staffingSettingsOf } from './tenant-settings';

describe('staffing settings', () => {
  it('reads the defaults from an empty or foreign document', () => {
    const defaults = { longAbsenceThresholdDays: 14, stalledAfterWeeks: 12, plannedAbsenceNoticeDays: 14 };
    expect(staffingSettingsOf(null)).toEqual(defaults);
    expect(staffingSettingsOf('x')).toEqual(defaults);
    expect(staffingSettingsOf({ demo: true })).toEqual(defaults);
  });

  it("takes a tenant's value within its bounds and the default outside them", () => {
    expect(
      staffingSettingsOf({
        longAbsenceThresholdDays: 21,
        stalledAfterWeeks: 8,
        plannedAbsenceNoticeDays: 30,
      }),
    ).toEqual({
      longAbsenceThresholdDays: 21,
      stalledAfterWeeks: 8,
      plannedAbsenceNoticeDays: 30,
    });
    expect(
      staffingSettingsOf({
        longAbsenceThresholdDays: 2,
        stalledAfterWeeks: 53,
        plannedAbsenceNoticeDays: 7.5,
      }),
    ).toEqual({ longAbsenceThresholdDays: 14, stalledAfterWeeks: 12, plannedAbsenceNoticeDays: 14 });
    expect(staffingSettingsOf({ stalledAfterWeeks: '8' }).stalledAfterWeeks).toBe(12);
  });

  it('accepts exactly the whole numbers from min to max', () => {
    for (const [name, s] of Object.entries(STAFFING_SETTINGS) as [
      keyof typeof STAFFING_SETTINGS,
      (typeof STAFFING_SETTINGS)[keyof typeof STAFFING_SETTINGS],
    ][]) {
      expect(isStaffingSettingValue(name, s.min)).toBe(true);
      expect(isStaffingSettingValue(name, s.max)).toBe(true);
      expect(isStaffingSettingValue(name, s.min - 1)).toBe(false);
      expect(isStaffingSettingValue(name, s.max + 1)).toBe(false);
      expect(isStaffingSettingValue(name, s.default)).toBe(true);
    }
  });
});
