/**
 * The floor: hand-written SQL over `pg`, doing what the API does for each workload with the same
 * authorization filters — token check, actor lookup, one transaction with the settings row-level
 * security reads (as the runtime role, so RLS applies too), the query, the access-log insert —
 * and answering the same JSON. No GraphQL: the body's document only selects the workload.
 */
import { createServer } from 'node:http';
import { dutyStatus, osloDay, worstStatus } from '@ips/domain';
import pg from 'pg';
import { globalId } from '../workloads.js';
import { type Actor, actorResolver, readBody, sendJson } from './common.js';

const day = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));

const AUDIT_SQL = `INSERT INTO audit_log (id, "organizationId", "actorUserId", "actorOrganizationId", "jobSeekerId", action, area, "entityType", "entityId", "requestId")
  SELECT gen_random_uuid(), o, $1, o, j, $4::"AuditAction", $5, 'JobSeeker', j, $6 FROM unnest($2::uuid[], $3::uuid[]) AS t(j, o)`;

// The ability's read rule for a job specialist / supervisor's own and team cases, as SQL.
const READABLE = `j."organizationId" = ANY($1) AND (j."currentSpecialistId" = $2 OR (j."teamId" = ANY($3) AND EXISTS (
  SELECT 1 FROM consent c WHERE c."jobSeekerId" = j.id AND c.scope = 'TEAM_CASE_DISCUSSION' AND c."withdrawnAt" IS NULL
    AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now()))))`;

const OPEN_TASKS = `coalesce((SELECT json_agg(json_build_object('dueOn', t."dueOn", 'warnFrom', t."warnFrom")) FROM task t WHERE t."jobSeekerId" = j.id AND t.status = 'OPEN'), '[]') AS tasks`;

type Tx = pg.PoolClient;
type Handler = (
  tx: Tx,
  actor: Actor,
  variables: Record<string, unknown>,
  requestId: string,
) => Promise<unknown>;

const audit = (
  tx: Tx,
  actor: Actor,
  rows: { id: string; organizationId: string }[],
  action: string,
  area: string,
  requestId: string,
) =>
  rows.length
    ? tx.query(AUDIT_SQL, [
        actor.userId,
        rows.map((r) => r.id),
        rows.map((r) => r.organizationId),
        action,
        area,
        requestId,
      ])
    : Promise.resolve();

