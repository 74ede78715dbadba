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
  DateField,
  FieldErrorSummary,
  FormError,
  fieldId,
  graphql,
  NotFoundErrorFields,
  osloToday,
  ownIssueText,
  rawId,
  useAbility,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import {
  Alert,
  BodyShort,
  Button,
  Heading,
  HGrid,
  HStack,
  Loader,
  Radio,
  RadioGroup,
  Select,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';

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

const PROTECTION = ['NONE', 'CONFIDENTIAL', 'STRICTLY_CONFIDENTIAL'] as const;
type Protection = (typeof PROTECTION)[number];
const ID = 'referral';
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
  const [identityNumber, setIdentityNumber] = useState('');
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [protection, setProtection] = useState<Protection>('NONE');
  const [streetAddress, setStreetAddress] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [city, setCity] = useState('');
  const [referralDate, setReferralDate] = useState(osloToday());
  const [referredBy, setReferredBy] = useState('');
  const [healthTeamId, setHealthTeamId] = useState('');
  const [outOfWork, setOutOfWork] = useState<'yes' | 'no' | ''>('');
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
  const protectedAddress = protection !== 'NONE';

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
    const local: Record<string, string> = {};
    const idIssue = identityIssue(identityNumber);
    if (idIssue) local.identityNumber = idIssue;
    if (!givenName.trim()) local.givenName = t('st_issue_REQUIRED_givenName');
    if (!familyName.trim()) local.familyName = t('st_issue_REQUIRED_familyName');
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) local.email = t('st_issue_EMAIL');
    if (!protectedAddress && postalCode.trim() && !/^\d{4}$/.test(postalCode.trim()))
      local.postalCode = t('st_issue_POSTAL_CODE');
    if (!referralDate) local.referralDate = t('st_issue_REQUIRED_referralDate');
    else if (referralDate > osloToday()) local.referralDate = t('st_issue_IN_FUTURE_referralDate');
    if (!outOfWork) local.outOfWorkAtReferral = t('st_issue_REQUIRED_outOfWorkAtReferral');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const opt = (v: string) => v.trim() || null;
    const res = await form.send(
      {
        input: {
          organizationId: session.organizationId,
          identityNumber: identityNumber.replace(/\s+/g, ''),
          givenName: givenName.trim(),
          familyName: familyName.trim(),
          phone: opt(phone),
          email: opt(email),
          protectedAddress: protection,
          // A protected address is never sent, whatever was typed before it was chosen.
          streetAddress: protectedAddress ? null : opt(streetAddress),
          postalCode: protectedAddress ? null : opt(postalCode),
          city: protectedAddress ? null : opt(city),
          referralDate,
          referredBy: opt(referredBy),
          healthTeamId: healthTeamId ? rawId(healthTeamId) : null,
          outOfWorkAtReferral: outOfWork === 'yes',
        },
      },
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
          <FieldErrorSummary form={form} idPrefix={ID} />
          <VStack gap="space-4">
            <TextField
              id={fieldId(ID, 'identityNumber')}
              label={t('st_identityNumber')}
              description={t(allowSynthetic ? 'st_identityNumberHelpSynthetic' : 'st_identityNumberHelp')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={13}
              value={identityNumber}
              error={errors.identityNumber}
              onChange={(e) => setIdentityNumber(e.target.value)}
              onBlur={() => {
                if (!identityNumber.trim()) return;
                const issue = identityIssue(identityNumber);
                const { identityNumber: _old, ...rest } = errors;
                form.setFieldErrors(issue ? { ...rest, identityNumber: issue } : rest);
              }}
            />
            {existingId ? (
              <Link to={`/portfolio/${encodeURIComponent(existingId)}`} data-testid="duplicate-link">
                {t('st_duplicateLink')}
              </Link>
            ) : existingId === null ? (
              <BodyShort size="small">{t('st_duplicateHidden')}</BodyShort>
            ) : null}
          </VStack>
          <HGrid columns={{ xs: 1, sm: 2 }} gap="space-16">
            <TextField
              id={fieldId(ID, 'givenName')}
              label={t('st_givenName')}
              autoComplete="off"
              maxLength={100}
              value={givenName}
              error={errors.givenName}
              onChange={(e) => setGivenName(e.target.value)}
            />
            <TextField
              id={fieldId(ID, 'familyName')}
              label={t('st_familyName')}
              autoComplete="off"
              maxLength={100}
              value={familyName}
              error={errors.familyName}
              onChange={(e) => setFamilyName(e.target.value)}
            />
            <TextField
              id={fieldId(ID, 'phone')}
              label={t('st_phone')}
              type="tel"
              autoComplete="off"
              maxLength={30}
              value={phone}
              error={errors.phone}
              onChange={(e) => setPhone(e.target.value)}
            />
            <TextField
              id={fieldId(ID, 'email')}
              label={t('st_email')}
              type="email"
              autoComplete="off"
              maxLength={200}
              value={email}
              error={errors.email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </HGrid>
          <RadioGroup
            legend={t('st_protectedAddress')}
            value={protection}
            onChange={(v: Protection) => setProtection(v)}
            description={protectedAddress ? t('st_protectedNote') : undefined}
          >
            {PROTECTION.map((p) => (
              <Radio key={p} value={p}>
                {t(`st_protected_${p}`)}
              </Radio>
            ))}
          </RadioGroup>
          {protectedAddress ? null : (
            <VStack gap="space-16" data-testid="address-fields">
              <TextField
                id={fieldId(ID, 'streetAddress')}
                label={t('st_streetAddress')}
                autoComplete="off"
                maxLength={200}
                value={streetAddress}
                error={errors.streetAddress}
                onChange={(e) => setStreetAddress(e.target.value)}
              />
              <HGrid columns={{ xs: 1, sm: '10rem 1fr' }} gap="space-16">
                <TextField
                  id={fieldId(ID, 'postalCode')}
                  label={t('st_postalCode')}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={4}
                  value={postalCode}
                  error={errors.postalCode}
                  onChange={(e) => setPostalCode(e.target.value)}
                />
                <TextField
                  id={fieldId(ID, 'city')}
                  label={t('st_city')}
                  autoComplete="off"
                  maxLength={100}
                  value={city}
                  error={errors.city}
                  onChange={(e) => setCity(e.target.value)}
                />
              </HGrid>
            </VStack>
          )}
          <DateField
            id={fieldId(ID, 'referralDate')}
            label={t('st_referralDate')}
            value={referralDate}
            toDay={osloToday()}
            error={errors.referralDate}
            onChange={setReferralDate}
          />
          <TextField
            id={fieldId(ID, 'referredBy')}
            label={t('st_referredBy')}
            description={t('st_referredByHelp')}
            maxLength={200}
            value={referredBy}
            error={errors.referredBy}
            onChange={(e) => setReferredBy(e.target.value)}
          />
          {healthTeams.length > 0 ? (
            <Select
              id={fieldId(ID, 'healthTeamId')}
              label={t('st_healthTeam')}
              value={healthTeamId}
              error={errors.healthTeamId}
              onChange={(e) => setHealthTeamId(e.target.value)}
            >
              <option value="">{t('st_noHealthTeam')}</option>
              {healthTeams.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </Select>
          ) : null}
          <RadioGroup
            id={fieldId(ID, 'outOfWorkAtReferral')}
            legend={t('st_outOfWork')}
            value={outOfWork}
            error={errors.outOfWorkAtReferral}
            onChange={(v: 'yes' | 'no') => setOutOfWork(v)}
          >
            <Radio value="yes">{t('st_yes')}</Radio>
            <Radio value="no">{t('st_no')}</Radio>
          </RadioGroup>
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
