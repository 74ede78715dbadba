/**
 * The person page's support-plan tab (JobSeekerPage): the offer of a new plan while the case is
 * open and the caller follows it, then each plan with its editor and its sending to NAV.
 */
import { BodyShort, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { PlanOffers } from './NewSupportPlan.js';
import type { JobSeekerView } from './query.js';
import { SendPlanToNav } from './SendPlanToNav.js';
import { type SupportPlan, SupportPlanEditor } from './SupportPlanEditor.js';

export function PlanTab({
  js,
  plans,
  isOwn,
  onChanged,
}: {
  js: JobSeekerView;
  plans: readonly SupportPlan[];
  /** The caller follows the job seeker (may offer, edit and send plans). */
  isOwn: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const consentActive = (scope: string) => js.consents.some((c) => c.scope === scope && c.active);
  return (
    <VStack gap="space-24" paddingBlock="space-16">
      {plans.length === 0 ? <BodyShort>{t('sp_none')}</BodyShort> : null}
      {isOwn && js.phase !== 'DISCHARGED' ? (
        <PlanOffers
          employments={js.employments}
          studies={js.studies}
          plans={plans}
          employerContactConsent={consentActive('EMPLOYER_CONTACT')}
          onChanged={onChanged}
        />
      ) : null}
      {plans.map((plan) => (
        <VStack key={plan.id} gap="space-16">
          <SupportPlanEditor plan={plan} startsOn={plan.startsOn} canEdit={isOwn} onReload={onChanged} />
          <SendPlanToNav
            plan={plan}
            canShare={isOwn}
            consentActive={consentActive('SUPPORT_PLAN_TO_NAV_SYSTEM')}
            onChanged={onChanged}
          />
        </VStack>
      ))}
    </VStack>
  );
}
