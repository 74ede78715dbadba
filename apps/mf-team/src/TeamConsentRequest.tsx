/**
 * The method supervisor's view of a team member's job seekers without the consent to team and NAV
 * discussion (issue 17 item 6, issue 16's cover bullet; seed 001 §3: "Alle jobbsøkere tilknyttet
 * tjenesten skal ha underskrevet et samtykke til at deres sak kan drøftes i jobbspesialistteamet,
 * samt med NAV"): how many miss it and how many said no — counts, never names, since without the
 * consent the case may not be discussed with the supervisor — and the action that resolves it: ask
 * the specialist to obtain the consents (a notification to them). Shown only when the API lets the
 * caller read the counts (the method supervisor of a team the specialist belongs to; packages/authz,
 * `request` on the specialist). Rules: docs/consent-and-profile.md.
 */
import {
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, BodyShort, Button, Heading, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

/** Team members may be employed by other organisations: ask across all memberships. */
const everywhere = { allOrganizations: true };

const GAP = graphql(`
  query TeamDiscussionConsentGap($specialistId: ID!) {
    teamDiscussionConsentGap(specialistId: $specialistId) {
      __typename
      ... on QueryTeamDiscussionConsentGapSuccess { data { specialistId missing refused lastRequestedAt } }
      ... on NotFoundError { message }
    }
  }
`);

const REQUEST = graphql(
  `
  mutation RequestTeamDiscussionConsents($specialistId: ID!) {
    requestTeamDiscussionConsents(specialistId: $specialistId) {
      __typename
      ... on MutationRequestTeamDiscussionConsentsSuccess { data { specialistId missing refused lastRequestedAt } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

export function TeamConsentRequest({ specialistId, name }: { specialistId: string; name: string }) {
  const { t } = useTranslation('team');
  const [{ data }, refetch] = useQuery({ query: GAP, variables: { specialistId }, context: everywhere });
  const form = useMutationForm(REQUEST, { issueText: ownIssueText(t, 'tcr_issue_'), fields: [] });
  const [sent, setSent] = useState<number | null>(null);
  const gap = data?.teamDiscussionConsentGap;
  if (gap?.__typename !== 'QueryTeamDiscussionConsentGapSuccess') return null;
  const { missing, refused, lastRequestedAt } = gap.data;
  if (missing === 0 && refused === 0) return null;
  const ask = async () => {
    setSent(null);
    const res = await form.send({ specialistId }, everywhere);
    if (res.ok) {
      setSent(res.data.missing);
      refetch({ requestPolicy: 'network-only', ...everywhere });
    }
  };
  return (
    <Alert variant="warning" size="small" data-testid="team-consent-gap">
      <VStack gap="space-8">
        <Heading level="3" size="xsmall">
          {t('tcr_title', { count: missing })}
        </Heading>
        <BodyShort>{t('tcr_body', { name })}</BodyShort>
        {refused > 0 ? <BodyShort>{t('tcr_refused', { count: refused })}</BodyShort> : null}
        {lastRequestedAt ? (
          <BodyShort>{t('tcr_lastRequested', { day: formatDay(lastRequestedAt) })}</BodyShort>
        ) : null}
        {missing > 0 ? (
          <div>
            <Button size="small" variant="secondary" loading={form.fetching} onClick={ask}>
              {t('tcr_ask', { name })}
            </Button>
          </div>
        ) : null}
        {sent !== null ? <BodyShort role="status">{t('tcr_sent', { name, count: sent })}</BodyShort> : null}
        <FormError form={form} />
      </VStack>
    </Alert>
  );
}
