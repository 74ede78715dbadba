/**
 * Consent (samtykke) per scope, with its history, and the NAV sharing grants derived from a
 * NAV-sharing consent. Only the job seeker's own specialist records, changes and withdraws them
 * (the ability says so); withdrawal takes effect on the next request everywhere, because both the
 * ability and row-level security check the consent on every read.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { ConsentScope, NavShareScope, type Prisma, type TransactionClient } from '@ips/db';
import { osloDay, tasksForEvent } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { applyTaskChanges, tuningOf } from '../services/duties.js';
import {
  ConflictError,
  ConsentRequiredError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { conflictNow } from './lookups.js';
import { withdrawNavDeliveries } from './nav-case-system.js';

const ConsentScopeEnum = builder.enumType(ConsentScope, { name: 'ConsentScope' });
const NavShareScopeEnum = builder.enumType(NavShareScope, { name: 'NavShareScope' });

const isActive = (c: { withdrawnAt: Date | null; validFrom: Date; validUntil: Date | null }, now: Date) =>
  c.withdrawnAt === null && c.validFrom <= now && (c.validUntil === null || c.validUntil > now);

const grantActive = (
  g: {
    revokedAt: Date | null;
    validFrom: Date;
    validUntil: Date | null;
    consent: { withdrawnAt: Date | null; validFrom: Date; validUntil: Date | null };
  },
  now: Date,
) =>
  g.revokedAt === null &&
  g.validFrom <= now &&
  (g.validUntil === null || g.validUntil > now) &&
  isActive(g.consent, now);

/** The parts NAV reads through a grant: the grant's within the consent's (issue 17 item 1). */
export const sharedParts = (grantScopes: readonly NavShareScope[], consentParts: readonly NavShareScope[]) =>
  NAV_PARTS.filter((p) => grantScopes.includes(p) && consentParts.includes(p));

const earlier = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/** The parts of a case NAV may read, in the order screens show them. */
export const NAV_PARTS: readonly NavShareScope[] = [
  'BASIC_DETAILS',
  'EMPLOYMENT_STATUS',
  'CAREER_PROFILE',
  'SUPPORT_PLAN',
  'DIALOGUE',
  'BENEFITS_COUNSELLING',
];

/**
 * The parts a NAV-sharing consent records: what the job seeker named, with basic details always
 * (NAV cannot work on a case without knowing whose it is), in a fixed order.
 */
const consentParts = (named: readonly NavShareScope[]) =>
  NAV_PARTS.filter((p) => p === 'BASIC_DETAILS' || named.includes(p));

/**
 * Checks the parts given with a consent: required for NAV sharing (basic details alone is a valid
 * answer), refused for any other scope.
 */
function checkParts(scope: ConsentScope, parts: readonly NavShareScope[] | null | undefined): FieldIssue[] {
  if (scope === 'NAV_SHARING')
    return parts == null || parts.length === 0
      ? [
          {
            field: 'navParts',
            code: 'REQUIRED',
            message: 'Name the parts the job seeker consented to share with NAV',
          },
        ]
      : [];
  return parts && parts.length > 0
    ? [
        {
          field: 'navParts',
          code: 'ONLY_NAV_SHARING',
          message: 'Only the consent to share with NAV has parts',
        },
      ]
    : [];
}

export const ConsentType = builder.prismaObject('Consent', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    scope: t.expose('scope', { type: ConsentScopeEnum }),
    validFrom: t.expose('validFrom', { type: 'DateTime' }),
    validUntil: t.expose('validUntil', { type: 'DateTime', nullable: true }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    documentReference: t.exposeString('documentReference', { nullable: true }),
    withdrawnAt: t.expose('withdrawnAt', { type: 'DateTime', nullable: true }),
    withdrawalNote: t.exposeString('withdrawalNote', { nullable: true }),
    navParts: t.field({
      type: [NavShareScopeEnum],
      description:
        'NAV sharing only: the parts of the case the job seeker consented to share with NAV (basic details always); empty for every other scope.',
      select: { navParts: true },
      resolve: (c) => c.navParts,
    }),
    version: t.exposeInt('version'),
    active: t.boolean({
      select: { withdrawnAt: true, validFrom: true, validUntil: true },
      resolve: (c, _a, ctx) => isActive(c, ctx.now),
    }),
  }),
});

