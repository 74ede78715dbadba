/**
 * The parts of the NAV counsellor's page about one shared job seeker (NavJobSeekerPage): a list of
 * facts that stacks on a phone, a framed section, and one section a shared part — the specialist,
 * employment status, the career profile and the support plan. Each is drawn only when the page's
 * grants share its part.
 */
import { formatDay, formatDecimal } from '@ips/ui';
import { Link as AkselLink, BodyLong, BodyShort, Box, Heading, VStack } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NavJobSeekerView } from './NavJobSeekerPage.js';

/** A list of facts that stacks on a phone (label above value) and sits in two columns on a desk. */
const FACTS_CSS = `
.nav-facts-box { container-type: inline-size; }
.nav-facts { display: grid; grid-template-columns: fit-content(40%) minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0; }
.nav-facts > div { display: contents; }
.nav-facts dt { font-weight: 600; }
.nav-facts dd { margin: 0; min-width: 0; overflow-wrap: break-word; white-space: pre-line; }
@container (max-width: 479px) {
  .nav-facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .nav-facts dd { margin-block-end: 0.75rem; }
}
`;

export function Facts({ rows, label }: { rows: readonly (readonly [string, ReactNode])[]; label: string }) {
  return (
    <div className="nav-facts-box">
      <style>{FACTS_CSS}</style>
      <dl className="nav-facts" aria-label={label}>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box as="section" aria-labelledby={id} padding="space-16" borderWidth="1" borderRadius="8" data-part={id}>
      <VStack gap="space-8">
        <Heading level="2" size="small" id={id}>
          {title}
        </Heading>
        {children}
      </VStack>
    </Box>
  );
}

/** The job specialist's name and how to reach them (always shown). */
export function SpecialistSection({ specialist }: { specialist: NavJobSeekerView['specialistContact'] }) {
  const { t } = useTranslation('nav');
  return (
    <Section id="nav-specialist" title={t('page_specialist')}>
      {specialist ? (
        <Facts
          label={t('page_specialist')}
          rows={[
            [t('page_specialistName'), `${specialist.givenName} ${specialist.familyName}`],
            [
              t('page_workPhone'),
              specialist.workPhone ? (
                <AkselLink key="phone" href={`tel:${specialist.workPhone}`}>
                  {specialist.workPhone}
                </AkselLink>
              ) : (
                t('page_none')
              ),
            ],
            [
              t('page_workEmail'),
              <AkselLink key="mail" href={`mailto:${specialist.workEmail}`}>
                {specialist.workEmail}
              </AkselLink>,
            ],
          ]}
        />
      ) : (
        <BodyShort>{t('page_noSpecialist')}</BodyShort>
      )}
    </Section>
  );
}

/** The part EMPLOYMENT_STATUS: the jobs and the studies, each with its period. */
export function EmploymentSection({ js }: { js: Pick<NavJobSeekerView, 'employments' | 'studies'> }) {
  const { t } = useTranslation('nav');
  return (
    <Section id="nav-employment" title={t('page_employment')}>
      {js.employments.length === 0 && js.studies.length === 0 ? (
        <BodyShort>{t('page_noWork')}</BodyShort>
      ) : null}
      <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
        {js.employments.map((e) => (
          <li key={e.id}>
            <BodyShort>
              {e.jobTitle}
              {e.employer ? `, ${e.employer.name}` : ''} · {formatDecimal(e.hoursPerWeek)} {t('page_hours')} ·{' '}
              {e.endDate
                ? t('page_period', { from: formatDay(e.startDate), until: formatDay(e.endDate) })
                : t('page_since', { from: formatDay(e.startDate) })}
            </BodyShort>
          </li>
        ))}
        {js.studies.map((s) => (
          <li key={s.id}>
            <BodyShort>
              {s.programme}, {s.institution} ·{' '}
              {s.endDate
                ? t('page_period', { from: formatDay(s.startDate), until: formatDay(s.endDate) })
                : t('page_since', { from: formatDay(s.startDate) })}
            </BodyShort>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The part CAREER_PROFILE: the profile's current revision. */
export function CareerProfileSection({ profile }: { profile: CurrentProfile | undefined }) {
  const { t } = useTranslation('nav');
  return (
    <Section id="nav-career-profile" title={t('page_careerProfile')}>
      {profile ? (
        <Facts
          label={t('page_careerProfile')}
          rows={[
            [t('page_interests'), profile.interests],
            [t('page_strengths'), profile.strengths],
            [t('page_preferences'), profile.preferences],
            [
              t('page_experience'),
              profile.workExperience.length
                ? profile.workExperience
                    .map((w) =>
                      [
                        w.title,
                        w.employer,
                        w.years != null ? `${formatDecimal(w.years)} ${t('page_years')}` : null,
                      ]
                        .filter(Boolean)
                        .join(', '),
                    )
                    .join('\n')
                : t('page_none'),
            ],
            [
              t('page_education'),
              profile.education.length
                ? profile.education.map((e) => [e.level, e.subject].filter(Boolean).join(', ')).join('\n')
                : t('page_none'),
            ],
            [t('page_revised'), formatDay(profile.createdAt)],
          ]}
        />
      ) : (
        <BodyShort>{t('page_noProfile')}</BodyShort>
      )}
    </Section>
  );
}

/** The part SUPPORT_PLAN: the open plan's (or the first plan's) latest revision, never treatment details. */
export function SupportPlanSection({ plan }: { plan: NavJobSeekerView['supportPlans'][number] | undefined }) {
  const { t } = useTranslation('nav');
  const revision = plan?.revisions[0];
  return (
    <Section id="nav-support-plan" title={t('page_supportPlan')}>
      {plan && revision ? (
        <>
          <Facts
            label={t('page_supportPlan')}
            rows={[
              [t('page_planStarts'), formatDay(plan.startsOn)],
              [t('page_planRevision'), `${revision.revision} (${formatDay(revision.createdAt)})`],
              [t('page_employerRoutines'), revision.employerRoutines ?? t('page_none')],
              [t('page_absence'), revision.absenceArrangements ?? t('page_none')],
              [t('page_special'), revision.specialArrangements ?? t('page_none')],
              [t('page_tapering'), revision.taperingPlan ?? t('page_none')],
            ]}
          />
          <Heading level="3" size="xsmall">
            {t('page_whoSupports')}
          </Heading>
          <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
            {revision.agreements.map((a) => (
              <li key={`${a.supportPerson}-${a.responsibility}`}>
                <BodyShort>
                  <strong>{t(`person_${a.supportPerson}`)}</strong>
                  {a.personName ? ` (${a.personName})` : ''}: {a.responsibility}
                </BodyShort>
              </li>
            ))}
          </ul>
          <BodyLong size="small">{t('page_noTreatment')}</BodyLong>
        </>
      ) : (
        <BodyShort>{t('page_noPlan')}</BodyShort>
      )}
    </Section>
  );
}

type CurrentProfile = NonNullable<NavJobSeekerView['careerProfile']>['current'][number];
