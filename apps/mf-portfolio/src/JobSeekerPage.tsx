/**
 * A job seeker's page: who and where on the path (phase, specialist, open deadlines), the consent
 * panel (each scope with its validity), the career profile, jobs, employer contacts, follow-up
 * meetings, the timeline of all of it, and the support plan with its editor. It shows what the API
 * returned for the caller — a colleague discussing the case sees the path, not the case history —
 * and offers actions only where the ability (the API's own rules) allows them.
 */
import { canOn, rawId, readFragment, useAbility, useSession } from '@ips/ui';
import { BodyShort, Heading, HStack, Loader, Tabs, Tag, VStack } from '@navikt/ds-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ContactsTab } from './job-seeker/ContactsTab.js';
import { JournalNotes } from './job-seeker/JournalNotes.js';
import { NavDialogue } from './job-seeker/NavDialogue.js';
import { OverviewTab } from './job-seeker/OverviewTab.js';
import { PlanTab } from './job-seeker/PlanTab.js';
import { ProtectedMarker } from './job-seeker/ProtectedMarker.js';
import { JOB_SEEKER_PAGE, type JobSeekerView, SupportPlanFields } from './job-seeker/query.js';
import { TimelineTab } from './job-seeker/TimelineTab.js';
import { buildTimeline } from './job-seeker/timeline.js';

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

/**
 * A duty's link names the form that fulfils it (`#consent-panel`, `#intake-form`…): once the page
 * is drawn, bring it into view and move the focus there.
 */
function useFocusLinkedForm(loaded: boolean, tab: Tab) {
  const { hash } = useLocation();
  useEffect(() => {
    const target = loaded && tab === 'overview' && hash ? document.getElementById(hash.slice(1)) : null;
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [loaded, tab, hash]);
}

export function JobSeekerPage() {
  const { t } = useTranslation('portfolio');
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'overview';
  const [{ data, fetching, error }, refetch] = useQuery({ query: JOB_SEEKER_PAGE, variables: { id } });
  const session = useSession();
  const ability = useAbility();
  useFocusLinkedForm(Boolean(data), tab);

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
  const plans = js.supportPlans.map((p) => readFragment(SupportPlanFields, p));

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
          <OverviewTab
            js={js}
            deadlines={deadlines}
            subject={subject}
            isOwn={isOwn}
            mayChangeCase={mayChangeCase}
            onChanged={reload}
          />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <TimelineTab timeline={buildTimeline({ ...js, supportPlans: plans })} />
        </Tabs.Panel>
        <Tabs.Panel value="plan">
          <PlanTab js={js} plans={plans} isOwn={isOwn} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsTab js={js} isOwn={isOwn} onReload={reload} />
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
