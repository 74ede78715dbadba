/**
 * The consent to team and NAV discussion (issue 17 item 6; seed 001 §3: "Alle jobbsøkere tilknyttet
 * tjenesten skal ha underskrevet et samtykke til at deres sak kan drøftes i jobbspesialistteamet,
 * samt med NAV"). A job seeker in a portfolio without that consent in force is flagged to the own
 * specialist (`teamDiscussionConsent: MISSING`, the portfolio's filter) until the consent is recorded
 * (the consent form) or the job seeker's refusal is (`recordTeamDiscussionConsentRefusal`). The
 * method supervisor, who may not see these job seekers (no consent, no case discussion), reads only
 * how many of a team member's job seekers miss it or refused it (`teamDiscussionConsentGap`) and asks
 * the member to obtain the missing ones (`requestTeamDiscussionConsents`: a notification to the
 * specialist) — never learning who they are. docs/consent-and-profile.md, "The team-discussion
 * consent".
 */
import { canOn } from '@ips/authz';
import { z } from 'zod';
import { Batcher } from '../batch.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { readableJobSeeker } from '../services/records.js';
import { updateVersioned } from '../services/versioned.js';
import { ConflictError, ForbiddenActionError, NotFoundError, ValidationError } from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { guarded, readableFields } from './job-seeker-fields.js';
import { notify } from './notification.js';
import { nonEmpty } from './query-shape.js';
import { teamConsentMissingWhere, teamConsentRefusedWhere } from './team-consent-where.js';

export const TeamDiscussionConsentEnum = builder.enumType('TeamDiscussionConsent', {
  description: 'Whether the job seeker has the consent to team and NAV discussion (seed 001 §3).',
  values: {
    GIVEN: { description: 'A TEAM_CASE_DISCUSSION consent is in force.' },
    MISSING: { description: 'No consent in force and no refusal recorded: the own specialist is to ask.' },
    REFUSED: { description: 'The job seeker said no (recorded by the own specialist); no consent in force.' },
  },
});

/** Whether each job seeker the request asks about has the consent in force, in one query per batch. */
const consentLoaders = new WeakMap<Context, Batcher<string, boolean>>();
function hasTeamConsent(ctx: Context, id: string): Promise<boolean | undefined> {
  let loader = consentLoaders.get(ctx);
  if (!loader) {
    loader = new Batcher(async (ids) => {
      const rows = await ctx.db.consent.findMany({
        where: { jobSeekerId: { in: [...ids] }, ...teamConsentActive(ctx.now) },
        select: { jobSeekerId: true },
      });
      const given = new Set(rows.map((r) => r.jobSeekerId));
      return new Map(ids.map((id) => [id, given.has(id)]));
    });
    consentLoaders.set(ctx, loader);
  }
  return loader.load(id);
}

builder.prismaObjectFields(JobSeekerNode, (t) => ({
  teamDiscussionConsent: t.field({
    type: TeamDiscussionConsentEnum,
    nullable: true,
    description: 'The team-discussion consent’s state: for the own specialist only (null for anyone else).',
    select: { teamConsentRefusedAt: true },
    resolve: async (js, _a, ctx) => {
      // Follows the refusal field: the own specialist's alone (JOB_SEEKER_FIELDS.teamConsent).
      const readable = ctx.unguarded || (await readableFields(ctx, js)).has('teamConsentRefusedAt');
      if (!readable) return null;
      if (await hasTeamConsent(ctx, js.id)) return 'GIVEN' as const;
      return js.teamConsentRefusedAt ? ('REFUSED' as const) : ('MISSING' as const);
    },
  }),
  teamConsentRefusedAt: t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'When the job seeker’s refusal of the team-discussion consent was recorded (own specialist only).',
    select: { teamConsentRefusedAt: true },
    resolve: (js, _a, ctx) => guarded(ctx, js, 'teamConsentRefusedAt'),
  }),
  teamConsentRequestedAt: t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'When the method supervisor last asked the own specialist to obtain the consent (own specialist only).',
    select: { teamConsentRequestedAt: true },
    resolve: (js, _a, ctx) => guarded(ctx, js, 'teamConsentRequestedAt'),
  }),
}));

