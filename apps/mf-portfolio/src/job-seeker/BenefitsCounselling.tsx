/**
 * "Ytelsesveiledning" on the person page (issue 17; IPS principle 5, seed 003 §5): the benefits
 * counselling given, latest first, and the form that records or edits it — which benefits, what
 * changes with income from work for each, what was referred to NAV for calculation, the follow-up
 * day. The own specialist writes (the API's rules, `packages/authz/src/rules-benefits.ts`); the
 * team with team-discussion consent reads. Every save writes a journal note; a follow-up day shows
 * in the deadlines.
 */
import {
  ConflictErrorFields,
  FieldErrorSummary,
  FormError,
  fieldId,
  formatDay,
  graphql,
  NotFoundErrorFields,
  osloToday,
  ownIssueText,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import {
  Alert,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  Detail,
  Heading,
  HStack,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSeekerView } from './query.js';

type Counselling = JobSeekerView['benefitsCounselling'][number];
type Benefit = Counselling['benefits'][number]['benefit'];

/** Every benefit, in the order the form offers them (the API's `Benefit`). */
export const BENEFITS = [
  'WORK_ASSESSMENT_ALLOWANCE',
  'DISABILITY_BENEFIT',
  'SOCIAL_ASSISTANCE',
  'SICKNESS_BENEFIT',
  'UNEMPLOYMENT_BENEFIT',
  'QUALIFICATION_BENEFIT',
  'HOUSING_ALLOWANCE',
  'OTHER',
] as const satisfies readonly Benefit[];

const TEXT_MAX = 2000;

const RECORD = graphql(
  `
  mutation RecordBenefitsCounselling($input: RecordBenefitsCounsellingInput!) {
    recordBenefitsCounselling(input: $input) {
      ... on MutationRecordBenefitsCounsellingSuccess { data { id version } }
      __typename
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const UPDATE = graphql(
  `
  mutation UpdateBenefitsCounselling($input: UpdateBenefitsCounsellingInput!) {
    updateBenefitsCounselling(input: $input) {
      ... on MutationUpdateBenefitsCounsellingSuccess { data { id version } }
      __typename
      ...NotFoundErrorFields
      ...ConflictErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ConflictErrorFields, ValidationErrorFields],
);

export interface BenefitsCounsellingProps {
  items: readonly Counselling[];
  /** The job seeker's database id. */
  jobSeekerId: string;
  canEdit: boolean;
  onChanged: () => void;
}

export function BenefitsCounselling({ items, jobSeekerId, canEdit, onChanged }: BenefitsCounsellingProps) {
  const { t } = useTranslation('portfolio');
  const [editing, setEditing] = useState<Counselling | 'new' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section aria-labelledby="benefits-heading">
      <VStack gap="space-8">
        <Heading level="2" size="small" id="benefits-heading">
          {t('ben_title')}
        </Heading>
        <Detail>{t('ben_help')}</Detail>
        {items.length === 0 ? (
          <BodyShort>{t('ben_none')}</BodyShort>
        ) : (
          <ul
            data-testid="benefits-counselling"
            style={{ display: 'grid', gap: '0.75rem', paddingInlineStart: 0, listStyle: 'none' }}
          >
            {items.map((c) => (
              <li key={c.id}>
                <CounsellingView c={c} />
                {canEdit && editing === null ? (
                  <Button
                    size="xsmall"
                    variant="secondary"
                    onClick={() => setEditing(c)}
                    aria-label={t('ben_editLabel', { day: formatDay(c.counselledOn) })}
                  >
                    {t('ben_edit')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {status ? (
          <Alert variant="success" size="small" role="status">
            {status}
          </Alert>
        ) : null}
        {canEdit && editing !== null ? (
          <CounsellingForm
            jobSeekerId={jobSeekerId}
            existing={editing === 'new' ? null : editing}
            onClose={() => setEditing(null)}
            onSaved={(message) => {
              setStatus(message);
              setEditing(null);
              onChanged();
            }}
          />
        ) : null}
        {canEdit && editing === null ? (
          <div>
            <Button
              size="small"
              variant="secondary"
              onClick={() => {
                setStatus(null);
                setEditing('new');
              }}
            >
              {t('ben_new')}
            </Button>
          </div>
        ) : null}
      </VStack>
    </section>
  );
}

/** One record, its facts stacked (readable at 360 px). */
export function CounsellingView({ c }: { c: Counselling }) {
  const { t } = useTranslation('portfolio');
  return (
    <VStack gap="space-4">
      <BodyShort weight="semibold">
        {t('ben_givenOn', {
          day: formatDay(c.counselledOn),
          by: c.givenBy ? `${c.givenBy.givenName} ${c.givenBy.familyName}` : '–',
        })}
      </BodyShort>
      <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
        {c.benefits.map((b) => (
          <li key={b.benefit} style={{ overflowWrap: 'anywhere' }}>
            <strong>{t(`ben_benefit_${b.benefit}`)}:</strong> {b.incomeChange}
          </li>
        ))}
      </ul>
      <BodyShort style={{ overflowWrap: 'anywhere' }}>
        {c.referredToNav ? t('ben_referred', { note: c.referralNote ?? '' }) : t('ben_notReferred')}
      </BodyShort>
      {c.followUpOn ? <BodyShort>{t('ben_followUpOn', { day: formatDay(c.followUpOn) })}</BodyShort> : null}
    </VStack>
  );
}

function CounsellingForm({
  jobSeekerId,
  existing,
  onSaved,
  onClose,
}: {
  jobSeekerId: string;
  existing: Counselling | null;
  onSaved: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [day, setDay] = useState(existing?.counselledOn ?? osloToday());
  const [changes, setChanges] = useState<Partial<Record<Benefit, string>>>(
    Object.fromEntries((existing?.benefits ?? []).map((b) => [b.benefit, b.incomeChange])),
  );
  const [referred, setReferred] = useState(existing?.referredToNav ?? false);
  const [note, setNote] = useState(existing?.referralNote ?? '');
  const [followUp, setFollowUp] = useState(existing?.followUpOn ?? '');
  const issueText = ownIssueText(t, 'ben_issue_');
  const record = useMutationForm(RECORD, { issueText });
  const update = useMutationForm(UPDATE, { issueText });
  const form = existing ? update : record;
  const errors = form.fieldErrors;
  const prefix = 'ben';
  const chosen = BENEFITS.filter((b) => b in changes);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!day) local.counselledOn = t('ben_issue_REQUIRED_counselledOn');
    if (chosen.length === 0) local.benefits = t('ben_issue_EMPTY_benefits');
    else if (chosen.some((b) => !changes[b]?.trim())) local.benefits = t('ben_issue_REQUIRED_benefits');
    if (referred && !note.trim()) local.referralNote = t('ben_issue_REQUIRED_referralNote');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const content = {
      counselledOn: day,
      benefits: chosen.map((b) => ({ benefit: b, incomeChange: (changes[b] ?? '').trim() })),
      referredToNav: referred,
      referralNote: referred ? note.trim() : null,
      followUpOn: followUp || null,
    };
    const context = { additionalTypenames: ['BenefitsCounselling', 'JournalNote', 'Task'] };
    const res = existing
      ? await update.send(
          { input: { counsellingId: existing.id, version: existing.version, ...content } },
          context,
        )
      : await record.send({ input: { jobSeekerId, ...content } }, context);
    if (res.ok) onSaved(t(existing ? 'ben_updated' : 'ben_saved'));
  };

  return (
    <form id="benefits-form" onSubmit={submit} aria-labelledby="benefits-form-heading">
      <VStack gap="space-12">
        <Heading level="3" size="xsmall" id="benefits-form-heading">
          {t(existing ? 'ben_editTitle' : 'ben_new')}
        </Heading>
        <FieldErrorSummary form={form} idPrefix={prefix} />
        <DateField
          id={fieldId(prefix, 'counselledOn')}
          label={t('ben_counselledOn')}
          value={day}
          onChange={setDay}
          error={errors.counselledOn}
          size="small"
          name="benefits-day"
          toDay={osloToday()}
        />
        <CheckboxGroup
          id={fieldId(prefix, 'benefits')}
          legend={t('ben_benefits')}
          description={t('ben_benefitsHelp')}
          size="small"
          value={chosen}
          error={errors.benefits}
          onChange={(value: Benefit[]) =>
            setChanges(Object.fromEntries(value.map((b) => [b, changes[b] ?? ''])))
          }
        >
          {BENEFITS.map((b) => (
            <Checkbox key={b} value={b}>
              {t(`ben_benefit_${b}`)}
            </Checkbox>
          ))}
        </CheckboxGroup>
        {chosen.map((b) => (
          <Textarea
            key={b}
            label={t('ben_incomeChange', { benefit: t(`ben_benefit_${b}`) })}
            size="small"
            maxLength={TEXT_MAX}
            value={changes[b] ?? ''}
            onChange={(e) => setChanges({ ...changes, [b]: e.target.value })}
          />
        ))}
        <Checkbox size="small" checked={referred} onChange={(e) => setReferred(e.target.checked)}>
          {t('ben_referredToNav')}
        </Checkbox>
        {referred ? (
          <Textarea
            id={fieldId(prefix, 'referralNote')}
            label={t('ben_referralNote')}
            size="small"
            maxLength={TEXT_MAX}
            value={note}
            error={errors.referralNote}
            onChange={(e) => setNote(e.target.value)}
          />
        ) : null}
        <DateField
          id={fieldId(prefix, 'followUpOn')}
          label={t('ben_followUp')}
          description={t('ben_followUpHelp')}
          value={followUp}
          onChange={setFollowUp}
          error={errors.followUpOn}
          size="small"
          name="benefits-follow-up"
          fromDay={osloToday()}
        />
        <FormError form={form} />
        <HStack gap="space-8" wrap>
          <Button type="submit" size="small" loading={form.fetching}>
            {t('ben_save')}
          </Button>
          <Button type="button" size="small" variant="tertiary" onClick={onClose}>
            {t('ben_cancel')}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
