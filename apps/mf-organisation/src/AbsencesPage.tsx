/**
 * The health-service leader's absences (seed 001 §4.1): every absence of the organisation's job
 * specialists, newest first; registering one for a specialist (an unplanned one that looks long
 * notifies the method supervisors — the API decides and says so); ending one today. Overlaps and an
 * end before the start are checked with the same domain rule the API uses, and the API's typed
 * errors are shown at the field they concern. No job seeker is ever shown here.
 */
import { canOn, graphql, osloToday, useAbility, useSession } from '@ips/ui';
import { BodyShort, Heading, Loader, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { AbsenceRegisterForm } from './absence-register-form.js';
import { AbsencesList } from './absences-list.js';
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

export function AbsencesPage() {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ABSENCES,
    variables: { org: session.organizationId },
  });
  // The last outcome (registered, or an absence ended), shown in the register form.
  const [message, setMessage] = useState<string | null>(null);
  const ability = useAbility();
  const mayRegister = canOn(ability, 'create', 'Absence', { organizationId: session.organizationId });
  // The leader (any absence of the organisation) moves an absent specialist's portfolio (issue 16).
  const mayMove = canOn(ability, 'update', 'Absence', { organizationId: session.organizationId });
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (fetching && !data) return <Loader title={t('abs_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const absences = data?.absences ?? [];
  const staffing = data?.staffing;
  const specialists =
    staffing?.__typename === 'QueryStaffingSuccess'
      ? [...new Map(staffing.data.map((s) => [s.userId, s])).values()]
      : [];

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('abs_title')}
      </Heading>
      {mayRegister ? (
        <AbsenceRegisterForm
          absences={absences}
          specialists={specialists}
          message={message}
          setMessage={setMessage}
          onRegistered={reload}
        />
      ) : null}
      {mayMove ? (
        <LeaderPortfolioMove
          absences={absences.filter((a) => !a.actualEndDate || a.actualEndDate >= osloToday())}
        />
      ) : null}
      <AbsencesList absences={absences} onEnded={() => setMessage(t('abs_ended'))} refetch={reload} />
    </VStack>
  );
}
