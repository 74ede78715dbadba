/**
 * The work panel's parts (`WorkPanel`): a section with its heading and action, the box a form
 * opens in, and one listed job, study or application with the buttons and forms that change it.
 */
import { formatDay, formatDecimal } from '@ips/ui';
import { BodyShort, Box, Button, Detail, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationStatusForm } from './ApplicationForms.js';
import { JobEndForm } from './JobEndForm.js';
import type { JobSeekerView } from './query.js';
import { StudyEndForm } from './StudyForms.js';

export type Open =
  | { form: 'jobStart' }
  | { form: 'jobEnd'; id: string }
  | { form: 'studyStart' }
  | { form: 'studyEnd'; id: string }
  | { form: 'application' }
  | null;

export const listStyle = {
  display: 'grid',
  gap: '0.75rem',
  paddingInlineStart: 0,
  listStyle: 'none',
  margin: 0,
};

/** What every listed item needs of the panel: whether work is recorded here, and the open form. */
interface ItemProps {
  active: boolean;
  open: Open;
  start: (o: Open) => void;
  finish: (message: string) => void;
  close: () => void;
  onChanged: () => void;
}

/** Ending a job or a study: the button while it may be ended, then its form in place of the button. */
function EndAction({
  offered,
  opened,
  label,
  onOpen,
  children,
}: {
  offered: boolean;
  opened: boolean;
  label: string;
  onOpen: () => void;
  children: ReactNode;
}) {
  if (opened) return <FormBox>{children}</FormBox>;
  if (!offered) return null;
  return (
    <div>
      <Button size="small" variant="tertiary" onClick={onOpen}>
        {label}
      </Button>
    </div>
  );
}

/** A job or work practice: employer, whether competitive, dates, hours, who ended it. */
export function EmploymentItem({
  e,
  active,
  open,
  start,
  finish,
  close,
  onChanged,
}: ItemProps & { e: JobSeekerView['employments'][number] }) {
  const { t } = useTranslation('portfolio');
  return (
    <li data-employment={e.id}>
      <VStack gap="space-4">
        <HStack gap="space-8" align="center" wrap>
          <strong>{e.jobTitle}</strong>
          {e.employer ? <BodyShort as="span">{e.employer.name}</BodyShort> : null}
          {e.kind === 'WORK_PRACTICE' ? (
            <Tag size="xsmall" variant="neutral">
              {t('kind_WORK_PRACTICE')}
            </Tag>
          ) : (
            <Tag size="xsmall" variant={e.competitive ? 'success' : 'neutral'}>
              {t(e.competitive ? 'js_competitive' : 'js_notCompetitive')}
            </Tag>
          )}
        </HStack>
        <Detail>
          {formatDay(e.startDate)} – {e.endDate ? formatDay(e.endDate) : t('js_ongoing')},{' '}
          {t('js_hoursPerWeek', { hours: formatDecimal(e.hoursPerWeek) })}
          {e.endedBy ? `, ${t('wk_endedByShort', { who: t(`endedBy_${e.endedBy}`) })}` : ''}
        </Detail>
        <EndAction
          offered={active && !e.endDate}
          opened={open?.form === 'jobEnd' && open.id === e.id}
          label={t('wk_endJob')}
          onOpen={() => start({ form: 'jobEnd', id: e.id })}
        >
          <JobEndForm employment={e} onDone={finish} onCancel={close} onConflict={onChanged} />
        </EndAction>
      </VStack>
    </li>
  );
}

/** A study: institution, whether completed, dates. */
export function StudyItem({
  s,
  active,
  open,
  start,
  finish,
  close,
  onChanged,
}: ItemProps & { s: JobSeekerView['studies'][number] }) {
  const { t } = useTranslation('portfolio');
  return (
    <li data-study={s.id}>
      <VStack gap="space-4">
        <HStack gap="space-8" align="center" wrap>
          <strong>{s.programme}</strong>
          <BodyShort as="span">{s.institution}</BodyShort>
          {s.endDate && s.completed !== null ? (
            <Tag size="xsmall" variant={s.completed ? 'success' : 'neutral'}>
              {t(s.completed ? 'wk_completed' : 'wk_notCompleted')}
            </Tag>
          ) : null}
        </HStack>
        <Detail>
          {formatDay(s.startDate)} – {s.endDate ? formatDay(s.endDate) : t('js_ongoing')}
        </Detail>
        <EndAction
          offered={active && !s.endDate}
          opened={open?.form === 'studyEnd' && open.id === s.id}
          label={t('wk_endStudy')}
          onOpen={() => start({ form: 'studyEnd', id: s.id })}
        >
          <StudyEndForm study={s} onDone={finish} onCancel={close} onConflict={onChanged} />
        </EndAction>
      </VStack>
    </li>
  );
}

/** An application: position, employer, status (changed in place), source and day. */
export function ApplicationItem({
  a,
  active,
  finish,
  onChanged,
}: ItemProps & { a: JobSeekerView['applications'][number] }) {
  const { t } = useTranslation('portfolio');
  return (
    <li data-application={a.id}>
      <VStack gap="space-4">
        <HStack gap="space-8" align="center" wrap>
          <strong>{a.position}</strong>
          {a.employer ? <BodyShort as="span">{a.employer.name}</BodyShort> : null}
          <Tag size="xsmall" variant="info" data-status={a.status}>
            {t(`appStatus_${a.status}`)}
          </Tag>
        </HStack>
        <Detail>
          {t(`source_${a.source}`)}
          {a.appliedOn ? `, ${formatDay(a.appliedOn)}` : ''}
        </Detail>
        {active ? (
          <ApplicationStatusForm
            key={`${a.id}:${a.version}`}
            application={a}
            onDone={finish}
            onConflict={onChanged}
          />
        ) : null}
      </VStack>
    </li>
  );
}

export function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <VStack gap="space-12">
        <HStack gap="space-8" align="center" justify="space-between" wrap>
          <Heading level="2" size="small" id={id}>
            {title}
          </Heading>
          {action}
        </HStack>
        {children}
      </VStack>
    </section>
  );
}

export function FormBox({ children }: { children: ReactNode }) {
  return (
    <Box padding="space-16" borderWidth="1" borderRadius="8">
      {children}
    </Box>
  );
}
