import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFollowUpPlan } from './support-plan';

const codes = (start: string, meetings: { plannedOn: string; faceToFace: boolean }[]) =>
  checkFollowUpPlan(start, meetings).map((i) => i.code);

describe('the follow-up plan rule (seed 000 §7)', () => {
  it('holds with two face-to-face meetings, the first within three days', () => {
    expect(
      codes('2026-11-23', [
        { plannedOn: '2026-11-26', faceToFace: true },
        { plannedOn: '2026-12-07', faceToFace: true },
      ]),
    ).toEqual([]);
  });

  it.each([
    ['one meeting only', [{ plannedOn: '2026-11-24', faceToFace: true }], ['TOO_FEW_FACE_TO_FACE']],
    [
      'the second by phone',
      [
        { plannedOn: '2026-11-24', faceToFace: true },
        { plannedOn: '2026-12-01', faceToFace: false },
      ],
      ['TOO_FEW_FACE_TO_FACE'],
    ],
    [
      'the first on day 4',
      [
        { plannedOn: '2026-11-27', faceToFace: true },
        { plannedOn: '2026-12-07', faceToFace: true },
      ],
      ['FIRST_MEETING_TOO_LATE'],
    ],
    [
      'a meeting before the start',
      [
        { plannedOn: '2026-11-20', faceToFace: true },
        { plannedOn: '2026-11-24', faceToFace: true },
      ],
      ['TOO_FEW_FACE_TO_FACE', 'MEETING_BEFORE_START'],
    ],
  ])('breaks with %s', (_name, meetings, expected) => {
    const result = codes('2026-11-23', meetings as { plannedOn: string; faceToFace: boolean }[]);
    for (const code of expected) expect(result).toContain(code);
  });

  it('accepts exactly the plans whose first face-to-face meeting is 0–3 days after the start (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 30 }), (first, gap) => {
        const start = '2026-03-27'; // spans the spring daylight-saving change
        const at = (d: number) => new Date(Date.parse(start) + d * 86_400_000).toISOString().slice(0, 10);
        const issues = codes(start, [
          { plannedOn: at(first), faceToFace: true },
          { plannedOn: at(first + gap), faceToFace: true },
        ]);
        expect(issues.includes('FIRST_MEETING_TOO_LATE')).toBe(first > 3);
      }),
    );
  });
});
