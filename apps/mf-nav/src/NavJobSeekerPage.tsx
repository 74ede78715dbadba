/**
 * The NAV counsellor's page about one shared job seeker (issue 17, "The NAV counsellor's page"):
 * exactly what the consent covers — the parts the grants give within the NAV-sharing consent
 * (`NavSharingGrant.sharedParts`) — with the job specialist's name and how to reach them, and until
 * when the sharing lasts (`sharedUntil`: the grant's or the consent's end; "until further notice"
 * only when neither ends). The API answers null / empty for every part not shared, and row-level
 * security says the same below it; this page asks for the parts and shows what comes back, so a
 * part is shown only when it is shared. Every read is in the job seeker's access log (the API logs
 * each job seeker read). Treatment details are never among the parts.
 */
import { formatDay, formatDecimal, graphql, rawId } from '@ips/ui';
import {
  Link as AkselLink,
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Heading,
  HStack,
  Loader,
  Tag,
  VStack,
} from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NavBenefitsCounselling } from './NavBenefitsCounselling.js';
import { NavDialogue } from './NavDialogue.js';

const NAV_JOB_SEEKER = graphql(`
  query NavJobSeeker($id: ID!) {
    jobSeeker(id: $id) {
      id
      givenName
      familyName
      phase
      specialistContact { givenName familyName workEmail workPhone }
      navSharingGrants { id active sharedParts sharedUntil navOffice { id name } }
      employments { id jobTitle startDate endDate hoursPerWeek employer { id name } }
      studies { id programme institution startDate endDate }
      benefitsCounselling { id counselledOn benefits { benefit incomeChange } referredToNav referralNote followUpOn givenBy { givenName familyName } }
      careerProfile {
        id
        current { revision createdAt interests strengths preferences workExperience { title employer years } education { level subject completed } }
      }
      supportPlans {
        id
        kind
        status
        startsOn
        revisions {
          revision
          createdAt
          employerRoutines
          absenceArrangements
          specialArrangements
          taperingPlan
          agreements { supportPerson personName responsibility }
          plannedMeetings { plannedOn faceToFace topic }
        }
      }
    }
  }
`);

type Part =
  | 'BASIC_DETAILS'
  | 'EMPLOYMENT_STATUS'
  | 'CAREER_PROFILE'
  | 'SUPPORT_PLAN'
  | 'DIALOGUE'
  | 'BENEFITS_COUNSELLING';

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

function Facts({ rows, label }: { rows: readonly (readonly [string, ReactNode])[]; label: string }) {
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

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
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

export function NavJobSeekerPage() {
  const { t } = useTranslation('nav');
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: NAV_JOB_SEEKER, variables: { id: rawId(id) } });
  if (fetching && !data) return <Loader title={t('page_loading')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const js = data?.jobSeeker;
  const back = (
    <Link to="/nav" className="navds-link">
      {t('page_back')}
    </Link>
  );
  if (!js)
    return (
      <VStack gap="space-16">
        {back}
        <Alert variant="info">{t('page_notShared')}</Alert>
      </VStack>
    );
  const active = js.navSharingGrants.filter((g) => g.active);
  const parts = new Set<Part>(active.flatMap((g) => g.sharedParts));
  // The sharing lasts as long as the longest-lasting active grant (none ending: until further notice).
  const ends = active.map((g) => g.sharedUntil);
  const until = ends.length === 0 || ends.some((e) => e === null) ? null : ([...ends].sort().at(-1) ?? null);
  const specialist = js.specialistContact;
  const plan = js.supportPlans.find((p) => p.status !== 'CLOSED') ?? js.supportPlans[0];
  const revision = plan?.revisions[0];
  const profile = js.careerProfile?.current[0];
  const shown: Part[] = ['EMPLOYMENT_STATUS', 'CAREER_PROFILE', 'SUPPORT_PLAN', 'BENEFITS_COUNSELLING'];
  const notShared = shown.filter((p) => !parts.has(p));
  return (
    <VStack gap="space-16">
      {back}
      <Heading level="1" size="large">
        {js.givenName} {js.familyName}
      </Heading>
      <Facts
        label={t('page_about')}
        rows={[
          [t('phase'), js.phase ? t(`phase_${js.phase}`) : ''],
          [
            t('page_sharedParts'),
            <HStack gap="space-4" wrap key="parts">
              {[...parts].map((p) => (
                <Tag key={p} size="small" variant="info">
                  {t(`scope_${p}`)}
                </Tag>
              ))}
            </HStack>,
          ],
          [t('page_sharedUntil'), until ? formatDay(until) : t('untilFurther')],
          [t('page_offices'), active.map((g) => g.navOffice.name).join(', ')],
        ]}
      />
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
      {parts.has('EMPLOYMENT_STATUS') ? (
        <Section id="nav-employment" title={t('page_employment')}>
          {js.employments.length === 0 && js.studies.length === 0 ? (
            <BodyShort>{t('page_noWork')}</BodyShort>
          ) : null}
          <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
            {js.employments.map((e) => (
              <li key={e.id}>
                <BodyShort>
                  {e.jobTitle}
                  {e.employer ? `, ${e.employer.name}` : ''} · {formatDecimal(e.hoursPerWeek)}{' '}
                  {t('page_hours')} ·{' '}
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
      ) : null}
      {parts.has('CAREER_PROFILE') ? (
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
      ) : null}
      {parts.has('SUPPORT_PLAN') ? (
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
      ) : null}
      {parts.has('BENEFITS_COUNSELLING') ? <NavBenefitsCounselling items={js.benefitsCounselling} /> : null}
      {parts.has('DIALOGUE') ? <NavDialogue jobSeekerId={rawId(js.id)} /> : null}
      {notShared.length ? (
        <BodyShort size="small" data-testid="not-shared">
          {t('page_notCovered', { parts: notShared.map((p) => t(`scope_${p}`)).join(', ') })}
        </BodyShort>
      ) : null}
    </VStack>
  );
}
