/**
 * The consent panel (samtykke): every scope the API knows, given or not, with its state and period,
 * and — for the job seeker's own specialist — recording a consent, changing its period or document
 * reference (version-checked) and withdrawing it after a confirmation that says what withdrawal
 * does. After each change the page is read again, so whatever depended on the consent (NAV grants,
 * the offer to send the plan to NAV) changes on the same screen. Rules: docs/consent-and-profile.md.
 */
import {
  ConflictErrorFields,
  FormError,
  formatDay,
  graphql,
  NotFoundErrorFields,
  osloInstant,
  osloToday,
  ownIssueText,
  useMutationForm,
  ValidationErrorFields,
} from '@ips/ui';
import { DateField } from '@ips/ui/date-field';
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Detail,
  Heading,
  HStack,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitRow } from './form-rows.js';
import { NavConsentParts, type NavPart, withBasic } from './NavConsentParts.js';
import type { JobSeekerView } from './query.js';

export type ConsentView = JobSeekerView['consents'][number];
type Grant = JobSeekerView['navSharingGrants'][number];

/** The scopes of the API's `ConsentScope`, in the order the panel shows them (domain.md §3). */
export const CONSENT_SCOPES = [
  'TEAM_CASE_DISCUSSION',
  'NAV_SHARING',
  'SUPPORT_PLAN_TO_NAV_SYSTEM',
  'EMPLOYER_CONTACT',
  'HEALTH_TEAM_COLLABORATION',
  'RELATIVES_NETWORK',
  'CROSS_SERVICE_TRANSFER',
] as const satisfies readonly ConsentView['scope'][];

export type ConsentState = 'active' | 'pending' | 'withdrawn' | 'expired';

export function consentState(c: ConsentView, now: Date = new Date()): ConsentState {
  if (c.withdrawnAt) return 'withdrawn';
  if (c.active) return 'active';
  return new Date(c.validFrom) > now ? 'pending' : 'expired';
}

/** The consent that speaks for a scope now: one in force or starting later, else the latest. */
export function currentConsent(consents: readonly ConsentView[], scope: string): ConsentView | undefined {
  const ofScope = consents.filter((c) => c.scope === scope);
  return (
    ofScope.find((c) => ['active', 'pending'].includes(consentState(c))) ??
    [...ofScope].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]
  );
}

/** The instant an Oslo day starts. */
export const dayStart = (day: string) => osloInstant(day, '00:00');

/** The last millisecond of an Oslo day: "valid until and including" that day. */
export function dayEnd(day: string): string | null {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  const start = osloInstant(next, '00:00');
  return start ? new Date(new Date(start).getTime() - 1).toISOString() : null;
}

