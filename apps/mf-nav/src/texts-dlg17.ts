/**
 * Texts of issue 17's NAV dialogue on the NAV counsellor's page (bokmål first, English second):
 * the threads with the job specialist about a shared job seeker (`NavDialogue.tsx`).
 */
import type { Texts } from '@ips/ui';

const nb: Texts = {
  dlg_title: 'Dialog med jobbspesialisten',
  dlg_closed: 'Dialogen er lukket: jobbsøkerens samtykke eller delingen omfatter ikke lenger dialog med NAV.',
  dlg_none: 'Ingen tråder ennå.',
  dlg_unread_one: '{{count}} ulest',
  dlg_unread_other: '{{count}} uleste',
  dlg_answerDue: 'Svar innen {{day}}',
  dlg_threadMeta: '{{office}} – siste melding {{at}}',
  dlg_side_SPECIALIST: 'Jobbspesialist',
  dlg_side_NAV: 'NAV-veileder',
  dlg_readByOther: 'Lest av jobbspesialisten {{at}}',
  dlg_answer: 'Svar',
  dlg_send: 'Send svar',
  dlg_startTitle: 'Start en ny tråd',
  dlg_office: 'NAV-kontor',
  dlg_chooseOffice: 'Velg NAV-kontor',
  dlg_subject: 'Emne',
  dlg_message: 'Melding',
  dlg_start: 'Send',
  dlg_issue_REQUIRED_subject: 'Skriv et emne.',
  dlg_issue_REQUIRED_body: 'Skriv en melding.',
  dlg_issue_REQUIRED_navOfficeId: 'Velg et NAV-kontor.',
  dlg_issue_TOO_LONG_subject: 'Emnet er for langt.',
  dlg_issue_TOO_LONG_body: 'Meldingen er for lang.',
  dlg_issue_NOT_CONSENTED_navOfficeId: 'Dialogen er ikke åpen med dette NAV-kontoret.',
  dlg_listUnread_one: '{{count}} ulest melding',
  dlg_listUnread_other: '{{count}} uleste meldinger',
  dlg_listDue: 'Svar innen {{day}}',
};

const en: Texts = {
  dlg_title: 'Dialogue with the job specialist',
  dlg_closed:
    "The dialogue is closed: the job seeker's consent or the sharing no longer covers the dialogue with NAV.",
  dlg_none: 'No threads yet.',
  dlg_unread_one: '{{count}} unread',
  dlg_unread_other: '{{count}} unread',
  dlg_answerDue: 'Answer by {{day}}',
  dlg_threadMeta: '{{office}} – last message {{at}}',
  dlg_side_SPECIALIST: 'Job specialist',
  dlg_side_NAV: 'NAV counsellor',
  dlg_readByOther: 'Read by the job specialist {{at}}',
  dlg_answer: 'Answer',
  dlg_send: 'Send answer',
  dlg_startTitle: 'Start a new thread',
  dlg_office: 'NAV office',
  dlg_chooseOffice: 'Choose a NAV office',
  dlg_subject: 'Subject',
  dlg_message: 'Message',
  dlg_start: 'Send',
  dlg_issue_REQUIRED_subject: 'Write a subject.',
  dlg_issue_REQUIRED_body: 'Write a message.',
  dlg_issue_REQUIRED_navOfficeId: 'Choose a NAV office.',
  dlg_issue_TOO_LONG_subject: 'The subject is too long.',
  dlg_issue_TOO_LONG_body: 'The message is too long.',
  dlg_issue_NOT_CONSENTED_navOfficeId: 'The dialogue is not open with this NAV office.',
  dlg_listUnread_one: '{{count}} unread message',
  dlg_listUnread_other: '{{count}} unread messages',
  dlg_listDue: 'Answer by {{day}}',
};

export const dlg17Texts = { nb, en };
