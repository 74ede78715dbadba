/**
 * Notifications: an in-app inbox (read / unread) and an e-mail for each, for a long absence, a
 * transfer, new action points and the daily deadline digest. The notification and its e-mail
 * message are written in the request's transaction (the e-mail goes through the transactional
 * outbox, so a rolled-back request sends nothing); a worker delivers the e-mail over SMTP.
 * E-mails carry no personal data about job seekers: they say that something waits in the inbox.
 */
import { accessibleWhere, canOn } from '@ips/authz';
import { NotificationKind } from '@ips/db';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { NotFoundError } from './errors.js';
import { nonEmpty } from './query-shape.js';

export const NOTIFICATION_EMAIL_TOPIC = 'email.notification';

/** What the e-mail worker sends. */
export interface NotificationEmail {
  notificationId: string;
  to: string;
  subject: string;
  text: string;
}

const NotificationKindEnum = builder.enumType(NotificationKind, { name: 'NotificationKind' });

const SUBJECT: Record<NotificationKind, string> = {
  LONG_ABSENCE: 'Langvarig fravær i teamet ditt',
  DEADLINE_DIGEST: 'Frister som har passert',
  TRANSFER: 'Du har fått en ny jobbsøker',
  ACTION_POINT: 'Nytt tiltakspunkt til deg',
  CONSENT_EXPIRING: 'Samtykke som snart utløper',
  MEETING_MINUTES: 'Referat fra teammøtet',
  TEAM_CONSENT_REQUEST: 'Samtykke til drøfting i team mangler',
  PLANNED_ABSENCE: 'Planlagt fravær i teamet ditt',
  NAV_DIALOGUE: 'Ny melding i en dialog med NAV',
};

export interface NewNotification {
  organizationId: string;
  recipientId: string;
  /** The recipient's e-mail address; no e-mail when null. */
  email: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  link?: { type: string; id: string };
}

/** Writes a notification and queues its e-mail, in the request's transaction. */
export async function notify(ctx: Context, n: NewNotification): Promise<void> {
  const created = await ctx.db.notification.create({
    data: {
      organizationId: n.organizationId,
      recipientId: n.recipientId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      linkType: n.link?.type ?? null,
      linkId: n.link?.id ?? null,
    },
    select: { id: true },
  });
  if (!n.email) return;
  const message: NotificationEmail = {
    notificationId: created.id,
    to: n.email,
    subject: SUBJECT[n.kind],
    // Only that something waits: the title may carry case details (an action point's text).
    text: `${SUBJECT[n.kind]}.\n\nLogg inn i IPS-plattformen for å se varselet i innboksen din.\n`,
  };
  await ctx.db.outboxMessage.create({
    data: { organizationId: n.organizationId, topic: NOTIFICATION_EMAIL_TOPIC, payload: message as never },
  });
}

export const NotificationType = builder.prismaObject('Notification', {
  authScopes: { signedIn: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: NotificationKindEnum }),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    linkType: t.exposeString('linkType', { nullable: true }),
    linkId: t.exposeID('linkId', { nullable: true }),
    read: t.boolean({ select: { readAt: true }, resolve: (n) => n.readAt !== null }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  notifications: t.prismaField({
    type: [NotificationType],
    description: 'My inbox, newest first (at most 100).',
    authScopes: { signedIn: true },
    args: { unreadOnly: t.arg.boolean({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.notification.findMany({
        ...query,
        where: {
          AND: [
            accessibleWhere(ctx.ability, 'read', 'Notification'),
            args.unreadOnly ? { readAt: null } : {},
          ],
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 100,
      }),
  }),
  unreadNotificationCount: t.int({
    description: 'How many notifications in my inbox are unread.',
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) =>
      ctx.db.notification.count({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'Notification'), { readAt: null }] },
      }),
  }),
}));

builder.mutationField('markNotificationsRead', (t) =>
  t.prismaField({
    type: [NotificationType],
    description: 'Marks notifications of my inbox read (unknown or foreign ids: NotFound, nothing marked).',
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError] },
    args: { ids: t.arg.idList({ required: true, validate: z.array(z.uuid()).min(1).max(100) }) },
    resolve: async (query, _root, args, ctx) => {
      const ids = [...new Set(args.ids.map(String))];
      const mine = await ctx.db.notification.findMany({
        where: { AND: [accessibleWhere(ctx.ability, 'read', 'Notification'), { id: { in: ids } }] },
        select: { id: true, organizationId: true, recipientId: true },
      });
      if (mine.length !== ids.length || !mine.every((n) => canOn(ctx.ability, 'update', 'Notification', n)))
        throw new NotFoundError('Notification');
      await ctx.db.notification.updateMany({
        where: { id: { in: ids }, readAt: null },
        data: { readAt: ctx.now },
      });
      return ctx.db.notification.findMany({
        ...nonEmpty(query),
        where: { id: { in: ids } },
        orderBy: { createdAt: 'desc' },
      });
    },
  }),
);
