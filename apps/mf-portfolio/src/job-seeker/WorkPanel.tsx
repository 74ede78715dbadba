/**
 * Jobs, studies and applications on the job seeker's overview (issue 15 item 4): each listed with
 * what the specialist needs at a glance (dates as dd.mm.åååå, hours with a decimal comma, whether a
 * job counts as competitive, who ended it), and the forms that record a start, an end, an
 * application and its status — offered only where the ability allows (the job seeker's own
 * specialist). After a change the page is read again, so the duties it opened show at once.
 */
import { formatDay, formatDecimal } from '@ips/ui';
import { Alert, BodyShort, Box, Button, Detail, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationForm, ApplicationStatusForm } from './ApplicationForms.js';
import { JobEndForm } from './JobEndForm.js';
import { JobStartForm } from './JobStartForm.js';
import type { JobSeekerView } from './query.js';
import { StudyEndForm, StudyStartForm } from './StudyForms.js';

type Open =
  | { form: 'jobStart' }
  | { form: 'jobEnd'; id: string }
  | { form: 'studyStart' }
  | { form: 'studyEnd'; id: string }
  | { form: 'application' }
  | null;

const listStyle = { display: 'grid', gap: '0.75rem', paddingInlineStart: 0, listStyle: 'none', margin: 0 };

export function WorkPanel({
  js,
  canEdit,
  onChanged,
}: {
  js: JobSeekerView;
  /** Whether the signed-in user records work for this job seeker (the ability decides). */
  canEdit: boolean;
  /** Reads the page again (network only) after a change. */
  onChanged: () => void;
}) {
  const { t } = useTranslation('portfolio');
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const active = js.phase !== 'DISCHARGED' && canEdit;
  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
    onChanged();
  };
  const start = (o: Open) => {
    setDone(null);
    setOpen(o);
  };
  const close = () => setOpen(null);

  return (
    <VStack gap="space-24">
      {done ? (
        <Alert variant="success" size="small" role="status">
          {done}
        </Alert>
      ) : null}
      <Section
        id="employments-heading"
        title={t('js_employments')}
        action={
          active && open?.form !== 'jobStart' ? (
            <Button size="small" variant="secondary" onClick={() => start({ form: 'jobStart' })}>
              {t('wk_startJob')}
            </Button>
          ) : null
        }
      >
        {open?.form === 'jobStart' ? (
          <FormBox>
            <JobStartForm jobSeekerId={js.id} onDone={finish} onCancel={close} />
          </FormBox>
        ) : null}
        {js.employments.length === 0 ? (
          <BodyShort>{t('js_noEmployments')}</BodyShort>
        ) : (
          <ul style={listStyle} aria-label={t('js_employments')}>
            {js.employments.map((e) => (
              <li key={e.id} data-employment={e.id}>
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
                  {active && !e.endDate && !(open?.form === 'jobEnd' && open.id === e.id) ? (
                    <div>
                      <Button
                        size="small"
                        variant="tertiary"
                        onClick={() => start({ form: 'jobEnd', id: e.id })}
                      >
                        {t('wk_endJob')}
                      </Button>
                    </div>
                  ) : null}
                  {open?.form === 'jobEnd' && open.id === e.id ? (
                    <FormBox>
                      <JobEndForm employment={e} onDone={finish} onCancel={close} onConflict={onChanged} />
                    </FormBox>
                  ) : null}
                </VStack>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="studies-heading"
        title={t('wk_studies')}
        action={
          active && open?.form !== 'studyStart' ? (
            <Button size="small" variant="secondary" onClick={() => start({ form: 'studyStart' })}>
              {t('wk_startStudy')}
            </Button>
          ) : null
        }
      >
        {open?.form === 'studyStart' ? (
          <FormBox>
            <StudyStartForm jobSeekerId={js.id} onDone={finish} onCancel={close} />
          </FormBox>
        ) : null}
        {js.studies.length === 0 ? (
          <BodyShort>{t('wk_noStudies')}</BodyShort>
        ) : (
          <ul style={listStyle} aria-label={t('wk_studies')}>
            {js.studies.map((s) => (
              <li key={s.id} data-study={s.id}>
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
                  {active && !s.endDate && !(open?.form === 'studyEnd' && open.id === s.id) ? (
                    <div>
                      <Button
                        size="small"
                        variant="tertiary"
                        onClick={() => start({ form: 'studyEnd', id: s.id })}
                      >
                        {t('wk_endStudy')}
                      </Button>
                    </div>
                  ) : null}
                  {open?.form === 'studyEnd' && open.id === s.id ? (
                    <FormBox>
                      <StudyEndForm study={s} onDone={finish} onCancel={close} onConflict={onChanged} />
                    </FormBox>
                  ) : null}
                </VStack>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="applications-heading"
        title={t('wk_applications')}
        action={
          active && open?.form !== 'application' ? (
            <Button size="small" variant="secondary" onClick={() => start({ form: 'application' })}>
              {t('wk_recordApplication')}
            </Button>
          ) : null
        }
      >
        {open?.form === 'application' ? (
          <FormBox>
            <ApplicationForm jobSeekerId={js.id} onDone={finish} onCancel={close} />
          </FormBox>
        ) : null}
        {js.applications.length === 0 ? (
          <BodyShort>{t('wk_noApplications')}</BodyShort>
        ) : (
          <ul style={listStyle} aria-label={t('wk_applications')}>
            {js.applications.map((a) => (
              <li key={a.id} data-application={a.id}>
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
            ))}
          </ul>
        )}
      </Section>
    </VStack>
  );
}

function Section({
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

function FormBox({ children }: { children: ReactNode }) {
  return (
    <Box padding="space-16" borderWidth="1" borderRadius="8">
      {children}
    </Box>
  );
}
