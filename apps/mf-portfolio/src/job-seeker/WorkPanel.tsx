/**
 * Jobs, studies and applications on the job seeker's overview (issue 15 item 4): each listed with
 * what the specialist needs at a glance (dates as dd.mm.åååå, hours with a decimal comma, whether a
 * job counts as competitive, who ended it), and the forms that record a start, an end, an
 * application and its status — offered only where the ability allows (the job seeker's own
 * specialist). After a change the page is read again, so the duties it opened show at once.
 */
import { Alert, BodyShort, Button, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationForm } from './ApplicationForms.js';
import { JobStartForm } from './JobStartForm.js';
import type { JobSeekerView } from './query.js';
import { StudyStartForm } from './StudyForms.js';
import {
  ApplicationItem,
  EmploymentItem,
  FormBox,
  listStyle,
  type Open,
  Section,
  StudyItem,
} from './work-items.js';

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
  const item = { active, open, start, finish, close, onChanged };

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
              <EmploymentItem key={e.id} e={e} {...item} />
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
              <StudyItem key={s.id} s={s} {...item} />
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
              <ApplicationItem key={a.id} a={a} {...item} />
            ))}
          </ul>
        )}
      </Section>
    </VStack>
  );
}
