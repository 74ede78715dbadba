/**
 * The career profile (karriereprofil, IPS principle 4): the current revision as facts that read on a
 * phone, every earlier revision, and — for the job seeker's own specialist — an editor of every
 * field `saveCareerProfile` takes. The first save creates revision 1; each later one sends the
 * version it was opened on, so a save by someone else in between is a conflict shown on screen: the
 * draft is kept, and the user reloads (discarding it) or saves it on top of the newer revision.
 */
import {
  ConflictAlert,
  ConflictErrorFields,
  FormError,
  formatDay,
  formatDecimal,
  graphql,
  NotFoundErrorFields,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import {
  Alert,
  BodyShort,
  Box,
  Button,
  Checkbox,
  Detail,
  Fieldset,
  Heading,
  HStack,
  Select,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Fact, Facts } from './Facts.js';
import { CareerProfileFields, type JobSeekerView } from './query.js';

type Profile = NonNullable<JobSeekerView['careerProfile']>;
type Revision = Profile['revisions'][number];

const DISCLOSURES = ['UNDECIDED', 'FULL', 'PARTIAL', 'NONE'] as const;
type Disclosure = (typeof DISCLOSURES)[number];

export interface ProfileDraft {
  interests: string;
  strengths: string;
  preferences: string;
  disclosurePreference: Disclosure;
  disclosureWishes: string;
  benefitsSituation: string;
  workExperience: { title: string; employer: string; years: string }[];
  education: { level: string; subject: string; completed: boolean }[];
}

export function profileDraftOf(r: Revision | undefined): ProfileDraft {
  return {
    interests: r?.interests ?? '',
    strengths: r?.strengths ?? '',
    preferences: r?.preferences ?? '',
    disclosurePreference: (r?.disclosurePreference as Disclosure | undefined) ?? 'UNDECIDED',
    disclosureWishes: r?.disclosureWishes ?? '',
    benefitsSituation: r?.benefitsSituation ?? '',
    workExperience: (r?.workExperience ?? []).map((w) => ({
      title: w.title,
      employer: w.employer ?? '',
      years: w.years == null ? '' : formatDecimal(w.years),
    })),
    education: (r?.education ?? []).map((e) => ({
      level: e.level,
      subject: e.subject ?? '',
      completed: e.completed ?? false,
    })),
  };
}

/** Years typed with a decimal comma (or point): a number 0–60, null when empty, NaN when not a number. */
export function parseYears(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!s) return null;
  const n = /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
  return n >= 0 && n <= 60 ? n : Number.NaN;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function contentOf(d: ProfileDraft) {
  return {
    interests: d.interests.trim(),
    strengths: d.strengths.trim(),
    preferences: d.preferences.trim(),
    disclosurePreference: d.disclosurePreference,
    disclosureWishes: orNull(d.disclosureWishes),
    benefitsSituation: orNull(d.benefitsSituation),
    workExperience: d.workExperience.map((w) => ({
      title: w.title.trim(),
      employer: orNull(w.employer),
      years: parseYears(w.years),
    })),
    education: d.education.map((e) => ({
      level: e.level.trim(),
      subject: orNull(e.subject),
      completed: e.completed,
    })),
  };
}

/** The fields the editor shows the API's issues at (any other goes to the form's alert). */
const PROFILE_FIELDS = [
  'interests',
  'strengths',
  'preferences',
  'workExperience',
  'education',
  'disclosureWishes',
  'benefitsSituation',
] as const;

const patchAt = <T,>(list: readonly T[], i: number, patch: Partial<T>): T[] =>
  list.map((row, j) => (j === i ? { ...row, ...patch } : row));

const SAVE = graphql(
  `
  mutation SaveCareerProfile($input: SaveCareerProfileInput!) {
    saveCareerProfile(input: $input) {
      __typename
      ... on MutationSaveCareerProfileSuccess { data { ...CareerProfileFields } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [CareerProfileFields, ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

export interface CareerProfileEditorProps {
  profile: JobSeekerView['careerProfile'];
  /** The job seeker's raw id. */
  jobSeekerId: string;
  /** Whether the user writes the profile (the ability decides). */
  canEdit: boolean;
  /** Reads the page again from the API (network only). */
  onReload: () => void;
}

export function CareerProfileEditor({ profile, jobSeekerId, canEdit, onReload }: CareerProfileEditorProps) {
  const { t } = useTranslation('portfolio');
  const current =
    profile?.revisions.find((r) => r.revision === profile.currentRevision) ?? profile?.revisions[0];
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<ProfileDraft>(() => profileDraftOf(current));
  const [baseVersion, setBaseVersion] = useState<number | null>(profile?.version ?? null);
  const [saved, setSaved] = useState<number | null>(null);
  const form = useMutationForm(SAVE, { fields: PROFILE_FIELDS });
  const conflict = form.failure?.kind === 'conflict';
  const issues = form.fieldErrors;

  const startEditing = () => {
    setDraft(profileDraftOf(current));
    setBaseVersion(profile?.version ?? null);
    form.reset();
    setSaved(null);
    setEditing(true);
  };

  const submit = async (version: number | null) => {
    const local: Record<string, string> = {};
    for (const f of ['interests', 'strengths', 'preferences'] as const)
      if (!draft[f].trim()) local[f] = t('cp_issue_REQUIRED');
    if (draft.workExperience.some((w) => !w.title.trim())) local.workExperience = t('cp_issue_REQUIRED');
    if (draft.workExperience.some((w) => Number.isNaN(parseYears(w.years))))
      local.workExperience = t('cp_issue_YEARS');
    if (draft.education.some((e) => !e.level.trim())) local.education = t('cp_issue_REQUIRED');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: { jobSeekerId, ...(version === null ? {} : { version }), ...contentOf(draft) },
    });
    if (res.ok) {
      setSaved(res.data.currentRevision);
      setEditing(false);
      onReload();
    } else if (res.kind === 'conflict') {
      // The newer revision is read so the page shows it; the draft stays as it is.
      onReload();
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(baseVersion);
  };

  const heading = (
    <HStack gap="space-8" align="center" justify="space-between" wrap>
      <HStack gap="space-8" align="center">
        <Heading level="2" size="small" id="profile-heading">
          {t('js_careerProfile')}
        </Heading>
        {profile?.needsUpdate ? (
          <Tag size="xsmall" variant="warning">
            {t('js_profileNeedsUpdate')}
          </Tag>
        ) : null}
      </HStack>
      {canEdit && !editing ? (
        <Button size="small" variant="secondary" onClick={startEditing}>
          {current ? t('cp_edit') : t('cp_create')}
        </Button>
      ) : null}
    </HStack>
  );

  if (!editing)
    return (
      <ProfileReadView
        heading={heading}
        saved={saved}
        current={current}
        revisions={profile?.revisions ?? []}
      />
    );

  return (
    <section aria-labelledby="profile-heading" id="career-profile">
      <VStack gap="space-8">
        {heading}
        <form onSubmit={onSubmit} aria-label={t('cp_editTitle')}>
          <VStack gap="space-16" style={{ maxWidth: '44rem' }}>
            {conflict ? (
              <ConflictAlert title={t('cp_conflictTitle')} body={t('cp_conflictBody')}>
                <HStack gap="space-8" marginBlock="space-8 space-0" wrap>
                  <Button
                    type="button"
                    variant="secondary"
                    size="small"
                    onClick={() => {
                      setEditing(false);
                      form.reset();
                      onReload();
                    }}
                  >
                    {t('cp_conflictReload')}
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    size="small"
                    loading={form.fetching}
                    disabled={profile?.version === baseVersion}
                    onClick={() => {
                      const now = profile?.version ?? null;
                      setBaseVersion(now);
                      void submit(now);
                    }}
                  >
                    {t('cp_conflictKeepMine')}
                  </Button>
                </HStack>
              </ConflictAlert>
            ) : (
              <FormError form={form} />
            )}
            <ProfileFields draft={draft} setDraft={setDraft} issues={issues} />
            <HStack gap="space-8" wrap>
              <Button type="submit" loading={form.fetching} disabled={conflict}>
                {current ? t('cp_save') : t('cp_saveFirst')}
              </Button>
              <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
                {t('cp_cancel')}
              </Button>
            </HStack>
          </VStack>
        </form>
      </VStack>
    </section>
  );
}

function RevisionFacts({ revision: r }: { revision: Revision }) {
  const { t } = useTranslation('portfolio');
  const rows: Fact[] = [
    [t('js_interests'), r.interests],
    [t('js_strengths'), r.strengths],
    [t('js_preferences'), r.preferences],
    [
      t('cp_workExperience'),
      r.workExperience.length ? (
        <ul key="work" style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
          {r.workExperience.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity but their place
            <li key={i}>
              {w.title}
              {w.employer ? `, ${w.employer}` : ''}
              {w.years != null ? ` (${t('cp_yearsShown', { years: formatDecimal(w.years) })})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        t('cp_noWorkExperience')
      ),
    ],
    [
      t('cp_education'),
      r.education.length ? (
        <ul key="education" style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
          {r.education.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no identity but their place
            <li key={i}>
              {e.level}
              {e.subject ? `, ${e.subject}` : ''}
              {e.completed === false ? ` (${t('cp_notCompleted')})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        t('cp_noEducation')
      ),
    ],
    [t('js_disclosure'), t(`disclosure_${r.disclosurePreference}`)],
    ...(r.disclosureWishes ? ([[t('cp_disclosureWishesShown'), r.disclosureWishes]] as Fact[]) : []),
    ...(r.benefitsSituation ? ([[t('cp_benefitsShown'), r.benefitsSituation]] as Fact[]) : []),
  ];
  return (
    <Box>
      <Facts rows={rows} />
    </Box>
  );
}

/** The profile as facts: the current revision, and every earlier one behind a disclosure. */
function ProfileReadView({
  heading,
  saved,
  current,
  revisions,
}: {
  heading: ReactNode;
  saved: number | null;
  current: Revision | undefined;
  revisions: readonly Revision[];
}) {
  const { t } = useTranslation('portfolio');
  const older = revisions.filter((r) => r.revision !== current?.revision);
  return (
    <section aria-labelledby="profile-heading" id="career-profile">
      <VStack gap="space-8">
        {heading}
        {saved !== null ? (
          <Alert variant="success" size="small" role="status">
            {t('cp_saved', { revision: saved })}
          </Alert>
        ) : null}
        {!current ? (
          <BodyShort>{t('js_noCareerProfile')}</BodyShort>
        ) : (
          <>
            <Detail>
              {t('sp_revision', { revision: current.revision, date: formatDay(current.createdAt) })}
            </Detail>
            <RevisionFacts revision={current} />
          </>
        )}
        {older.length ? (
          <details>
            <summary>
              <BodyShort as="span" weight="semibold">
                {t('cp_revisions')} ({older.length})
              </BodyShort>
            </summary>
            <VStack gap="space-16" paddingBlock="space-8">
              {older.map((r) => {
                const title = t('cp_revisionSummary', { revision: r.revision, date: formatDay(r.createdAt) });
                return (
                  <section key={r.revision} aria-label={title}>
                    <Heading level="3" size="xsmall">
                      {title}
                    </Heading>
                    <RevisionFacts revision={r} />
                  </section>
                );
              })}
            </VStack>
          </details>
        ) : null}
      </VStack>
    </section>
  );
}

interface DraftRowsProps {
  draft: ProfileDraft;
  setDraft: (draft: ProfileDraft) => void;
  error: string | undefined;
}

/**
 * A list of rows the user adds and removes (earlier jobs, education): each row's fields and its
 * remove button, then the add button. Rows have no identity but their place.
 */
function RowsFieldset<R>({
  legend,
  error,
  rows,
  onRows,
  blank,
  addLabel,
  row,
}: {
  legend: string;
  error: string | undefined;
  rows: readonly R[];
  onRows: (rows: R[]) => void;
  /** A new, empty row. */
  blank: R;
  addLabel: string;
  /** The fields of row `i`; `patch` changes some of its values. */
  row: (r: R, patch: (p: Partial<R>) => void) => ReactNode;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <Fieldset legend={legend} error={error}>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <HStack key={i} gap="space-8" align="end" wrap>
          {row(r, (p) => onRows(patchAt(rows, i, p)))}
          <Button
            type="button"
            variant="tertiary"
            size="small"
            onClick={() => onRows(rows.filter((_, j) => j !== i))}
          >
            {t('cp_remove')}
          </Button>
        </HStack>
      ))}
      <Button type="button" variant="tertiary" size="small" onClick={() => onRows([...rows, blank])}>
        {addLabel}
      </Button>
    </Fieldset>
  );
}

/** Earlier jobs, one row each: title, employer, years (decimal comma). */
function WorkExperienceFields({ draft, setDraft, error }: DraftRowsProps) {
  const { t } = useTranslation('portfolio');
  return (
    <RowsFieldset
      legend={t('cp_workExperience')}
      error={error}
      rows={draft.workExperience}
      onRows={(workExperience) => setDraft({ ...draft, workExperience })}
      blank={{ title: '', employer: '', years: '' }}
      addLabel={t('cp_addWork')}
      row={(w, patch) => (
        <>
          <TextField
            label={t('cp_jobTitle')}
            size="small"
            value={w.title}
            maxLength={200}
            onChange={(e) => patch({ title: e.target.value })}
          />
          <TextField
            label={t('cp_employer')}
            size="small"
            value={w.employer}
            maxLength={200}
            onChange={(e) => patch({ employer: e.target.value })}
          />
          <TextField
            label={t('cp_years')}
            size="small"
            inputMode="decimal"
            htmlSize={6}
            value={w.years}
            onChange={(e) => patch({ years: e.target.value })}
          />
        </>
      )}
    />
  );
}

/** Education, one row each: level, subject, completed. */
function EducationFields({ draft, setDraft, error }: DraftRowsProps) {
  const { t } = useTranslation('portfolio');
  return (
    <RowsFieldset
      legend={t('cp_education')}
      error={error}
      rows={draft.education}
      onRows={(education) => setDraft({ ...draft, education })}
      blank={{ level: '', subject: '', completed: false }}
      addLabel={t('cp_addEducation')}
      row={(ed, patch) => (
        <>
          <TextField
            label={t('cp_level')}
            size="small"
            value={ed.level}
            maxLength={200}
            onChange={(e) => patch({ level: e.target.value })}
          />
          <TextField
            label={t('cp_subject')}
            size="small"
            value={ed.subject}
            maxLength={200}
            onChange={(e) => patch({ subject: e.target.value })}
          />
          <Checkbox
            size="small"
            checked={ed.completed}
            onChange={(e) => patch({ completed: e.target.checked })}
          >
            {t('cp_completed')}
          </Checkbox>
        </>
      )}
    />
  );
}

/** Every field of a revision, as the editor shows them (issues at their fields). */
function ProfileFields({
  draft,
  setDraft,
  issues,
}: {
  draft: ProfileDraft;
  setDraft: (draft: ProfileDraft) => void;
  issues: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <>
      <Textarea
        label={t('js_interests')}
        value={draft.interests}
        maxLength={2000}
        minRows={2}
        error={issues.interests}
        onChange={(e) => setDraft({ ...draft, interests: e.target.value })}
      />
      <Textarea
        label={t('js_strengths')}
        value={draft.strengths}
        maxLength={2000}
        minRows={2}
        error={issues.strengths}
        onChange={(e) => setDraft({ ...draft, strengths: e.target.value })}
      />
      <Textarea
        label={t('js_preferences')}
        value={draft.preferences}
        maxLength={2000}
        minRows={2}
        error={issues.preferences}
        onChange={(e) => setDraft({ ...draft, preferences: e.target.value })}
      />
      <WorkExperienceFields draft={draft} setDraft={setDraft} error={issues.workExperience} />
      <EducationFields draft={draft} setDraft={setDraft} error={issues.education} />
      <Select
        label={t('js_disclosure')}
        value={draft.disclosurePreference}
        onChange={(e) => setDraft({ ...draft, disclosurePreference: e.target.value as Disclosure })}
      >
        {DISCLOSURES.map((d) => (
          <option key={d} value={d}>
            {t(`disclosure_${d}`)}
          </option>
        ))}
      </Select>
      <Textarea
        label={t('cp_disclosureWishes')}
        value={draft.disclosureWishes}
        maxLength={2000}
        minRows={2}
        error={issues.disclosureWishes}
        onChange={(e) => setDraft({ ...draft, disclosureWishes: e.target.value })}
      />
      <Textarea
        label={t('cp_benefitsSituation')}
        value={draft.benefitsSituation}
        maxLength={2000}
        minRows={2}
        error={issues.benefitsSituation}
        onChange={(e) => setDraft({ ...draft, benefitsSituation: e.target.value })}
      />
    </>
  );
}
