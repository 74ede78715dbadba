/**
 * The consent to team and NAV discussion on the job seeker's page (issue 17 item 6; seed 001 §3:
 * "Alle jobbsøkere tilknyttet tjenesten skal ha underskrevet et samtykke til at deres sak kan
 * drøftes i jobbspesialistteamet, samt med NAV"). For the own specialist only (the API returns the
 * state to nobody else): while it is missing, a warning with the way to record it (the consent
 * panel) or to record that the job seeker said no; a recorded refusal is shown and can be undone.
 * When the method supervisor asked for it, the day is shown. Rules: docs/consent-and-profile.md.
 */
import {
  ConflictErrorFields,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  rawId,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, BodyShort, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const REFUSAL = graphql(
  `
  mutation RecordTeamDiscussionConsentRefusal($input: RecordTeamDiscussionConsentRefusalInput!) {
    recordTeamDiscussionConsentRefusal(input: $input) {
      __typename
      ... on MutationRecordTeamDiscussionConsentRefusalSuccess {
        data { id version teamDiscussionConsent teamConsentRefusedAt }
      }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

export interface TeamConsentFlagProps {
  /** The job seeker's global id. */
  jobSeekerId: string;
  version: number | null | undefined;
  state: 'GIVEN' | 'MISSING' | 'REFUSED' | null | undefined;
  refusedAt: string | null | undefined;
  requestedAt: string | null | undefined;
  /** The own specialist records the answer (the ability's update on the job seeker). */
  canEdit: boolean;
  onChanged: () => void;
}

export function TeamConsentFlag({
  jobSeekerId,
  version,
  state,
  refusedAt,
  requestedAt,
  canEdit,
  onChanged,
}: TeamConsentFlagProps) {
  const { t } = useTranslation('portfolio');
  const form = useMutationForm(REFUSAL, { issueText: ownIssueText(t, 'tc_issue_'), fields: [] });
  if (state !== 'MISSING' && state !== 'REFUSED') return null;
  const record = async (refused: boolean) => {
    const res = await form.send({
      input: { jobSeekerId: rawId(jobSeekerId), version: version ?? 0, refused },
    });
    if (res.ok) onChanged();
  };
  if (state === 'REFUSED')
    return (
      <Alert variant="info" size="small" data-testid="team-consent-flag">
        <VStack gap="space-8">
          <BodyShort>{t('tc_refused', { day: formatDay(refusedAt) })}</BodyShort>
          {canEdit ? (
            <div>
              <Button size="xsmall" variant="secondary" loading={form.fetching} onClick={() => record(false)}>
                {t('tc_undoRefusal')}
              </Button>
            </div>
          ) : null}
          <FormError form={form} />
        </VStack>
      </Alert>
    );
  return (
    <Alert variant="warning" size="small" data-testid="team-consent-flag">
      <VStack gap="space-8">
        <Heading level="2" size="xsmall">
          {t('tc_missingTitle')}
        </Heading>
        <BodyShort>{t('tc_missingBody')}</BodyShort>
        {requestedAt ? <BodyShort>{t('tc_requested', { day: formatDay(requestedAt) })}</BodyShort> : null}
        {canEdit ? (
          <HStack gap="space-8" align="center" wrap>
            <Link to="#consent-panel">{t('tc_record')}</Link>
            <Button size="xsmall" variant="secondary" loading={form.fetching} onClick={() => record(true)}>
              {t('tc_recordRefusal')}
            </Button>
          </HStack>
        ) : null}
        <FormError form={form} />
      </VStack>
    </Alert>
  );
}
