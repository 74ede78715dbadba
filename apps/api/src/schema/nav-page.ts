/**
 * What the NAV counsellor's page needs beyond the job seeker's own fields (issue 17, "The NAV
 * counsellor's page"; seed 000 §5: the NAV counsellor is a partner in the follow-up): how to reach
 * the job specialist. Readable by whoever may read the job seeker's name — the own specialist and
 * colleagues with team consent, and the NAV counsellor it is shared with — and null for anyone
 * else; the read is in the job seeker's access log like every other field of the job seeker.
 */
import { builder } from '../builder.js';
import { JobSeekerNode } from './job-seeker.js';
import { guarded } from './job-seeker-fields.js';

interface SpecialistContact {
  givenName: string;
  familyName: string;
  email: string;
  phone: string | null;
}

const SpecialistContactType = builder.objectRef<SpecialistContact>('SpecialistContact').implement({
  description: 'The job specialist following a job seeker, and how to reach them at work.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    givenName: t.exposeString('givenName'),
    familyName: t.exposeString('familyName'),
    workEmail: t.exposeString('email', { description: 'The e-mail address they sign in and work with.' }),
    workPhone: t.exposeString('phone', { nullable: true, description: 'Their work phone, when recorded.' }),
  }),
});

builder.prismaObjectFields(JobSeekerNode, (t) => ({
  specialistContact: t.field({
    type: SpecialistContactType,
    nullable: true,
    authScopes: { signedIn: true },
    description:
      "The job specialist following the job seeker and how to reach them (work e-mail and phone): for whoever may read the job seeker's name, so the NAV counsellor it is shared with can work with them.",
    select: {
      id: true,
      organizationId: true,
      currentSpecialistId: true,
      currentSpecialist: { select: { givenName: true, familyName: true, email: true, phone: true } },
    },
    resolve: async (js, _args, ctx) => {
      if ((await guarded(ctx, js, 'currentSpecialistId')) === null) return null;
      return js.currentSpecialist ?? null;
    },
  }),
}));
