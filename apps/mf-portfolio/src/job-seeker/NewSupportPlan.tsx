/**
 * Creates the job support plan for a job start, or the study support plan for a study start (seed
 * 000 §6–§7, revision 1). Who supports what, the follow-up meetings — checked as the API checks them:
 * at least two face to face, the first within three days of the start — and the arrangements.
 * Agreements with the employer are offered only with the employer-contact consent (§3); the API
 * refuses them otherwise. After creation the existing editor revises the plan.
 */
import { checkFollowUpPlan } from '@ips/domain';
import {
  ConsentRequiredErrorFields,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { BodyShort, Button, Checkbox, Heading, HStack, Textarea, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AgreementRow,
  AgreementRows,
  FollowUpRuleIssues,
  type MeetingRow,
  MeetingRows,
  PERSONS,
} from './support-plan-rows.js';

const CREATE_SUPPORT_PLAN = graphql(
  `
  mutation CreateSupportPlan($input: CreateSupportPlanInput!) {
    createSupportPlan(input: $input) {
      __typename
      ... on MutationCreateSupportPlanSuccess { data { id kind currentRevision } }
      ...ConsentRequiredErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConsentRequiredErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

/** What the plan follows: a job (job support plan) or a study (study support plan). */
export type PlanTarget =
  | { kind: 'JOB'; employmentId: string; what: string; startDate: string }
  | { kind: 'STUDY'; studyId: string; what: string; startDate: string };

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function NewSupportPlan({
  target,
  employerContactConsent,
  onDone,
  onCancel,
}: {
  target: PlanTarget;
  /** The job seeker's employer-contact consent is active: agreements with the employer are allowed. */
  employerContactConsent: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [agreements, setAgreements] = useState<AgreementRow[]>([
    { supportPerson: 'JOB_SPECIALIST', responsibility: '' },
  ]);
  const [meetings, setMeetings] = useState<MeetingRow[]>([
    { plannedOn: addDays(target.startDate, 2), faceToFace: true, topic: '' },
    { plannedOn: addDays(target.startDate, 14), faceToFace: true, topic: '' },
  ]);
  const [absenceArrangements, setAbsence] = useState('');
  const [specialArrangements, setSpecial] = useState('');
  const [employerRoutines, setRoutines] = useState('');
  const [agreedWithEmployer, setAgreedWithEmployer] = useState(false);
  const [employerMayCallSpecialist, setMayCall] = useState(false);
  const form = useMutationForm(CREATE_SUPPORT_PLAN, {
    fields: ['agreements', 'meetings', 'employerRoutines', 'absenceArrangements', 'specialArrangements'],
    issueText: ownIssueText(t, 'sp_issue_'),
    failureText: (f) =>
      f.kind === 'consent' ? t('sp_consentRequired', { scope: t(`scope_${f.scope}`) }) : undefined,
  });
  const issues = form.fieldErrors;
  const persons = PERSONS.filter((p) => p !== 'EMPLOYER' || employerContactConsent);
  const ruleIssues = checkFollowUpPlan(
    target.startDate,
    meetings.filter((m) => m.plannedOn),
  );
  const idBase = target.kind === 'JOB' ? target.employmentId : target.studyId;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (agreements.length === 0) local.agreements = t('sp_issue_EMPTY');
    else if (agreements.some((a) => !a.responsibility.trim())) local.agreements = t('sp_issue_REQUIRED');
    if (ruleIssues.length) local.meetings = ruleIssues.map((i) => t(`sp_issue_${i.code}`)).join(' ');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const orNull = (s: string) => s.trim() || null;
    const res = await form.send({
      input: {
        ...(target.kind === 'JOB' ? { employmentId: target.employmentId } : { studyId: target.studyId }),
        content: {
          agreedWithEmployer: employerContactConsent && agreedWithEmployer,
          employerMayCallSpecialist: employerContactConsent && employerMayCallSpecialist,
          employerRoutines: orNull(employerRoutines),
          absenceArrangements: orNull(absenceArrangements),
          specialArrangements: orNull(specialArrangements),
          taperingPlan: null,
          agreements: agreements.map((a) => ({
            supportPerson: a.supportPerson,
            responsibility: a.responsibility.trim(),
            personName: null,
          })),
          meetings: meetings
            .filter((m) => m.plannedOn)
            .map((m) => ({ plannedOn: m.plannedOn, faceToFace: m.faceToFace, topic: orNull(m.topic) })),
        },
      },
    });
    if (res.ok) onDone(t('np_created'));
  };

  return (
    <form onSubmit={submit} aria-labelledby={`new-plan-${idBase}`}>
      <VStack gap="space-12">
        <Heading level="3" size="small" id={`new-plan-${idBase}`}>
          {t(`np_title_${target.kind}`, { what: target.what })}
        </Heading>
        <FormError form={form} />
        <AgreementRows
          rows={agreements}
          onChange={setAgreements}
          error={issues.agreements}
          persons={persons}
          // (not the health team: naming it needs its consent, issue 17 item 8)
          newRow={{ supportPerson: 'JOB_SEEKER', responsibility: '' }}
          keepOne
        />
        <MeetingRows
          rows={meetings}
          onChange={setMeetings}
          error={issues.meetings}
          description={t('np_meetingsHelp', { start: formatDay(target.startDate) })}
          fromDay={target.startDate}
          newRow={{ plannedOn: addDays(target.startDate, 30), faceToFace: true, topic: '' }}
        />
        <FollowUpRuleIssues issues={ruleIssues} shownAtField={Boolean(issues.meetings)} />
        <Textarea
          label={t('sp_absenceArrangements')}
          value={absenceArrangements}
          maxLength={4000}
          minRows={2}
          error={issues.absenceArrangements}
          onChange={(e) => setAbsence(e.target.value)}
        />
        <Textarea
          label={t('sp_specialArrangements')}
          value={specialArrangements}
          maxLength={4000}
          minRows={2}
          error={issues.specialArrangements}
          onChange={(e) => setSpecial(e.target.value)}
        />
        {employerContactConsent ? (
          <>
            <Textarea
              label={t('sp_employerRoutines')}
              value={employerRoutines}
              maxLength={4000}
              minRows={2}
              error={issues.employerRoutines}
              onChange={(e) => setRoutines(e.target.value)}
            />
            <Checkbox checked={agreedWithEmployer} onChange={(e) => setAgreedWithEmployer(e.target.checked)}>
              {t('sp_agreedWithEmployer')}
            </Checkbox>
            <Checkbox checked={employerMayCallSpecialist} onChange={(e) => setMayCall(e.target.checked)}>
              {t('sp_employerMayCall')}
            </Checkbox>
          </>
        ) : null}
        <HStack gap="space-8" wrap>
          <Button type="submit" loading={form.fetching}>
            {t('np_save')}
          </Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {t('wk_cancel')}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}

/**
 * The plans still to be written: each ongoing ordinary job without a job support plan and each
 * ongoing study without a study support plan, with the button that opens the form.
 */
export function PlanOffers({
  employments,
  studies,
  plans,
  employerContactConsent,
  onChanged,
}: {
  employments: readonly {
    id: string;
    jobTitle: string;
    kind: string;
    startDate: string;
    endDate: string | null;
  }[];
  studies: readonly { id: string; programme: string; startDate: string; endDate: string | null }[];
  plans: readonly { employmentId: string | null; studyId: string | null; status: string }[];
  employerContactConsent: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const planned = new Set(
    plans.filter((p) => p.status !== 'CLOSED').flatMap((p) => [p.employmentId, p.studyId].filter(Boolean)),
  );
  const targets: PlanTarget[] = [
    ...employments
      .filter((e) => e.kind === 'ORDINARY_JOB' && !e.endDate && !planned.has(e.id))
      .map((e) => ({ kind: 'JOB' as const, employmentId: e.id, what: e.jobTitle, startDate: e.startDate })),
    ...studies
      .filter((s) => !s.endDate && !planned.has(s.id))
      .map((s) => ({ kind: 'STUDY' as const, studyId: s.id, what: s.programme, startDate: s.startDate })),
  ];
  const idOf = (target: PlanTarget) => (target.kind === 'JOB' ? target.employmentId : target.studyId);
  if (!targets.length && !done) return null;
  return (
    <VStack gap="space-16">
      {done ? (
        <BodyShort role="status" size="small">
          {done}
        </BodyShort>
      ) : null}
      {targets.map((target) =>
        open === idOf(target) ? (
          <NewSupportPlan
            key={idOf(target)}
            target={target}
            employerContactConsent={employerContactConsent}
            onCancel={() => setOpen(null)}
            onDone={(message) => {
              setOpen(null);
              setDone(message);
              onChanged();
            }}
          />
        ) : (
          <HStack key={idOf(target)} gap="space-8" align="center" wrap data-plan-offer={idOf(target)}>
            <BodyShort>
              {target.kind === 'JOB'
                ? t('np_offerJob', { title: target.what })
                : t('np_offerStudy', { programme: target.what })}
            </BodyShort>
            <Button size="small" onClick={() => setOpen(idOf(target))}>
              {t(`np_create_${target.kind}`)}
            </Button>
          </HStack>
        ),
      )}
    </VStack>
  );
}
