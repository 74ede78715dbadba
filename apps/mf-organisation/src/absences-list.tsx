/**
 * The organisation's absences, newest first, with ending an ongoing one today (a failure is shown
 * above the list). No job seeker is ever shown here.
 */
import {
  ConflictErrorFields,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  osloToday,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { BodyShort, Button, Heading, Table, Tag } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';

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

interface Absence {
  id: string;
  type: string;
  planned: boolean;
  startDate: string;
  expectedEndDate?: string | null;
  actualEndDate?: string | null;
  supervisorNotifiedAt?: unknown;
  version: number;
  specialist: { givenName: string; familyName: string };
}

export function AbsencesList({
  absences,
  onEnded,
  refetch,
}: {
  absences: readonly Absence[];
  onEnded: () => void;
  refetch: () => void;
}) {
  const { t } = useTranslation('organisation');
  const endForm = useMutationForm(END, { fields: [] });
  const day = (iso: string | null | undefined) => formatDay(iso);
  return (
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
              const ongoing = !a.actualEndDate && a.startDate <= osloToday();
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
                            input: { absenceId: a.id, version: a.version, actualEndDate: osloToday() },
                          });
                          if (res.ok) onEnded();
                          refetch();
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
  );
}