export const NavSharingGrantType = builder.prismaObject('NavSharingGrant', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    scopes: t.expose('scopes', { type: [NavShareScopeEnum] }),
    validFrom: t.expose('validFrom', { type: 'DateTime' }),
    validUntil: t.expose('validUntil', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    navOffice: t.relation('navOffice'),
    sharedParts: t.field({
      type: [NavShareScopeEnum],
      description:
        'What NAV reads through the grant now: its parts that the NAV-sharing consent covers (none when the grant or the consent is not active). The consent is the only door: narrowing it narrows this at once.',
      select: {
        scopes: true,
        revokedAt: true,
        validFrom: true,
        validUntil: true,
        consent: { select: { withdrawnAt: true, validFrom: true, validUntil: true, navParts: true } },
      },
      resolve: (g, _a, ctx) => (grantActive(g, ctx.now) ? sharedParts(g.scopes, g.consent.navParts) : []),
    }),
    sharedUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'Until when the sharing lasts: the earlier end of the grant and of its consent (null: until further notice, while neither ends).',
      select: { validUntil: true, consent: { select: { validUntil: true } } },
      resolve: (g) => earlier(g.validUntil, g.consent.validUntil),
    }),
    active: t.boolean({
      description:
        'Whether NAV reads through the grant now: not revoked, within its period, and its NAV-sharing consent neither withdrawn nor expired (the rule the ability and row-level security apply).',
      select: {
        revokedAt: true,
        validFrom: true,
        validUntil: true,
        consent: { select: { withdrawnAt: true, validFrom: true, validUntil: true } },
      },
      resolve: (g, _a, ctx) => grantActive(g, ctx.now),
    }),
  }),
});

/**
 * The NAV offices a grant can name (active organisations of kind NAV office), by name. Organisation
 * names are not personal data (every signed-in user reads them, see the row-level security), and a
 * specialist must be able to pick the office the job seeker's counsellor works at.
 */
builder.queryField('navOffices', (t) =>
  t.prismaField({
    type: ['Organization'],
    description: 'The active NAV offices, by name: what a NAV sharing grant can name.',
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.organization.findMany({
        ...query,
        where: { kind: 'NAV_OFFICE', active: true },
        orderBy: { name: 'asc' },
        take: 500,
      }),
  }),
);

builder.prismaObjectField(JobSeekerNode, 'consents', (t) =>
  t.relation('consents', {
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'Consent'),
      orderBy: [{ scope: 'asc' }, { validFrom: 'desc' }],
    }),
  }),
);

builder.prismaObjectField(JobSeekerNode, 'navSharingGrants', (t) =>
  t.relation('navSharingGrants', {
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'NavSharingGrant'),
      orderBy: [{ validFrom: 'desc' }],
    }),
  }),
);

// ───────────── helpers ─────────────

/** The job seeker if the user may read it; otherwise a NotFoundError (never "forbidden"). */
async function readableJobSeeker(ctx: Context, id: string) {
  const js = await ctx.db.jobSeeker.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id }] },
    select: { id: true, organizationId: true, currentSpecialistId: true, teamId: true },
  });
  if (!js) throw new NotFoundError('JobSeeker');
  return js;
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

async function appendEvent(
  db: TransactionClient,
  ctx: Context,
  consent: Prisma.ConsentGetPayload<object>,
  kind: 'GIVEN' | 'CHANGED' | 'WITHDRAWN',
) {
  await db.consentEvent.create({
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

function checkPeriod(validFrom: Date, validUntil: Date | null | undefined): FieldIssue[] {
  return validUntil && validUntil <= validFrom
    ? [{ field: 'validUntil', code: 'BEFORE_START', message: 'validUntil must be after validFrom' }]
    : [];
}

const uuid = z.uuid();

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

// ───────────── mutations ─────────────

const RecordConsentInput = builder.inputType('RecordConsentInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: uuid }),
    scope: t.field({ type: ConsentScopeEnum, required: true }),
    validFrom: t.field({ type: 'DateTime', required: false }),
    validUntil: t.field({ type: 'DateTime', required: false }),
    documentReference: t.string({ required: false, validate: z.string().max(500) }),
    navParts: t.field({
      type: [NavShareScopeEnum],
      required: false,
      description:
        'NAV sharing only (and required there): the parts the job seeker consented to share with NAV.',
    }),
  }),
});

const ChangeConsentInput = builder.inputType('ChangeConsentInput', {
  fields: (t) => ({
    id: t.id({ required: true, validate: uuid }),
    version: t.int({ required: true }),
    validUntil: t.field({ type: 'DateTime', required: false }),
    documentReference: t.string({ required: false, validate: z.string().max(500) }),
    navParts: t.field({
      type: [NavShareScopeEnum],
      required: false,
      description:
        'NAV sharing only: the parts the job seeker now consents to. Narrowing takes a part from every grant at once.',
    }),
  }),
});

const WithdrawConsentInput = builder.inputType('WithdrawConsentInput', {
  fields: (t) => ({
    id: t.id({ required: true, validate: uuid }),
    version: t.int({ required: true }),
    note: t.string({ required: false, validate: z.string().max(2000) }),
  }),
});