interface Gap {
  specialistId: string;
  missing: number;
  refused: number;
  lastRequestedAt: Date | null;
}

const GapType = builder.objectRef<Gap>('TeamDiscussionConsentGap').implement({
  description:
    'How many of a specialist’s job seekers miss the consent to team and NAV discussion, or refused it: counts, never who.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    specialistId: t.exposeID('specialistId'),
    missing: t.exposeInt('missing', { description: 'In the portfolio, no consent in force, no refusal.' }),
    refused: t.exposeInt('refused', { description: 'In the portfolio, refused, no consent in force since.' }),
    lastRequestedAt: t.expose('lastRequestedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the specialist was last asked to obtain the missing consents.',
    }),
  }),
});

/** The specialist, if the caller may ask them for consents (their team's method supervisor). */
async function askable(ctx: Context, specialistId: string) {
  const user = await ctx.db.user.findFirst({
    where: { id: specialistId },
    select: {
      id: true,
      email: true,
      givenName: true,
      familyName: true,
      teamMemberships: {
        where: { leftOn: null },
        select: { organizationId: true, teamId: true, leftOn: true, team: { select: { name: true } } },
      },
    },
  });
  if (!user || !canOn(ctx.ability, 'request', 'User', user)) throw new NotFoundError('Specialist');
  const supervised = new Set(
    ctx.actor.teams.filter((t) => t.role === 'METHOD_SUPERVISOR').map((t) => t.teamId),
  );
  const membership = user.teamMemberships.find((m) => supervised.has(m.teamId));
  if (!membership) throw new NotFoundError('Specialist');
  return { user, membership };
}

async function gapOf(ctx: Context, specialistId: string): Promise<Gap> {
  const mine = { currentSpecialistId: specialistId };
  const [missing, refused, last] = await Promise.all([
    ctx.db.jobSeeker.count({ where: { AND: [mine, teamConsentMissingWhere(ctx.now)] } }),
    ctx.db.jobSeeker.count({ where: { AND: [mine, teamConsentRefusedWhere(ctx.now)] } }),
    ctx.db.jobSeeker.aggregate({
      where: { AND: [mine, teamConsentMissingWhere(ctx.now)] },
      _max: { teamConsentRequestedAt: true },
    }),
  ]);
  return { specialistId, missing, refused, lastRequestedAt: last._max.teamConsentRequestedAt ?? null };
}

