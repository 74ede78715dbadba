/**
 * The consent flow (docs/domain.md §3, issue 17 item 1), behind `recordConsent`, `changeConsent`,
 * `withdrawConsent`, `grantNavSharing` and `revokeNavSharing`. Only the job seeker's own
 * specialist records, changes and withdraws a consent or a grant (the ability says so). Each
 * change appends a consent event (the history), keeps the expiry duty in step and is logged.
 * Withdrawal takes effect on the next request everywhere, because the ability and row-level
 * security check the consent on every read; here it also stops what waits for NAV's case system.
 * The rules themselves (in force, parts, periods) are `@ips/domain`'s `consent.ts`.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import type { ConsentScope, NavShareScope, Prisma } from '@ips/db';
import {
  consentParts,
  consentPartsIssues,
  consentPeriodIssues,
  osloDay,
  sharedParts,
  tasksForEvent,
} from '@ips/domain';
import type { Context } from '../context.js';
import {
  ConsentRequiredError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from '../schema/errors.js';
import { withdrawNavDeliveries } from '../schema/nav-case-system.js';
import { applyTaskChanges, tuningOf } from './duties.js';
import { readableJobSeeker } from './records.js';
import { updateVersioned } from './versioned.js';

type ConsentRow = Prisma.ConsentGetPayload<object>;
type Owner = { id: string; organizationId: string; currentSpecialistId: string | null };

export interface RecordConsent {
  jobSeekerId: string;
  scope: ConsentScope;
  validFrom?: Date | null;
  validUntil?: Date | null;
  documentReference?: string | null;
  navParts?: readonly NavShareScope[] | null;
}

/** A consent scope the job seeker has given; one per scope and period. */
export async function recordConsent(ctx: Context, input: RecordConsent): Promise<ConsentRow> {
  const js = await readableJobSeeker(ctx, input.jobSeekerId);
  if (!canOn(ctx.ability, 'create', 'Consent', { organizationId: js.organizationId, jobSeeker: js }))
    throw new ForbiddenActionError('Only the job seeker’s own specialist records consent');
  const validFrom = input.validFrom ?? ctx.now;
  const issues: FieldIssue[] = [
    ...consentPeriodIssues(validFrom, input.validUntil),
    ...consentPartsIssues(input.scope, input.navParts),
  ];
  const existing = await ctx.db.consent.findFirst({
    where: {
      jobSeekerId: js.id,
      organizationId: js.organizationId,
      scope: input.scope,
      withdrawnAt: null,
      OR: [{ validUntil: null }, { validUntil: { gt: validFrom } }],
    },
    select: { id: true },
  });
  if (existing)
    issues.push({
      field: 'scope',
      code: 'ALREADY_GIVEN',
      message: 'This scope is already given for the period; change it instead',
    });
  if (issues.length) throw new ValidationError(issues);
  const consent = await ctx.db.consent.create({
    data: {
      organizationId: js.organizationId,
      jobSeekerId: js.id,
      scope: input.scope,
      validFrom,
      validUntil: input.validUntil ?? null,
      documentReference: input.documentReference ?? null,
      recordedById: ctx.actor.userId,
      navParts: input.scope === 'NAV_SHARING' ? consentParts(input.navParts ?? []) : [],
    },
  });
  await appendEvent(ctx, consent, 'GIVEN');
  await openExpiryDuty(ctx, js, consent);
  audit(ctx, 'CREATE', 'Consent', consent, 'Consent.record');
  return consent;
}

export interface ChangeConsent {
  id: string;
  version: number;
  validUntil?: Date | null;
  documentReference?: string | null;
  navParts?: readonly NavShareScope[] | null;
}

