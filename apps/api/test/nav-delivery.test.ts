/**
 * A support plan's deliveries to NAV's case system (`SupportPlan.navDeliveries`): who may read where
 * a delivery stands, as an authorization matrix over real HTTP (role × relation), and the states
 * read from the export and its outbox message. Before each cell a plan with one failed delivery is
 * written for the cell's job seeker, so "shown" proves the reader sees it and every other cell
 * proves it stays hidden.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Stack, startStack } from './harness.js';
import { addSecondTeam, findCell, type Relation, type Role } from './relations.js';

/**
 * shown: the plan and its deliveries; withheld: the plan, but `navDeliveries` is null; no plan: the
 * job seeker is readable, its plans are not; not found: the job seeker is not readable at all.
 */
type Outcome = 'shown' | 'withheld' | 'no plan' | 'not found';

const MATRIX: [Role, Relation, Outcome][] = [
  ['JOB_SPECIALIST', 'own', 'shown'],
  ['JOB_SPECIALIST', 'same team, team consent', 'no plan'],
  ['JOB_SPECIALIST', 'same team, no consent', 'not found'],
  ['JOB_SPECIALIST', 'other team', 'not found'],
  ['JOB_SPECIALIST', 'other tenant', 'not found'],
  ['METHOD_SUPERVISOR', 'own', 'shown'],
  ['METHOD_SUPERVISOR', 'same team, team consent', 'no plan'],
  ['METHOD_SUPERVISOR', 'other tenant', 'not found'],
  ['HEALTH_SERVICE_LEADER', 'same organisation', 'not found'],
  ['TENANT_ADMINISTRATOR', 'same organisation', 'not found'],
  // NAV reads the plan under a grant with the support-plan part, never how the export went.
  ['NAV_COUNSELLOR', 'NAV, active grant', 'withheld'],
  ['NAV_COUNSELLOR', 'NAV, consent withdrawn', 'not found'],
  ['NAV_COUNSELLOR', 'NAV, no grant', 'not found'],
];

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(inject('ipsTemplate'));
  await addSecondTeam(stack);
});
afterAll(async () => {
  await stack?.close();
});

/**
 * A support plan (revision 1) for the job seeker with one export per given state, each with its
 * outbox message: [export status, attempts]. Returns the plan's id.
 */
async function planWithExports(jobSeekerId: string, exports: [string, number][]): Promise<string> {
  const { rows } = await stack.admin.query<{ plan: string; revision: string }>(
    `WITH js AS (SELECT id, "organizationId", "currentSpecialistId" FROM job_seeker WHERE id = $1),
     plan AS (INSERT INTO support_plan (id, "organizationId", "jobSeekerId", kind, "updatedAt")
              SELECT gen_random_uuid(), js."organizationId", js.id, 'JOB', now() FROM js RETURNING id, "organizationId"),
     rev AS (INSERT INTO support_plan_revision (id, "organizationId", "supportPlanId", revision, "createdById")
             SELECT gen_random_uuid(), plan."organizationId", plan.id, 1,
                    (SELECT m."userId" FROM membership m WHERE m."organizationId" = plan."organizationId" LIMIT 1)
             FROM plan RETURNING id)
     SELECT (SELECT id FROM plan) AS plan, (SELECT id FROM rev) AS revision`,
    [jobSeekerId],
  );
  const plan = rows[0];
  if (!plan?.plan) throw new Error('could not write the plan of the cell');
  for (const [status, attempts] of exports) {
    await stack.admin.query(
      `WITH p AS (SELECT "organizationId", "jobSeekerId" FROM support_plan WHERE id = $1),
       msg AS (INSERT INTO outbox_message (id, "organizationId", topic, payload, status, attempts, "availableAt", "sentAt")
               SELECT gen_random_uuid(), p."organizationId", 'nav.support-plan', '{}'::jsonb, $3::"ExportStatus", $4,
                      now() + interval '5 minutes', CASE WHEN $3 = 'SENT' THEN now() END FROM p RETURNING id, "organizationId")
       INSERT INTO support_plan_export (id, "organizationId", "revisionId", "consentId", "requestedById", status, "outboxMessageId", "sentAt")
       SELECT gen_random_uuid(), msg."organizationId", $2, gen_random_uuid(),
              (SELECT m."userId" FROM membership m WHERE m."organizationId" = msg."organizationId" LIMIT 1),
              $3::"ExportStatus", msg.id, CASE WHEN $3 = 'SENT' THEN now() END FROM msg`,
      [plan.plan, plan.revision, status, attempts],
    );
  }
  return plan.plan;
}

