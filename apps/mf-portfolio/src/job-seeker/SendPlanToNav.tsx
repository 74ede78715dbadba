/**
 * Sending a support plan to NAV's case system (seed 000 §6: "Om pasienten samtykker kan
 * jobbstøtteplanen også nedfelles i Modia"): offered only to whoever may share the plan and only
 * while the job seeker's consent to it (SUPPORT_PLAN_TO_NAV_SYSTEM) is active — the API refuses
 * otherwise; and the state of each delivery (queued, sent, retrying, given up) from the outbox.
 */
import {
  ConsentRequiredErrorFields,
  FormError,
  formatDayTime,
  graphql,
  NotFoundErrorFields,
  useMutationForm,
} from '@ips/ui';
import { Alert, BodyShort, Button, Detail, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportPlan } from './SupportPlanEditor.js';

const SHARE_SUPPORT_PLAN = graphql(
  `
  mutation ShareSupportPlanWithNav($supportPlanId: ID!) {
    shareSupportPlanWithNav(supportPlanId: $supportPlanId) {
      __typename
      ... on MutationShareSupportPlanWithNavSuccess { data { id } }
      ...ConsentRequiredErrorFields
      ...NotFoundErrorFields
    }
  }
`,
  [ConsentRequiredErrorFields, NotFoundErrorFields],
);

const STATE_VARIANT = {
  QUEUED: 'info',
  SENT: 'success',
  RETRYING: 'warning',
  FAILED: 'error',
  // After a withdrawal of the consent (issue 17 item 3), and a revision a newer one replaced.
  CANCELLED: 'neutral',
  RETRACTING: 'warning',
  RETRACTED: 'neutral',
  REPLACED: 'neutral',
} as const;

export function SendPlanToNav({
  plan,
  consentActive,
  canShare,
  onChanged,
}: {
  plan: SupportPlan;
  /** The job seeker's consent to recording the plan in NAV's case system is active now. */
  consentActive: boolean;
  /** The signed-in user may share the plan (the ability decides). */
  canShare: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('portfolio');
  const [queued, setQueued] = useState(false);
  const form = useMutationForm(SHARE_SUPPORT_PLAN, {
    failureText: (f) => (f.kind === 'consent' ? t('nav_noConsent') : undefined),
  });
  const deliveries = plan.navDeliveries;
  // Only whoever may share the plan reads its deliveries (the API answers null to anyone else).
  if (!canShare || deliveries === null) return null;
  const send = async () => {
    setQueued(false);
    const res = await form.send({ supportPlanId: plan.id });
    if (res.ok) {
      setQueued(true);
      onChanged();
    } else if (res.kind === 'consent') onChanged();
  };
  const at = (iso: string | null) => formatDayTime(iso, i18n.language);
  return (
    <section aria-labelledby={`nav-${plan.id}`} data-nav-plan={plan.id}>
      <VStack gap="space-8">
        <Heading level="3" size="small" id={`nav-${plan.id}`}>
          {t('nav_title')}
        </Heading>
        {deliveries.length === 0 ? (
          <BodyShort size="small">{t('nav_none')}</BodyShort>
        ) : (
          <ul style={{ display: 'grid', gap: '0.5rem', margin: 0, paddingInlineStart: '1.25rem' }}>
            {deliveries.map((d) => (
              <li key={d.id} data-delivery-state={d.state}>
                <HStack gap="space-8" align="center" wrap>
                  <Tag size="xsmall" variant={STATE_VARIANT[d.state]}>
                    {t(`navState_${d.state}`)}
                  </Tag>
                  <BodyShort as="span" size="small">
                    {t('nav_delivery', { revision: d.revision, requested: at(d.requestedAt) })}
                  </BodyShort>
                </HStack>
                <Detail>
                  {[
                    d.sentAt ? t('nav_sentAt', { at: at(d.sentAt) }) : null,
                    d.attempts > 0 ? t('nav_attempts', { n: d.attempts }) : null,
                    d.nextAttemptAt ? t('nav_nextAttempt', { at: at(d.nextAttemptAt) }) : null,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </Detail>
                {d.state === 'FAILED' ? <Detail>{t('nav_failedHelp')}</Detail> : null}
              </li>
            ))}
          </ul>
        )}
        {queued ? (
          <Alert variant="success" size="small" role="status">
            {t('nav_queuedNow')}
          </Alert>
        ) : null}
        <FormError form={form} />
        {consentActive ? (
          <VStack gap="space-4" align="start">
            <Detail>{t('nav_sendHelp')}</Detail>
            <Button size="small" variant="secondary" loading={form.fetching} onClick={send}>
              {t('nav_send')}
            </Button>
          </VStack>
        ) : (
          <BodyShort size="small" data-nav-unavailable="">
            {t('nav_noConsent')}
          </BodyShort>
        )}
      </VStack>
    </section>
  );
}