/** A new end, document reference or set of NAV parts (version-checked); narrowing narrows every grant. */
export async function changeConsent(ctx: Context, input: ChangeConsent): Promise<ConsentRow> {
  const consent = await readableConsent(ctx, input.id);
  if (!canOn(ctx.ability, 'update', 'Consent', consent))
    throw new ForbiddenActionError('Not your job seeker’s consent');
  if (consent.withdrawnAt)
    throw new ValidationError([
      { field: 'id', code: 'WITHDRAWN', message: 'A withdrawn consent cannot be changed; record a new one' },
    ]);
  const issues: FieldIssue[] = [
    ...consentPeriodIssues(consent.validFrom, input.validUntil),
    ...(input.navParts != null ? consentPartsIssues(consent.scope, input.navParts) : []),
  ];
  if (issues.length) throw new ValidationError(issues);
  const parts = input.navParts != null ? consentParts(input.navParts) : null;
  await updateVersioned(ctx.db.consent, 'Consent', consent.id, input.version, {
    ...(input.validUntil !== undefined ? { validUntil: input.validUntil } : {}),
    ...(input.documentReference !== undefined ? { documentReference: input.documentReference } : {}),
    ...(parts ? { navParts: parts } : {}),
  });
  const updated = await ctx.db.consent.findUniqueOrThrow({ where: { id: consent.id } });
  if (parts) await narrowGrants(ctx, updated.id, parts);
  await appendEvent(ctx, updated, 'CHANGED');
  // A new end date moves the expiry warning.
  const owner = ownerOf(updated, consent.jobSeeker.currentSpecialistId);
  await applyTaskChanges(ctx, owner, tasksForEvent({ kind: 'CONSENT_ENDED', consentId: updated.id }));
  await openExpiryDuty(ctx, owner, updated);
  audit(ctx, 'UPDATE', 'Consent', updated, 'Consent.change');
  return updated;
}

/** Withdraws a consent at once (version-checked); from the next request nobody reads through it. */
export async function withdrawConsent(
  ctx: Context,
  input: { id: string; version: number; note?: string | null },
): Promise<ConsentRow> {
  const consent = await readableConsent(ctx, input.id);
  if (!canOn(ctx.ability, 'withdraw', 'Consent', consent))
    throw new ForbiddenActionError('Not your job seeker’s consent');
  if (consent.withdrawnAt)
    throw new ValidationError([{ field: 'id', code: 'ALREADY_WITHDRAWN', message: 'Already withdrawn' }]);
  await updateVersioned(ctx.db.consent, 'Consent', consent.id, input.version, {
    withdrawnAt: ctx.now,
    withdrawnById: ctx.actor.userId,
    withdrawalNote: input.note ?? null,
  });
  const updated = await ctx.db.consent.findUniqueOrThrow({ where: { id: consent.id } });
  await appendEvent(ctx, updated, 'WITHDRAWN');
  // Issue 17 item 3: what waits for NAV's case system is cancelled and what it holds retracted.
  if (updated.scope === 'SUPPORT_PLAN_TO_NAV_SYSTEM') {
    const js = await ctx.db.jobSeeker.findUniqueOrThrow({
      where: { id: updated.jobSeekerId },
      select: { id: true, organizationId: true, identityNumber: true },
    });
    await withdrawNavDeliveries(ctx, js);
  }
  await applyTaskChanges(
    ctx,
    ownerOf(updated, consent.jobSeeker.currentSpecialistId),
    tasksForEvent({ kind: 'CONSENT_ENDED', consentId: updated.id }),
  );
  audit(ctx, 'UPDATE', 'Consent', updated, 'Consent.withdraw');
  return updated;
}

export interface GrantNavSharing {
  jobSeekerId: string;
  navOfficeId: string;
  counsellorId: string | null;
  scopes: readonly NavShareScope[];
  validUntil?: Date | null;
}

/**
 * Lets a NAV office (or one of its counsellors) read the named parts of the case, from the active
 * NAV-sharing consent: a grant covers no more than the consent, and ends no later than it.
 */
