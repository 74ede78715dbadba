/**
 * The error summary of the job seeker's forms: each link moves focus to the field it names — the
 * date and time fields too (Aksel's DatePicker input and the time field carry the summary's target
 * ids), and an issue the API reports at an instant (`heldAt`) leads to the day field that shows it.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { type Client, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import { texts } from '../texts.js';
import { FollowUpMeetingForm } from './FollowUpMeetingForm.js';
import { StudyStartForm } from './StudyForms.js';

const i18n = i18next.createInstance();
void i18n
  .use(initReactI18next)
  .init({ lng: 'nb', resources: { nb: { portfolio: texts.nb } }, initAsync: false });

function renderWith(node: ReactNode, answer: unknown = null) {
  const client = {
    executeMutation: () => fromValue({ data: { recordFollowUpMeeting: answer } }),
  } as unknown as Client;
  render(
    <I18nextProvider i18n={i18n}>
      <Provider value={client}>{node}</Provider>
    </I18nextProvider>,
  );
}

/** Clicks the summary's link with this text and answers the element that has focus then. */
function follow(text: string): Element | null {
  fireEvent.click(screen.getByRole('link', { name: text }));
  return document.activeElement;
}

const meetingForm = (
  <FollowUpMeetingForm
    jobSeekerId="Sm9iU2Vla2VyOjE="
    employments={[]}
    onSaved={() => {}}
    onClose={() => {}}
  />
);

afterEach(cleanup);

describe('the error summary’s links', () => {
  it('move focus to the time field and to the day field of the follow-up meeting', () => {
    renderWith(meetingForm);
    fireEvent.change(screen.getByLabelText('Klokkeslett'), { target: { value: '25:99' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrer møtet' }));
    expect(follow('Skriv klokkeslettet som tt:mm, for eksempel 09:30.')).toBe(
      screen.getByLabelText('Klokkeslett'),
    );
    fireEvent.change(screen.getByLabelText('Dato'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrer møtet' }));
    expect(follow('Velg en dato.')).toBe(screen.getByLabelText('Dato'));
  });

  it('lead from the API’s issue at the meeting’s instant to the day field', async () => {
    renderWith(meetingForm, {
      __typename: 'ValidationError',
      message: 'invalid',
      issues: [{ field: 'heldAt', code: 'IN_FUTURE', message: 'A held meeting is not in the future' }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Registrer møtet' }));
    const links = await screen.findAllByRole('link');
    expect(links).toHaveLength(1);
    fireEvent.click(links[0] as HTMLElement);
    expect(document.activeElement).toBe(screen.getByLabelText('Dato'));
  });

  it('move focus to the study’s start date', () => {
    renderWith(<StudyStartForm jobSeekerId="Sm9iU2Vla2VyOjE=" onDone={() => {}} onCancel={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Registrer studiestart' }));
    const links = screen.getAllByRole('link', { name: 'Må fylles ut.' });
    expect(links).toHaveLength(3);
    fireEvent.click(links[2] as HTMLElement);
    expect(document.activeElement).toBe(screen.getByLabelText('Startdato'));
    fireEvent.click(links[0] as HTMLElement);
    expect(document.activeElement).toBe(screen.getByLabelText('Skole eller lærested'));
  });
});
