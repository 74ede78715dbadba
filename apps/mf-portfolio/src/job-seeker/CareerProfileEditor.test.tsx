/**
 * The career-profile editor as a component: the API's typed ValidationError lands at the field it
 * names (a text too long, a work-experience row out of range), not in a general alert. The API's
 * answers are fixed here; apps/api/test/career-profile.test.ts checks the API gives them.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { type Client, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import { texts } from '../texts.js';
import { CareerProfileEditor } from './CareerProfileEditor.js';

const i18n = i18next.createInstance();
void i18n
  .use(initReactI18next)
  .init({ lng: 'nb', resources: { nb: { portfolio: texts.nb } }, initAsync: false });

function renderEditor(answer: unknown) {
  const sent: unknown[] = [];
  const client = {
    executeMutation: (op: { variables: { input: unknown } }) => {
      sent.push(op.variables.input);
      return fromValue({ data: { saveCareerProfile: answer } });
    },
  } as unknown as Client;
  render(
    <I18nextProvider i18n={i18n}>
      <Provider value={client}>
        <CareerProfileEditor profile={null} jobSeekerId="js-1" canEdit onReload={() => {}} />
      </Provider>
    </I18nextProvider>,
  );
  return sent;
}

/** The text of the error Aksel shows for a field (its aria-describedby). */
function errorOf(label: string): string {
  const field = screen.getByLabelText(label);
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

afterEach(cleanup);

describe('the career-profile editor', () => {
  it('shows the API’s ValidationError at the fields it names', async () => {
    const sent = renderEditor({
      __typename: 'ValidationError',
      message: 'invalid',
      issues: [
        { field: 'strengths', code: 'TOO_LONG', message: 'At most 2000 characters' },
        { field: 'benefitsSituation', code: 'TOO_LONG', message: 'At most 2000 characters' },
        { field: 'workExperience', code: 'OUT_OF_RANGE', message: 'Years are 0–60' },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Skriv karriereprofil' }));
    fireEvent.change(screen.getByLabelText('Interesser'), { target: { value: 'Matlaging' } });
    fireEvent.change(screen.getByLabelText('Styrker'), { target: { value: 'Punktlig' } });
    fireEvent.change(screen.getByLabelText('Ønsker'), { target: { value: 'Deltid' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre profilen' }));
    await screen.findAllByText('Teksten er for lang.');
    expect(sent).toHaveLength(1);
    expect(errorOf('Styrker')).toContain('Teksten er for lang.');
    expect(errorOf('Ytelser og økonomi (valgfritt)')).toContain('Teksten er for lang.');
    expect(errorOf('Interesser')).not.toContain('Teksten er for lang.');
    expect(screen.getByText('Verdien er utenfor det som er tillatt.')).toBeTruthy();
    // Every issue has its field: nothing is left for a general alert.
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
