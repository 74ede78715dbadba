/**
 * Job seekers: the list (a relay connection filtered in SQL by the ability, then by the filters)
 * and the detail (`jobSeeker(id)` and `node(id)`). A job seeker outside what the user may see is
 * simply not found. Every field is checked against the ability for that record; a field the user
 * may not read is null (`job-seeker-fields.ts`, with the rules in `@ips/authz`). Every job seeker
 * returned is written to the access log.
 */
import { accessibleWhere, DERIVED_JOB_SEEKER_FIELDS } from '@ips/authz';
import type { Prisma } from '@ips/db';
import { type DeadlineStatus, osloDay, worstStatus } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { openTasksInStatus } from '../services/duties.js';
import { navListPageFirst } from '../services/nav-list.js';
import { JobSeekerPhaseEnum, ProtectedAddressEnum } from './enums.js';
import { guarded, readableFields, recordRead, rowsWithFacts, withAccessFacts } from './job-seeker-fields.js';
import { OrganizationNode } from './organization.js';
import { teamConsentMissingWhere } from './team-consent-where.js';
import { UserType } from './viewer.js';

export const JobSeekerNode = builder.prismaNode('JobSeeker', {
  id: { field: 'id' },
  // Always loaded, whatever the client selects: the access log needs both.
  select: { id: true, organizationId: true },
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker')] }),
  nullable: true,
  fields: (t) => {
    const text = (field: 'givenName' | 'familyName') =>
      t.string({
        nullable: true,
        select: { [field]: true },
        resolve: (js, _a, ctx) => guarded(ctx, js, field),
      });
    const optionalText = (
      field: 'identityNumber' | 'phone' | 'email' | 'streetAddress' | 'postalCode' | 'city' | 'referredBy',
    ) =>
      t.string({
        nullable: true,
        select: { [field]: true },
        resolve: (js, _a, ctx) => guarded(ctx, js, field),
      });
    const day = (field: 'birthDate' | 'referralDate' | 'intakeDate' | 'dischargedAt') =>
      t.field({
        type: 'Date',
        nullable: true,
        select: { [field]: true },
        resolve: (js, _a, ctx) => guarded(ctx, js, field),
      });
    return {
      givenName: text('givenName'),
      familyName: text('familyName'),
      identityNumber: optionalText('identityNumber'),
      birthDate: day('birthDate'),
      phone: optionalText('phone'),
      email: optionalText('email'),
      streetAddress: optionalText('streetAddress'),
      postalCode: optionalText('postalCode'),
      city: optionalText('city'),
      referredBy: optionalText('referredBy'),
      referralDate: day('referralDate'),
      intakeDate: day('intakeDate'),
      dischargedAt: day('dischargedAt'),
      phase: t.field({
        type: JobSeekerPhaseEnum,
        nullable: true,
        select: { phase: true },
        resolve: (js, _a, ctx) => guarded(ctx, js, 'phase'),
      }),
      protectedAddress: t.field({
        type: ProtectedAddressEnum,
        nullable: true,
        select: { protectedAddress: true },
        resolve: (js, _a, ctx) => guarded(ctx, js, 'protectedAddress'),
      }),
      outOfWorkAtReferral: t.boolean({
        nullable: true,
        select: { outOfWorkAtReferral: true },
        resolve: (js, _a, ctx) => guarded(ctx, js, 'outOfWorkAtReferral'),
      }),
      version: t.int({
        nullable: true,
        select: { version: true },
        resolve: (js, _a, ctx) => guarded(ctx, js, 'version'),
      }),
      deadlineStatus: t.field({
        type: DeadlineStatusEnum,
        nullable: true,
        description: 'The most urgent open deadline: OVERDUE, DUE (warning window), UPCOMING or NONE.',
        select: { tasks: { where: { status: 'OPEN' }, select: { dueOn: true, warnFrom: true } } },
        resolve: async (js, _a, ctx) => {
          const allowed = await guarded(ctx, js, DERIVED_JOB_SEEKER_FIELDS.deadlineStatus);
          if (allowed === null) return null;
          const day = (d: Date) => d.toISOString().slice(0, 10);
          return worstStatus(
            js.tasks.map((t) => ({ dueOn: day(t.dueOn), warnFrom: day(t.warnFrom) })),
            osloDay(ctx.now),
          );
        },
      }),
      organization: t.relation('organization', { type: OrganizationNode, nullable: true }),
      currentSpecialist: t.relation('currentSpecialist', { type: UserType, nullable: true }),
    };
  },
});

export const DeadlineStatusEnum = builder.enumType('DeadlineStatus', {
  values: ['OVERDUE', 'DUE', 'UPCOMING', 'NONE'] as const satisfies readonly DeadlineStatus[],
});

/** Job seekers with an open duty in this status today (Europe/Oslo); NONE: without any open duty. */
function deadlineWhere(status: DeadlineStatus, now: Date): Prisma.JobSeekerWhereInput {
  if (status === 'NONE') return { tasks: { none: { status: 'OPEN' } } };
  return { tasks: { some: openTasksInStatus(status, now) } };
}

const JobSeekerOrder = builder.enumType('JobSeekerOrder', {
  values: ['REFERRAL_DATE_DESC', 'REFERRAL_DATE_ASC', 'FAMILY_NAME_ASC'] as const,
});

/** What a search term asks for: an identity number (11 digits, spaces allowed), or name words. */
export type JobSeekerSearch = { kind: 'number'; number: string } | { kind: 'name'; words: string[] };

/**
 * Reads the search term: 11 digits (spaces ignored, as "010190 12345") ask for that identity number
 * exactly; anything else is up to five words, each matching the start of a part of the given or
 * family name ("kari" finds "Anne Kari", "ols" finds "Nilsen-Olsen"), case-insensitively.
 */
