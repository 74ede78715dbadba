/**
 * Whether the reader may use the NAV dialogue about a job seeker (docs/nav-dialogue.md): the own
 * specialist, or the team's method supervisor while the specialist is away today and the job seeker
 * consented to discussion in the team (seed 001 §4.1). The person page shows the dialogue tab by
 * it; the rule itself is the ability's (`packages/authz/src/rules/nav-dialogue.ts`), evaluated here
 * on the facts it looks at, loaded with the job seeker (no query of its own).
 */
import { canOn } from '@ips/authz';
import { builder } from '../builder.js';
import { JobSeekerNode } from './job-seeker.js';

builder.prismaObjectFields(JobSeekerNode, (t) => ({
  mayUseNavDialogue: t.boolean({
    description:
      'Whether the reader may read and write the dialogue with NAV about this job seeker: the own specialist, or the method supervisor covering while the specialist is away (seed 001 §4.1). Whether the dialogue is open is `navDialogue`’s answer.',
    select: {
      organizationId: true,
      teamId: true,
      currentSpecialistId: true,
      consents: {
        where: { scope: 'TEAM_CASE_DISCUSSION' },
        select: { scope: true, withdrawnAt: true, validFrom: true, validUntil: true },
      },
      currentSpecialist: {
        select: { absences: { select: { startDate: true, expectedEndDate: true, actualEndDate: true } } },
      },
    },
    resolve: (js, _a, ctx) =>
      canOn(ctx.ability, 'create', 'NavDialogueThread', { organizationId: js.organizationId, jobSeeker: js }),
  }),
}));
