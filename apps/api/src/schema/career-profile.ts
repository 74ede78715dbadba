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
import { updateVersioned } from '../services/versioned.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenActionError,
  NotFoundError,
  ValidationError,
} from './errors.js';
import { JobSeekerNode } from './job-seeker.js';
import { accessFacts } from './job-seeker-fields.js';

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

/** The longest texts the profile keeps (the editor's `maxLength`s are the same). */
export const PROFILE_TEXT_MAX = 2000;
export const PROFILE_ENTRY_MAX = 200;
export const PROFILE_ENTRIES_MAX = 50;
const YEARS_MAX = 60;

// The input only caps what may be sent; the resolver checks the content and answers a typed
// ValidationError naming the field (REQUIRED, TOO_LONG, OUT_OF_RANGE, TOO_MANY) so the editor
// shows it there, instead of a zod failure with a generic code.
const cap = z.string().max(10_000);

const WorkExperienceInput = builder.inputType('WorkExperienceInput', {
  fields: (t) => ({
    title: t.string({ required: true, validate: cap }),
    years: t.float({ required: false }),
    employer: t.string({ required: false, validate: cap }),
  }),
});

const EducationInput = builder.inputType('EducationInput', {
  fields: (t) => ({
    level: t.string({ required: true, validate: cap }),
    subject: t.string({ required: false, validate: cap }),
    completed: t.boolean({ required: false }),
  }),
});
const SaveInput = builder.inputType('SaveCareerProfileInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    /** The profile's version when it was read (omit for the first profile). */
    version: t.int({ required: false }),
    interests: t.string({ required: true, validate: cap }),
    preferences: t.string({ required: true, validate: cap }),
    strengths: t.string({ required: true, validate: cap }),
    workExperience: t.field({ type: [WorkExperienceInput], required: false }),
    education: t.field({ type: [EducationInput], required: false }),
    disclosurePreference: t.field({ type: DisclosureEnum, required: true }),
    disclosureWishes: t.string({ required: false, validate: cap }),
    benefitsSituation: t.string({ required: false, validate: cap }),
  }),
});

interface ProfileInput {
  interests: string;
  preferences: string;
  strengths: string;
  workExperience?: readonly { title: string; years?: number | null; employer?: string | null }[] | null;
  education?: readonly { level: string; subject?: string | null; completed?: boolean | null }[] | null;
  disclosureWishes?: string | null;
  benefitsSituation?: string | null;
}

/** The profile's content, trimmed, or the issues at their fields (one per field, the first found). */
export function checkProfile(input: ProfileInput): { issues: FieldIssue[]; content: ProfileContent } {
  const issues: FieldIssue[] = [];
  const add = (issue: FieldIssue) => {
    if (!issues.some((i) => i.field === issue.field)) issues.push(issue);
  };
  const required = (field: 'interests' | 'preferences' | 'strengths', value: string) => {
    const text = value.trim();
    if (!text) add({ field, code: 'REQUIRED', message: 'Write something here' });
    else if (text.length > PROFILE_TEXT_MAX)
      add({ field, code: 'TOO_LONG', message: `At most ${PROFILE_TEXT_MAX} characters` });
    return text;
  };
  const optional = (field: 'disclosureWishes' | 'benefitsSituation', value: string | null | undefined) => {
    const text = value?.trim() ?? '';
    if (text.length > PROFILE_TEXT_MAX)
      add({ field, code: 'TOO_LONG', message: `At most ${PROFILE_TEXT_MAX} characters` });
    return text || null;
  };
  const entry = (field: 'workExperience' | 'education', value: string | null | undefined, need: boolean) => {
    const text = value?.trim() ?? '';
    if (need && !text) add({ field, code: 'REQUIRED', message: 'Each entry needs its title or level' });
    else if (text.length > PROFILE_ENTRY_MAX)
      add({ field, code: 'TOO_LONG', message: `At most ${PROFILE_ENTRY_MAX} characters an entry` });
    return text;
  };
  const work = input.workExperience ?? [];
  const education = input.education ?? [];
  for (const [field, list] of [
    ['workExperience', work],
    ['education', education],
  ] as const) {
    if (list.length > PROFILE_ENTRIES_MAX)
      add({ field, code: 'TOO_MANY', message: `At most ${PROFILE_ENTRIES_MAX} entries` });
  }
  const content: ProfileContent = {
    interests: required('interests', input.interests),
    preferences: required('preferences', input.preferences),
    strengths: required('strengths', input.strengths),
    workExperience: work.map((w) => {
      const years = w.years ?? null;
      if (years !== null && !(Number.isFinite(years) && years >= 0 && years <= YEARS_MAX))
        add({ field: 'workExperience', code: 'OUT_OF_RANGE', message: `Years are 0–${YEARS_MAX}` });
      return {
        title: entry('workExperience', w.title, true),
        years,
        employer: entry('workExperience', w.employer, false) || null,
      };
    }),
    education: education.map((e) => ({
      level: entry('education', e.level, true),
      subject: entry('education', e.subject, false) || null,
      completed: e.completed ?? null,
    })),
    disclosureWishes: optional('disclosureWishes', input.disclosureWishes),
    benefitsSituation: optional('benefitsSituation', input.benefitsSituation),
  };
  return { issues, content };
}

interface ProfileContent {
  interests: string;
  preferences: string;
  strengths: string;
  workExperience: WorkExperience[];
  education: Education[];
  disclosureWishes: string | null;
  benefitsSituation: string | null;
}

builder.mutationField('saveCareerProfile', (t) =>
  t.field({
    type: CareerProfileType,
    description: 'Saves the career profile as a new revision.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ConflictError, ValidationError] },
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
      const { issues, content } = checkProfile(input);
      if (issues.length) throw new ValidationError(issues);
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
        await updateVersioned(ctx.db.careerProfile, 'CareerProfile', profile.id, input.version ?? -1, {});
      }
      const revision = profile.currentRevision + 1;
      await ctx.db.careerProfileRevision.create({
        data: {
          organizationId: js.organizationId,
          careerProfileId: profile.id,
          revision,
          interests: content.interests,
          preferences: content.preferences,
          strengths: content.strengths,
          workExperience: content.workExperience as never,
          education: content.education as never,
          disclosurePreference: input.disclosurePreference,
          disclosureWishes: content.disclosureWishes,
          benefitsSituation: content.benefitsSituation,
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