export function parseJobSeekerSearch(term: string | null | undefined): JobSeekerSearch | null {
  const trimmed = (term ?? '').trim();
  if (!trimmed) return null;
  const digits = trimmed.replace(/\s+/g, '');
  if (/^\d{11}$/.test(digits)) return { kind: 'number', number: digits };
  // LIKE's own characters are not part of any name: dropped rather than escaped.
  const words = trimmed
    .split(/\s+/)
    .map((w) => w.replace(/[%_\\]/g, ''))
    .filter(Boolean)
    .slice(0, 5);
  // A term of nothing but those characters matches no name (it must not list everyone).
  return { kind: 'name', words };
}

function nameWordWhere(word: string): Prisma.JobSeekerWhereInput {
  const part = (field: 'givenName' | 'familyName'): Prisma.JobSeekerWhereInput[] => [
    { [field]: { startsWith: word, mode: 'insensitive' } },
    { [field]: { contains: ` ${word}`, mode: 'insensitive' } },
    { [field]: { contains: `-${word}`, mode: 'insensitive' } },
  ];
  return { OR: [...part('givenName'), ...part('familyName')] };
}

function searchWhere(search: JobSeekerSearch | null): Prisma.JobSeekerWhereInput {
  if (!search) return {};
  if (search.kind === 'number') return { identityNumber: search.number };
  if (search.words.length === 0) return { id: { in: [] } };
  return { AND: search.words.map(nameWordWhere) };
}

const ORDER: Record<(typeof JobSeekerOrder)['$inferType'], Prisma.JobSeekerOrderByWithRelationInput[]> = {
  REFERRAL_DATE_DESC: [{ referralDate: 'desc' }, { id: 'desc' }],
  REFERRAL_DATE_ASC: [{ referralDate: 'asc' }, { id: 'asc' }],
  FAMILY_NAME_ASC: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
};

builder.queryFields((t) => ({
  jobSeekers: t.prismaConnection(
    {
      type: 'JobSeeker',
      cursor: 'id',
      authScopes: { signedIn: true },
      maxSize: (_args, ctx) => ctx.config.maxPageSize,
      defaultSize: 25,
      args: {
        phase: t.arg({ type: [JobSeekerPhaseEnum], required: false }),
        specialistId: t.arg.id({ required: false, validate: z.uuid() }),
        deadlineStatus: t.arg({ type: DeadlineStatusEnum, required: false }),
        teamConsentMissing: t.arg.boolean({
          required: false,
          description:
            'Only my own job seekers who miss the consent to team and NAV discussion (seed 001 §3): none given in force, no refusal recorded.',
        }),
        orderBy: t.arg({ type: JobSeekerOrder, required: false, defaultValue: 'REFERRAL_DATE_DESC' }),
        search: t.arg.string({
          required: false,
          description:
            'A name (each word matches the start of a part of the given or family name, case-insensitively) or an identity number (11 digits: exactly, and only where you may read the number). Never logged.',
          validate: z.string().max(100),
        }),
      },
      resolve: async (query, _root, args, ctx) => {
        const facts = withAccessFacts(ctx, query);
        const search = parseJobSeekerSearch(args.search);
        const where: Prisma.JobSeekerWhereInput = {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'JobSeeker'),
            args.phase?.length ? { phase: { in: args.phase } } : {},
            args.specialistId ? { currentSpecialistId: String(args.specialistId) } : {},
            args.deadlineStatus ? deadlineWhere(args.deadlineStatus, ctx.now) : {},
            // Only the own portfolio: nobody else learns who lacks the consent.
            args.teamConsentMissing
              ? { currentSpecialistId: ctx.actor.userId, ...teamConsentMissingWhere(ctx.now) }
              : {},
            searchWhere(search),
          ],
        };
        const orderBy = ORDER[args.orderBy ?? 'REFERRAL_DATE_DESC'];
        // A NAV counsellor's list: the page's ids first, then their rows (ADR 0020).
        const rows =
          (await navListPageFirst(ctx, facts.query, where, orderBy)) ??
          (await ctx.db.jobSeeker.findMany({ ...facts.query, where, orderBy }));
        if (facts.merged) for (const js of rows) rowsWithFacts.add(js);
        // Found by number only where the caller may read the number: a colleague who discusses the
        // case in the team (or a NAV counsellor without the part) learns nothing from a number.
        if (search?.kind === 'number') {
          const readable = await Promise.all(rows.map((js) => readableFields(ctx, js)));
          const kept = rows.filter((_js, i) => readable[i]?.has('identityNumber'));
          rows.splice(0, rows.length, ...kept);
        }
        // The plugin asks for one row more than the page to know whether there is a next page;
        // only rows that are returned go to the access log.
        const pageSize = Math.abs(query.take ?? rows.length + 1) - 1;
        // The access log says a search found them, never what was searched for.
        for (const js of rows.slice(0, pageSize))
          recordRead(ctx, js, search ? 'JobSeeker.search' : 'JobSeeker.list');
        return rows;
      },
    },
    {},
    {},
  ),
  jobSeeker: t.prismaField({
    type: 'JobSeeker',
    nullable: true,
    description: 'One job seeker, or null when it does not exist or is outside what you may see.',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: async (query, _root, args, ctx) => {
      const facts = withAccessFacts(ctx, query);
      const js = await ctx.db.jobSeeker.findFirst({
        ...facts.query,
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'JobSeeker'), { id: String(args.id) }] },
      });
      if (js && facts.merged) rowsWithFacts.add(js);
      if (js) recordRead(ctx, js, 'JobSeeker.detail');
      return js;
    },
  }),
}));
