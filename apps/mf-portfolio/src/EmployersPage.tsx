/**
 * The employer register and the fast contact log (job development, IPS principle 7): built for a
 * phone at 360 px in the field. Logging a contact is one short form — employer, date and time (now
 * by default), face to face (yes by default), purpose, for which job seeker, a note; my latest
 * contacts show below. A new employer is registered with its organisation number checked as the API checks it.
 * The API's typed errors land at the field they concern.
 */
import { parseOrganizationNumber } from '@ips/domain';
import {
  canOn,
  FormError,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  useAbility,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, Button, Heading, HStack, Search, Select, TextField, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ContactLogFields, RecentContacts, useContactLog } from './employer-contacts';

const EMPLOYERS = graphql(`
  query EmployerRegister($search: String, $specialistId: ID!) {
    employers(first: 20, search: $search) {
      edges { node { id name organizationNumber city industry } }
    }
    jobSeekers(first: 100, specialistId: $specialistId, orderBy: FAMILY_NAME_ASC) {
      edges { node { id givenName familyName phase employerContactConsent } }
    }
    employerContacts(mine: true, first: 10) {
      id
      contactedAt
      notes
      faceToFace
      purpose
      outcome
      employer { id name }
      jobSeeker { id givenName familyName }
    }
  }
`);