export async function grantNavSharing(ctx: Context, input: GrantNavSharing) {
  const js = await readableJobSeeker(ctx, input.jobSeekerId);
  if (!canOn(ctx.ability, 'create', 'NavSharingGrant', { organizationId: js.organizationId, jobSeeker: js }))
    throw new ForbiddenActionError('Only the job seeker’s own specialist shares with NAV');
  const issues = await grantIssues(ctx, input);
  if (issues.length) throw new ValidationError(issues);
  const consent = await ctx.db.consent.findFirst({
    where: {
      jobSeekerId: js.id,
      organizationId: js.organizationId,
      scope: 'NAV_SHARING',
      withdrawnAt: null,
      validFrom: { lte: ctx.now },
      OR: [{ validUntil: null }, { validUntil: { gt: ctx.now } }],
    },
    orderBy: { validFrom: 'desc' },
  });
  if (!consent) throw new ConsentRequiredError('NAV_SHARING');
  // Consent is the only door (issue 17 item 1): a grant covers no more than the consent.
  const beyond = input.scopes.filter((p) => !consent.navParts.includes(p));
  if (beyond.length)
    throw new ValidationError([
      {
        field: 'scopes',
        code: 'NOT_CONSENTED',
        message: `The NAV-sharing consent does not cover: ${beyond.join(', ')}`,
      },
    ]);
  const validUntil = input.validUntil ?? consent.validUntil;
  const grant = await ctx.db.navSharingGrant.create({
    data: {
      organizationId: js.organizationId,
      jobSeekerId: js.id,
      consentId: consent.id,
      navOfficeId: input.navOfficeId,
      counsellorId: input.counsellorId,
      scopes: sharedParts<NavShareScope>(['BASIC_DETAILS', ...input.scopes], consent.navParts),
      validFrom: ctx.now,
      validUntil:
        validUntil && consent.validUntil && validUntil > consent.validUntil ? consent.validUntil : validUntil,
      grantedById: ctx.actor.userId,
    },
  });
  audit(ctx, 'CREATE', 'NavSharingGrant', grant, 'NavSharingGrant.grant');
  return grant;
}

/** What is wrong with a grant's own fields: no parts, an end in the past, not a NAV office or counsellor. */
async function grantIssues(ctx: Context, input: GrantNavSharing): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.scopes.length === 0)
    issues.push({ field: 'scopes', code: 'EMPTY', message: 'Name at least one scope' });
  if (input.validUntil && input.validUntil <= ctx.now)
    issues.push({ field: 'validUntil', code: 'IN_PAST', message: 'validUntil must be in the future' });
  const office = await ctx.db.organization.findFirst({
    where: { id: input.navOfficeId, kind: 'NAV_OFFICE', active: true },
    select: { id: true },
  });
  if (!office)
    issues.push({
      field: 'navOfficeId',
      code: 'NOT_A_NAV_OFFICE',
      message: 'navOfficeId must be an active NAV office',
    });
  if (office && input.counsellorId) {
    const rows = await ctx.db.$queryRaw<{ ok: boolean }[]>`
      SELECT app.is_nav_counsellor(${input.counsellorId}::uuid, ${office.id}::uuid) AS ok`;
    if (!rows[0]?.ok)
      issues.push({
        field: 'counsellorId',
        code: 'NOT_A_COUNSELLOR_THERE',
        message: 'counsellorId must be a NAV counsellor of that office',
      });
  }
  return issues;
}

