/**
 * The team meeting's draft (split out of TeamMeetingPage.tsx, issue 19): the agenda notes, the
 * minutes and who was absent, and the saved version the draft was based on — a save sends that
 * version, so a colleague's save in between is a conflict, never overwritten.
 */
import { Checkbox, CheckboxGroup, Heading, HStack, Tag } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from './TeamMeetingPage.js';

/** What the meeting has saved, as the form's draft. */
const savedDraft = (m: Meeting) => ({
  notes: Object.fromEntries(m.agenda.map((a) => [a.id, a.notes ?? ''])) as Record<string, string>,
  minutes: m.minutes ?? '',
  absent: m.attendees.filter((a) => !a.present).map((a) => a.user.id),
});

export function useMeetingDraft(meeting: Meeting) {
  const [base, setBase] = useState(() => ({ version: meeting.version, draft: savedDraft(meeting) }));
  const [notes, setNotes] = useState<Record<string, string>>(base.draft.notes);
  const [minutes, setMinutes] = useState(base.draft.minutes);
  const [absent, setAbsent] = useState<string[]>(base.draft.absent);
  const [conflict, setConflict] = useState<{ theirs: string; version: number } | null>(null);
  const dirty =
    minutes !== base.draft.minutes ||
    JSON.stringify(notes) !== JSON.stringify(base.draft.notes) ||
    [...absent].sort().join() !== [...base.draft.absent].sort().join();
  const reset = (m: Meeting) => {
    const draft = savedDraft(m);
    setBase({ version: m.version, draft });
    setNotes(draft.notes);
    setMinutes(draft.minutes);
    setAbsent(draft.absent);
    setConflict(null);
  };
  /** The save went through: the draft is now based on what was saved. */
  const markSaved = (saved: Meeting) => {
    setBase({ version: saved.version, draft: savedDraft(saved) });
    setConflict(null);
  };
  // A newer saved version arrived (a refetch after an action point, or a colleague's save): an
  // untouched draft follows it; an edited one is in conflict with it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the saved version changes
  useEffect(() => {
    if (meeting.version === base.version) return;
    if (!dirty) reset(meeting);
    else setConflict({ theirs: meeting.minutes ?? '', version: meeting.version });
  }, [meeting.version]);
  return {
    base,
    notes,
    setNotes,
    minutes,
    setMinutes,
    absent,
    setAbsent,
    conflict,
    setConflict,
    dirty,
    reset,
    markSaved,
  };
}

/** Who was absent from the meeting, ticked among its attendees. */
export function AbsentAttendees({
  attendees,
  absent,
  onChange,
}: {
  attendees: Meeting['attendees'];
  absent: string[];
  onChange: (absent: string[]) => void;
}) {
  const { t } = useTranslation('team');
  return (
    <CheckboxGroup
      legend={t('tm_absent')}
      size="small"
      value={absent}
      onChange={(v: string[]) => onChange(v)}
    >
      {attendees.map((a) => (
        <Checkbox key={a.user.id} value={a.user.id}>
          {a.user.givenName} {a.user.familyName}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}

/** The form's heading, the agenda, marked once the minutes are distributed. */
export function AgendaHeading({ distributed }: { distributed: boolean }) {
  const { t } = useTranslation('team');
  return (
    <HStack gap="space-8" align="center">
      <Heading level="2" size="medium" id="agenda-heading">
        {t('tm_agenda')}
      </Heading>
      {distributed ? (
        <Tag variant="success" size="small">
          {t('tm_distributed')}
        </Tag>
      ) : null}
    </HStack>
  );
}