builder.queryField('teamDiscussionConsentGap', (t) =>
  t.field({
    type: GapType,
    description:
      'For the method supervisor of a team the specialist is a member of: how many of the specialist’s job seekers miss the team-discussion consent (seed 001 §3). Counts only.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError], result: { authScopes: { signedIn: true } } },
    args: { specialistId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (_root, args, ctx) => {
      const { user } = await askable(ctx, String(args.specialistId));
      return gapOf(ctx, user.id);
    },
  }),
);

builder.mutationField('requestTeamDiscussionConsents', (t) =>
  t.field({
    type: GapType,
    description:
      'The method supervisor asks a team member to obtain the team-discussion consent (seed 001 §3) from their job seekers who miss it: a notification to the specialist. The supervisor learns only the count.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { specialistId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (_root, args, ctx) => {
      const { user, membership } = await askable(ctx, String(args.specialistId));
      const where = { AND: [{ currentSpecialistId: user.id }, teamConsentMissingWhere(ctx.now)] };
      const rows = await ctx.db.jobSeeker.findMany({ where, select: { id: true, organizationId: true } });
      if (rows.length === 0)
        throw new ValidationError([
          {
            field: 'specialistId',
            code: 'EMPTY',
            message: 'None of the specialist’s job seekers misses the consent',
          },
        ]);
      await ctx.db.jobSeeker.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { teamConsentRequestedAt: ctx.now },
      });
      // The job seeker's access log says the supervisor marked the record as asked for (no read).
      for (const r of rows)
        ctx.audit.record({
          organizationId: r.organizationId,
          jobSeekerId: r.id,
          action: 'UPDATE',
          area: 'JobSeeker.teamConsentRequest',
          entityType: 'JobSeeker',
          entityId: r.id,
        });
      const n = rows.length;
      await notify(ctx, {
        organizationId: membership.organizationId,
        recipientId: user.id,
        email: user.email,
        kind: 'TEAM_CONSENT_REQUEST',
        title: `Metodeveilederen ber deg innhente samtykke til drøfting i team og med NAV for ${n} ${n === 1 ? 'jobbsøker' : 'jobbsøkere'} (${membership.team.name}).`,
        body: 'Alle jobbsøkere skal ha underskrevet et samtykke til at saken kan drøftes i jobbspesialistteamet og med NAV. Se filteret «Mangler samtykke til drøfting i team» i porteføljen: registrer samtykket, eller at jobbsøkeren har sagt nei.',
        link: { type: 'TeamConsentMissing', id: user.id },
      });
      ctx.audit.change(membership.organizationId, 'CREATE', 'TeamConsent.request', 'User', user.id);
      return gapOf(ctx, user.id);
    },
  }),
);

const RefusalInput = builder.inputType('RecordTeamDiscussionConsentRefusalInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    version: t.int({ required: true }),
    /** true: the job seeker said no; false: undo a refusal recorded by mistake (flagged again). */
    refused: t.boolean({ required: true }),
  }),
});

builder.mutationField('recordTeamDiscussionConsentRefusal', (t) =>
  t.prismaField({
    type: JobSeekerNode,
    description:
      'The own specialist records that the job seeker said no to the consent to team and NAV discussion (or undoes that record): the job seeker is no longer flagged as missing it. Giving the consent later is recorded as any consent.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: RefusalInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const js = await readableJobSeeker(ctx, String(input.jobSeekerId));
      const row = await ctx.db.jobSeeker.findUniqueOrThrow({
        where: { id: js.id },
        select: {
          id: true,
          organizationId: true,
          currentSpecialistId: true,
          phase: true,
          consents: { where: teamConsentActive(ctx.now), select: { id: true }, take: 1 },
        },
      });
      if (!canOn(ctx.ability, 'update', 'JobSeeker', row, 'teamConsentRefusedAt'))
        throw new ForbiddenActionError('Only the job seeker’s own specialist records the answer');
      if (input.refused && row.consents.length > 0)
        throw new ValidationError([
          {
            field: 'refused',
            code: 'ALREADY_GIVEN',
            message: 'The consent is in force: withdraw it instead of recording a refusal',
          },
        ]);
      if (row.phase === 'DISCHARGED')
        throw new ValidationError([
          { field: 'jobSeekerId', code: 'ALREADY_DISCHARGED', message: 'The job seeker is discharged' },
        ]);
      await updateVersioned(ctx.db.jobSeeker, 'JobSeeker', row.id, input.version, {
        teamConsentRefusedAt: input.refused ? ctx.now : null,
      });
      ctx.audit.record({
        organizationId: row.organizationId,
        jobSeekerId: row.id,
        action: 'UPDATE',
        area: input.refused ? 'JobSeeker.teamConsentRefused' : 'JobSeeker.teamConsentRefusalUndone',
        entityType: 'JobSeeker',
        entityId: row.id,
      });
      return ctx.db.jobSeeker.findUniqueOrThrow({ ...nonEmpty(query), where: { id: row.id } });
    },
  }),
);

function teamConsentActive(now: Date) {
  return {
    scope: 'TEAM_CASE_DISCUSSION' as const,
    withdrawnAt: null,
    validFrom: { lte: now },
    OR: [{ validUntil: null }, { validUntil: { gt: now } }],
  };
}