const handlers: Record<string, Handler> = {
  async Portfolio(tx, actor, v, requestId) {
    const { rows } = await tx.query(
      `SELECT j.id, j."organizationId", j."givenName", j."familyName", j.phase, j."referralDate", ${OPEN_TASKS}
       FROM job_seeker j WHERE ${READABLE} AND j."currentSpecialistId" = $4
       ORDER BY j."referralDate" DESC, j.id DESC LIMIT 101`,
      [actor.organizationIds, actor.userId, actor.teamIds, v.specialistId],
    );
    const page = rows.slice(0, 100);
    await audit(tx, actor, page, 'READ', 'JobSeeker.list', requestId);
    const today = osloDay(new Date());
    return {
      jobSeekers: {
        edges: page.map((r) => ({
          node: {
            id: globalId('JobSeeker', r.id),
            givenName: r.givenName,
            familyName: r.familyName,
            phase: r.phase,
            deadlineStatus: worstStatus(r.tasks, today),
            referralDate: day(r.referralDate),
          },
        })),
      },
    };
  },
  async JobSeekerPage(tx, actor, v, requestId) {
    const id = Buffer.from(String(v.id), 'base64').toString('utf8').split(':')[1];
    const [one, tasks] = await Promise.all([
      tx.query(
        `SELECT j.id, j."organizationId", j."givenName", j."familyName", j.phase, j."referralDate", ${OPEN_TASKS}
         FROM job_seeker j WHERE ${READABLE} AND j.id = $4`,
        [actor.organizationIds, actor.userId, actor.teamIds, id],
      ),
      tx.query(
        `SELECT id, rule, title, "dueOn", "warnFrom", "jobSeekerId" FROM task WHERE "assigneeId" = $1 AND status = 'OPEN' ORDER BY "dueOn", id LIMIT 500`,
        [actor.userId],
      ),
    ]);
    const r = one.rows[0];
    if (r) await audit(tx, actor, [r], 'READ', 'JobSeeker', requestId);
    const today = osloDay(new Date());
    return {
      node: r
        ? {
            id: globalId('JobSeeker', r.id),
            givenName: r.givenName,
            familyName: r.familyName,
            phase: r.phase,
            deadlineStatus: worstStatus(r.tasks, today),
            referralDate: day(r.referralDate),
          }
        : null,
      myDeadlines: tasks.rows.map((t) => ({
        id: t.id,
        rule: t.rule,
        title: t.title,
        dueOn: day(t.dueOn),
        status: dutyStatus({ dueOn: day(t.dueOn), warnFrom: day(t.warnFrom) }, today),
        jobSeeker: t.jobSeekerId ? { id: globalId('JobSeeker', t.jobSeekerId) } : null,
      })),
    };
  },
  async SharedWithNav(tx, actor, _v, requestId) {
    const grant = (
      scope: string,
    ) => `EXISTS (SELECT 1 FROM nav_sharing_grant g JOIN consent c ON c.id = g."consentId"
        WHERE g."jobSeekerId" = j.id AND g."navOfficeId" = ANY($1) AND (g."counsellorId" IS NULL OR g."counsellorId" = $2)
          AND g."revokedAt" IS NULL AND g."validFrom" <= now() AND (g."validUntil" IS NULL OR g."validUntil" > now())
          ${scope} AND c.scope = 'NAV_SHARING' AND c."withdrawnAt" IS NULL AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now()))`;
    const { rows } = await tx.query(
      `SELECT j.id, j."organizationId", j."givenName", j."familyName", j.phase,
         coalesce((SELECT json_agg(json_build_object('id', g.id, 'scopes', g.scopes, 'validUntil', g."validUntil", 'revokedAt', g."revokedAt") ORDER BY g."validFrom" DESC)
           FROM nav_sharing_grant g WHERE g."jobSeekerId" = j.id AND g."navOfficeId" = ANY($1)), '[]') AS grants,
         CASE WHEN ${grant(`AND 'EMPLOYMENT_STATUS' = ANY (g.scopes) AND 'EMPLOYMENT_STATUS' = ANY (c."navParts")`)} THEN coalesce((SELECT json_agg(json_build_object('id', e.id, 'jobTitle', e."jobTitle", 'startDate', e."startDate", 'endDate', e."endDate") ORDER BY e."startDate" DESC, e.id DESC)
           FROM employment e WHERE e."jobSeekerId" = j.id), '[]') ELSE '[]' END AS employments
       FROM job_seeker j WHERE ${grant('')}
       ORDER BY j."referralDate" DESC, j.id DESC LIMIT 41`,
      [actor.organizationIds, actor.userId],
    );
    const page = rows.slice(0, 40);
    await audit(tx, actor, page, 'READ', 'JobSeeker.list', requestId);
    return {
      jobSeekers: {
        edges: page.map((r) => ({
          node: {
            id: globalId('JobSeeker', r.id),
            givenName: r.givenName,
            familyName: r.familyName,
            phase: r.phase,
            navSharingGrants: r.grants,
            employments: r.employments,
          },
        })),
        pageInfo: { hasNextPage: rows.length > 40, endCursor: page.at(-1)?.id ?? null },
      },
    };
  },
  async ReviseSupportPlan(tx, actor, v, requestId) {
    const input = v.input as {
      supportPlanId: string;
      version: number;
      changeNote: string;
      content: {
        absenceArrangements?: string;
        employerMayCallSpecialist: boolean;
        agreedWithEmployer: boolean;
        taperingPlan?: string;
        agreements: { supportPerson: string; responsibility: string; personName?: string }[];
        meetings: { plannedOn: string; faceToFace: boolean; topic?: string }[];
      };
    };
    const c = input.content;
    // Only the job seeker's own specialist revises; a stale version is a conflict.
    const { rows } = await tx.query(
      `UPDATE support_plan p SET version = p.version + 1, "currentRevision" = p."currentRevision" + 1, "updatedAt" = now()
       FROM job_seeker j WHERE p.id = $3 AND p.version = $4 AND p.status <> 'CLOSED' AND j.id = p."jobSeekerId"
         AND j."organizationId" = ANY($1) AND j."currentSpecialistId" = $2
       RETURNING p.id, p."organizationId", p."jobSeekerId", p."currentRevision", p.version, p.status`,
      [actor.organizationIds, actor.userId, input.supportPlanId, input.version],
    );
    const plan = rows[0];
    if (!plan) {
      const { rows: current } = await tx.query('SELECT version FROM support_plan WHERE id = $1', [
        input.supportPlanId,
      ]);
      return {
        reviseSupportPlan: { __typename: 'ConflictError', currentVersion: current[0]?.version ?? null },
      };
    }
    await tx.query(
      `WITH r AS (INSERT INTO support_plan_revision (id, "organizationId", "supportPlanId", revision, "absenceArrangements", "employerMayCallSpecialist", "agreedWithEmployer", "taperingPlan", "changeNote", "createdById")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id),
       a AS (INSERT INTO support_plan_agreement (id, "organizationId", "revisionId", "supportPerson", "personName", responsibility)
         SELECT gen_random_uuid(), $1, r.id, sp::"SupportPerson", pn, rs FROM r, unnest($10::text[], $11::text[], $12::text[]) AS t(sp, pn, rs)),
       m AS (INSERT INTO support_plan_meeting (id, "organizationId", "revisionId", "plannedOn", "faceToFace", topic)
         SELECT gen_random_uuid(), $1, r.id, d, f, tp FROM r, unnest($13::date[], $14::boolean[], $15::text[]) AS t(d, f, tp))
       INSERT INTO journal_note (id, "organizationId", "jobSeekerId", kind, "sourceId", text, "createdById")
         VALUES (gen_random_uuid(), $1, $16, 'SUPPORT_PLAN', $2, $17, $9)`,
      [
        plan.organizationId,
        plan.id,
        plan.currentRevision,
        c.absenceArrangements ?? null,
        c.employerMayCallSpecialist,
        c.agreedWithEmployer,
        c.taperingPlan ?? null,
        input.changeNote,
        actor.userId,
        c.agreements.map((a) => a.supportPerson),
        c.agreements.map((a) => a.personName ?? null),
        c.agreements.map((a) => a.responsibility),
        c.meetings.map((m) => m.plannedOn),
        c.meetings.map((m) => m.faceToFace),
        c.meetings.map((m) => m.topic ?? null),
        plan.jobSeekerId,
        `Jobbstøtteplan, revisjon ${plan.currentRevision}\n\n${c.agreements.map((a) => a.responsibility).join('\n')}`,
      ],
    );
    const revisions = await tx.query(
      `SELECT revision, "changeNote" FROM support_plan_revision WHERE "supportPlanId" = $1 ORDER BY revision DESC`,
      [plan.id],
    );
    await tx.query(
      `INSERT INTO audit_log (id, "organizationId", "actorUserId", "actorOrganizationId", "jobSeekerId", action, area, "entityType", "entityId", "requestId")
       VALUES (gen_random_uuid(), $1, $2, $1, $3, 'UPDATE', 'SupportPlan.revise', 'SupportPlan', $4, $5)`,
      [plan.organizationId, actor.userId, plan.jobSeekerId, plan.id, requestId],
    );
    return {
      reviseSupportPlan: {
        __typename: 'MutationReviseSupportPlanSuccess',
        data: {
          version: plan.version,
          currentRevision: plan.currentRevision,
          status: plan.status,
          revisions: revisions.rows,
        },
      },
    };
  },
};