const REGISTER = graphql(
  `
  mutation RegisterEmployer($input: RegisterEmployerInput!) {
    registerEmployer(input: $input) {
      __typename
      ... on MutationRegisterEmployerSuccess { data { id name organizationNumber city industry } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

/** Whether the job seeker's employer-contact consent is in force (seed 000 §3). */
export function hasEmployerContactConsent(
  consents: readonly { scope: string; active: boolean }[] | null | undefined,
): boolean {
  return (consents ?? []).some((c) => c.scope === 'EMPLOYER_CONTACT' && c.active);
}

export function EmployersPage() {
  const { t } = useTranslation('portfolio');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const search = params.get('sok') ?? '';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EMPLOYERS,
    variables: { search: search.trim().length >= 2 ? search.trim() : null, specialistId: session.userId },
  });
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const employerId = chosen?.id ?? '';
  const setEmployerId = (id: string, name?: string) =>
    setChosen(id ? { id, name: name ?? employers.find((e) => e.id === id)?.name ?? '' } : null);
  const contactLog = useContactLog(employerId, () => refetch({ requestPolicy: 'network-only' }));
  const { recordForm, log, logged } = contactLog;
  const issues = recordForm.fieldErrors;
  const ability = useAbility();
  const mayRegister = canOn(ability, 'create', 'Employer', { organizationId: session.organizationId });

  const found = (data?.employers.edges ?? []).map((e) => e.node);
  // The chosen employer stays chosen (and shown) when the search changes the list.
  const employers =
    chosen && !found.some((e) => e.id === chosen.id)
      ? [{ id: chosen.id, name: chosen.name, city: null, organizationNumber: null, industry: null }, ...found]
      : found;
  const followed = (data?.jobSeekers.edges ?? []).map((e) => e.node).filter((j) => j.phase !== 'DISCHARGED');
  // Seed 000 §3: a contact names only a job seeker who consented to employer contact; the others'
  // job development is logged without naming them (issue 17 item 2).
  const jobSeekers = followed.filter((j) => j.employerContactConsent);
  const notOffered = followed.length - jobSeekers.length;

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('emp_title')}
      </Heading>
      <form onSubmit={log} aria-labelledby="log-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="log-heading">
            {t('emp_logTitle')}
          </Heading>
          <Search
            label={t('emp_search')}
            variant="simple"
            size="small"
            value={search}
            onChange={(v) => setParams(v ? { sok: v } : {}, { replace: true })}
            onClear={() => setParams({}, { replace: true })}
          />
          <Select
            label={t('emp_employer')}
            value={employerId}
            error={issues.employerId}
            onChange={(e) => setEmployerId(e.target.value)}
          >
            <option value="">{t('emp_chooseEmployer')}</option>
            {employers.map((em) => (
              <option key={em.id} value={em.id}>
                {em.name}
                {em.city ? `, ${em.city}` : ''}
              </option>
            ))}
          </Select>
          <ContactLogFields contactLog={contactLog} jobSeekers={jobSeekers} notOffered={notOffered} />
          <FormError form={recordForm} />
          {logged ? (
            <Alert variant="success" size="small" role="status">
              {t('emp_logged', { employer: logged })}
            </Alert>
          ) : null}
          <Button type="submit" loading={recordForm.fetching}>
            {t('fu_empLogButton')}
          </Button>
        </VStack>
      </form>

      <section aria-labelledby="recent-heading">
        <Heading level="2" size="medium" id="recent-heading">
          {t('emp_recent')}
        </Heading>
        <RecentContacts contacts={data?.employerContacts ?? []} loading={fetching && !data} error={error} />
      </section>

      {mayRegister ? (
        <RegisterEmployer
          onRegistered={(id, name) => {
            // Found by its name, and chosen for the next contact.
            setParams({ sok: name }, { replace: true });
            setEmployerId(id, name);
          }}
        />
      ) : null}
    </VStack>
  );
}

function RegisterEmployer({ onRegistered }: { onRegistered: (id: string, name: string) => void }) {
  const { t } = useTranslation('portfolio');
  const session = useSession();
  const [name, setName] = useState('');
  const [organizationNumber, setOrganizationNumber] = useState('');
  const [city, setCity] = useState('');
  const [industry, setIndustry] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const form = useMutationForm(REGISTER, { issueText: ownIssueText(t, 'emp_issue_') });
  const issues = form.fieldErrors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (name.trim().length < 2) local.name = t('emp_issue_NAME');
    if (organizationNumber.trim()) {
      const parsed = parseOrganizationNumber(organizationNumber);
      if (!parsed.ok) local.organizationNumber = t(`emp_issue_${parsed.error.toUpperCase()}`);
    }
    form.setFieldErrors(local);
    setDone(null);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: {
        organizationId: session.organizationId,
        name: name.trim(),
        organizationNumber: organizationNumber.trim() || null,
        city: city.trim() || null,
        industry: industry.trim() || null,
      },
    });
    if (res.ok) {
      setDone(res.data.name);
      setName('');
      setOrganizationNumber('');
      setCity('');
      setIndustry('');
      onRegistered(res.data.id, res.data.name);
    }
  };

  return (
    <section aria-labelledby="register-heading">
      <Heading level="2" size="medium" id="register-heading" visuallyHidden={!open}>
        {t('emp_registerTitle')}
      </Heading>
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)} aria-expanded={false}>
          {t('emp_registerTitle')}
        </Button>
      ) : (
        <form onSubmit={submit}>
          <VStack gap="space-12">
            <TextField
              label={t('emp_name')}
              value={name}
              error={issues.name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
            />
            <TextField
              label={t('emp_organizationNumber')}
              description={t('emp_organizationNumberHelp')}
              inputMode="numeric"
              value={organizationNumber}
              error={issues.organizationNumber}
              onChange={(e) => setOrganizationNumber(e.target.value)}
            />
            <HStack gap="space-12" wrap>
              <TextField
                label={t('emp_city')}
                value={city}
                maxLength={100}
                onChange={(e) => setCity(e.target.value)}
              />
              <TextField
                label={t('emp_industry')}
                value={industry}
                maxLength={200}
                onChange={(e) => setIndustry(e.target.value)}
              />
            </HStack>
            <FormError form={form} />
            {done ? (
              <Alert variant="success" size="small" role="status">
                {t('emp_registered', { name: done })}
              </Alert>
            ) : null}
            <Button type="submit" variant="secondary" loading={form.fetching}>
              {t('emp_registerButton')}
            </Button>
          </VStack>
        </form>
      )}
    </section>
  );
}
