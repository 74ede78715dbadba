/**
 * The field-mentoring form's state and its submit (split out of SupervisionPage.tsx, issue 19):
 * the required fields are checked here first, then the API's typed errors are shown at their fields.
 */
import { graphql, NotFoundErrorFields, osloToday, useMutationForm, ValidationErrorFields } from '@ips/ui';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

const everywhere = { allOrganizations: true };

export const SETTINGS = ['JOB_SEEKER_MEETING', 'EMPLOYER_MEETING'] as const;

const LOG = graphql(
  `
  mutation LogFieldMentoring($input: LogFieldMentoringInput!) {
    logFieldMentoring(input: $input) {
      __typename
      ... on MutationLogFieldMentoringSuccess { data { id } }
      ...NotFoundErrorFields
      ...ValidationErrorFields
    }
  }
`,
  [NotFoundErrorFields, ValidationErrorFields],
);

export function useMentoringForm(teamId: string, onChanged: () => void) {
  const { t } = useTranslation('team');
  const [observed, setObserved] = useState('');
  const [observer, setObserver] = useState('');
  const [occurredOn, setOccurredOn] = useState(osloToday());
  const [setting, setSetting] = useState<(typeof SETTINGS)[number]>('JOB_SEEKER_MEETING');
  const [observations, setObservations] = useState('');
  const [feedback, setFeedback] = useState('');
  const [done, setDone] = useState(false);
  const form = useMutationForm(LOG, {
    fields: ['observedSpecialistId', 'observerId', 'occurredOn', 'observations', 'feedback'],
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const local: Record<string, string> = {};
    if (!observed) local.observedSpecialistId = t('tm_issue_REQUIRED');
    if (!observer) local.observerId = t('tm_issue_REQUIRED');
    if (!occurredOn) local.occurredOn = t('tm_issue_REQUIRED');
    form.setFieldErrors(local);
    if (Object.keys(local).length) return;
    const res = await form.send(
      {
        input: {
          teamId,
          observedSpecialistId: observed,
          observerId: observer,
          occurredOn,
          setting,
          observations: observations.trim() || null,
          feedback: feedback.trim() || null,
        },
      },
      everywhere,
    );
    if (res.ok) {
      setObservations('');
      setFeedback('');
      setDone(true);
      onChanged();
    }
  };

  return {
    form,
    submit,
    done,
    fields: {
      values: { observed, observer, occurredOn, setting, observations, feedback },
      setObserved,
      setObserver,
      setOccurredOn,
      setSetting,
      setObservations,
      setFeedback,
    },
  };
}