export async function startRaw(
  appUrl: string,
  issuerUrl: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: appUrl, max: 10 });
  const resolve = actorResolver(pool, issuerUrl);
  let n = 0;
  const server = createServer(async (req, res) => {
    try {
      const body = JSON.parse(await readBody(req)) as { query: string; variables?: Record<string, unknown> };
      const name = /^(?:query|mutation) (\w+)/.exec(body.query)?.[1] ?? '';
      const handler = handlers[name];
      if (!handler) return sendJson(res, 400, { errors: [{ message: `raw pg has no workload ${name}` }] });
      const actor = await resolve(req.headers.authorization);
      if (!actor) return sendJson(res, 401, { errors: [{ message: 'Authentication required' }] });
      const tx = await pool.connect();
      try {
        await tx.query('BEGIN');
        await tx.query("SELECT set_config('app.user_id', $1, true), set_config('app.org_ids', $2, true)", [
          actor.userId,
          actor.organizationIds.join(','),
        ]);
        const data = await handler(tx, actor, body.variables ?? {}, `raw-${++n}`);
        await tx.query('COMMIT');
        sendJson(res, 200, { data });
      } catch (error) {
        await tx.query('ROLLBACK').catch(() => {});
        sendJson(res, 200, { errors: [{ message: error instanceof Error ? error.message : String(error) }] });
      } finally {
        tx.release();
      }
    } catch (error) {
      sendJson(res, 500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: async () => {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}
