/**
 * The career profile (karriereprofil, IPS principle 4, fidelity item 14): interests, preferences,
 * strengths, work experience, education, disclosure wishes and the benefits situation. Every save
 * is a new revision (optimistic concurrency); a job start or end flags it for an update, and
 * saving clears the flag. The first profile moves a job seeker in intake to career profiling.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { DisclosurePreference } from '@ips/db';
import { z } from 'zod';
import { builder } from '../builder.js';
import { ConflictError, ForbiddenActionError, NotFoundError } from './errors.js';
import { accessFacts, JobSeekerNode } from './job-seeker.js';
import { conflictNow } from './lookups.js';

const DisclosureEnum = builder.enumType(DisclosurePreference, { name: 'DisclosurePreference' });

interface WorkExperience {
  title: string;
  years?: number | null;
  employer?: string | null;
}
interface Education {
  level: string;
  subject?: string | null;
  completed?: boolean | null;
}

const WorkExperienceType = builder.objectRef<WorkExperience>('WorkExperience').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    title: t.exposeString('title'),
    years: t.float({ nullable: true, resolve: (w) => w.years ?? null }),
    employer: t.string({ nullable: true, resolve: (w) => w.employer ?? null }),
  }),
});

const EducationType = builder.objectRef<Education>('Education').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    level: t.exposeString('level'),
    subject: t.string({ nullable: true, resolve: (e) => e.subject ?? null }),
    completed: t.boolean({ nullable: true, resolve: (e) => e.completed ?? null }),
  }),
});

const CareerProfileType = builder.prismaObject('CareerProfile', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    currentRevision: t.exposeInt('currentRevision'),
    needsUpdate: t.exposeBoolean('needsUpdate'),
    needsUpdateReason: t.exposeString('needsUpdateReason', { nullable: true }),
    version: t.exposeInt('version'),
    current: t.relation('revisions', {
      description: 'The current revision (earlier ones are kept).',
      query: { orderBy: { revision: 'desc' }, take: 1 },
    }),
    revisions: t.relation('revisions', {
      description: 'Every revision, newest first (at most 100).',
      query: { orderBy: { revision: 'desc' }, take: 100 },
    }),
  }),
});

builder.prismaObject('CareerProfileRevision', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    revision: t.exposeInt('revision'),
    interests: t.exposeString('interests'),
    preferences: t.exposeString('preferences'),
    strengths: t.exposeString('strengths'),
    workExperience: t.field({
      type: [WorkExperienceType],
      resolve: (r) =>
        Array.isArray(r.workExperience) ? (r.workExperience as unknown as WorkExperience[]) : [],
    }),
    education: t.field({
      type: [EducationType],
      resolve: (r) => (Array.isArray(r.education) ? (r.education as unknown as Education[]) : []),
    }),
    disclosurePreference: t.expose('disclosurePreference', { type: DisclosureEnum }),
    disclosureWishes: t.exposeString('disclosureWishes', { nullable: true }),
    benefitsSituation: t.exposeString('benefitsSituation', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField(JobSeekerNode, 'careerProfile', (t) =>
  t.relation('careerProfile', {
    type: CareerProfileType,
    nullable: true,
    // Loaded with the job seeker (no extra query per row); shown only where the ability allows it
    // for this record: the own specialist, consented colleagues, NAV with the CAREER_PROFILE scope.
    authScopes: async (js, _args, ctx) => {
      const facts = await accessFacts(ctx, js.id);
      return Boolean(
        facts &&
          canOn(ctx.ability, 'read', 'CareerProfile', {
            organizationId: facts.organizationId,
            jobSeeker: facts,
          }),
      );
    },
    unauthorizedResolver: () => null,
  }),
);

const text = (max: number) => z.string().trim().min(1).max(max);

const WorkExperienceInput = builder.inputType('WorkExperienceInput', {
  fields: (t) => ({
    title: t.string({ required: true, validate: text(200) }),
    years: t.float({ required: false, validate: z.number().min(0).max(60) }),
    employer: t.string({ required: false, validate: z.string().max(200) }),
  }),
});

const EducationInput = builder.inputType('EducationInput', {
  fields: (t) => ({
    level: t.string({ required: true, validate: text(200) }),
    subject: t.string({ required: false, validate: z.string().max(200) }),
    completed: t.boolean({ required: false }),
  }),
});
const SaveInput = builder.inputType('SaveCareerProfileInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    /** The profile's version when it was read (omit for the first profile). */
    version: t.int({ required: false }),
    interests: t.string({ required: true, validate: text(2000) }),
    preferences: t.string({ required: true, validate: text(2000) }),
    strengths: t.string({ required: true, validate: text(2000) }),
    workExperience: t.field({ type: [WorkExperienceInput], required: false }),
    education: t.field({ type: [EducationInput], required: false }),
    disclosurePreference: t.field({ type: DisclosureEnum, required: true }),
    disclosureWishes: t.string({ required: false, validate: z.string().max(2000) }),
    benefitsSituation: t.string({ required: false, validate: z.string().max(2000) }),
  }),
});

builder.mutationField('saveCareerProfile', (t) =>
  t.field({
    type: CareerProfileType,
    description: 'Saves the career profile as a new revision.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: SaveInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const js = await ctx.db.jobSeeker.findFirst({
        where: {
          AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id: String(input.jobSeekerId) }],
        },
        include: { careerProfile: true },
      });
      if (!js) throw new NotFoundError('JobSeeker');
      if (
        !canOn(ctx.ability, 'update', 'CareerProfile', { organizationId: js.organizationId, jobSeeker: js })
      ) {
        throw new ForbiddenActionError('Only the job seeker’s own specialist writes the career profile');
      }
      let profile = js.careerProfile;
      if (!profile) {
        profile = await ctx.db.careerProfile.create({
          data: { organizationId: js.organizationId, jobSeekerId: js.id },
        });
        if (js.phase === 'INTAKE') {
          await ctx.db.jobSeeker.update({
            where: { id: js.id },
            data: { phase: 'CAREER_PROFILING', phaseChangedAt: ctx.now, version: { increment: 1 } },
          });
          await ctx.db.jobSeekerPhaseChange.create({
            data: {
              organizationId: js.organizationId,
              jobSeekerId: js.id,
              fromPhase: 'INTAKE',
              toPhase: 'CAREER_PROFILING',
              changedById: ctx.actor.userId,
            },
          });
        }
      } else {
        const { count } = await ctx.db.careerProfile.updateMany({
          where: { id: profile.id, version: input.version ?? -1 },
          data: { version: { increment: 1 } },
        });
        if (count === 0) throw await conflictNow(ctx.db.careerProfile, 'CareerProfile', profile.id);
      }
      const revision = profile.currentRevision + 1;
      await ctx.db.careerProfileRevision.create({
        data: {
          organizationId: js.organizationId,
          careerProfileId: profile.id,
          revision,
          interests: input.interests,
          preferences: input.preferences,
          strengths: input.strengths,
          workExperience: (input.workExperience ?? []) as never,
          education: (input.education ?? []) as never,
          disclosurePreference: input.disclosurePreference,
          disclosureWishes: input.disclosureWishes ?? null,
          benefitsSituation: input.benefitsSituation ?? null,
          createdById: ctx.actor.userId,
        },
      });
      const saved = await ctx.db.careerProfile.update({
        where: { id: profile.id },
        data: { currentRevision: revision, needsUpdate: false, needsUpdateReason: null },
      });
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'UPDATE',
        area: 'CareerProfile.save',
        entityType: 'CareerProfile',
        entityId: profile.id,
      });
      return saved;
    },
  }),
);
