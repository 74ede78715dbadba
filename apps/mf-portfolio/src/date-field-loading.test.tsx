/**
 * `DateField` loads Aksel's date picker on first use (docs/adr/0021 §7): until it is there the
 * field shows its label and value read-only (nothing typed can be lost), focus moves on to the
 * picker's input when it arrives, and once loaded every date field renders the picker at once.
 * Its own file: the picker's module state starts unloaded here.
 */
import { DateField, preloadDateField } from '@ips/ui';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'nb', resources: { nb: {} }, initAsync: false });

const field = (id: string) => (
  <I18nextProvider i18n={i18n}>
    <DateField id={id} label="Dato for møtet" value="2026-11-20" onChange={() => {}} />
  </I18nextProvider>
);

afterEach(cleanup);

describe('DateField before and after its picker loads', () => {
  it('shows the label and the day read-only first, then the picker, with focus carried over', async () => {
    render(field('meeting-day'));
    const standIn = screen.getByLabelText(/Dato for møtet/) as HTMLInputElement;
    expect(standIn.readOnly).toBe(true);
    expect(standIn.value).toBe('20.11.2026');
    standIn.focus();
    expect(document.activeElement).toBe(standIn);

    await waitFor(() =>
      expect((screen.getByLabelText(/Dato for møtet/) as HTMLInputElement).readOnly).toBe(false),
    );
    const picker = screen.getByLabelText(/Dato for møtet/) as HTMLInputElement;
    expect(picker).not.toBe(standIn);
    expect(picker.value).toBe('20.11.2026');
    expect(picker.id).toBe('meeting-day');
    expect(document.activeElement).toBe(picker);
  });

  it('renders the picker at once when it is loaded', async () => {
    await preloadDateField();
    render(field('other-day'));
    const input = screen.getByLabelText(/Dato for møtet/) as HTMLInputElement;
    expect(input.readOnly).toBe(false);
    expect(input.value).toBe('20.11.2026');
  });
});
