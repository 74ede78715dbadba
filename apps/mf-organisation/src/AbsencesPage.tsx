/**
 * The health-service leader's absences (seed 001 §4.1): every absence of the organisation's job
 * specialists, newest first; registering one for a specialist (an unplanned one that looks long
 * notifies the method supervisors — the API decides and says so); ending one today. Overlaps and an
 * end before the start are checked with the same domain rule the API uses, and the API's typed
 * errors are shown at the field they concern. No job seeker is ever shown here.
 */
import { absenceIssues } from '@ips/domain';
import {
  ConflictErrorFields,
  canOn,
  DateField,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  useAbility,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import {
  Alert,
  BodyShort,
  Button,
  Checkbox,
  Heading,
  HStack,
  Loader,
  Select,
  Table,
  Tag,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { LeaderPortfolioMove } from './LeaderPortfolioMove.js';

const ABSENCES = graphql(`
  query OrganisationAbsences($org: ID!) {
    absences { id type planned startDate expectedEndDate actualEndDate supervisorNotifiedAt version specialist { id givenName familyName } }
    staffing(organizationId: $org) {
      __typename
      ... on QueryStaffingSuccess { data { userId givenName familyName role } }
    }
  }
`);

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

const END = graphql(
  `
  mutation EndAbsence($input: UpdateAbsenceInput!) {
    updateAbsence(input: $input) {
      __typename
      ... on MutationUpdateAbsenceSuccess { data { id actualEndDate version } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

const TYPES = ['SICK_LEAVE', 'VACATION', 'PARENTAL_LEAVE', 'LEAVE_OF_ABSENCE', 'COURSE', 'OTHER'] as const;
type AbsenceType = (typeof TYPES)[number];
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

export function AbsencesPage() {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ABSENCES,
    variables: { org: session.organizationId },
  });
  const [specialistId, setSpecialistId] = useState('');
  const [type, setType] = useState<AbsenceType>('SICK_LEAVE');
  const [planned, setPlanned] = useState(false);
  const [startDate, setStartDate] = useState(today());
  const [expectedEndDate, setExpectedEndDate] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const form = useMutationForm(REGISTER, { issueText: ownIssueText(t, 'abs_issue_', { date: '' }) });
  const issues = form.fieldErrors;
  // Ending an absence in the list: its failure is shown above the list.
  const endForm = useMutationForm(END, { fields: [] });
  const ability = useAbility();
  const mayRegister = canOn(ability, 'create', 'Absence', { organizationId: session.organizationId });
  // The leader (any absence of the organisation) moves an absent specialist's portfolio (issue 16).
  const mayMove = canOn(ability, 'update', 'Absence', { organizationId: session.organizationId });
  const day = (iso: string | null | undefined) => formatDay(iso);

  if (fetching && !data) return <Loader title={t('abs_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const absences = data?.absences ?? [];
  const staffing = data?.staffing;
  const specialists =
    staffing?.__typename === 'QueryStaffingSuccess'
      ? [...new Map(staffing.data.map((s) => [s.userId, s])).values()]
      : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const local: Record<string, string> = {};
    if (!specialistId) local.specialistId = t('abs_issue_REQUIRED');
    if (!startDate) local.startDate = t('abs_issue_REQUIRED');
    // The same rule as the API: no end before the start, no overlap with the specialist's others.
    for (const i of absenceIssues(
      { startDate, endDate: expectedEndDate || null },
      absences
        .filter((a) => a.specialist.id === specialistId)
        .map((a) => ({ startDate: a.startDate, endDate: a.actualEndDate ?? a.expectedEndDate ?? null })),
    )) {
      local[i.field] = t(`abs_issue_${i.code}`, { date: 'otherStartDate' in i ? day(i.otherStartDate) : '' });
    }
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
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('abs_title')}
      </Heading>
      {mayRegister ? (
        <form onSubmit={submit} aria-labelledby="abs-register-heading">
          <VStack gap="space-12">
            <Heading level="2" size="medium" id="abs-register-heading">
              {t('abs_register')}
            </Heading>
            <HStack gap="space-12" align="end" wrap>
              <Select
                label={t('abs_specialist')}
                value={specialistId}
                error={issues.specialistId}
                onChange={(e) => setSpecialistId(e.target.value)}
              >
                <option value="">–</option>
                {specialists.map((s) => (
                  <option key={s.userId} value={s.userId}>
                    {s.givenName} {s.familyName}
                  </option>
                ))}
              </Select>
              <Select
                label={t('abs_type')}
                value={type}
                onChange={(e) => setType(e.target.value as AbsenceType)}
              >
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
      ) : null}
      {mayMove ? (
        <LeaderPortfolioMove
          absences={absences.filter((a) => !a.actualEndDate || a.actualEndDate >= today())}
        />
      ) : null}
      <section aria-labelledby="abs-list-heading">
        <Heading level="2" size="medium" id="abs-list-heading">
          {t('abs_list')}
        </Heading>
        <FormError form={endForm} />
        {absences.length === 0 ? (
          <BodyShort>{t('abs_none')}</BodyShort>
        ) : (
          <Table size="small" data-testid="absences" className="stack-narrow">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('abs_specialist')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('abs_type')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('abs_period')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('abs_supervisor')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="aksel-sr-only">{t('abs_actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {absences.map((a) => {
                const ongoing = !a.actualEndDate && a.startDate <= today();
                return (
                  <Table.Row key={a.id}>
                    <Table.DataCell data-label={t('abs_specialist')}>
                      {a.specialist.givenName} {a.specialist.familyName}
                    </Table.DataCell>
                    <Table.DataCell data-label={t('abs_type')}>
                      {t(`absence_${a.type}`)}{' '}
                      {a.planned ? null : (
                        <Tag size="xsmall" variant="warning">
                          {t('abs_unplanned')}
                        </Tag>
                      )}
                    </Table.DataCell>
                    <Table.DataCell data-label={t('abs_period')}>
                      {day(a.startDate)} –{' '}
                      {a.actualEndDate
                        ? day(a.actualEndDate)
                        : a.expectedEndDate
                          ? `${day(a.expectedEndDate)} (${t('abs_expected')})`
                          : t('abs_openEnded')}
                    </Table.DataCell>
                    <Table.DataCell data-label={t('abs_supervisor')}>
                      {a.supervisorNotifiedAt ? t('abs_notified') : '–'}
                    </Table.DataCell>
                    <Table.DataCell>
                      {ongoing ? (
                        <Button
                          size="xsmall"
                          variant="secondary"
                          aria-label={t('abs_endTodayFor', {
                            name: `${a.specialist.givenName} ${a.specialist.familyName}`,
                          })}
                          onClick={async () => {
                            const res = await endForm.send({
                              input: { absenceId: a.id, version: a.version, actualEndDate: today() },
                            });
                            if (res.ok) setMessage(t('abs_ended'));
                            refetch({ requestPolicy: 'network-only' });
                          }}
                        >
                          {t('abs_endToday')}
                        </Button>
                      ) : null}
                    </Table.DataCell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        )}
      </section>
    </VStack>
  );
}
