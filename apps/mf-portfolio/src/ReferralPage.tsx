/**
 * A new referral (henvisning, issue 15 item 1): anyone who wants work takes part — no readiness
 * gate (IPS principle 2, seed 003). The identity number is checked as typed with the API's own
 * rule (`parseIdentityNumber`: 11 digits, two mod-11 check digits; synthetic test numbers only
 * where the organisation allows them, i.e. demo and test tenants). A protected address (kode 6/7)
 * hides the address fields and sends none. A duplicate is refused at the field, with a link to
 * the existing case when the API names it (only to whom may read its number). After success, the
 * new job seeker's page.
 */
import { parseIdentityNumber } from '@ips/domain';
import {
  canOn,
  FieldErrorSummary,
  FormError,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  rawId,
  useAbility,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import { Alert, BodyShort, Button, Heading, HStack, Loader, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import {
  AddressFields,
  IdentityNumberField,
  NameAndContactFields,
  REFERRAL_ID,
  ReferralDetailsFields,
} from './referral-fields';
import { referralInput, referralIssues, useReferralValues } from './referral-form';

const REFERRAL_SETUP = graphql(`
  query ReferralSetup {
    me {
      id
      memberships {
        role
        organization { id allowSyntheticIdentityNumbers healthTeams { id name } }
      }
    }
  }
`);

const REFER = graphql(
  `
  mutation ReferJobSeeker($input: ReferJobSeekerInput!) {
    referJobSeeker(input: $input) {
      __typename
      ... on MutationReferJobSeekerSuccess { data { id givenName familyName phase version } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
      ... on ValidationError { issues { field code existingId } }
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const FIELDS = [
  'identityNumber',
  'givenName',
  'familyName',
  'phone',
  'email',
  'streetAddress',
  'postalCode',
  'city',
  'referralDate',
  'referredBy',
  'healthTeamId',
  'outOfWorkAtReferral',
] as const;

const CODE_OF = {
  format: 'FORMAT',
  checksum: 'CHECKSUM',
  date: 'DATE',
  'synthetic-not-allowed': 'SYNTHETIC_NOT_ALLOWED',
} as const;

export function ReferralPage() {
  const { t } = useTranslation('portfolio');
  const session = useSession();
  const ability = useAbility();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: REFERRAL_SETUP });
  const issueText = ownIssueText(t, 'st_issue_');
  const form = useMutationForm(REFER, { issueText, fields: FIELDS });
  const { values, set } = useReferralValues();
  const [existingId, setExistingId] = useState<string | null | undefined>(undefined);

  if (fetching && !data) return <Loader title={t('st_referTitle')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  if (!canOn(ability, 'create', 'JobSeeker', { organizationId: session.organizationId }))
    return <BodyShort role="alert">{t('st_mayNotRefer')}</BodyShort>;
  const organization = data?.me.memberships
    .map((m) => m.organization)
    .find((o) => rawId(o.id) === session.organizationId);
  const allowSynthetic = organization?.allowSyntheticIdentityNumbers ?? false;
  const healthTeams = organization?.healthTeams ?? [];

  /** The identity number's problem as typed, in the words the API's answer would get. */
  const identityIssue = (value: string): string | null => {
    const parsed = parseIdentityNumber(value.replace(/\s+/g, ''), { allowSynthetic });
    return parsed.ok
      ? null
      : (issueText({ field: 'identityNumber', code: CODE_OF[parsed.error], message: '' }) ?? null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setExistingId(undefined);
    const local = referralIssues(values, t, identityIssue);
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send(
      { input: referralInput(values, session.organizationId) },
      { additionalTypenames: ['JobSeeker'] },
    );
    if (res.ok) {
      navigate(`/portfolio/${encodeURIComponent(res.data.id)}`);
      return;
    }
    if (res.kind === 'validation') {
      const duplicate = (
        res.issues as readonly { field: string; code: string; existingId?: string | null }[]
      ).find((i) => i.field === 'identityNumber' && i.code === 'DUPLICATE');
      setExistingId(duplicate ? (duplicate.existingId ?? null) : undefined);
    }
  };

  const errors = form.fieldErrors;
  const group = { values, set, errors };
  return (
    <VStack gap="space-16" style={{ maxWidth: '40rem' }}>
      <Link to="/portfolio">{t('back')}</Link>
      <Heading level="1" size="large">
        {t('st_referTitle')}
      </Heading>
      <BodyShort>{t('st_referIntro')}</BodyShort>
      <form onSubmit={submit} noValidate aria-labelledby="referral-heading">
        <Heading level="2" size="small" id="referral-heading" visuallyHidden>
          {t('st_referTitle')}
        </Heading>
        <VStack gap="space-16">
          <FieldErrorSummary form={form} idPrefix={REFERRAL_ID} />
          <IdentityNumberField
            value={values.identityNumber}
            onChange={set('identityNumber')}
            error={errors.identityNumber}
            allowSynthetic={allowSynthetic}
            existingId={existingId}
            onBlur={() => {
              if (!values.identityNumber.trim()) return;
              const issue = identityIssue(values.identityNumber);
              const { identityNumber: _old, ...rest } = errors;
              form.setFieldErrors(issue ? { ...rest, identityNumber: issue } : rest);
            }}
          />
          <NameAndContactFields {...group} />
          <AddressFields {...group} />
          <ReferralDetailsFields {...group} healthTeams={healthTeams} />
          <FormError form={form} />
          {form.failure?.kind === 'notFound' ? (
            <Alert variant="warning" size="small">
              {t('st_mayNotRefer')}
            </Alert>
          ) : null}
          <HStack gap="space-12" wrap>
            <Button type="submit" loading={form.fetching}>
              {t('st_referButton')}
            </Button>
            <Button as={Link} to="/portfolio" variant="tertiary">
              {t('st_cancel')}
            </Button>
          </HStack>
        </VStack>
      </form>
    </VStack>
  );
}
