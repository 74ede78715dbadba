/**
 * "Who has seen my data, when and why" (tilgangslogg, helsenorge's innsynslogg): the access log of
 * one job seeker, for the tenant administrators who handle such requests, as entries or as an
 * export (CSV or JSON). Reading it is itself logged.
 */
import { accessibleWhere } from '@ips/authz';
import { parseIdentityNumber } from '@ips/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { RoleEnum } from './enums.js';
import { NotFoundError, numberCode, ValidationError } from './errors.js';

interface Entry {
  occurredAt: Date;
  action: string;
  area: string;
  actorName: string | null;
  actorRole: string | null;
  actorOrganization: string | null;
  reason: string | null;
}

const AccessLogEntry = builder.objectRef<Entry>('AccessLogEntry').implement({
  authScopes: { signedIn: true },
  fields: (t) => ({
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    action: t.exposeString('action'),
    area: t.exposeString('area'),
    actorName: t.exposeString('actorName', {
      nullable: true,
      description: 'Null when the person is outside your organisations',
    }),
    actorRole: t.field({ type: RoleEnum, nullable: true, resolve: (e) => e.actorRole as never }),
    actorOrganization: t.exposeString('actorOrganization', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const ExportFormat = builder.enumType('ExportFormat', { values: ['CSV', 'JSON'] as const });

const MAX_ENTRIES = 5000;

async function entries(
  ctx: Context,
  jobSeekerId: string,
  action: 'READ' | 'EXPORT' = 'READ',
): Promise<Entry[]> {
  const rows = await ctx.db.auditLog.findMany({
    where: { AND: [accessibleWhere(ctx.ability, 'read', 'AuditLog'), { jobSeekerId }] },
    orderBy: [{ occurredAt: 'desc' }, { sequence: 'desc' }],
    take: MAX_ENTRIES,
    select: {
      occurredAt: true,
      action: true,
      area: true,
      actorUserId: true,
      actorRole: true,
      actorOrganizationId: true,
      reason: true,
      organizationId: true,
    },
  });
  if (rows.length > 0) {
    ctx.audit.record({
      organizationId: rows[0]?.organizationId as string,
      jobSeekerId,
      action,
      area: 'AccessLog',
      entityType: 'JobSeeker',
      entityId: jobSeekerId,
    });
  }
  const userIds = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => id !== null))];
  const orgIds = [
    ...new Set(rows.map((r) => r.actorOrganizationId).filter((id): id is string => id !== null)),
  ];
  const [users, orgs] = await Promise.all([
    ctx.db.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, givenName: true, familyName: true },
    }),
    ctx.db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
  ]);
  const name = new Map(users.map((u) => [u.id, `${u.givenName} ${u.familyName}`]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    occurredAt: r.occurredAt,
    action: r.action,
    area: r.area,
    actorName: r.actorUserId ? (name.get(r.actorUserId) ?? null) : null,
    actorRole: r.actorRole,
    actorOrganization: r.actorOrganizationId ? (orgName.get(r.actorOrganizationId) ?? null) : null,
    reason: r.reason,
  }));
}

const csvCell = (v: unknown) => {
  const raw = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
  // A cell a spreadsheet would run as a formula is neutralised (CSV injection).
  const s = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

builder.queryFields((t) => ({
  accessLog: t.field({
    type: [AccessLogEntry],
    description: 'Who accessed this job seeker’s data, newest first (at most 5,000 entries).',
    authScopes: { signedIn: true },
    args: { jobSeekerId: t.arg.id({ required: true, validate: z.uuid() }) },
    resolve: (_root, args, ctx) => entries(ctx, String(args.jobSeekerId)),
  }),
  accessLogByIdentityNumber: t.field({
    type: [AccessLogEntry],
    description:
      'The access log of the job seeker with this identity number in the organisations you administer: how a request for access ("innsyn") arrives. Not found unless you administer the organisation that holds the record.',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError, ValidationError], result: { authScopes: { signedIn: true } } },
    args: { identityNumber: t.arg.string({ required: true, validate: z.string().trim().max(20) }) },
    resolve: async (_root, args, ctx) => {
      const adminOrgs = ctx.actor.memberships
        .filter((m) => m.role === 'TENANT_ADMINISTRATOR')
        .map((m) => m.organizationId);
      const orgs = await ctx.db.organization.findMany({
        where: { id: { in: adminOrgs } },
        select: { id: true, allowSyntheticIdentityNumbers: true },
      });
      // Only an administrator looks up by number: anyone else learns nothing, not even the format.
      if (orgs.length === 0) throw new NotFoundError('JobSeeker');
      const parsed = parseIdentityNumber(args.identityNumber, {
        allowSynthetic: orgs.some((o) => o.allowSyntheticIdentityNumbers),
      });
      if (!parsed.ok) {
        throw new ValidationError([
          {
            field: 'identityNumber',
            code: numberCode(parsed.error),
            message: 'Not a valid identity number',
          },
        ]);
      }
      const js = await ctx.db.jobSeeker.findFirst({
        where: { identityNumber: parsed.value.number, organizationId: { in: orgs.map((o) => o.id) } },
        select: { id: true },
      });
      if (!js) throw new NotFoundError('JobSeeker');
      return entries(ctx, js.id);
    },
  }),
  accessLogExport: t.string({
    description: 'The same access log as a CSV (semicolon-free, RFC 4180) or JSON document.',
    authScopes: { signedIn: true },
    args: {
      jobSeekerId: t.arg.id({ required: true, validate: z.uuid() }),
      format: t.arg({ type: ExportFormat, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const list = await entries(ctx, String(args.jobSeekerId), 'EXPORT');
      if (args.format === 'JSON') return JSON.stringify(list);
      const header = [
        'occurredAt',
        'action',
        'area',
        'actorName',
        'actorRole',
        'actorOrganization',
        'reason',
      ] as const;
      return [header.join(','), ...list.map((e) => header.map((h) => csvCell(e[h])).join(','))].join('\n');
    },
  }),
}));
