/**
 * The notifications inbox: unread count in the header, the list in a popover, mark as read. Each
 * notice leads to the item it is about (issue 15, item 12): its `linkType`/`linkId` map to the route
 * that shows it; a notice whose item the user's screens cannot open (another role's page) says so
 * instead of offering a link that leads nowhere.
 */

import { FormError, formatDayTime, graphql, NotFoundErrorFields, useMutationForm } from '@ips/ui';
import { BellIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Detail, Popover, VStack } from '@navikt/ds-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';

const INBOX = graphql(
  `query Inbox { unreadNotificationCount notifications { id kind title body read createdAt linkType linkId } }`,
);
const MARK = graphql(
  `mutation MarkRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) { __typename ...NotFoundErrorFields } }`,
  [NotFoundErrorFields],
);

/** The inbox is the shell's own: its reads say so in the access log. */
const INBOX_CONTEXT = { accessReason: 'Varsler: egne varsler' };

export type NoticeTarget =
  | { kind: 'link'; to: string }
  /** The item exists, but none of the user's screens shows it. */
  | { kind: 'unavailable' }
  /** The notice is about nothing in particular. */
  | { kind: 'none' };

/**
 * Where a notice leads, given the route paths the user has (`portfolio/:id`, `deadlines`, …):
 * the first of the item's screens the user may open.
 */
export function noticeTarget(
  linkType: string | null | undefined,
  linkId: string | null | undefined,
  paths: readonly string[],
): NoticeTarget {
  if (!linkType) return { kind: 'none' };
  const id = linkId ? encodeURIComponent(linkId) : null;
  // Each type's screens, best first: [route path, address].
  const candidates: [string, string | null][] = (() => {
    switch (linkType) {
      case 'JobSeeker':
        return [
          ['portfolio/:id', linkId ? `/portfolio/${encodeURIComponent(btoa(`JobSeeker:${linkId}`))}` : null],
        ];
      case 'Deadlines':
        return [['deadlines', '/deadlines']];
      case 'TeamMeeting':
        return [['team-meeting', id ? `/team-meeting?mote=${id}` : '/team-meeting']];
      // An action point is on the team meeting (the supervisor) and among its owner's deadlines.
      case 'ActionPoint':
        return [
          ['team-meeting', '/team-meeting'],
          ['deadlines', '/deadlines'],
        ];
      // A long absence: the supervisor's cover for it, or the leader's absences.
      case 'Absence':
        return [
          ['coverage', id ? `/coverage?fravaer=${id}` : '/coverage'],
          ['absences', '/absences'],
        ];
      // The supervisor asks for missing team-discussion consents (issue 17 item 6): the portfolio's filter.
      case 'TeamConsentMissing':
        return [['portfolio', '/portfolio?vis=samtykke']];
      default:
        return [];
    }
  })();
  const open = candidates.find(([path, to]) => to && paths.includes(path));
  return open?.[1] ? { kind: 'link', to: open[1] } : { kind: 'unavailable' };
}

export function Inbox({ paths }: { paths: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [{ data }, refetch] = useQuery({ query: INBOX, context: INBOX_CONTEXT });
  const mark = useMutationForm(MARK);
  const unread = data?.unreadNotificationCount ?? 0;
  const markRead = (id: string) =>
    mark
      .send({ ids: [id] }, INBOX_CONTEXT)
      .then(() => refetch({ requestPolicy: 'network-only', ...INBOX_CONTEXT }));
  return (
    <>
      <Button
        ref={anchor}
        size="small"
        variant="secondary"
        icon={<BellIcon aria-hidden />}
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        data-testid="inbox"
      >
        {t('notifications')} ({t('unread', { count: unread })})
      </Button>
      <Popover open={open} onClose={() => setOpen(false)} anchorEl={anchor.current}>
        <Popover.Content>
          <VStack gap="space-8" style={{ maxWidth: '22rem' }}>
            <FormError form={mark} />
            {(data?.notifications ?? []).length === 0 && <BodyShort>{t('noNotifications')}</BodyShort>}
            {(data?.notifications ?? []).slice(0, 20).map((n) => {
              const target = noticeTarget(n.linkType, n.linkId, paths);
              return (
                <div key={n.id} data-testid="notice">
                  <BodyShort weight={n.read ? 'regular' : 'semibold'}>{n.title}</BodyShort>
                  <BodyShort size="small">{n.body}</BodyShort>
                  <Detail>{formatDayTime(n.createdAt, i18n.language)}</Detail>
                  {target.kind === 'link' ? (
                    <Link
                      to={target.to}
                      onClick={() => {
                        setOpen(false);
                        if (!n.read) void markRead(n.id);
                      }}
                    >
                      {t(`noticeOpen_${n.linkType}`, { defaultValue: t('noticeOpen') })}
                    </Link>
                  ) : null}
                  {target.kind === 'unavailable' ? (
                    <Detail data-testid="notice-unavailable">{t('noticeUnavailable')}</Detail>
                  ) : null}
                  {!n.read && (
                    <Button size="xsmall" variant="tertiary" onClick={() => void markRead(n.id)}>
                      {t('markRead')}
                    </Button>
                  )}
                </div>
              );
            })}
          </VStack>
        </Popover.Content>
      </Popover>
    </>
  );
}
