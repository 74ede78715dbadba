/**
 * The NAV dialogue on the counsellor's list (issue 17; docs/nav-dialogue.md): per job seeker the
 * specialist's messages not yet read and the day my answer is due (48 hours), from
 * `navDialogueOverview` — one query for the whole list (urql shares it between the rows).
 */
import { formatDay, graphql } from '@ips/ui';
import { HStack, Tag } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

const OVERVIEW = graphql(`
  query CounsellorNavDialogueOverview {
    navDialogueOverview { jobSeekerId unreadCount answerDueOn }
  }
`);

/** The marks for one job seeker (raw id); nothing when nothing waits. */
export function DialogueMark({ jobSeekerId }: { jobSeekerId: string }) {
  const { t } = useTranslation('nav');
  const [{ data }] = useQuery({ query: OVERVIEW });
  const item = (data?.navDialogueOverview ?? []).find((i) => i.jobSeekerId === jobSeekerId);
  if (!item || (item.unreadCount === 0 && !item.answerDueOn)) return null;
  return (
    <HStack gap="space-4" wrap data-dialogue-mark={jobSeekerId}>
      {item.unreadCount > 0 ? (
        <Tag size="xsmall" variant="warning">
          {t('dlg_listUnread', { count: item.unreadCount })}
        </Tag>
      ) : null}
      {item.answerDueOn ? (
        <Tag size="xsmall" variant="info">
          {t('dlg_listDue', { day: formatDay(item.answerDueOn) })}
        </Tag>
      ) : null}
    </HStack>
  );
}