const RECORD_CONSENT = graphql(
  `
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      __typename
      ... on MutationRecordConsentSuccess { data { id scope active validFrom validUntil withdrawnAt recordedAt version documentReference navParts } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

const CHANGE_CONSENT = graphql(
  `
  mutation ChangeConsent($input: ChangeConsentInput!) {
    changeConsent(input: $input) {
      __typename
      ... on MutationChangeConsentSuccess { data { id scope active validFrom validUntil withdrawnAt recordedAt version documentReference navParts } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

const WITHDRAW_CONSENT = graphql(
  `
  mutation WithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) {
      __typename
      ... on MutationWithdrawConsentSuccess { data { id scope active validFrom validUntil withdrawnAt recordedAt version documentReference navParts } }
      ...ConflictErrorFields
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [ConflictErrorFields, NotFoundErrorFields, ValidationErrorFields],
);

export interface ConsentPanelProps {
  consents: readonly ConsentView[];
  grants: readonly Grant[];
  /** The job seeker's raw id (what the mutations take). */
  jobSeekerId: string;
  /** Whether the user records, changes and withdraws consents (the ability decides). */
  canEdit: boolean;
  /** Reads the page again from the API (network only). */
  onChanged: () => void;
}

type Action = 'record' | 'change' | 'withdraw';
type Open = { scope: string; action: Action } | null;

/** A consent's state in words and colour: in force, withdrawn, expired, from a later day, or never given. */
function ConsentStateTag({
  state,
  validFrom,
}: {
  state: ConsentState | null;
  validFrom: string | undefined;
}) {
  const { t } = useTranslation('portfolio');
  return (
    <Tag
      size="xsmall"
      variant={
        state === 'active'
          ? 'success'
          : state === 'withdrawn'
            ? 'error'
            : state === 'pending'
              ? 'info'
              : 'neutral'
      }
    >
      {state === 'active'
        ? t('js_consentActive')
        : state === 'withdrawn'
          ? t('js_consentWithdrawn')
          : state === 'expired'
            ? t('js_consentExpired')
            : state === 'pending'
              ? t('con_pending', { from: formatDay(validFrom) })
              : t('con_notGiven')}
    </Tag>
  );
}

export function ConsentPanel({ consents, grants, jobSeekerId, canEdit, onChanged }: ConsentPanelProps) {
  const { t } = useTranslation('portfolio');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (text: string) => {
    setOpen(null);
    setNotice(text);
    onChanged();
  };
  return (
    <section aria-labelledby="consents-heading" id="consent-panel">
      <Heading level="2" size="small" id="consents-heading">
        {t('js_consents')}
      </Heading>
      {notice ? (
        <Alert variant="success" size="small" role="status" style={{ marginBlock: '0.5rem' }}>
          {notice}
        </Alert>
      ) : null}
      {consents.length === 0 ? <BodyShort>{t('js_noConsents')}</BodyShort> : null}
      <ul style={{ display: 'grid', gap: '0.75rem', padding: 0, listStyle: 'none' }}>
        {CONSENT_SCOPES.map((scope) => {
          const c = currentConsent(consents, scope);
          const state = c ? consentState(c) : null;
          const live = state === 'active' || state === 'pending';
          const isOpen = open?.scope === scope ? open.action : null;
          const openForm = (action: Action) => {
            setNotice(null);
            setOpen({ scope, action });
          };
          return (
            <li key={scope} data-scope={scope} data-state={state ?? 'none'}>
              <VStack gap="space-4">
                <HStack gap="space-8" align="center" wrap>
                  <strong>{t(`scope_${scope}`)}</strong>
                  <ConsentStateTag state={state} validFrom={c?.validFrom} />
                </HStack>
                {c ? (
                  <Detail>
                    {c.validUntil
                      ? t('js_consentValid', { from: formatDay(c.validFrom), until: formatDay(c.validUntil) })
                      : t('js_consentValidOpen', { from: formatDay(c.validFrom) })}
                    {c.withdrawnAt ? ` · ${t('con_withdrawnOn', { date: formatDay(c.withdrawnAt) })}` : ''}
                    {c.documentReference ? ` · ${t('con_document', { ref: c.documentReference })}` : ''}
                  </Detail>
                ) : null}
                {c && scope === 'NAV_SHARING' && c.navParts.length ? (
                  <BodyShort size="small" data-testid="nav-consent-parts">
                    {t('np_parts', { parts: c.navParts.map((p) => t(`navScope_${p}`)).join(', ') })}
                  </BodyShort>
                ) : null}
                {canEdit && !isOpen ? (
                  <HStack gap="space-8" wrap>
                    {live && c ? (
                      <>
                        <Button
                          size="small"
                          variant="secondary"
                          aria-label={`${t('con_change')}: ${t(`scope_${scope}`)}`}
                          onClick={() => openForm('change')}
                        >
                          {t('con_change')}
                        </Button>
                        <Button
                          size="small"
                          variant="tertiary"
                          aria-label={`${t('con_withdraw')}: ${t(`scope_${scope}`)}`}
                          onClick={() => openForm('withdraw')}
                        >
                          {t('con_withdraw')}
                        </Button>
                      </>
                    ) : (
                      <Button
                        size="small"
                        variant="secondary"
                        aria-label={`${t('con_record')}: ${t(`scope_${scope}`)}`}
                        onClick={() => openForm('record')}
                      >
                        {t('con_record')}
                      </Button>
                    )}
                  </HStack>
                ) : null}
                {isOpen === 'record' ? (
                  <RecordConsentForm
                    scope={scope}
                    jobSeekerId={jobSeekerId}
                    onCancel={() => setOpen(null)}
                    onDone={() => done(t('con_recorded', { scope: t(`scope_${scope}`) }))}
                  />
                ) : null}
                {isOpen === 'change' && c ? (
                  <ChangeConsentForm
                    consent={c}
                    onCancel={() => setOpen(null)}
                    onReload={() => {
                      setOpen(null);
                      onChanged();
                    }}
                    onDone={() => done(t('con_changed', { scope: t(`scope_${scope}`) }))}
                  />
                ) : null}
                {isOpen === 'withdraw' && c ? (
                  <WithdrawConsent
                    consent={c}
                    grants={grants}
                    onCancel={() => setOpen(null)}
                    onReload={() => {
                      setOpen(null);
                      onChanged();
                    }}
                    onDone={() => done(t('con_withdrawnDone', { scope: t(`scope_${scope}`) }))}
                  />
                ) : null}
              </VStack>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const boxStyle = { maxWidth: '36rem' } as const;

/** A consent form in its box (a red one for a withdrawal): the title as the form's name and heading, then its rows. */
function ConsentFormBox({
  title,
  onSubmit,
  danger,
  children,
}: {
  title: string;
  onSubmit: (e: FormEvent) => void;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <Box
      as="form"
      onSubmit={onSubmit}
      aria-label={title}
      padding="space-12"
      borderWidth="1"
      borderRadius="8"
      borderColor={danger ? 'danger' : undefined}
      style={boxStyle}
    >
      <VStack gap="space-12">
        <Heading level="3" size="xsmall">
          {title}
        </Heading>
        {children}
      </VStack>
    </Box>
  );
}

function RecordConsentForm({
  scope,
  jobSeekerId,
  onCancel,
  onDone,
}: {
  scope: string;
  jobSeekerId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [from, setFrom] = useState(osloToday());
  const [until, setUntil] = useState('');
  const [documentReference, setDocumentReference] = useState('');
  const [navParts, setNavParts] = useState<NavPart[]>(withBasic([]));
  const form = useMutationForm(RECORD_CONSENT, {
    fields: ['validFrom', 'validUntil', 'documentReference', 'navParts'],
    issueText: ownIssueText(t, 'con_issue_'),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!from) local.validFrom = t('con_issue_REQUIRED');
    if (from && until && until < from) local.validUntil = t('con_issue_BEFORE_START');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send({
      input: {
        jobSeekerId,
        scope: scope as ConsentView['scope'],
        validFrom: dayStart(from),
        validUntil: until ? dayEnd(until) : null,
        documentReference: documentReference.trim() || null,
        ...(scope === 'NAV_SHARING' ? { navParts } : {}),
      },
    });
    if (res.ok) onDone();
  };
  const title = t('con_recordTitle', { scope: t(`scope_${scope}`) });
  return (
    <ConsentFormBox title={title} onSubmit={submit}>
      <FormError form={form} />
      <DateField
        label={t('con_validFrom')}
        value={from}
        onChange={setFrom}
        error={form.fieldErrors.validFrom}
      />
      <DateField
        label={t('con_validUntil')}
        description={t('con_validUntilHelp')}
        value={until}
        onChange={setUntil}
        error={form.fieldErrors.validUntil}
      />
      {scope === 'NAV_SHARING' ? (
        <NavConsentParts value={navParts} onChange={setNavParts} error={form.fieldErrors.navParts} />
      ) : null}
      <TextField
        label={t('con_documentReference')}
        description={t('con_documentReferenceHelp')}
        value={documentReference}
        maxLength={500}
        error={form.fieldErrors.documentReference}
        onChange={(e) => setDocumentReference(e.target.value)}
      />
      <SubmitRow
        submitLabel={t('con_save')}
        cancelLabel={t('con_cancel')}
        fetching={form.fetching}
        onCancel={onCancel}
        size="small"
      />
    </ConsentFormBox>
  );
}

function ChangeConsentForm({
  consent,
  onCancel,
  onReload,
  onDone,
}: {
  consent: ConsentView;
  onCancel: () => void;
  onReload: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [until, setUntil] = useState(consent.validUntil ? osloToday(new Date(consent.validUntil)) : '');
  const [documentReference, setDocumentReference] = useState(consent.documentReference ?? '');
  const [navParts, setNavParts] = useState<NavPart[]>(withBasic(consent.navParts));
  // The version the form was opened on: a save in between is a conflict, not an overwrite.
  const [version] = useState(consent.version);
  const form = useMutationForm(CHANGE_CONSENT, {
    fields: ['validUntil', 'documentReference', 'navParts'],
    issueText: ownIssueText(t, 'con_issue_'),
    failureText: (f) => (f.kind === 'conflict' ? t('con_conflict') : undefined),
  });
  const from = osloToday(new Date(consent.validFrom));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (until && until < from) {
      form.setFieldErrors({ validUntil: t('con_issue_BEFORE_START') });
      return;
    }
    const res = await form.send({
      input: {
        id: consent.id,
        version,
        validUntil: until ? dayEnd(until) : null,
        documentReference: documentReference.trim() || null,
        ...(consent.scope === 'NAV_SHARING' ? { navParts } : {}),
      },
    });
    if (res.ok) onDone();
  };
  const title = t('con_changeTitle', { scope: t(`scope_${consent.scope}`) });
  const conflict = form.failure?.kind === 'conflict';
  return (
    <ConsentFormBox title={title} onSubmit={submit}>
      <FormError form={form} />
      {conflict ? (
        <Button type="button" size="small" variant="secondary" onClick={onReload}>
          {t('con_reload')}
        </Button>
      ) : null}
      <DateField
        label={t('con_validUntil')}
        description={t('con_validUntilHelp')}
        value={until}
        onChange={setUntil}
        fromDay={from}
        error={form.fieldErrors.validUntil}
      />
      {consent.scope === 'NAV_SHARING' ? (
        <NavConsentParts
          value={navParts}
          onChange={setNavParts}
          error={form.fieldErrors.navParts}
          narrowing
        />
      ) : null}
      <TextField
        label={t('con_documentReference')}
        value={documentReference}
        maxLength={500}
        error={form.fieldErrors.documentReference}
        onChange={(e) => setDocumentReference(e.target.value)}
      />
      <SubmitRow
        submitLabel={t('con_save')}
        cancelLabel={t('con_cancel')}
        fetching={form.fetching}
        disabled={conflict}
        onCancel={onCancel}
        size="small"
      />
    </ConsentFormBox>
  );
}

function WithdrawConsent({
  consent,
  grants,
  onCancel,
  onReload,
  onDone,
}: {
  consent: ConsentView;
  grants: readonly Grant[];
  onCancel: () => void;
  onReload: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [note, setNote] = useState('');
  const form = useMutationForm(WITHDRAW_CONSENT, {
    fields: ['note'],
    issueText: ownIssueText(t, 'con_issue_'),
    failureText: (f) => (f.kind === 'conflict' ? t('con_conflict') : undefined),
  });
  // At most one NAV-sharing consent is in force at a time (the API refuses an overlapping one), so
  // every active grant stands on this one.
  const affected = consent.scope === 'NAV_SHARING' ? grants.filter((g) => g.active) : [];
  const title = t('con_withdrawTitle', { scope: t(`scope_${consent.scope}`) });
  const conflict = form.failure?.kind === 'conflict';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await form.send({
      input: { id: consent.id, version: consent.version, note: note.trim() || null },
    });
    if (res.ok) onDone();
  };
  return (
    <ConsentFormBox title={title} onSubmit={submit} danger>
      <BodyLong size="small">{t(`con_effect_${consent.scope}`)}</BodyLong>
      {affected.length ? (
        <div>
          <BodyShort size="small">{t('con_effectGrants')}</BodyShort>
          <ul>
            {affected.map((g) => (
              <li key={g.id}>
                {g.navOffice.name}: {g.scopes.map((s) => t(`navScope_${s}`)).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <BodyLong size="small">{t('con_withdrawNow')}</BodyLong>
      <FormError form={form} />
      {conflict ? (
        <Button type="button" size="small" variant="secondary" onClick={onReload}>
          {t('con_reload')}
        </Button>
      ) : null}
      <Textarea
        label={t('con_withdrawNote')}
        value={note}
        maxLength={2000}
        minRows={2}
        error={form.fieldErrors.note}
        onChange={(e) => setNote(e.target.value)}
      />
      <HStack gap="space-8" wrap>
        <Button type="submit" size="small" variant="danger" loading={form.fetching} disabled={conflict}>
          {t('con_withdrawConfirm')}
        </Button>
        <Button type="button" size="small" variant="tertiary" onClick={onCancel}>
          {t('con_cancel')}
        </Button>
      </HStack>
    </ConsentFormBox>
  );
}
