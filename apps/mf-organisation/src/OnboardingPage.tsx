/**
 * The platform operator's onboarding (issue 16): a new organisation (tenant) with the sign-in
 * service it trusts and its first administrator, in one form (`onboardOrganization`). The service
 * level follows from the kind of organisation (the API checks the pair); the API's issues are shown
 * at their fields. Only a platform operator sees the page (the shell's `platformOperator` route).
 */
import { FormError, graphql, ownIssueText, useMutationForm, ValidationErrorFields } from '@ips/ui';
import { Alert, BodyShort, Button, Fieldset, Heading, Select, TextField, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ONBOARD = graphql(
  `
  mutation OnboardOrganization($input: OnboardOrganizationInput!) {
    onboardOrganization(input: $input) {
      __typename
      ... on MutationOnboardOrganizationSuccess { data { id name } }
      ...ValidationErrorFields
    }
  }
`,
  [ValidationErrorFields],
);

const KINDS = ['MUNICIPALITY', 'SPECIALIST_HEALTH_SERVICE', 'NAV_OFFICE'] as const;
type Kind = (typeof KINDS)[number];
const LEVEL = {
  MUNICIPALITY: 'MUNICIPAL',
  SPECIALIST_HEALTH_SERVICE: 'SPECIALIST_HEALTH_SERVICE',
  NAV_OFFICE: 'NAV',
} as const;
const PROVIDERS = ['ID_PORTEN', 'HELSE_ID', 'ENTRA_ID', 'GENERIC_OIDC'] as const;
type Provider = (typeof PROVIDERS)[number];

const TEXT_FIELDS = [
  'name',
  'organizationNumber',
  'municipalityNumber',
  'issuer',
  'audience',
  'jwksUri',
  'clientId',
  'adminGivenName',
  'adminFamilyName',
  'adminEmail',
  'adminSubject',
] as const;
type TextFieldName = (typeof TEXT_FIELDS)[number];
const EMPTY = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextFieldName, string>;
const OPTIONAL: readonly TextFieldName[] = ['municipalityNumber', 'jwksUri', 'clientId'];

export function OnboardingPage() {
  const { t } = useTranslation('organisation');
  const [kind, setKind] = useState<Kind>('MUNICIPALITY');
  const [provider, setProvider] = useState<Provider>('ID_PORTEN');
  const [values, setValues] = useState(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const form = useMutationForm(ONBOARD, {
    fields: [...TEXT_FIELDS, 'kind', 'serviceLevel', 'identityProviderKind'],
    issueText: ownIssueText(t, 'onb_issue_'),
  });
  const issues = form.fieldErrors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const optional = (f: TextFieldName) => values[f].trim() || null;
    const res = await form.send({
      input: {
        kind,
        serviceLevel: LEVEL[kind],
        identityProviderKind: provider,
        name: values.name.trim(),
        organizationNumber: values.organizationNumber.replaceAll(' ', ''),
        municipalityNumber: optional('municipalityNumber'),
        issuer: values.issuer.trim(),
        audience: values.audience.trim(),
        jwksUri: optional('jwksUri'),
        clientId: optional('clientId'),
        adminGivenName: values.adminGivenName.trim(),
        adminFamilyName: values.adminFamilyName.trim(),
        adminEmail: values.adminEmail.trim(),
        adminSubject: values.adminSubject.trim(),
      },
    });
    if (res.ok) {
      setDone(t('onb_done', { name: res.data.name }));
      setValues(EMPTY);
    }
  };

  const field = (f: TextFieldName, extra: { inputMode?: 'numeric'; type?: 'email' } = {}) => (
    <TextField
      key={f}
      label={t(`onb_${f}`)}
      value={values[f]}
      error={issues[f]}
      autoComplete="off"
      {...extra}
      required={!OPTIONAL.includes(f)}
      onChange={(e) => setValues({ ...values, [f]: e.target.value })}
    />
  );

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {t('onb_title')}
      </Heading>
      <BodyShort>{t('onb_intro')}</BodyShort>
      {done ? (
        <Alert variant="success" role="status">
          {done}
        </Alert>
      ) : null}
      <form onSubmit={submit}>
        <VStack gap="space-24">
          <FormError form={form} />
          <Fieldset legend={t('onb_organization')}>
            {field('name')}
            <Select
              label={t('onb_kind')}
              value={kind}
              error={issues.kind ?? issues.serviceLevel}
              onChange={(e) => setKind(e.target.value as Kind)}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`onb_kind_${k}`)}
                </option>
              ))}
            </Select>
            {field('organizationNumber', { inputMode: 'numeric' })}
            {kind === 'MUNICIPALITY' ? field('municipalityNumber', { inputMode: 'numeric' }) : null}
          </Fieldset>
          <Fieldset legend={t('onb_provider')}>
            <Select
              label={t('onb_providerKind')}
              value={provider}
              error={issues.identityProviderKind}
              onChange={(e) => setProvider(e.target.value as Provider)}
            >
              {PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {t(`idp_${p}`)}
                </option>
              ))}
            </Select>
            {field('issuer')}
            {field('audience')}
            {field('jwksUri')}
            {field('clientId')}
          </Fieldset>
          <Fieldset legend={t('onb_admin')}>
            {field('adminGivenName')}
            {field('adminFamilyName')}
            {field('adminEmail', { type: 'email' })}
            {field('adminSubject')}
          </Fieldset>
          <div>
            <Button type="submit" loading={form.fetching}>
              {t('onb_submit')}
            </Button>
          </div>
        </VStack>
      </form>
    </VStack>
  );
}
