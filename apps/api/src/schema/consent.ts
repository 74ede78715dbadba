/**
 * Consent (samtykke) per scope, with its history, and the NAV sharing grants derived from a
 * NAV-sharing consent. Only the job seeker's own specialist records, changes and withdraws them
 * (the ability says so); withdrawal takes effect on the next request everywhere, because both the
 * ability and row-level security check the consent on every read. The types and resolvers are
 * here; the flow is `services/consent.ts`, the pure rules `@ips/domain`'s `consent.ts`.
 */
import { accessibleWhere } from '@ips/authz';
import { ConsentScope, NavShareScope } from '@ips/db';
import { earlierEnd, isConsentActive, isGrantActive, sharedParts } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import {
  changeConsent,
  grantNavSharing,
  recordConsent,
  revokeNavSharing,
  withdrawConsent,
} from '../services/consent.js';
import { ConflictError, ConsentRequiredError, NotFoundError, ValidationError } from './errors.js';
import { JobSeekerNode } from './job-seeker.js';

const ConsentScopeEnum = builder.enumType(ConsentScope, { name: 'ConsentScope' });
const NavShareScopeEnum = builder.enumType(NavShareScope, { name: 'NavShareScope' });

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
      resolve: (c, _a, ctx) => isConsentActive(c, ctx.now),
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
      resolve: (g, _a, ctx) => (isGrantActive(g, ctx.now) ? sharedParts(g.scopes, g.consent.navParts) : []),
    }),
    sharedUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'Until when the sharing lasts: the earlier end of the grant and of its consent (null: until further notice, while neither ends).',
      select: { validUntil: true, consent: { select: { validUntil: true } } },
      resolve: (g) => earlierEnd(g.validUntil, g.consent.validUntil),
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
      resolve: (g, _a, ctx) => isGrantActive(g, ctx.now),
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
      // The id breaks ties, so the order is the same on every path (the shaped list's too).
      orderBy: [{ validFrom: 'desc' }, { id: 'desc' }],
    }),
  }),
);

const uuid = z.uuid();

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

builder.mutationFields((t) => ({
  recordConsent: t.field({
    type: ConsentType,
    description: 'Records a consent scope the job seeker has given.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: RecordConsentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordConsent(ctx, { ...input, jobSeekerId: String(input.jobSeekerId) }),
  }),

  changeConsent: t.field({
    type: ConsentType,
    description: 'Changes the period or document reference of a consent (optimistic concurrency).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: ChangeConsentInput, required: true }) },
    resolve: (_root, { input }, ctx) => changeConsent(ctx, { ...input, id: String(input.id) }),
  }),

  withdrawConsent: t.field({
    type: ConsentType,
    description: 'Withdraws a consent at once: from the next request nobody reads through it.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: WithdrawConsentInput, required: true }) },
    resolve: (_root, { input }, ctx) => withdrawConsent(ctx, { ...input, id: String(input.id) }),
  }),

  grantNavSharing: t.field({
    type: NavSharingGrantType,
    description:
      'Lets a NAV office (or one counsellor) read the named parts of the case, from an active NAV-sharing consent.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConsentRequiredError] },
    args: { input: t.arg({ type: GrantNavSharingInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      grantNavSharing(ctx, {
        jobSeekerId: String(input.jobSeekerId),
        navOfficeId: String(input.navOfficeId),
        counsellorId: input.counsellorId ? String(input.counsellorId) : null,
        scopes: input.scopes,
        validUntil: input.validUntil,
      }),
  }),

  revokeNavSharing: t.field({
    type: NavSharingGrantType,
    description: 'Ends a NAV sharing grant at once.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: RevokeNavSharingInput, required: true }) },
    resolve: (_root, { input }, ctx) => revokeNavSharing(ctx, { ...input, id: String(input.id) }),
  }),
}));
