/**
 * A job seeker's page: who and where on the path (phase, specialist, open deadlines), the consent
 * panel (each scope with its validity), the career profile, jobs, employer contacts, follow-up
 * meetings, the timeline of all of it, and the support plan with its editor. It shows what the API
 * returned for the caller — a colleague discussing the case sees the path, not the case history —
 * and offers actions only where the ability (the API's own rules) allows them.
 */
import { canOn, formatDay, rawId, readFragment, useAbility, useSession } from '@ips/ui';
import { BodyShort, Box, Detail, Heading, HGrid, HStack, Loader, Tabs, Tag, VStack } from '@navikt/ds-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { BenefitsCounselling } from './job-seeker/BenefitsCounselling.js';
import { CareerProfileEditor } from './job-seeker/CareerProfileEditor.js';
import { ConsentPanel } from './job-seeker/ConsentPanel.js';
import { ContactsTab } from './job-seeker/ContactsTab.js';
import { DischargeForm } from './job-seeker/DischargeForm.js';
import { dutyLink, dutyTitle } from './job-seeker/duty-links.js';
import { Facts } from './job-seeker/Facts.js';
import { IntakeForm } from './job-seeker/IntakeForm.js';
import { JournalNotes } from './job-seeker/JournalNotes.js';
import { NavDialogue } from './job-seeker/NavDialogue.js';
import { NavSharing } from './job-seeker/NavSharing.js';
import { PlanOffers } from './job-seeker/NewSupportPlan.js';
import { ProtectedMarker } from './job-seeker/ProtectedMarker.js';
import { JOB_SEEKER_PAGE, type JobSeekerView, SupportPlanFields } from './job-seeker/query.js';
import { SendPlanToNav } from './job-seeker/SendPlanToNav.js';
import { SupportPlanEditor } from './job-seeker/SupportPlanEditor.js';
import { TeamConsentFlag } from './job-seeker/TeamConsentFlag.js';
import { buildTimeline } from './job-seeker/timeline.js';
import { WorkPanel } from './job-seeker/WorkPanel.js';

