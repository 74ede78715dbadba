/**
 * The tenant administrator's people and roles: who has which role in the organisation, add a
 * person with a role (the API's typed errors shown next to the field they concern), end a role
 * (with the version it was read at: a concurrent change is reported, never overwritten).
 */
import { graphql, useSession } from '@ips/ui';
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
import { useMutation, useQuery } from 'urql';

const MEMBERS = graphql(`
  query Members($org: ID!) {
    node(id: $org) { id ... on Organization { memberships { id role version endedAt user { id givenName familyName } } } }
  }
`);
const ADD = graphql(`
  mutation AddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      __typename
      ... on MutationAddMemberSuccess { data { id } }
      ... on ValidationError { message issues { field code message } }
      ... on NotFoundError { message }
    }
  }
`);
const END = graphql(`
  mutation EndMembership($input: EndMembershipInput!) {
    endMembership(input: $input) {
      __typename
      ... on Error { message }
    }
  }
`);

const ROLES = [
  'JOB_SPECIALIST',
  'METHOD_SUPERVISOR',
  'HEALTH_SERVICE_LEADER',
  'TENANT_ADMINISTRATOR',
] as const;

type Member = { id: string; version: number };

export function MembersPage() {
  const { t } = useTranslation('organisation');
  const session = useSession();
  const org = btoa(`Organization:${session.organizationId}`);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MEMBERS,
    variables: { org },
  });
  const [, add] = useMutation(ADD);
  const [, end] = useMutation(END);
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
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ variant: 'success' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIssues({});
    const res = await add({ input: { ...form, organizationId: session.organizationId } });
    const result = res.data?.addMember;
    if (result?.__typename === 'MutationAddMemberSuccess') {
      setNotice({ variant: 'success', text: t('added') });
      setForm({ givenName: '', familyName: '', email: '', role: form.role });
      refetch({ requestPolicy: 'network-only' });
    } else if (result?.__typename === 'ValidationError') {
      setIssues(
        Object.fromEntries(
          (result.issues ?? []).map((i) => [
            i.field,
            t(`member_issue_${i.code}`, { defaultValue: i.message }),
          ]),
        ),
      );
    } else {
      setNotice({ variant: 'error', text: result?.message ?? res.error?.message ?? t('failed') });
    }
  };

  const endRole = async (m: Member) => {
    const res = await end({ input: { id: m.id, version: m.version } });
    const result = res.data?.endMembership;
    if (result?.__typename === 'MutationEndMembershipSuccess')
      setNotice({ variant: 'success', text: t('ended') });
    else setNotice({ variant: 'error', text: result?.message ?? res.error?.message ?? t('failed') });
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
        <Alert variant={notice.variant} size="small" role="status">
          {notice.text}
        </Alert>
      )}
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
            value={form.role}
            error={issues.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as (typeof ROLES)[number] })}
          >
            {ROLES.map((r) => (
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