const QUERY = `query($id: ID!) {
  jobSeeker(id: $id) {
    supportPlans { id navDeliveries { id revision state attempts requestedAt sentAt nextAttemptAt } }
  }
}`;
type Delivery = {
  id: string;
  revision: number;
  state: string;
  attempts: number;
  sentAt: string | null;
  nextAttemptAt: string | null;
};
type Answer = {
  jobSeeker: {
    supportPlans: { id: string; navDeliveries: Delivery[] | null }[];
  } | null;
};

describe("a support plan's deliveries to NAV", () => {
  for (const [role, relation, expected] of MATRIX) {
    it(`${role} × ${relation}: navDeliveries → ${expected}`, async () => {
      const { email, jobSeekerId } = await findCell(stack, role, relation);
      if (relation === 'NAV, active grant') {
        // The grant and its consent cover the support plan, so the plan itself is readable to the
        // counsellor (NAV reads a part only when both name it: issue 17 item 1).
        await stack.admin.query(
          `UPDATE nav_sharing_grant SET scopes = array_append(scopes, 'SUPPORT_PLAN')
           WHERE "jobSeekerId" = $1 AND NOT ('SUPPORT_PLAN' = ANY (scopes))`,
          [jobSeekerId],
        );
        await stack.admin.query(
          `UPDATE consent SET "navParts" = array_append("navParts", 'SUPPORT_PLAN')
           WHERE id IN (SELECT "consentId" FROM nav_sharing_grant WHERE "jobSeekerId" = $1)
             AND NOT ('SUPPORT_PLAN' = ANY ("navParts"))`,
          [jobSeekerId],
        );
      }
      const planId = await planWithExports(jobSeekerId, [['FAILED', 2]]);
      const res = await stack.gql<Answer>(email, QUERY, { id: jobSeekerId });
      expect(res.errors).toBeUndefined();
      const js = res.data?.jobSeeker;
      if (expected === 'not found') {
        expect(js).toBeNull();
        return;
      }
      expect(js).not.toBeNull();
      const plan = js?.supportPlans.find((p) => p.id === planId);
      if (expected === 'no plan') {
        expect(plan).toBeUndefined();
        return;
      }
      expect(plan).toBeDefined();
      if (expected === 'withheld') {
        expect(plan?.navDeliveries).toBeNull();
        return;
      }
      expect(plan?.navDeliveries).toHaveLength(1);
      expect(plan?.navDeliveries?.[0]).toMatchObject({
        revision: 1,
        state: 'RETRYING',
        attempts: 2,
      });
      expect(plan?.navDeliveries?.[0]?.nextAttemptAt).not.toBeNull();
    });
  }

  it('reads queued, sent, retrying and failed (given up after 10 attempts) from the export and its outbox message', async () => {
    const { email, jobSeekerId } = await findCell(stack, 'JOB_SPECIALIST', 'own');
    const planId = await planWithExports(jobSeekerId, [
      ['PENDING', 0],
      ['SENT', 3],
      ['FAILED', 1],
      ['FAILED', 10],
    ]);
    const res = await stack.gql<Answer>(email, QUERY, { id: jobSeekerId });
    const deliveries = res.data?.jobSeeker?.supportPlans.find((p) => p.id === planId)?.navDeliveries ?? [];
    const states = deliveries.map((d) => [d.state, d.attempts, d.sentAt !== null, d.nextAttemptAt !== null]);
    expect(states.sort()).toEqual(
      [
        ['QUEUED', 0, false, false],
        ['SENT', 3, true, false],
        ['RETRYING', 1, false, true],
        ['FAILED', 10, false, false],
      ].sort(),
    );
  });
});
