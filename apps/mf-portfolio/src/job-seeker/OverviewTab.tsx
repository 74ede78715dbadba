/**
 * The person page's overview tab (JobSeekerPage): the team-discussion consent, the facts and the
 * open deadlines, the intake while the case is referred, the consents, NAV sharing, the career
 * profile, benefits counselling, work and the discharge. Each part offers its actions only where
 * the ability (the API's own rules) allows them.
 */
import { canOn, formatDay, rawId, useAbility } from '@ips/ui';
import { BodyShort, Detail, Heading, HGrid, Tag, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BenefitsCounselling } from './BenefitsCounselling.js';
import { CareerProfileEditor } from './CareerProfileEditor.js';
import { ConsentPanel } from './ConsentPanel.js';
import { DischargeForm } from './DischargeForm.js';
import { dutyLink, dutyTitle } from './duty-links.js';
import { Facts } from './Facts.js';
import { IntakeForm } from './IntakeForm.js';
import { NavSharing } from './NavSharing.js';
import type { JobSeekerPageData, JobSeekerView } from './query.js';
import { TeamConsentFlag } from './TeamConsentFlag.js';
import { WorkPanel } from './WorkPanel.js';

export type Deadline = JobSeekerPageData['myDeadlines'][number];

/** The subject the rules need: the organisation acted in and who follows the job seeker now. */
export interface CaseSubject {
  organizationId: string;
  jobSeeker: { currentSpecialistId: string | undefined };
}

export function OverviewTab({
  js,
  deadlines,
  subject,
  isOwn,
  mayChangeCase,
  onChanged,
}: {
  js: JobSeekerView;
  /** The job seeker's open deadlines. */
  deadlines: readonly Deadline[];
  subject: CaseSubject;
  /** The caller follows the job seeker (may edit the case history). */
  isOwn: boolean;
  /** Intake and discharge: the own specialist only. */
  mayChangeCase: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const ability = useAbility();
  // Each rule checks a copy: CASL tags the object it checks with its subject type.
  const day = (iso: string | null | undefined) => formatDay(iso);
  return (
    <VStack gap="space-24" paddingBlock="space-16">
      <TeamConsentFlag
        jobSeekerId={js.id}
        version={js.version}
        state={js.teamDiscussionConsent}
        refusedAt={js.teamConsentRefusedAt}
        requestedAt={js.teamConsentRequestedAt}
        canEdit={mayChangeCase}
        onChanged={onChanged}
      />
      <HGrid columns={{ xs: 1, md: 2 }} gap="space-16">
        <Facts
          rows={[
            [
              t('js_specialist'),
              js.currentSpecialist
                ? `${js.currentSpecialist.givenName} ${js.currentSpecialist.familyName}`
                : '–',
            ],
            [t('js_referral'), day(js.referralDate)],
            [t('js_intake'), day(js.intakeDate)],
            [t('js_phone'), js.phone ?? '–'],
            [t('js_email'), js.email ?? '–'],
            [t('js_city'), js.city ?? '–'],
          ]}
        />
        <DeadlineList jobSeekerId={js.id} deadlines={deadlines} linked={isOwn} />
      </HGrid>
      {mayChangeCase && js.phase === 'REFERRED' ? <IntakeForm jobSeeker={js} onRecorded={onChanged} /> : null}
      <ConsentPanel
        consents={js.consents}
        grants={js.navSharingGrants}
        jobSeekerId={rawId(js.id)}
        canEdit={canOn(ability, 'update', 'Consent', { ...subject })}
        onChanged={onChanged}
      />
      <NavSharing
        grants={js.navSharingGrants}
        consents={js.consents}
        jobSeekerId={rawId(js.id)}
        canEdit={canOn(ability, 'create', 'NavSharingGrant', { ...subject })}
        onChanged={onChanged}
      />
      <CareerProfileEditor
        profile={js.careerProfile}
        jobSeekerId={rawId(js.id)}
        canEdit={canOn(ability, 'update', 'CareerProfile', { ...subject })}
        onReload={onChanged}
      />
      <BenefitsCounselling
        items={js.benefitsCounselling}
        jobSeekerId={rawId(js.id)}
        canEdit={canOn(ability, 'create', 'BenefitsCounselling', { ...subject })}
        onChanged={onChanged}
      />
      <WorkPanel
        js={js}
        canEdit={canOn(ability, 'create', 'Employment', { ...subject })}
        onChanged={onChanged}
      />
      {!isOwn ? <Detail>{t('js_readOnlyHistory')}</Detail> : null}
      {mayChangeCase ? <DischargeForm jobSeeker={js} duties={deadlines} onDischarged={onChanged} /> : null}
    </VStack>
  );
}

/** The open deadlines, each leading to the form that fulfils it when the caller follows the job seeker. */
function DeadlineList({
  jobSeekerId,
  deadlines,
  linked,
}: {
  jobSeekerId: string;
  deadlines: readonly Deadline[];
  linked: boolean;
}) {
  const { t, i18n } = useTranslation('portfolio');
  return (
    <section aria-labelledby="deadlines-heading">
      <Heading level="2" size="small" id="deadlines-heading">
        {t('deadlines')}
      </Heading>
      {deadlines.length === 0 ? (
        <BodyShort>{t('noDeadlines')}</BodyShort>
      ) : (
        <ul>
          {deadlines.map((d) => (
            <li key={d.id}>
              {linked ? (
                <Link to={dutyLink(d.rule, jobSeekerId, d.sourceId)}>
                  {dutyTitle(d.rule, i18n.language, d.title)}
                </Link>
              ) : (
                dutyTitle(d.rule, i18n.language, d.title)
              )}{' '}
              – {formatDay(d.dueOn)}{' '}
              <Tag
                size="small"
                variant={d.status === 'OVERDUE' ? 'error' : d.status === 'DUE' ? 'warning' : 'info'}
              >
                {t(`status_${d.status}`)}
              </Tag>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
