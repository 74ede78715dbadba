/**
 * A job seeker's page: who and where on the path (phase, specialist, open deadlines), the consent
 * panel (each scope with its validity), the career profile, jobs, employer contacts, follow-up
 * meetings, the timeline of all of it, and the support plan with its editor. It shows what the API
 * returned for the caller — a colleague discussing the case sees the path, not the case history —
 * and offers actions only where the ability (the API's own rules) allows them.
 */
import { canOn, OSLO, readFragment, useAbility, useSession } from '@ips/ui';
import {
  BodyLong,
  BodyShort,
  Box,
  Detail,
  Heading,
  HGrid,
  HStack,
  Label,
  Loader,
  Tabs,
  Tag,
  VStack,
} from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { JournalNotes } from './job-seeker/JournalNotes.js';
import { JOB_SEEKER_PAGE, type JobSeekerView, SupportPlanFields } from './job-seeker/query.js';
import { SupportPlanEditor } from './job-seeker/SupportPlanEditor.js';
import { buildTimeline } from './job-seeker/timeline.js';

const TABS = ['overview', 'timeline', 'plan', 'contacts', 'journal'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, string> = {
  overview: 'js_tabOverview',
  timeline: 'js_tabTimeline',
  plan: 'js_tabPlan',
  contacts: 'js_tabContacts',
  journal: 'jn_tab',
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
  const locale = i18n.language === 'en' ? 'en-GB' : 'nb-NO';
  const day = (iso: string | null | undefined) =>
    iso ? new Date(iso).toLocaleDateString(locale, OSLO) : '–';

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
      <Tabs value={tab} onChange={(v) => setSearch(v === 'overview' ? {} : { tab: v }, { replace: true })}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} label={t(TAB_LABEL[k])} />
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <VStack gap="space-24" paddingBlock="space-16">
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
                        {d.title} – {day(d.dueOn)}{' '}
                        <Tag size="small" variant={d.status === 'OVERDUE' ? 'error' : 'info'}>
                          {t(`status_${d.status}`)}
                        </Tag>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </HGrid>
            <ConsentPanel consents={js.consents} day={day} />
            <CareerProfile profile={js.careerProfile} day={day} />
            <section aria-labelledby="employments-heading">
              <Heading level="2" size="small" id="employments-heading">
                {t('js_employments')}
              </Heading>
              {js.employments.length === 0 ? (
                <BodyShort>{t('js_noEmployments')}</BodyShort>
              ) : (
                <ul>
                  {js.employments.map((e) => (
                    <li key={e.id}>
                      <strong>{e.jobTitle}</strong>
                      {e.employer ? `, ${e.employer.name}` : ''} – {day(e.startDate)} –{' '}
                      {e.endDate ? day(e.endDate) : t('js_ongoing')},{' '}
                      {t('js_hoursPerWeek', { hours: e.hoursPerWeek })}{' '}
                      <Tag size="small" variant={e.competitive ? 'success' : 'neutral'}>
                        {t(e.competitive ? 'js_competitive' : 'js_notCompetitive')}
                      </Tag>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {!isOwn ? <Detail>{t('js_readOnlyHistory')}</Detail> : null}
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
            {plans.map((plan) => (
              <SupportPlanEditor
                key={plan.id}
                plan={plan}
                startsOn={plan.startsOn}
                canEdit={isOwn}
                onReload={() => refetch({ requestPolicy: 'network-only' })}
              />
            ))}
          </VStack>
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <VStack gap="space-24" paddingBlock="space-16">
            <section aria-labelledby="meetings-heading">
              <Heading level="2" size="small" id="meetings-heading">
                {t('js_meetings')}
              </Heading>
              {js.followUpMeetings.length === 0 ? (
                <BodyShort>{t('js_noMeetings')}</BodyShort>
              ) : (
                <ul>
                  {js.followUpMeetings.map((m) => (
                    <li key={m.id}>
                      <Label as="span" size="small">
                        {day(m.scheduledAt)}
                      </Label>{' '}
                      {t(`purpose_${m.purpose}`)}, {t(m.faceToFace ? 'js_faceToFace' : 'js_notFaceToFace')},{' '}
                      {t('js_minutes', { n: m.durationMinutes })}
                      {m.summary ? <BodyLong size="small">{m.summary}</BodyLong> : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="contacts-heading">
              <Heading level="2" size="small" id="contacts-heading">
                {t('js_employerContacts')}
              </Heading>
              {js.employerContacts.length === 0 ? (
                <BodyShort>{t('js_noEmployerContacts')}</BodyShort>
              ) : (
                <ul>
                  {js.employerContacts.map((c) => (
                    <li key={c.id}>
                      <Label as="span" size="small">
                        {day(c.contactedAt)}
                      </Label>{' '}
                      {c.employer.name}: {t(`contactPurpose_${c.purpose}`)}
                      {c.outcome ? ` – ${t(`outcome_${c.outcome}`)}` : ''},{' '}
                      {t(c.faceToFace ? 'js_faceToFace' : 'js_notFaceToFace')}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </VStack>
        </Tabs.Panel>
        <Tabs.Panel value="journal">
          <JournalNotes jobSeekerId={js.id} />
        </Tabs.Panel>
      </Tabs>
    </VStack>
  );
}

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.25rem 1rem', margin: 0 }}>
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 600 }}>{k}</dt>
          <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function ConsentPanel({
  consents,
  day,
}: {
  consents: JobSeekerView['consents'];
  day: (iso: string | null) => string;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <section aria-labelledby="consents-heading">
      <Heading level="2" size="small" id="consents-heading">
        {t('js_consents')}
      </Heading>
      {consents.length === 0 ? (
        <BodyShort>{t('js_noConsents')}</BodyShort>
      ) : (
        <ul style={{ display: 'grid', gap: '0.25rem' }}>
          {consents.map((c) => {
            const state = c.active ? 'active' : c.withdrawnAt ? 'withdrawn' : 'expired';
            return (
              <li key={c.id} data-scope={c.scope} data-state={state}>
                <strong>{t(`scope_${c.scope}`)}</strong>{' '}
                <Tag
                  size="xsmall"
                  variant={state === 'active' ? 'success' : state === 'withdrawn' ? 'error' : 'neutral'}
                >
                  {t(
                    state === 'active'
                      ? 'js_consentActive'
                      : state === 'withdrawn'
                        ? 'js_consentWithdrawn'
                        : 'js_consentExpired',
                  )}
                </Tag>{' '}
                <Detail as="span">
                  {c.validUntil
                    ? t('js_consentValid', { from: day(c.validFrom), until: day(c.validUntil) })
                    : t('js_consentValidOpen', { from: day(c.validFrom) })}
                </Detail>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function CareerProfile({
  profile,
  day,
}: {
  profile: JobSeekerView['careerProfile'];
  day: (iso: string | null) => string;
}) {
  const { t } = useTranslation('portfolio');
  const current = profile?.current[0];
  return (
    <section aria-labelledby="profile-heading">
      <HStack gap="space-8" align="center">
        <Heading level="2" size="small" id="profile-heading">
          {t('js_careerProfile')}
        </Heading>
        {profile?.needsUpdate ? (
          <Tag size="xsmall" variant="warning">
            {t('js_profileNeedsUpdate')}
          </Tag>
        ) : null}
      </HStack>
      {!current ? (
        <BodyShort>{t('js_noCareerProfile')}</BodyShort>
      ) : (
        <VStack gap="space-8">
          <Detail>{t('sp_revision', { revision: current.revision, date: day(current.createdAt) })}</Detail>
          <Facts
            rows={[
              [t('js_interests'), current.interests],
              [t('js_strengths'), current.strengths],
              [t('js_preferences'), current.preferences],
              [t('js_disclosure'), t(`disclosure_${current.disclosurePreference}`)],
            ]}
          />
        </VStack>
      )}
    </section>
  );
}
