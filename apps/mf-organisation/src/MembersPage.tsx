/**
 * The tenant administrator's people and roles: who has which role in the organisation, add a
 * person with a role (the API's typed errors shown next to the field they concern), end a role
 * (with the version it was read at: a concurrent change is reported, never overwritten).
 */
import {
  ConflictErrorFields,
  FormError,
  graphql,
  NotFoundErrorFields,
  ownIssueText,
  useMutationForm,
  useSession,
  ValidationErrorFields,
} from '@ips/ui';
import {
  Alert,
  BodyShort,
  Button,
  Heading,
  HStack,
  Loader,
  Select,
  Table,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

const MEMBERS = graphql(`
  query Members($org: ID!) {
    node(id: $org) { id ... on Organization { kind memberships { id role version endedAt user { id givenName familyName } } } }
  }
`);
const ADD = graphql(
  `
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      __typename
      ... on MutationAddMemberSuccess { data { id } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);
const END = graphql(
  `
  mutation EndMembership($input: EndMembershipInput!) {
    endMembership(input: $input) {
      __typename
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

const ROLES = [
  'JOB_SPECIALIST',
  'METHOD_SUPERVISOR',
  'HEALTH_SERVICE_LEADER',
  'NAV_COUNSELLOR',
  'TENANT_ADMINISTRATOR',
] as const;

/**
 * The roles an organisation of this kind has (as the database's `app.add_member` decides): a NAV
 * office has its counsellors and administrators; the health and municipal services all but NAV's.
 */
export function rolesFor(kind: string | undefined): readonly (typeof ROLES)[number][] {
  return kind === 'NAV_OFFICE'
    ? ['NAV_COUNSELLOR', 'TENANT_ADMINISTRATOR']
    : ROLES.filter((r) => r !== 'NAV_COUNSELLOR');
}

type Member = { id: string; version: number };

export function MembersPage() {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const org = btoa(`Organization:${session.organizationId}`);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MEMBERS,
    variables: { org },
  });
  const addForm = useMutationForm(ADD, {
    fields: ['givenName', 'familyName', 'email', 'role'],
    issueText: ownIssueText(t, 'member_issue_'),
  });
  // Ending a role in the list: every issue is said above the list.
  const endForm = useMutationForm(END, { fields: [], issueText: ownIssueText(t, 'member_issue_') });
  const [form, setForm] = useState<{
    givenName: string;
    familyName: string;
    email: string;
    role: (typeof ROLES)[number];
  }>({
    givenName: '',
    familyName: '',
    email: '',
    role: 'JOB_SPECIALIST',
  });
  const issues = addForm.fieldErrors;
  const kind = data?.node && 'kind' in data.node ? data.node.kind : undefined;
  const offered = rolesFor(kind);
  const offeredRole = offered.includes(form.role) ? form.role : (offered[0] ?? form.role);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    endForm.reset();
    const res = await addForm.send({
      input: { ...form, role: offeredRole, organizationId: session.organizationId },
    });
    if (res.ok) {
      setNotice(t('added'));
      setForm({ givenName: '', familyName: '', email: '', role: offeredRole });
      refetch({ requestPolicy: 'network-only' });
    }
  };

  const endRole = async (m: Member) => {
    setNotice(null);
    addForm.reset();
    const res = await endForm.send({ input: { id: m.id, version: m.version } });
    if (res.ok) setNotice(t('ended'));
    refetch({ requestPolicy: 'network-only' });
  };

  if (fetching && !data) return <Loader title={t('membersTitle')} />;
  if (error) return <BodyShort role="alert">{error.message}</BodyShort>;
  const node = data?.node;
  const members = (node && 'memberships' in node ? node.memberships : []).filter((m) => !m.endedAt);
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('membersTitle')}
      </Heading>
      {notice && (
        <Alert variant="success" size="small" role="status">
          {notice}
        </Alert>
      )}
      <FormError form={addForm} />
      <FormError form={endForm} />
      <form onSubmit={submit} aria-label={t('addMember')} data-testid="add-member">
        <Heading level="2" size="small">
          {t('addMember')}
        </Heading>
        <HStack gap="space-12" align="end" wrap>
          <TextField
            label={t('givenName')}
            size="small"
            value={form.givenName}
            error={issues.givenName}
            onChange={(e) => setForm({ ...form, givenName: e.target.value })}
          />
          <TextField
            label={t('familyName')}
            size="small"
            value={form.familyName}
            error={issues.familyName}
            onChange={(e) => setForm({ ...form, familyName: e.target.value })}
          />
          <TextField
            label={t('email')}
            size="small"
            type="email"
            value={form.email}
            error={issues.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
          <Select
            label={t('role')}
            size="small"
            value={offeredRole}
            error={issues.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as (typeof ROLES)[number] })}
          >
            {offered.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </Select>
          <Button size="small" type="submit">
            {t('add')}
          </Button>
        </HStack>
      </form>
      <Table size="small" data-testid="members">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('role')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">
              <span className="aksel-sr-only">{t('actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {members.map((m) => (
            <Table.Row key={m.id}>
              <Table.HeaderCell scope="row">
                {m.user.givenName} {m.user.familyName}
              </Table.HeaderCell>
              <Table.DataCell>{t(`role_${m.role}`)}</Table.DataCell>
              <Table.DataCell>
                <Button size="xsmall" variant="secondary" onClick={() => endRole(m)}>
                  {t('endRole')}
                </Button>
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </VStack>
  );
}
