/**
 * The rows both support-plan forms edit (creating revision 1 in `NewSupportPlan`, revising in
 * `SupportPlanEditor`): who supports what, the planned follow-up meetings, and the follow-up rule's
 * issues (seed 000 §7: at least two face-to-face meetings, the first within three days of the
 * start), checked in the browser with the same domain function the API uses.
 */
import { DateField } from '@ips/ui/date-field';
import {
  Button,
  Checkbox,
  ErrorMessage,
  Fieldset,
  HStack,
  Select,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';

export const PERSONS = [
  'JOB_SEEKER',
  'JOB_SPECIALIST',
  'EMPLOYER',
  'NAV_COUNSELLOR',
  'HEALTH_TEAM',
  'RELATIVES',
  'OTHER',
] as const;
export type Person = (typeof PERSONS)[number];

export interface AgreementRow {
  supportPerson: Person;
  responsibility: string;
  /** Only where the form asks for a name (the editor). */
  personName?: string;
}

export interface MeetingRow {
  plannedOn: string;
  faceToFace: boolean;
  topic: string;
}

const patchAt = <T,>(list: readonly T[], i: number, patch: Partial<T>): T[] =>
  list.map((row, j) => (j === i ? { ...row, ...patch } : row));

/** Who supports what, one row each; `persons` limits the choices (the employer needs its consent). */
export function AgreementRows<R extends AgreementRow>({
  rows,
  onChange,
  error,
  persons = PERSONS,
  newRow,
  withPersonName = false,
  keepOne = false,
}: {
  rows: readonly R[];
  onChange: (rows: R[]) => void;
  error: string | undefined;
  persons?: readonly Person[];
  newRow: R;
  withPersonName?: boolean;
  /** Whether the last row stays (no remove button on a single row). */
  keepOne?: boolean;
}) {
  const { t } = useTranslation('portfolio');
  const patch = (i: number, p: Partial<R>) => onChange(patchAt(rows, i, p));
  return (
    <Fieldset legend={t('sp_agreements')} error={error}>
      {rows.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <HStack key={i} gap="space-8" align="end" wrap>
          <Select
            label={t('sp_supportPerson')}
            size="small"
            value={a.supportPerson}
            onChange={(e) => patch(i, { supportPerson: e.target.value as Person } as Partial<R>)}
          >
            {persons.map((p) => (
              <option key={p} value={p}>
                {t(`person_${p}`)}
              </option>
            ))}
          </Select>
          <TextField
            label={t('sp_responsibility')}
            size="small"
            value={a.responsibility}
            maxLength={2000}
            onChange={(e) => patch(i, { responsibility: e.target.value } as Partial<R>)}
          />
          {withPersonName ? (
            <TextField
              label={t('sp_personName')}
              size="small"
              value={a.personName ?? ''}
              onChange={(e) => patch(i, { personName: e.target.value } as Partial<R>)}
            />
          ) : null}
          {keepOne && rows.length <= 1 ? null : (
            <Button
              type="button"
              variant="tertiary"
              size="small"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t('sp_remove')}
            </Button>
          )}
        </HStack>
      ))}
      <Button type="button" variant="tertiary" size="small" onClick={() => onChange([...rows, newRow])}>
        {t('sp_addAgreement')}
      </Button>
    </Fieldset>
  );
}

/** The planned follow-up meetings, one row each: day (from `fromDay`), face to face, topic. */
export function MeetingRows({
  rows,
  onChange,
  error,
  description,
  fromDay,
  newRow,
}: {
  rows: readonly MeetingRow[];
  onChange: (rows: MeetingRow[]) => void;
  error: string | undefined;
  description?: string;
  fromDay?: string;
  newRow: MeetingRow;
}) {
  const { t } = useTranslation('portfolio');
  const patch = (i: number, p: Partial<MeetingRow>) => onChange(patchAt(rows, i, p));
  return (
    <Fieldset legend={t('sp_meetings')} description={description} error={error}>
      {rows.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <HStack key={i} gap="space-8" align="end" wrap>
          <DateField
            label={t('sp_plannedOn')}
            size="small"
            value={m.plannedOn}
            fromDay={fromDay}
            onChange={(day) => patch(i, { plannedOn: day })}
          />
          <Checkbox
            size="small"
            checked={m.faceToFace}
            onChange={(e) => patch(i, { faceToFace: e.target.checked })}
          >
            {t('js_faceToFace')}
          </Checkbox>
          <TextField
            label={t('sp_topic')}
            size="small"
            value={m.topic}
            maxLength={500}
            onChange={(e) => patch(i, { topic: e.target.value })}
          />
          <Button
            type="button"
            variant="tertiary"
            size="small"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {t('sp_remove')}
          </Button>
        </HStack>
      ))}
      <Button type="button" variant="tertiary" size="small" onClick={() => onChange([...rows, newRow])}>
        {t('sp_addMeeting')}
      </Button>
    </Fieldset>
  );
}

/** The follow-up rule's issues as the user edits, until the form has put them at the field. */
export function FollowUpRuleIssues({
  issues,
  shownAtField,
}: {
  issues: readonly { code: string }[];
  shownAtField: boolean;
}) {
  const { t } = useTranslation('portfolio');
  if (!issues.length || shownAtField) return null;
  return (
    <VStack gap="space-4" aria-live="polite">
      {issues.map((i) => (
        <ErrorMessage key={i.code} size="small">
          {t(`sp_issue_${i.code}`)}
        </ErrorMessage>
      ))}
    </VStack>
  );
}
