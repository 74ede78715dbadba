/**
 * An employer contact for this job seeker, from the person page (issue 15 item 5): the employer
 * (from the organisation's register), date and time, face to face or not, purpose, outcome and a
 * note. A face-to-face contact closes the first-employer-contact duty (seed 003 §6). It names the
 * job seeker, so it is offered only while the employer-contact consent is in force (seed 000 §3,
 * issue 17 item 2); otherwise the form says why and leads to the employers page, where job
 * development is logged without naming the job seeker.
 */
import {
  ConsentRequiredErrorFields,
  FieldErrorSummary,
  FormError,
  fieldId,
  graphql,
  NotFoundErrorFields,
  osloInstant,
  osloNowTime,
  osloToday,
  ownIssueText,
  parseTime,
  rawId,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, BodyShort, Heading, Select, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { hasEmployerContactConsent } from '../EmployersPage.js';
import { ContactDetailFields, type Outcome, type Purpose } from './employer-contact-fields.js';
import { FieldAlert, SubmitRow, useFocusOnOpen } from './form-rows.js';

const EMPLOYERS = graphql(`
  query ContactFormEmployers($jobSeekerId: ID!) {
    employers(first: 100) { edges { node { id name city } } }
    jobSeeker(id: $jobSeekerId) { id givenName consents { id scope active } }
  }
`);

const RECORD = graphql(
  `
  mutation RecordJobSeekerEmployerContact($input: RecordEmployerContactInput!) {
    recordEmployerContact(input: $input) {
      __typename
      ... on MutationRecordEmployerContactSuccess {
        data { id contactedAt faceToFace purpose outcome contactPerson notes employer { id name } }
      }
      ...NotFoundErrorFields
      ...ValidationErrorFields
      ...ConsentRequiredErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields, ConsentRequiredErrorFields],
);

export interface EmployerContactFormProps {
  /** The job seeker's global id. */
  jobSeekerId: string;
  autoFocus?: boolean;
  /** After saving, with the message to show (the form closes). */
  onSaved: (message: string) => void;
  onClose: () => void;
}

export function EmployerContactForm({ jobSeekerId, autoFocus, onSaved, onClose }: EmployerContactFormProps) {
  const { t } = useTranslation('portfolio');
  const [{ data }] = useQuery({
    query: EMPLOYERS,
    variables: { jobSeekerId: rawId(jobSeekerId) },
    requestPolicy: 'cache-and-network',
  });
  const employers = (data?.employers.edges ?? []).map((e) => e.node);
  const [employerId, setEmployerId] = useState('');
  const [day, setDay] = useState(osloToday());
  const [time, setTime] = useState(osloNowTime());
  const [faceToFace, setFaceToFace] = useState(true);
  const [purpose, setPurpose] = useState<Purpose>('JOB_DEVELOPMENT_FOR_JOB_SEEKER');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [contactPerson, setContactPerson] = useState('');
  const [notes, setNotes] = useState('');
  const form = useMutationForm(RECORD, {
    issueText: ownIssueText(t, 'emp_issue_'),
    failureText: (f) =>
      f.kind === 'consent' ? t('ec_consentMissing', { name: data?.jobSeeker?.givenName ?? '' }) : undefined,
  });
  const consented = data ? hasEmployerContactConsent(data.jobSeeker?.consents) : true;
  const errors = form.fieldErrors;
  const ref = useFocusOnOpen(autoFocus);
  const prefix = 'fu-contact';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!consented) return;
    const local: Record<string, string> = {};
    if (!employerId) local.employerId = t('emp_chooseEmployer');
    if (!day) local.day = t('fu_issue_DAY');
    else if (!parseTime(time)) local.time = t('fu_issue_TIME');
    const at = osloInstant(day, time);
    form.setFieldErrors(local);
    if (Object.keys(local).length || !at) return;
    const res = await form.send(
      {
        input: {
          employerId,
          jobSeekerId: rawId(jobSeekerId),
          contactedAt: at,
          faceToFace,
          purpose,
          outcome: outcome || null,
          contactPerson: contactPerson.trim() || null,
          notes: notes.trim() || null,
        },
      },
      { additionalTypenames: ['EmployerContact', 'Task'] },
    );
    if (res.ok) onSaved(t('fu_contactLogged', { employer: res.data.employer.name }));
  };

  return (
    <form
      id="employer-contact-form"
      ref={ref}
      tabIndex={-1}
      onSubmit={submit}
      aria-labelledby="employer-contact-form-heading"
      style={{ outline: 'none' }}
    >
      <VStack gap="space-12">
        <Heading level="3" size="small" id="employer-contact-form-heading">
          {t('fu_contactTitle')}
        </Heading>
        {consented ? null : (
          <Alert variant="warning" size="small" data-testid="employer-consent-missing">
            {t('ec_consentMissing', { name: data?.jobSeeker?.givenName ?? '' })}{' '}
            <Link to="/employers">{t('ec_toEmployers')}</Link>
          </Alert>
        )}
        <FieldErrorSummary form={form} idPrefix={prefix} targets={{ contactedAt: 'day' }} />
        {consented ? (
          <>
            {data && employers.length === 0 ? <BodyShort>{t('fu_contactNone')}</BodyShort> : null}
            <Select
              id={fieldId(prefix, 'employerId')}
              label={t('fu_contactEmployer')}
              size="small"
              value={employerId}
              error={errors.employerId}
              onChange={(e) => setEmployerId(e.target.value)}
            >
              <option value="">{t('fu_contactChoose')}</option>
              {employers.map((em) => (
                <option key={em.id} value={em.id}>
                  {em.name}
                  {em.city ? `, ${em.city}` : ''}
                </option>
              ))}
            </Select>
            <ContactDetailFields
              prefix={prefix}
              errors={errors}
              values={{ day, time, faceToFace, purpose, outcome, contactPerson, notes }}
              set={{ setDay, setTime, setFaceToFace, setPurpose, setOutcome, setContactPerson, setNotes }}
            />
            <FormError form={form} />
            <FieldAlert prefix={prefix} field="jobSeekerId" error={errors.jobSeekerId} />
          </>
        ) : null}
        <SubmitRow
          submitLabel={consented ? t('fu_contactButton') : null}
          cancelLabel={t('fu_cancel')}
          fetching={form.fetching}
          onCancel={onClose}
          size="small"
        />
      </VStack>
    </form>
  );
}
