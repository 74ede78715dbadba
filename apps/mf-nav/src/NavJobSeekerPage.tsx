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
import { formatDay, graphql, type ResultOf, rawId } from '@ips/ui';
import { Alert, BodyShort, Heading, HStack, Loader, Tag, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NavBenefitsCounselling } from './NavBenefitsCounselling.js';
import { NavDialogue } from './NavDialogue.js';
import {
  CareerProfileSection,
  EmploymentSection,
  Facts,
  SpecialistSection,
  SupportPlanSection,
} from './nav-job-seeker-parts.js';

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

/** The job seeker as this page reads it (what the grants share). */
export type NavJobSeekerView = NonNullable<ResultOf<typeof NAV_JOB_SEEKER>['jobSeeker']>;

type Part =
  | 'BASIC_DETAILS'
  | 'EMPLOYMENT_STATUS'
  | 'CAREER_PROFILE'
  | 'SUPPORT_PLAN'
  | 'DIALOGUE'
  | 'BENEFITS_COUNSELLING';

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
  const plan = js.supportPlans.find((p) => p.status !== 'CLOSED') ?? js.supportPlans[0];
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
      <SpecialistSection specialist={js.specialistContact} />
      {parts.has('EMPLOYMENT_STATUS') ? <EmploymentSection js={js} /> : null}
      {parts.has('CAREER_PROFILE') ? <CareerProfileSection profile={profile} /> : null}
      {parts.has('SUPPORT_PLAN') ? <SupportPlanSection plan={plan} /> : null}
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
