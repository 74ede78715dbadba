/**
 * Sharing with NAV: the grants with their parts, period and state, revoking one, and granting a NAV
 * office access to the parts the job seeker's consents in force cover — nothing else is offered (the
 * API refuses without the NAV-sharing consent; its typed error is shown if it does). A grant whose
 * consent is withdrawn or expired stays listed as stopped. Rules: docs/consent-and-profile.md.
 */
import {
  ConflictErrorFields,
  ConsentRequiredErrorFields,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  osloToday,
  ownIssueText,
  rawId,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import {
  Alert,
  BodyShort,
  Box,
  Button,
  Checkbox,
  CheckboxGroup,
  Detail,
  Heading,
  HStack,
  Select,
  Tag,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { type ConsentView, consentState, dayEnd } from './ConsentPanel.js';
import type { JobSeekerView } from './query.js';

type Grant = JobSeekerView['navSharingGrants'][number];
type NavScope = Grant['scopes'][number];

/** The parts a specialist picks; basic details always go with them (the API adds them). */
const PICKABLE: readonly NavScope[] = [
  'EMPLOYMENT_STATUS',
  'CAREER_PROFILE',
  'SUPPORT_PLAN',
  'DIALOGUE',
  'BENEFITS_COUNSELLING',
];

/**
 * The NAV parts the consent in force covers (issue 17 item 1: consent is the only door): nothing
 * without the NAV-sharing consent; with it, exactly the parts the job seeker consented to. A grant
 * can cover no more (the API refuses with NOT_CONSENTED).
 */
export function navScopesCovered(consents: readonly ConsentView[], now: Date = new Date()): NavScope[] {
  const inForce = consents.find((c) => c.scope === 'NAV_SHARING' && consentState(c, now) === 'active');
  return inForce ? [...inForce.navParts] : [];
}

export function grantState(g: Grant, now: Date = new Date()): 'active' | 'stopped' | 'ended' | 'expired' {
  if (g.revokedAt) return 'ended';
  if (g.validUntil && new Date(g.validUntil) <= now) return 'expired';
  return g.active ? 'active' : 'stopped';
}

const NAV_OFFICES = graphql(`
  query NavOffices { navOffices { id name } }
`);

const GRANT = graphql(
  `
  mutation GrantNavSharing($input: GrantNavSharingInput!) {
    grantNavSharing(input: $input) {
      __typename
      ... on MutationGrantNavSharingSuccess { data { id scopes validFrom validUntil revokedAt version active sharedParts sharedUntil navOffice { id name } } }
      ...ConsentRequiredErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConsentRequiredErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

const REVOKE = graphql(
  `
  mutation RevokeNavSharing($input: RevokeNavSharingInput!) {
    revokeNavSharing(input: $input) {
      __typename
      ... on MutationRevokeNavSharingSuccess { data { id scopes validFrom validUntil revokedAt version active sharedParts sharedUntil navOffice { id name } } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

export interface NavSharingProps {
  grants: readonly Grant[];
  consents: readonly ConsentView[];
  /** The job seeker's raw id. */
  jobSeekerId: string;
  /** Whether the user grants and revokes (the ability decides). */
  canEdit: boolean;
  onChanged: () => void;
}

export function NavSharing({ grants, consents, jobSeekerId, canEdit, onChanged }: NavSharingProps) {
  const { t } = useTranslation('portfolio');
  const [granting, setGranting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const covered = navScopesCovered(consents);
  const revoke = useMutationForm(REVOKE, {
    fields: [],
    issueText: ownIssueText(t, 'nsh_issue_'),
    failureText: (f) => (f.kind === 'conflict' ? t('nsh_conflict') : undefined),
  });
  const parts = (g: Grant) => g.scopes.map((s) => t(`navScope_${s}`)).join(', ');
  return (
    <section aria-labelledby="nav-sharing-heading">
      <Heading level="2" size="small" id="nav-sharing-heading">
        {t('nsh_title')}
      </Heading>
      {notice ? (
        <Alert variant="success" size="small" role="status" style={{ marginBlock: '0.5rem' }}>
          {notice}
        </Alert>
      ) : null}
      <FormError form={revoke} />
      {grants.length === 0 ? (
        <BodyShort>{t('nsh_none')}</BodyShort>
      ) : (
        <ul style={{ display: 'grid', gap: '0.75rem', padding: 0, listStyle: 'none' }}>
          {grants.map((g) => {
            const state = grantState(g);
            return (
              <li key={g.id} data-grant-state={state}>
                <VStack gap="space-4">
                  <HStack gap="space-8" align="center" wrap>
                    <strong>{g.navOffice.name}</strong>
                    <Tag
                      size="xsmall"
                      variant={state === 'active' ? 'success' : state === 'stopped' ? 'warning' : 'neutral'}
                    >
                      {t(`nsh_${state}`)}
                    </Tag>
                  </HStack>
                  <BodyShort size="small">{parts(g)}</BodyShort>
                  {state === 'active' && g.sharedParts.length !== g.scopes.length ? (
                    <BodyShort size="small">
                      {t('nsh_shared', { parts: g.sharedParts.map((s) => t(`navScope_${s}`)).join(', ') })}
                    </BodyShort>
                  ) : null}
                  <Detail>
                    {g.validUntil
                      ? t('nsh_period', { from: formatDay(g.validFrom), until: formatDay(g.validUntil) })
                      : t('nsh_periodOpen', { from: formatDay(g.validFrom) })}
                  </Detail>
                  {canEdit && !g.revokedAt ? (
                    <div>
                      <Button
                        size="small"
                        variant="tertiary"
                        loading={revoke.fetching}
                        aria-label={`${t('nsh_revoke')}: ${g.navOffice.name}`}
                        onClick={async () => {
                          setNotice(null);
                          const res = await revoke.send({ input: { id: g.id, version: g.version } });
                          if (res.ok) setNotice(t('nsh_revoked', { office: g.navOffice.name }));
                          onChanged();
                        }}
                      >
                        {t('nsh_revoke')}
                      </Button>
                    </div>
                  ) : null}
                </VStack>
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && covered.length === 0 ? (
        <Alert variant="info" size="small" inline style={{ marginBlock: '0.5rem' }}>
          {t('nsh_noConsent')}
        </Alert>
      ) : null}
      {canEdit && covered.length > 0 && !granting ? (
        <Button
          size="small"
          variant="secondary"
          style={{ marginBlockStart: '0.5rem' }}
          onClick={() => {
            setNotice(null);
            setGranting(true);
          }}
        >
          {t('nsh_open')}
        </Button>
      ) : null}
      {canEdit && covered.length > 0 && granting ? (
        <GrantForm
          jobSeekerId={jobSeekerId}
          covered={covered}
          onCancel={() => setGranting(false)}
          onDone={(office) => {
            setGranting(false);
            setNotice(t('nsh_granted', { office }));
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}

function GrantForm({
  jobSeekerId,
  covered,
  onCancel,
  onDone,
}: {
  jobSeekerId: string;
  covered: readonly NavScope[];
  onCancel: () => void;
  onDone: (office: string) => void;
}) {
  const { t } = useTranslation('portfolio');
  const [{ data: offices }] = useQuery({ query: NAV_OFFICES });
  const [office, setOffice] = useState('');
  const [scopes, setScopes] = useState<NavScope[]>([]);
  const [until, setUntil] = useState('');
  const form = useMutationForm(GRANT, {
    fields: ['navOfficeId', 'scopes', 'validUntil'],
    issueText: ownIssueText(t, 'nsh_issue_'),
    failureText: (f) =>
      f.kind === 'consent' ? t('nsh_consentRequired', { scope: t(`scope_${f.scope}`) }) : undefined,
  });
  const offered = PICKABLE.filter((s) => covered.includes(s));
  const notOffered = PICKABLE.filter((s) => !covered.includes(s));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!office) local.navOfficeId = t('nsh_issue_NOT_A_NAV_OFFICE');
    if (scopes.length === 0) local.scopes = t('nsh_issue_EMPTY');
    if (until && until <= osloToday()) local.validUntil = t('nsh_issue_IN_PAST');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: {
        jobSeekerId,
        navOfficeId: rawId(office),
        scopes,
        validUntil: until ? dayEnd(until) : null,
      },
    });
    if (res.ok) onDone(offices?.navOffices.find((o) => o.id === office)?.name ?? '');
  };
  return (
    <Box
      as="form"
      onSubmit={submit}
      aria-label={t('nsh_grantTitle')}
      padding="space-12"
      borderWidth="1"
      borderRadius="8"
      style={{ maxWidth: '36rem', marginBlockStart: '0.5rem' }}
    >
      <VStack gap="space-12">
        <Heading level="3" size="xsmall">
          {t('nsh_grantTitle')}
        </Heading>
        <FormError form={form} />
        <Select
          label={t('nsh_office')}
          value={office}
          error={form.fieldErrors.navOfficeId}
          onChange={(e) => setOffice(e.target.value)}
        >
          <option value="">{t('nsh_chooseOffice')}</option>
          {(offices?.navOffices ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
        <CheckboxGroup
          legend={t('nsh_parts')}
          description={t('nsh_partsHelp')}
          value={scopes}
          error={form.fieldErrors.scopes}
          onChange={(v: NavScope[]) => setScopes(v)}
        >
          {offered.map((s) => (
            <Checkbox key={s} value={s}>
              {t(`navScope_${s}`)}
            </Checkbox>
          ))}
        </CheckboxGroup>
        {notOffered.length ? (
          <Detail>
            {t('nsh_notCovered', { parts: notOffered.map((s) => t(`navScope_${s}`)).join(', ') })}
          </Detail>
        ) : null}
        <DateField
          label={t('nsh_validUntil')}
          description={t('nsh_validUntilHelp')}
          value={until}
          onChange={setUntil}
          error={form.fieldErrors.validUntil}
        />
        <HStack gap="space-8" wrap>
          <Button type="submit" size="small" loading={form.fetching}>
            {t('nsh_grant')}
          </Button>
          <Button type="button" size="small" variant="tertiary" onClick={onCancel}>
            {t('con_cancel')}
          </Button>
        </HStack>
      </VStack>
    </Box>
  );
}
