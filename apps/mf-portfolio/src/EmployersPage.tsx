/**
 * The employer register and the fast contact log (job development, IPS principle 7): built for a
 * phone at 360 px in the field. Logging a contact is one short form — employer, date and time (now
 * by default), face to face (yes by default), purpose, for which job seeker, a note; my latest
 * contacts show below. A new employer is registered with its organisation number checked as the API checks it.
 * The API's typed errors land at the field they concern.
 */
import { parseOrganizationNumber } from '@ips/domain';
import {
  ConsentRequiredErrorFields,
  canOn,
  DateField,
  FormError,
  formatDayTime,
  graphql,
  NotFoundErrorFields,
  osloInstant,
  osloNowTime,
  osloToday,
  ownIssueText,
  parseTime,
  rawId,
  TimeField,
  useAbility,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import {
  Alert,
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Search,
  Select,
  Switch,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';

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

const RECORD = graphql(
  `
  mutation RecordEmployerContact($input: RecordEmployerContactInput!) {
    recordEmployerContact(input: $input) {
      __typename
      ... on MutationRecordEmployerContactSuccess {
        data { id contactedAt faceToFace purpose outcome employer { id name } jobSeeker { id givenName familyName } }
      }
      ...NotFoundErrorFields
      ...ValidationErrorFields
      ...ConsentRequiredErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields, ConsentRequiredErrorFields],
);

const PURPOSES = [
  'JOB_DEVELOPMENT_FOR_JOB_SEEKER',
  'RELATIONSHIP_BUILDING',
  'FOLLOW_UP_IN_EMPLOYMENT',
] as const;
const OUTCOMES = ['INTERVIEW_ARRANGED', 'JOB_OFFERED', 'FOLLOW_UP_AGREED', 'NO_OPENING', 'OTHER'] as const;
type Purpose = (typeof PURPOSES)[number];
type Outcome = (typeof OUTCOMES)[number];

/** Whether the job seeker's employer-contact consent is in force (seed 000 §3). */
export function hasEmployerContactConsent(
  consents: readonly { scope: string; active: boolean }[] | null | undefined,
): boolean {
  return (consents ?? []).some((c) => c.scope === 'EMPLOYER_CONTACT' && c.active);
}

export function EmployersPage() {
  const { t, i18n } = useTranslation('portfolio');
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
  const [faceToFace, setFaceToFace] = useState(true);
  const [purpose, setPurpose] = useState<Purpose>('JOB_DEVELOPMENT_FOR_JOB_SEEKER');
  const [jobSeekerId, setJobSeekerId] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [contactPerson, setContactPerson] = useState('');
  const [day, setDay] = useState(osloToday());
  const [time, setTime] = useState(osloNowTime());
  const [notes, setNotes] = useState('');
  const [logged, setLogged] = useState<string | null>(null);
  const recordForm = useMutationForm(RECORD, {
    issueText: ownIssueText(t, 'emp_issue_'),
    failureText: (f) => (f.kind === 'consent' ? t('ec_consentMissingShort') : undefined),
  });
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

  const log = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!employerId) local.employerId = t('emp_chooseEmployer');
    if (purpose === 'JOB_DEVELOPMENT_FOR_JOB_SEEKER' && !jobSeekerId)
      local.jobSeekerId = t('emp_issue_REQUIRED_jobSeeker');
    if (!day) local.contactedAt = t('fu_issue_DAY');
    else if (!parseTime(time)) local.time = t('fu_issue_TIME');
    const contactedAt = osloInstant(day, time);
    recordForm.setFieldErrors(local);
    setLogged(null);
    if (Object.keys(local).length || !contactedAt) return;
    const res = await recordForm.send(
      {
        input: {
          employerId,
          contactedAt,
          faceToFace,
          purpose,
          jobSeekerId: jobSeekerId ? rawId(jobSeekerId) : null,
          outcome: outcome || null,
          contactPerson: contactPerson.trim() || null,
          notes: notes.trim() || null,
        },
      },
      { additionalTypenames: ['EmployerContact'] },
    );
    if (res.ok) {
      setLogged(res.data.employer.name);
      setOutcome('');
      setContactPerson('');
      setNotes('');
      setDay(osloToday());
      setTime(osloNowTime());
      refetch({ requestPolicy: 'network-only' });
    }
  };

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
          <HStack gap="space-12" wrap align="start">
            <DateField
              label={t('fu_day')}
              value={day}
              onChange={setDay}
              error={issues.contactedAt}
              name="contact-day"
              toDay={osloToday()}
            />
            <TimeField
              label={t('fu_time')}
              value={time}
              onChange={setTime}
              error={issues.time}
              name="contact-time"
            />
          </HStack>
          <Switch checked={faceToFace} onChange={(e) => setFaceToFace(e.target.checked)}>
            {t('js_faceToFace')}
          </Switch>
          <RadioGroup
            legend={t('emp_purpose')}
            value={purpose}
            onChange={(v: Purpose) => setPurpose(v)}
            size="small"
          >
            {PURPOSES.map((p) => (
              <Radio key={p} value={p}>
                {t(`contactPurpose_${p}`)}
              </Radio>
            ))}
          </RadioGroup>
          <Select
            label={t('emp_jobSeeker')}
            description={
              notOffered > 0
                ? `${t('ec_onlyConsented')} ${t('ec_notOffered', { count: notOffered })}`
                : t('ec_onlyConsented')
            }
            value={jobSeekerId}
            error={issues.jobSeekerId}
            onChange={(e) => setJobSeekerId(e.target.value)}
          >
            <option value="">{t('emp_noJobSeeker')}</option>
            {jobSeekers.map((j) => (
              <option key={j.id} value={j.id}>
                {j.givenName} {j.familyName}
              </option>
            ))}
          </Select>
          <Select
            label={t('emp_outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as Outcome | '')}
          >
            <option value="">–</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcome_${o}`)}
              </option>
            ))}
          </Select>
          <TextField
            label={t('emp_contactPerson')}
            value={contactPerson}
            maxLength={200}
            error={issues.contactPerson}
            onChange={(e) => setContactPerson(e.target.value)}
          />
          <Textarea
            label={t('fu_note')}
            description={t('fu_noteHelp')}
            value={notes}
            maxLength={4000}
            error={issues.notes}
            onChange={(e) => setNotes(e.target.value)}
          />
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
        {fetching && !data ? null : error ? (
          <BodyShort role="alert">{error.message}</BodyShort>
        ) : (data?.employerContacts ?? []).length === 0 ? (
          <BodyShort>{t('js_noEmployerContacts')}</BodyShort>
        ) : (
          <ul data-testid="recent-contacts">
            {(data?.employerContacts ?? []).map((c) => (
              <li key={c.id}>
                <Detail as="span">{formatDayTime(c.contactedAt, i18n.language)}</Detail>{' '}
                <strong>{c.employer.name}</strong>: {t(`contactPurpose_${c.purpose}`)}
                {c.jobSeeker?.givenName ? ` (${c.jobSeeker.givenName} ${c.jobSeeker.familyName ?? ''})` : ''}
                {c.outcome ? ` – ${t(`outcome_${c.outcome}`)}` : ''}
                {c.faceToFace ? ` – ${t('js_faceToFace')}` : ''}
                {c.notes ? (
                  <BodyShort size="small" style={{ overflowWrap: 'anywhere' }}>
                    {t('fu_contactNote')}: {c.notes}
                  </BodyShort>
                ) : null}
              </li>
            ))}
          </ul>
        )}
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