const TABS = ['overview', 'timeline', 'plan', 'contacts', 'journal', 'dialogue'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, string> = {
  overview: 'js_tabOverview',
  timeline: 'js_tabTimeline',
  plan: 'js_tabPlan',
  contacts: 'js_tabContacts',
  journal: 'jn_tab',
  dialogue: 'dlg_tab',
};

export function JobSeekerPage() {
  const { t, i18n } = useTranslation('portfolio');
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'overview';
  const [{ data, fetching, error }, refetch] = useQuery({ query: JOB_SEEKER_PAGE, variables: { id } });
  const session = useSession();
  const ability = useAbility();
  const { hash } = useLocation();
  const loaded = Boolean(data);
  // A duty's link names the form that fulfils it (`#consent-panel`, `#intake-form`…): once the page
  // is drawn, bring it into view and move the focus there.
  useEffect(() => {
    const target = loaded && tab === 'overview' && hash ? document.getElementById(hash.slice(1)) : null;
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [loaded, tab, hash]);
  const day = (iso: string | null | undefined) => formatDay(iso);

  if (fetching && !data) return <Loader title={t('title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const node = data?.node;
  const js = node && 'givenName' in node ? (node as JobSeekerView) : null;
  if (!js) return <BodyShort role="alert">{t('notFound')}</BodyShort>;
  const deadlines = (data?.myDeadlines ?? []).filter((d) => d.jobSeeker?.id === js.id);
  // The subject the rules need: the organisation acted in and who follows the job seeker now.
  const subject = {
    organizationId: session.organizationId,
    jobSeeker: { currentSpecialistId: js.currentSpecialist?.id },
  };
  const isOwn = canOn(ability, 'update', 'SupportPlan', subject);
  // Intake and discharge change the case: the job seeker's own specialist only (packages/authz).
  const mayChangeCase = canOn(
    ability,
    'update',
    'JobSeeker',
    { organizationId: session.organizationId, currentSpecialistId: js.currentSpecialist?.id },
    'phase',
  );
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // The NAV dialogue: the own specialist's, or the supervisor's covering an absent specialist
  // (docs/nav-dialogue.md): the API evaluates the rule on facts the page does not load.
  const mayDialogue = js.mayUseNavDialogue;
  // A copy: CASL tags the object it checks with its subject type.
  const canWork = canOn(ability, 'create', 'Employment', { ...subject });
  const consentActive = (scope: string) => js.consents.some((c) => c.scope === scope && c.active);
  const plans = js.supportPlans.map((p) => readFragment(SupportPlanFields, p));
  const timeline = buildTimeline({ ...js, supportPlans: plans });

  return (
    <VStack gap="space-16">
      <Link to="/portfolio">{t('back')}</Link>
      <HStack gap="space-12" align="center" wrap>
        <Heading level="1" size="large">
          {js.givenName} {js.familyName}
        </Heading>
        {js.phase ? <Tag variant="neutral">{t(`phase_${js.phase}`)}</Tag> : null}
        {js.deadlineStatus === 'OVERDUE' ? <Tag variant="error">{t('status_OVERDUE')}</Tag> : null}
      </HStack>
      <ProtectedMarker level={js.protectedAddress} />
      <Tabs value={tab} onChange={(v) => setSearch(v === 'overview' ? {} : { tab: v }, { replace: true })}>
        <Tabs.List>
          {TABS.filter((k) => k !== 'dialogue' || mayDialogue).map((k) => (
            <Tabs.Tab key={k} value={k} label={t(TAB_LABEL[k])} />
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <VStack gap="space-24" paddingBlock="space-16">
            <TeamConsentFlag
              jobSeekerId={js.id}
              version={js.version}
              state={js.teamDiscussionConsent}
              refusedAt={js.teamConsentRefusedAt}
              requestedAt={js.teamConsentRequestedAt}
              canEdit={mayChangeCase}
              onChanged={reload}
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
                        {isOwn ? (
                          <Link to={dutyLink(d.rule, js.id, d.sourceId)}>
                            {dutyTitle(d.rule, i18n.language, d.title)}
                          </Link>
                        ) : (
                          dutyTitle(d.rule, i18n.language, d.title)
                        )}{' '}
                        – {day(d.dueOn)}{' '}
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
            </HGrid>
            {mayChangeCase && js.phase === 'REFERRED' ? (
              <IntakeForm jobSeeker={js} onRecorded={reload} />
            ) : null}
            <ConsentPanel
              consents={js.consents}
              grants={js.navSharingGrants}
              jobSeekerId={rawId(js.id)}
              canEdit={canOn(ability, 'update', 'Consent', { ...subject })}
              onChanged={reload}
            />
            <NavSharing
              grants={js.navSharingGrants}
              consents={js.consents}
              jobSeekerId={rawId(js.id)}
              canEdit={canOn(ability, 'create', 'NavSharingGrant', { ...subject })}
              onChanged={reload}
            />
            <CareerProfileEditor
              profile={js.careerProfile}
              jobSeekerId={rawId(js.id)}
              canEdit={canOn(ability, 'update', 'CareerProfile', { ...subject })}
              onReload={reload}
            />
            <BenefitsCounselling
              items={js.benefitsCounselling}
              jobSeekerId={rawId(js.id)}
              canEdit={canOn(ability, 'create', 'BenefitsCounselling', { ...subject })}
              onChanged={reload}
            />
            <WorkPanel js={js} canEdit={canWork} onChanged={reload} />
            {!isOwn ? <Detail>{t('js_readOnlyHistory')}</Detail> : null}
            {mayChangeCase ? <DischargeForm jobSeeker={js} duties={deadlines} onDischarged={reload} /> : null}
          </VStack>
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <Box paddingBlock="space-16">
            {timeline.length === 0 ? (
              <BodyShort>{t('js_noTimeline')}</BodyShort>
            ) : (
              <ol
                aria-label={t('js_tabTimeline')}
                style={{ display: 'grid', gap: '0.5rem', paddingInlineStart: '1.25rem' }}
              >
                {timeline.map((ev) => {
                  const d = ev.detail;
                  const text = t(`tl_${ev.kind}`, {
                    ...d,
                    scope: d.scope ? t(`scope_${d.scope}`) : '',
                    purpose: d.purpose
                      ? t(`${ev.kind === 'EMPLOYER_CONTACT' ? 'contactPurpose' : 'purpose'}_${d.purpose}`)
                      : '',
                  });
                  return (
                    <li key={ev.key}>
                      <Detail as="span">{day(ev.at)}</Detail> <BodyShort as="span">{text}</BodyShort>
                      {ev.kind === 'TRANSFERRED' && d.temporary ? ` ${t('tl_temporary')}` : ''}
                      {ev.kind === 'TRANSFERRED' && d.reason ? ` – ${t(`reason_${d.reason}`)}` : ''}
                      {ev.kind === 'TRANSFERRED' && d.levelReason
                        ? ` – ${t('tl_levelReason')}: ${d.levelReason}`
                        : ''}
                      {ev.kind === 'PLAN_REVISED' && d.note ? ` – ${d.note}` : ''}
                      {(ev.kind === 'MEETING' || ev.kind === 'EMPLOYER_CONTACT') && d.faceToFace ? (
                        <>
                          {' '}
                          <Tag size="xsmall" variant="success">
                            {t('js_faceToFace')}
                          </Tag>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            )}
          </Box>
        </Tabs.Panel>
        <Tabs.Panel value="plan">
          <VStack gap="space-24" paddingBlock="space-16">
            {plans.length === 0 ? <BodyShort>{t('sp_none')}</BodyShort> : null}
            {isOwn && js.phase !== 'DISCHARGED' ? (
              <PlanOffers
                employments={js.employments}
                studies={js.studies}
                plans={plans}
                employerContactConsent={consentActive('EMPLOYER_CONTACT')}
                onChanged={reload}
              />
            ) : null}
            {plans.map((plan) => (
              <VStack key={plan.id} gap="space-16">
                <SupportPlanEditor
                  plan={plan}
                  startsOn={plan.startsOn}
                  canEdit={isOwn}
                  onReload={() => refetch({ requestPolicy: 'network-only' })}
                />
                <SendPlanToNav
                  plan={plan}
                  canShare={isOwn}
                  consentActive={consentActive('SUPPORT_PLAN_TO_NAV_SYSTEM')}
                  onChanged={reload}
                />
              </VStack>
            ))}
          </VStack>
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsTab js={js} isOwn={isOwn} onReload={() => refetch({ requestPolicy: 'network-only' })} />
        </Tabs.Panel>
        <Tabs.Panel value="journal">
          <JournalNotes jobSeekerId={js.id} />
        </Tabs.Panel>
        <Tabs.Panel value="dialogue">
          {mayDialogue ? <NavDialogue jobSeekerId={rawId(js.id)} journal={isOwn} /> : null}
        </Tabs.Panel>
      </Tabs>
    </VStack>
  );
}
