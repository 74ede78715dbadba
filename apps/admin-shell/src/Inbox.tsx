/** The notifications inbox: unread count in the header, the list in a popover, mark as read. */

import { FormError, graphql, NotFoundErrorFields, useMutationForm } from '@ips/ui';
import { BellIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Popover, VStack } from '@navikt/ds-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

const INBOX = graphql(
  `query Inbox { unreadNotificationCount notifications { id kind title body read createdAt } }`,
);
const MARK = graphql(
  `mutation MarkRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) { __typename ...NotFoundErrorFields } }`,
  [NotFoundErrorFields],
);

export function Inbox() {
  const { t } = useTranslation();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [{ data }, refetch] = useQuery({ query: INBOX });
  const mark = useMutationForm(MARK);
  const unread = data?.unreadNotificationCount ?? 0;
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
            {(data?.notifications ?? []).slice(0, 20).map((n) => (
              <div key={n.id}>
                <BodyShort weight={n.read ? 'regular' : 'semibold'}>{n.title}</BodyShort>
                <BodyShort size="small">{n.body}</BodyShort>
                {!n.read && (
                  <Button
                    size="xsmall"
                    variant="tertiary"
                    onClick={() =>
                      mark.send({ ids: [n.id] }).then(() => refetch({ requestPolicy: 'network-only' }))
                    }
                  >
                    {t('markRead')}
                  </Button>
                )}
              </div>
            ))}
          </VStack>
        </Popover.Content>
      </Popover>
    </>
  );
}
