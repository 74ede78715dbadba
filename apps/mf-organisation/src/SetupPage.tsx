/**
 * Setting the organisation up (the tenant administrator): specialist teams with their method
 * supervisor, health teams, and the identity providers its people sign in through — switched on
 * or off (never the last one: the API refuses with a typed error, shown at the provider).
 */
import {
  ConflictErrorFields,
  FormError,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  PersonSelect,
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
  Loader,
  Switch,
  Table,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

const SETUP = graphql(`
  query OrganisationSetup($org: ID!) {
    node(id: $org) {
      id
      ... on Organization {
        specialistTeams { id name methodSupervisor { id givenName familyName } }
        healthTeams { id name unit }
        identityProviders { id kind issuer audience enabled version }
        memberships { id role user { id givenName familyName } }
      }
    }
  }
`);

const CREATE_TEAM = graphql(
  `
  mutation CreateSpecialistTeam($input: CreateSpecialistTeamInput!) {
    createSpecialistTeam(input: $input) {
      __typename
      ... on MutationCreateSpecialistTeamSuccess { data { id name } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const CREATE_HEALTH_TEAM = graphql(
  `
  mutation CreateHealthTeam($input: CreateHealthTeamInput!) {
    createHealthTeam(input: $input) {
      __typename
      ... on MutationCreateHealthTeamSuccess { data { id name } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const SET_PROVIDER = graphql(
  `
  mutation SetIdentityProviderEnabled($input: SetIdentityProviderEnabledInput!) {
    setIdentityProviderEnabled(input: $input) {
      __typename
      ... on MutationSetIdentityProviderEnabledSuccess { data { id enabled version } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

type Issues = Record<string, string>;

export function SetupPage() {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SETUP,
    variables: { org: btoa(`Organization:${session.organizationId}`) },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loader title={t('setup_title')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const org = data?.node && 'specialistTeams' in data.node ? data.node : null;
  if (!org) return <BodyShort role="alert">{t('setup_notFound')}</BodyShort>;
  const supervisors = [
    ...new Map(
      org.memberships.filter((m) => m.role === 'METHOD_SUPERVISOR').map((m) => [m.user.id, m.user]),
    ).values(),
  ];
  return (
    <VStack gap="space-32">
      <Heading level="1" size="large">
        {t('setup_title')}
      </Heading>
      <Teams teams={org.specialistTeams} supervisors={supervisors} onChanged={reload} />
      <HealthTeams teams={org.healthTeams} onChanged={reload} />
      <Providers providers={org.identityProviders} onChanged={reload} />
    </VStack>
  );
}

function Teams({
  teams,
  supervisors,
  onChanged,
}: {
  teams: readonly {
    id: string;
    name: string;
    methodSupervisor: { givenName: string; familyName: string } | null;
  }[];
  supervisors: readonly { id: string; givenName: string; familyName: string }[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const [name, setName] = useState('');
  const [supervisor, setSupervisor] = useState('');
  const form = useMutationForm(CREATE_TEAM, { issueText: ownIssueText(t, 'setup_issue_') });
  const issues = form.fieldErrors;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Issues = {};
    if (name.trim().length < 2) local.name = t('setup_issue_NAME');
    if (!supervisor) local.methodSupervisorId = t('setup_issue_REQUIRED');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: { organizationId: session.organizationId, name: name.trim(), methodSupervisorId: supervisor },
    });
    if (res.ok) {
      setName('');
      onChanged();
    }
  };
  return (
    <section aria-labelledby="teams-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="teams-heading">
          {t('setup_teams')}
        </Heading>
        <ul data-testid="specialist-teams">
          {teams.map((team) => (
            <li key={team.id}>
              <strong>{team.name}</strong> –{' '}
              {team.methodSupervisor
                ? `${team.methodSupervisor.givenName} ${team.methodSupervisor.familyName}`
                : t('setup_supervisorElsewhere')}
            </li>
          ))}
        </ul>
        <form onSubmit={submit} aria-label={t('setup_newTeam')}>
          <HStack gap="space-8" align="end" wrap>
            <TextField
              label={t('setup_teamName')}
              value={name}
              error={issues.name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
            />
            <PersonSelect
              label={t('setup_supervisor')}
              value={supervisor}
              error={issues.methodSupervisorId}
              people={supervisors.map((s) => ({ id: s.id, name: `${s.givenName} ${s.familyName}` }))}
              onChange={setSupervisor}
            />
            <FormError form={form} />
            <Button type="submit" variant="secondary" loading={form.fetching}>
              {t('setup_newTeam')}
            </Button>
          </HStack>
        </form>
      </VStack>
    </section>
  );
}

function HealthTeams({
  teams,
  onChanged,
}: {
  teams: readonly { id: string; name: string; unit: string | null }[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const form = useMutationForm(CREATE_HEALTH_TEAM, { issueText: ownIssueText(t, 'setup_issue_') });
  const issues = form.fieldErrors;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim().length < 2) {
      form.setFieldErrors({ name: t('setup_issue_NAME') });
      return;
    }
    const res = await form.send({
      input: { organizationId: session.organizationId, name: name.trim(), unit: unit.trim() || null },
    });
    if (res.ok) {
      setName('');
      setUnit('');
      onChanged();
    }
  };
  return (
    <section aria-labelledby="health-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="health-heading">
          {t('setup_healthTeams')}
        </Heading>
        {teams.length === 0 ? (
          <BodyShort>{t('setup_noHealthTeams')}</BodyShort>
        ) : (
          <ul data-testid="health-teams">
            {teams.map((h) => (
              <li key={h.id}>
                <strong>{h.name}</strong>
                {h.unit ? ` – ${h.unit}` : ''}
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={submit} aria-label={t('setup_newHealthTeam')}>
          <HStack gap="space-8" align="end" wrap>
            <TextField
              label={t('setup_healthTeamName')}
              value={name}
              error={issues.name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
            />
            <TextField
              label={t('setup_unit')}
              value={unit}
              maxLength={200}
              onChange={(e) => setUnit(e.target.value)}
            />
            <FormError form={form} />
            <Button type="submit" variant="secondary" loading={form.fetching}>
              {t('setup_newHealthTeam')}
            </Button>
          </HStack>
        </form>
      </VStack>
    </section>
  );
}

function Providers({
  providers,
  onChanged,
}: {
  providers: readonly {
    id: string;
    kind: string;
    issuer: string;
    audience: string;
    enabled: boolean;
    version: number;
  }[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('organisation');
  // The provider switched last: its failure is shown at it.
  const [switched, setSwitched] = useState<string | null>(null);
  const form = useMutationForm(SET_PROVIDER, {
    fields: [],
    issueText: ownIssueText(t, 'setup_issue_'),
    failureText: (f) => (f.kind === 'conflict' ? t('setup_conflict') : undefined),
  });
  return (
    <section aria-labelledby="idp-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="idp-heading">
          {t('setup_providers')}
        </Heading>
        <Detail>{t('setup_providersHelp')}</Detail>
        <Table size="small" data-testid="identity-providers">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('setup_issuer')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('setup_kind')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('setup_enabled')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {providers.map((p) => (
              <Table.Row key={p.id}>
                <Table.DataCell style={{ overflowWrap: 'anywhere' }}>{p.issuer}</Table.DataCell>
                <Table.DataCell>{t(`idp_${p.kind}`, { defaultValue: t('idp_other') })}</Table.DataCell>
                <Table.DataCell>
                  <Switch
                    size="small"
                    checked={p.enabled}
                    disabled={form.fetching}
                    onChange={async (e) => {
                      setSwitched(p.id);
                      await form.send({
                        input: { identityProviderId: p.id, enabled: e.target.checked, version: p.version },
                      });
                      onChanged();
                    }}
                  >
                    {t('setup_signInThrough', { issuer: p.issuer })}
                  </Switch>
                  {switched === p.id && form.formError ? (
                    <Alert variant="error" size="small" role="alert" inline>
                      {form.formError}
                    </Alert>
                  ) : null}
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </VStack>
    </section>
  );
}