/** Ends a NAV sharing grant at once (version-checked). */
export async function revokeNavSharing(ctx: Context, input: { id: string; version: number }) {
  const grant = await ctx.db.navSharingGrant.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'NavSharingGrant'), { id: input.id }] },
    include: { jobSeeker: { select: { currentSpecialistId: true, organizationId: true } } },
  });
  if (!grant) throw new NotFoundError('NavSharingGrant');
  if (!canOn(ctx.ability, 'revoke', 'NavSharingGrant', grant))
    throw new ForbiddenActionError('Not your job seeker’s grant');
  if (grant.revokedAt)
    throw new ValidationError([{ field: 'id', code: 'ALREADY_REVOKED', message: 'Already revoked' }]);
  await updateVersioned(ctx.db.navSharingGrant, 'NavSharingGrant', grant.id, input.version, {
    revokedAt: ctx.now,
    revokedById: ctx.actor.userId,
  });
  const updated = await ctx.db.navSharingGrant.findUniqueOrThrow({ where: { id: grant.id } });
  audit(ctx, 'UPDATE', 'NavSharingGrant', updated, 'NavSharingGrant.revoke');
  return updated;
}

// ───────────── steps ─────────────

/** A consent the user may read, with its job seeker's access fields; otherwise NotFound. */
async function readableConsent(ctx: Context, id: string) {
  const consent = await ctx.db.consent.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'Consent'), { id }] },
    include: { jobSeeker: { select: { currentSpecialistId: true, organizationId: true } } },
  });
  if (!consent) throw new NotFoundError('Consent');
  return consent;
}

const ownerOf = (consent: ConsentRow, currentSpecialistId: string | null): Owner => ({
  id: consent.jobSeekerId,
  organizationId: consent.organizationId,
  currentSpecialistId,
});

/** The duty to renew a consent before it ends (seed 001 §3), when it has an end. */
async function openExpiryDuty(ctx: Context, owner: Owner, consent: ConsentRow) {
  await applyTaskChanges(
    ctx,
    owner,
    tasksForEvent(
      {
        kind: 'CONSENT_GIVEN',
        consentId: consent.id,
        validUntil: consent.validUntil ? osloDay(consent.validUntil) : null,
      },
      await tuningOf(ctx, consent.organizationId),
    ),
  );
}

function audit(
  ctx: Context,
  action: 'CREATE' | 'UPDATE',
  entityType: string,
  row: { id: string; organizationId: string; jobSeekerId: string },
  area: string,
) {
  ctx.audit.record({
    organizationId: row.organizationId,
    jobSeekerId: row.jobSeekerId,
    action,
    area,
    entityType,
    entityId: row.id,
  });
}

/** The consent's history: what it said after each change, and who changed it. */
async function appendEvent(ctx: Context, consent: ConsentRow, kind: 'GIVEN' | 'CHANGED' | 'WITHDRAWN') {
  await ctx.db.consentEvent.create({
    data: {
      organizationId: consent.organizationId,
      consentId: consent.id,
      jobSeekerId: consent.jobSeekerId,
      kind,
      actorId: ctx.actor.userId,
      snapshot: {
        scope: consent.scope,
        validFrom: consent.validFrom.toISOString(),
        validUntil: consent.validUntil?.toISOString() ?? null,
        withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
        documentReference: consent.documentReference,
        ...(consent.scope === 'NAV_SHARING' ? { navParts: consent.navParts } : {}),
        version: consent.version,
      },
    },
  });
}

/**
 * A narrowed NAV-sharing consent takes the parts it no longer covers from every grant standing on
 * it, in the same transaction (reads are already narrowed by the ability and row-level security,
 * which check the consent's parts on every request; this keeps a later widening from silently
 * reopening what a grant named before). Each changed grant is versioned and logged.
 */
async function narrowGrants(ctx: Context, consentId: string, parts: readonly NavShareScope[]) {
  const grants = await ctx.db.navSharingGrant.findMany({
    where: { consentId, revokedAt: null },
    select: { id: true, organizationId: true, jobSeekerId: true, scopes: true },
  });
  for (const g of grants) {
    const kept = sharedParts(g.scopes, parts);
    if (kept.length === g.scopes.length) continue;
    await ctx.db.navSharingGrant.update({
      where: { id: g.id },
      data: { scopes: kept, version: { increment: 1 } },
    });
    audit(ctx, 'UPDATE', 'NavSharingGrant', g, 'NavSharingGrant.narrowedByConsent');
  }
}
