/**
 * Deleting a job seeker's case (a referral registered in error, a record that must go), restoring
 * it within the tenant's retention period, and the list of deleted cases (docs/adr/0012).
 *
 * Deletion is soft: the database stamps the job seeker and every row of its case with one
 * `deletedAt`, and a RESTRICTIVE row-level-security policy hides stamped rows from every query the
 * API makes. So the deleted list and the restore cannot read through Prisma: they go through the
 * definer functions `app.deleted_job_seekers()` and `app.restore_job_seeker()`, which check the
 * caller's role themselves. The retention job purges a case after the period (jobs.ts).
 *
 * Who may: the tenant administrators and health-service leaders of the job seeker's organisation
 * (the ability's `delete` / `restore` on JobSeeker). Someone who may read the job seeker but not
 * delete it (its specialist, NAV) is refused (FORBIDDEN); anyone else finds nothing.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { parseIdentityNumber } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ConflictError, ForbiddenActionError, NotFoundError, numberCode, ValidationError } from './errors.js';

const REASON_MIN = 10;
const REASON_MAX = 1000;

interface DeletedRow {
  id: string;
  organization_id: string;
  given_name: string;
  family_name: string;
  deleted_at: Date;
  deleted_by_id: string | null;
  deleted_by_given_name: string | null;
  deleted_by_family_name: string | null;
  reason: string | null;
  purge_after: Date;
}

interface DeletionActor {
  id: string;
  givenName: string;
  familyName: string;
}

const DeletionActorType = builder.objectRef<DeletionActor>('DeletionActor').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
  }),
});

const DeletedJobSeekerType = builder.objectRef<DeletedRow>('DeletedJobSeeker').implement({
  description: 'A deleted case, restorable until it is purged.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The job seeker’s id (its case is hidden everywhere else).' }),
    organizationId: t.exposeID('organization_id'),
    givenName: t.exposeString('given_name'),
    familyName: t.exposeString('family_name'),
    deletedAt: t.expose('deleted_at', { type: 'DateTime' }),
    deletedBy: t.field({
      type: DeletionActorType,
      nullable: true,
      resolve: (r) =>
        r.deleted_by_id
          ? {
              id: r.deleted_by_id,
              givenName: r.deleted_by_given_name ?? '',
              familyName: r.deleted_by_family_name ?? '',
            }
          : null,
    }),
    reason: t.exposeString('reason', { nullable: true }),
    purgeAfter: t.expose('purge_after', {
      type: 'DateTime',
      description: 'From this instant the retention job purges the case for good; restore before it.',
    }),
  }),
});

interface Restored {
  id: string;
  version: number;
}

const RestoredJobSeekerType = builder.objectRef<Restored>('RestoredJobSeeker').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({ id: t.exposeID('id'), version: t.exposeInt('version') }),
});

/** The deleted cases the caller may restore (the definer function checks the role too). */
async function deletedCases(ctx: Context, jobSeekerId?: string): Promise<DeletedRow[]> {
  const rows = jobSeekerId
    ? await ctx.db.$queryRaw<
        DeletedRow[]
      >`SELECT * FROM app.deleted_job_seekers() WHERE id = ${jobSeekerId}::uuid`
    : await ctx.db.$queryRaw<DeletedRow[]>`SELECT * FROM app.deleted_job_seekers()`;
  return rows.filter((r) =>
    canOn(ctx.ability, 'restore', 'JobSeeker', { organizationId: r.organization_id }),
  );
}

function recordRead(ctx: Context, r: DeletedRow, area: string) {
  ctx.audit.record({
    organizationId: r.organization_id,
    jobSeekerId: r.id,
    action: 'READ',
    area,
    entityType: 'JobSeeker',
    entityId: r.id,
  });
}

builder.queryField('deletedJobSeekers', (t) =>
  t.field({
    type: [DeletedJobSeekerType],
    description:
      'Deleted cases of the organisations where you are tenant administrator or health-service leader, newest first: who deleted them, why, and when they will be purged. Every entry read is logged.',
    authScopes: { signedIn: true },
    resolve: async (_root, _args, ctx) => {
      const rows = await deletedCases(ctx);
      for (const r of rows) recordRead(ctx, r, 'JobSeeker.deletedList');
      return rows;
    },
  }),
);

interface CaseToDelete {
  id: string;
  version: number;
  givenName: string;
  familyName: string;
}

const CaseToDeleteType = builder.objectRef<CaseToDelete>('CaseToDelete').implement({
  description: 'A case found by identity number for deletion: enough to confirm the person, and the version.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The job seeker’s id, for deleteJobSeeker.' }),
    version: t.exposeInt('version'),
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
  }),
});

