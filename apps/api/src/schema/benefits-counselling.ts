/**
 * Benefits counselling (issue 17; IPS principle 5, seed 003 §5: "Individuell tilpasset veiledning om
 * økonomiske ytelser"; docs/benefits-counselling.md): the typed record, on the job seeker, and the
 * mutations that record and edit it. Who reads and writes it: `packages/authz/src/rules-benefits.ts`
 * (the own specialist writes; the team with team-discussion consent reads; NAV reads only where a
 * grant names BENEFITS_COUNSELLING and the NAV-sharing consent covers it); row-level security repeats
 * it. The flow is in `services/benefits-counselling.ts`.
 */
import { accessibleWhere } from '@ips/authz';
import { Benefit } from '@ips/db';
import { z } from 'zod';
import { builder } from '../builder.js';
import {
  type BenefitLine,
  recordBenefitsCounselling,
  updateBenefitsCounselling,
} from '../services/benefits-counselling.js';
import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { UserType } from './viewer.js';

const BenefitEnum = builder.enumType(Benefit, {
  name: 'Benefit',
  description: 'A benefit an IPS job seeker typically has (names in bokmål on screen).',
});

const BenefitLineType = builder.objectRef<BenefitLine>('BenefitLine').implement({
  description: 'A benefit discussed, and what changes with income from work.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    benefit: t.field({ type: BenefitEnum, resolve: (b) => b.benefit }),
    incomeChange: t.exposeString('incomeChange', {
      description: 'What changes for this benefit with income from work.',
    }),
  }),
});

const BenefitsCounsellingType = builder.prismaObject('BenefitsCounselling', {
  authScopes: { signedIn: true },
  description: 'Benefits counselling given to a job seeker (IPS principle 5).',
  fields: (t) => ({
    id: t.exposeID('id'),
    counselledOn: t.expose('counselledOn', { type: 'Date', description: 'The day it was given.' }),
    benefits: t.field({
      type: [BenefitLineType],
      resolve: (r) => (Array.isArray(r.benefits) ? (r.benefits as unknown as BenefitLine[]) : []),
    }),
    referredToNav: t.exposeBoolean('referredToNav', {
      description: 'Whether something was referred to NAV for calculation.',
    }),
    referralNote: t.exposeString('referralNote', {
      nullable: true,
      description: 'What was referred to NAV for calculation.',
    }),
    followUpOn: t.expose('followUpOn', { type: 'Date', nullable: true, description: 'When to follow up.' }),
    givenBy: t.relation('givenBy', {
      type: UserType,
      nullable: true,
      description: 'Who gave the counselling.',
    }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField(JobSeekerNode, 'benefitsCounselling', (t) =>
  t.relation('benefitsCounselling', {
    type: BenefitsCounsellingType,
    description:
      'The benefits counselling given, the latest first (at most 100): for the own specialist, the team with team-discussion consent, and NAV where the consent covers it.',
    authScopes: { signedIn: true },
    query: (_args, ctx) => ({
      where: accessibleWhere(ctx.ability, 'read', 'BenefitsCounselling'),
      orderBy: [{ counselledOn: 'desc' }, { id: 'desc' }],
      take: 100,
    }),
  }),
);

// Texts are capped here and checked (trimmed, REQUIRED, TOO_LONG) in the service.
const cap = z.string().max(10_000);

const BenefitLineInput = builder.inputType('BenefitLineInput', {
  fields: (t) => ({
    benefit: t.field({ type: BenefitEnum, required: true }),
    incomeChange: t.string({ required: true, validate: cap }),
  }),
});

const RecordInput = builder.inputType('RecordBenefitsCounsellingInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    counselledOn: t.field({ type: 'Date', required: true }),
    benefits: t.field({ type: [BenefitLineInput], required: true, validate: z.array(z.any()).max(20) }),
    referredToNav: t.boolean({ required: true }),
    referralNote: t.string({ required: false, validate: cap }),
    followUpOn: t.field({ type: 'Date', required: false }),
  }),
});

const UpdateInput = builder.inputType('UpdateBenefitsCounsellingInput', {
  fields: (t) => ({
    counsellingId: t.id({ required: true, validate: z.uuid() }),
    /** The record's version when it was read. */
    version: t.int({ required: true }),
    counselledOn: t.field({ type: 'Date', required: true }),
    benefits: t.field({ type: [BenefitLineInput], required: true, validate: z.array(z.any()).max(20) }),
    referredToNav: t.boolean({ required: true }),
    referralNote: t.string({ required: false, validate: cap }),
    followUpOn: t.field({ type: 'Date', required: false }),
  }),
});

const content = (input: {
  counselledOn: unknown;
  benefits: readonly { benefit: Benefit; incomeChange: string }[];
  referredToNav: boolean;
  referralNote?: string | null;
  followUpOn?: unknown;
}) => ({
  counselledOn: String(input.counselledOn),
  benefits: input.benefits,
  referredToNav: input.referredToNav,
  referralNote: input.referralNote ?? null,
  followUpOn: input.followUpOn ? String(input.followUpOn) : null,
});

builder.mutationField('recordBenefitsCounselling', (t) =>
  t.prismaField({
    type: BenefitsCounsellingType,
    description:
      'Records benefits counselling given to a job seeker of my own portfolio; writes a journal note, and a follow-up day opens a duty.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: RecordInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await recordBenefitsCounselling(ctx, String(input.jobSeekerId), content(input));
      return ctx.db.benefitsCounselling.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('updateBenefitsCounselling', (t) =>
  t.prismaField({
    type: BenefitsCounsellingType,
    description:
      'Edits a benefits counselling record (version-checked); writes a journal note, and moves its follow-up duty with the day.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConflictError, ValidationError] },
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await updateBenefitsCounselling(
        ctx,
        String(input.counsellingId),
        input.version,
        content(input),
      );
      return ctx.db.benefitsCounselling.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);