const GrantNavSharingInput = builder.inputType('GrantNavSharingInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: uuid }),
    navOfficeId: t.id({ required: true, validate: uuid }),
    counsellorId: t.id({ required: false, validate: uuid }),
    scopes: t.field({ type: [NavShareScopeEnum], required: true }),
    validUntil: t.field({ type: 'DateTime', required: false }),
  }),
});

const RevokeNavSharingInput = builder.inputType('RevokeNavSharingInput', {
  fields: (t) => ({
    id: t.id({ required: true, validate: uuid }),
    version: t.int({ required: true }),
  }),
});

/** Loads a consent the user may read, with its job seeker's access fields. */
async function readableConsent(ctx: Context, id: string) {
  const consent = await ctx.db.consent.findFirst({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'Consent'), { id }] },
    include: { jobSeeker: { select: { currentSpecialistId: true, organizationId: true } } },
  });
  if (!consent) throw new NotFoundError('Consent');
  return consent;
}

builder.mutationFields((t) => ({
  recordConsent: t.field({
    type: ConsentType,
    description: 'Records a consent scope the job seeker has given.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: RecordConsentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const js = await readableJobSeeker(ctx, String(input.jobSeekerId));
      if (!canOn(ctx.ability, 'create', 'Consent', { organizationId: js.organizationId, jobSeeker: js })) {
        throw new ForbiddenActionError('Only the job seeker’s own specialist records consent');
      }
      const validFrom = input.validFrom ?? ctx.now;
      const issues = [
        ...checkPeriod(validFrom, input.validUntil),
        ...checkParts(input.scope, input.navParts),
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
      await appendEvent(ctx.db, ctx, consent, 'GIVEN');
      await applyTaskChanges(
        ctx,
        js,
        tasksForEvent(
          {
            kind: 'CONSENT_GIVEN',
            consentId: consent.id,
            validUntil: consent.validUntil ? osloDay(consent.validUntil) : null,
          },
          await tuningOf(ctx, js.organizationId),
        ),
      );
      audit(ctx, 'CREATE', 'Consent', consent, 'Consent.record');
      return consent;
    },
  }),

  changeConsent: t.field({
    type: ConsentType,
    description: 'Changes the period or document reference of a consent (optimistic concurrency).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: ChangeConsentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const consent = await readableConsent(ctx, String(input.id));
      if (!canOn(ctx.ability, 'update', 'Consent', consent))
        throw new ForbiddenActionError('Not your job seeker’s consent');
      if (consent.withdrawnAt)
        throw new ValidationError([
          {
            field: 'id',
            code: 'WITHDRAWN',
            message: 'A withdrawn consent cannot be changed; record a new one',
          },
        ]);
      const issues = [
        ...checkPeriod(consent.validFrom, input.validUntil),
        ...(input.navParts != null ? checkParts(consent.scope, input.navParts) : []),
      ];
      if (issues.length) throw new ValidationError(issues);
      const parts = input.navParts != null ? consentParts(input.navParts) : null;
      const { count } = await ctx.db.consent.updateMany({
        where: { id: consent.id, version: input.version },
        data: {
          ...(input.validUntil !== undefined ? { validUntil: input.validUntil } : {}),
          ...(input.documentReference !== undefined ? { documentReference: input.documentReference } : {}),
          ...(parts ? { navParts: parts } : {}),
          version: { increment: 1 },
        },
      });
      if (count === 0) throw await conflictNow(ctx.db.consent, 'Consent', consent.id);
      const updated = await ctx.db.consent.findUniqueOrThrow({ where: { id: consent.id } });
      if (parts) await narrowGrants(ctx, updated.id, parts);
      await appendEvent(ctx.db, ctx, updated, 'CHANGED');
      // A new end date moves the expiry warning.
      const owner = {
        id: updated.jobSeekerId,
        organizationId: updated.organizationId,
        currentSpecialistId: consent.jobSeeker.currentSpecialistId,
      };
      await applyTaskChanges(ctx, owner, tasksForEvent({ kind: 'CONSENT_ENDED', consentId: updated.id }));
      await applyTaskChanges(
        ctx,
        owner,
        tasksForEvent(
          {
            kind: 'CONSENT_GIVEN',
            consentId: updated.id,
            validUntil: updated.validUntil ? osloDay(updated.validUntil) : null,
          },
          await tuningOf(ctx, updated.organizationId),
        ),
      );
      audit(ctx, 'UPDATE', 'Consent', updated, 'Consent.change');
      return updated;
    },
  }),

  withdrawConsent: t.field({
    type: ConsentType,
    description: 'Withdraws a consent at once: from the next request nobody reads through it.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: WithdrawConsentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const consent = await readableConsent(ctx, String(input.id));
      if (!canOn(ctx.ability, 'withdraw', 'Consent', consent))
        throw new ForbiddenActionError('Not your job seeker’s consent');
      if (consent.withdrawnAt)
        throw new ValidationError([{ field: 'id', code: 'ALREADY_WITHDRAWN', message: 'Already withdrawn' }]);
      const { count } = await ctx.db.consent.updateMany({
        where: { id: consent.id, version: input.version },
        data: {
          withdrawnAt: ctx.now,
          withdrawnById: ctx.actor.userId,
          withdrawalNote: input.note ?? null,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw await conflictNow(ctx.db.consent, 'Consent', consent.id);
      const updated = await ctx.db.consent.findUniqueOrThrow({ where: { id: consent.id } });
      await appendEvent(ctx.db, ctx, updated, 'WITHDRAWN');
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
        {
          id: updated.jobSeekerId,
          organizationId: updated.organizationId,
          currentSpecialistId: consent.jobSeeker.currentSpecialistId,
        },
        tasksForEvent({ kind: 'CONSENT_ENDED', consentId: updated.id }),
      );
      audit(ctx, 'UPDATE', 'Consent', updated, 'Consent.withdraw');
      return updated;
    },
  }),

  grantNavSharing: t.field({
    type: NavSharingGrantType,
    description:
      'Lets a NAV office (or one counsellor) read the named parts of the case, from an active NAV-sharing consent.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConsentRequiredError] },
    args: { input: t.arg({ type: GrantNavSharingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const js = await readableJobSeeker(ctx, String(input.jobSeekerId));
      if (
        !canOn(ctx.ability, 'create', 'NavSharingGrant', { organizationId: js.organizationId, jobSeeker: js })
      ) {
        throw new ForbiddenActionError('Only the job seeker’s own specialist shares with NAV');
      }
      const issues: FieldIssue[] = [];
      if (input.scopes.length === 0)
        issues.push({ field: 'scopes', code: 'EMPTY', message: 'Name at least one scope' });
      if (input.validUntil && input.validUntil <= ctx.now)
        issues.push({ field: 'validUntil', code: 'IN_PAST', message: 'validUntil must be in the future' });
      const office = await ctx.db.organization.findFirst({
        where: { id: String(input.navOfficeId), kind: 'NAV_OFFICE', active: true },
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
          SELECT app.is_nav_counsellor(${String(input.counsellorId)}::uuid, ${office.id}::uuid) AS ok`;
        if (!rows[0]?.ok) {
          issues.push({
            field: 'counsellorId',
            code: 'NOT_A_COUNSELLOR_THERE',
            message: 'counsellorId must be a NAV counsellor of that office',
          });
        }
      }
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
      const scopes = sharedParts(['BASIC_DETAILS', ...input.scopes], consent.navParts);
      const validUntil = input.validUntil ?? consent.validUntil;
      const grant = await ctx.db.navSharingGrant.create({
        data: {
          organizationId: js.organizationId,
          jobSeekerId: js.id,
          consentId: consent.id,
          navOfficeId: String(input.navOfficeId),
          counsellorId: input.counsellorId ? String(input.counsellorId) : null,
          scopes,
          validFrom: ctx.now,
          validUntil:
            validUntil && consent.validUntil && validUntil > consent.validUntil
              ? consent.validUntil
              : validUntil,
          grantedById: ctx.actor.userId,
        },
      });
      audit(ctx, 'CREATE', 'NavSharingGrant', grant, 'NavSharingGrant.grant');
      return grant;
    },
  }),

  revokeNavSharing: t.field({
    type: NavSharingGrantType,
    description: 'Ends a NAV sharing grant at once.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: RevokeNavSharingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const grant = await ctx.db.navSharingGrant.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'NavSharingGrant'), { id: String(input.id) }] },
        include: { jobSeeker: { select: { currentSpecialistId: true, organizationId: true } } },
      });
      if (!grant) throw new NotFoundError('NavSharingGrant');
      if (!canOn(ctx.ability, 'revoke', 'NavSharingGrant', grant))
        throw new ForbiddenActionError('Not your job seeker’s grant');
      if (grant.revokedAt)
        throw new ValidationError([{ field: 'id', code: 'ALREADY_REVOKED', message: 'Already revoked' }]);
      const { count } = await ctx.db.navSharingGrant.updateMany({
        where: { id: grant.id, version: input.version },
        data: { revokedAt: ctx.now, revokedById: ctx.actor.userId, version: { increment: 1 } },
      });
      if (count === 0) throw await conflictNow(ctx.db.navSharingGrant, 'NavSharingGrant', grant.id);
      const updated = await ctx.db.navSharingGrant.findUniqueOrThrow({ where: { id: grant.id } });
      audit(ctx, 'UPDATE', 'NavSharingGrant', updated, 'NavSharingGrant.revoke');
      return updated;
    },
  }),
}));
