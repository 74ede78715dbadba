/**
 * Registering an absence for one of the organisation's job specialists (seed 001 §4.1): an
 * unplanned one that looks long notifies the method supervisors — the API decides and says so.
 * Overlaps and an end before the start are checked with the same domain rule the API uses, and
 * the API's typed errors are shown at the field they concern.
 */
import { absenceIssues } from '@ips/domain';
import {
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  osloToday,
  ownIssueText,
  PersonSelect,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import { Alert, Button, Checkbox, Heading, HStack, Select, VStack } from '@navikt/ds-react';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

const REGISTER = graphql(
  `
  mutation RegisterAbsence($input: RegisterAbsenceInput!) {
    registerAbsence(input: $input) {
      __typename
      ... on MutationRegisterAbsenceSuccess { data { id supervisorNotifiedAt } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const TYPES = ['SICK_LEAVE', 'VACATION', 'PARENTAL_LEAVE', 'LEAVE_OF_ABSENCE', 'COURSE', 'OTHER'] as const;
type AbsenceType = (typeof TYPES)[number];

/** An absence already registered, as far as the overlap check needs it. */
interface Registered {
  startDate: string;
  expectedEndDate?: string | null;
  actualEndDate?: string | null;
  specialist: { id: string };
}

/** The form's own checks, the same rule as the API: no end before the start, no overlap with the specialist's others. */
function localIssues(
  t: TFunction<'organisation'>,
  draft: { specialistId: string; startDate: string; expectedEndDate: string },
  absences: readonly Registered[],
): Record<string, string> {
  const { specialistId, startDate, expectedEndDate } = draft;
  const local: Record<string, string> = {};
  if (!specialistId) local.specialistId = t('abs_issue_REQUIRED');
  if (!startDate) local.startDate = t('abs_issue_REQUIRED');
  for (const i of absenceIssues(
    { startDate, endDate: expectedEndDate || null },
    absences
      .filter((a) => a.specialist.id === specialistId)
      .map((a) => ({ startDate: a.startDate, endDate: a.actualEndDate ?? a.expectedEndDate ?? null })),
  )) {
    local[i.field] = t(`abs_issue_${i.code}`, {
      date: 'otherStartDate' in i ? formatDay(i.otherStartDate) : '',
    });
  }
  return local;
}

export function AbsenceRegisterForm({
  absences,
  specialists,
  message,
  setMessage,
  onRegistered,
}: {
  absences: readonly Registered[];
  specialists: readonly { userId: string; givenName: string; familyName: string }[];
  /** The page's last outcome (registered, or an absence ended), shown in the form. */
  message: string | null;
  setMessage: (message: string | null) => void;
  onRegistered: () => void;
}) {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const [specialistId, setSpecialistId] = useState('');
  const [type, setType] = useState<AbsenceType>('SICK_LEAVE');
  const [planned, setPlanned] = useState(false);
  const [startDate, setStartDate] = useState(osloToday());
  const [expectedEndDate, setExpectedEndDate] = useState('');
  const form = useMutationForm(REGISTER, { issueText: ownIssueText(t, 'abs_issue_', { date: '' }) });
  const issues = form.fieldErrors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const local = localIssues(t, { specialistId, startDate, expectedEndDate }, absences);
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: {
        organizationId: session.organizationId,
        specialistId,
        type,
        planned,
        startDate,
        expectedEndDate: expectedEndDate || null,
      },
    });
    if (res.ok) {
      setMessage(t(res.data.supervisorNotifiedAt ? 'abs_registeredNotified' : 'abs_registered'));
      setExpectedEndDate('');
      onRegistered();
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="abs-register-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="abs-register-heading">
          {t('abs_register')}
        </Heading>
        <HStack gap="space-12" align="end" wrap>
          <PersonSelect
            label={t('abs_specialist')}
            value={specialistId}
            error={issues.specialistId}
            people={specialists.map((s) => ({ id: s.userId, name: `${s.givenName} ${s.familyName}` }))}
            onChange={setSpecialistId}
          />
          <Select label={t('abs_type')} value={type} onChange={(e) => setType(e.target.value as AbsenceType)}>
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`absence_${x}`)}
              </option>
            ))}
          </Select>
          <DateField
            label={t('abs_start')}
            value={startDate}
            error={issues.startDate}
            onChange={setStartDate}
          />
          <DateField
            label={t('abs_expectedEnd')}
            value={expectedEndDate}
            error={issues.expectedEndDate}
            onChange={setExpectedEndDate}
          />
        </HStack>
        <Checkbox checked={planned} onChange={(e) => setPlanned(e.target.checked)}>
          {t('abs_planned')}
        </Checkbox>
        <FormError form={form} />
        {message ? (
          <Alert variant="success" size="small" role="status">
            {message}
          </Alert>
        ) : null}
        <div>
          <Button type="submit" loading={form.fetching}>
            {t('abs_registerButton')}
          </Button>
        </div>
      </VStack>
    </form>
  );
}
