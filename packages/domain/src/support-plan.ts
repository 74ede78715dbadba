/**
 * The job support plan's follow-up rule (seed 000 §7): at least two face-to-face meetings in the
 * plan, the first within three days of the start. Days are Norwegian calendar days (YYYY-MM-DD).
 */

export interface PlannedMeeting {
  plannedOn: string;
  faceToFace: boolean;
}

export type FollowUpPlanIssue =
  | { code: 'TOO_FEW_FACE_TO_FACE'; message: string }
  | { code: 'FIRST_MEETING_TOO_LATE'; message: string }
  | { code: 'MEETING_BEFORE_START'; message: string };

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** What breaks the rule in a planned set of follow-up meetings (empty when it holds). */
export function checkFollowUpPlan(
  startDate: string,
  meetings: readonly PlannedMeeting[],
): FollowUpPlanIssue[] {
  const issues: FollowUpPlanIssue[] = [];
  const faceToFace = meetings
    .filter((m) => m.faceToFace && m.plannedOn >= startDate)
    .map((m) => m.plannedOn)
    .sort();
  if (faceToFace.length < 2) {
    issues.push({
      code: 'TOO_FEW_FACE_TO_FACE',
      message: 'Plan at least two face-to-face follow-up meetings',
    });
  }
  if (meetings.some((m) => m.plannedOn < startDate)) {
    issues.push({
      code: 'MEETING_BEFORE_START',
      message: 'Follow-up meetings are planned from the start on',
    });
  }
  const first = faceToFace[0];
  if (first === undefined || daysBetween(startDate, first) > 3) {
    issues.push({
      code: 'FIRST_MEETING_TOO_LATE',
      message: 'The first face-to-face meeting is within three days of the start',
    });
  }
  return issues;
}