builder.queryField('caseToDelete', (t) =>
  t.field({
    type: CaseToDeleteType,
    description:
      'The case with this identity number that you may delete (tenant administrators and health-service leaders of its organisation), found as the access log is: by the number the person or the record gives. Not found for anyone else, not even the format is checked for them. The lookup is logged.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError], result: { authScopes: { signedIn: true } } },
    args: { identityNumber: t.arg.string({ required: true, validate: z.string().trim().max(20) }) },
    resolve: async (_root, args, ctx) => {
      const orgIds = [
        ...new Set(
          ctx.actor.memberships
            .map((m) => m.organizationId)
            .filter((organizationId) => canOn(ctx.ability, 'delete', 'JobSeeker', { organizationId })),
        ),
      ];
      const orgs = await ctx.db.organization.findMany({
        where: { id: { in: orgIds } },
        select: { id: true, allowSyntheticIdentityNumbers: true },
      });
      // Only someone who may delete a case looks one up by number: anyone else learns nothing.
      if (orgs.length === 0) throw new NotFoundError('JobSeeker');
      const parsed = parseIdentityNumber(args.identityNumber, {
        allowSynthetic: orgs.some((o) => o.allowSyntheticIdentityNumbers),
      });
      if (!parsed.ok)
        throw new ValidationError([
          { field: 'identityNumber', code: numberCode(parsed.error), message: 'Not a valid identity number' },
        ]);
      const js = await ctx.db.jobSeeker.findFirst({
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'delete', 'JobSeeker'),
            { identityNumber: parsed.value.number, organizationId: { in: orgs.map((o) => o.id) } },
          ],
        },
        select: { id: true, organizationId: true, version: true, givenName: true, familyName: true },
      });
      if (!js) throw new NotFoundError('JobSeeker');
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: js.id,
        action: 'READ',
        area: 'JobSeeker.deletionLookup',
        entityType: 'JobSeeker',
        entityId: js.id,
      });
      return { id: js.id, version: js.version, givenName: js.givenName, familyName: js.familyName };
    },
  }),
);

const DeleteJobSeekerInput = builder.inputType('DeleteJobSeekerInput', {
  fields: (t) => ({
    jobSeekerId: t.id({ required: true, validate: z.uuid() }),
    /** The version read: a case changed since is a conflict. */
    version: t.int({ required: true }),
    reason: t.string({
      required: true,
      description: `Why the case is deleted (${REASON_MIN}–${REASON_MAX} characters).`,
    }),
  }),
});

const RestoreJobSeekerInput = builder.inputType('RestoreJobSeekerInput', {
  fields: (t) => ({ jobSeekerId: t.id({ required: true, validate: z.uuid() }) }),
});

interface Outcome {
  outcome: 'DELETED' | 'RESTORED' | 'NOT_FOUND' | 'CONFLICT' | 'EXPIRED';
  organization_id: string | null;
  deleted_at: Date | null;
  current_version: number | null;
}

builder.mutationFields((t) => ({
  deleteJobSeeker: t.field({
    type: DeletedJobSeekerType,
    description:
      "Deletes a job seeker's case: it disappears from every list, search and count at once, can be restored until its purge date, and is then purged for good (tenant administrators and health-service leaders of its organisation).",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError, ConflictError] },
    args: { input: t.arg({ type: DeleteJobSeekerInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = String(input.jobSeekerId);
      const reason = input.reason.trim();
      if (reason.length < REASON_MIN || reason.length > REASON_MAX)
        throw new ValidationError([
          {
            field: 'reason',
            code: reason.length < REASON_MIN ? 'TOO_SHORT' : 'TOO_LONG',
            message: `Say why, in ${REASON_MIN} to ${REASON_MAX} characters`,
          },
        ]);
      const js = await ctx.db.jobSeeker.findFirst({
        where: { AND: [accessibleWhere(ctx.ability, 'delete', 'JobSeeker'), { id }] },
        select: { id: true, organizationId: true },
      });
      if (!js) {
        const readable = await ctx.db.jobSeeker.findFirst({
          where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id }] },
          select: { id: true },
        });
        if (readable)
          throw new ForbiddenActionError(
            "Only the organisation's tenant administrators and health-service leaders delete a case",
          );
        throw new NotFoundError('JobSeeker');
      }
      const [result] = await ctx.db.$queryRaw<Outcome[]>`
        SELECT outcome, organization_id, deleted_at, current_version
        FROM app.soft_delete_job_seeker(${id}::uuid, ${input.version}::integer, ${reason})`;
      if (result?.outcome === 'CONFLICT') throw new ConflictError('JobSeeker', result.current_version);
      if (result?.outcome !== 'DELETED') throw new NotFoundError('JobSeeker');
      ctx.audit.record({
        organizationId: js.organizationId,
        jobSeekerId: id,
        action: 'DELETE',
        area: 'JobSeeker.delete',
        entityType: 'JobSeeker',
        entityId: id,
      });
      const [deleted] = await deletedCases(ctx, id);
      if (!deleted) throw new NotFoundError('JobSeeker');
      return deleted;
    },
  }),

  restoreJobSeeker: t.field({
    type: RestoredJobSeekerType,
    description:
      'Restores a deleted case as it was (exactly the rows that deletion hid), until its purge date.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { input: t.arg({ type: RestoreJobSeekerInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = String(input.jobSeekerId);
      const [deleted] = await deletedCases(ctx, id);
      if (!deleted) throw new NotFoundError('JobSeeker');
      const [result] = await ctx.db.$queryRaw<Outcome[]>`
        SELECT outcome, organization_id, deleted_at, current_version FROM app.restore_job_seeker(${id}::uuid)`;
      if (result?.outcome === 'EXPIRED')
        throw new ValidationError([
          {
            field: 'jobSeekerId',
            code: 'RETENTION_PERIOD_PASSED',
            message: 'The retention period has passed: the case is about to be purged',
          },
        ]);
      if (result?.outcome !== 'RESTORED' || result.current_version === null)
        throw new NotFoundError('JobSeeker');
      ctx.audit.record({
        organizationId: deleted.organization_id,
        jobSeekerId: id,
        action: 'UPDATE',
        area: 'JobSeeker.restore',
        entityType: 'JobSeeker',
        entityId: id,
      });
      return { id, version: result.current_version };
    },
  }),
}));
