/** Deleted cases: the list shows who deleted what and until when; restore calls the API with the id. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { type Client, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import { DeletedCasesPage } from './DeletedCasesPage.js';
import { texts } from './texts.js';

const i18n = i18next.createInstance();
void i18n
  .use(initReactI18next)
  .init({ lng: 'nb', resources: { nb: { organisation: texts.nb } }, initAsync: false });

afterEach(cleanup);

const deleted = {
  id: 'js-1',
  givenName: 'Kari',
  familyName: 'Nordmann',
  deletedAt: '2026-11-20T10:00:00.000Z',
  reason: 'Registrert på feil person',
  purgeAfter: '2027-02-18T10:00:00.000Z',
  deletedBy: { id: 'u1', givenName: 'Ada', familyName: 'Admin' },
};

function renderWith(list: unknown[], mutations: unknown[] = []) {
  const client = {
    executeQuery: () => fromValue({ data: { deletedJobSeekers: list } }),
    executeMutation: (op: { variables: unknown }) => {
      mutations.push(op.variables);
      return fromValue({
        data: {
          restoreJobSeeker: {
            __typename: 'MutationRestoreJobSeekerSuccess',
            data: { id: 'js-1', version: 3 },
          },
        },
      });
    },
  } as unknown as Client;
  render(
    <I18nextProvider i18n={i18n}>
      <Provider value={client}>
        <DeletedCasesPage />
      </Provider>
    </I18nextProvider>,
  );
}

describe('DeletedCasesPage', () => {
  it('lists a deleted case with who, why and the purge date, and restores it by id', async () => {
    const mutations: unknown[] = [];
    renderWith([deleted], mutations);
    const table = screen.getByTestId('deleted-cases');
    expect(table.textContent).toContain('Kari Nordmann');
    expect(table.textContent).toContain('Ada Admin');
    expect(table.textContent).toContain('Registrert på feil person');
    fireEvent.click(screen.getByRole('button', { name: 'Gjenopprett saken til Kari Nordmann' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Saken til Kari Nordmann er gjenopprettet.'),
    );
    expect(mutations).toEqual([{ id: 'js-1' }]);
  });

  it('says so when nothing is deleted', () => {
    renderWith([]);
    expect(screen.getByTestId('deleted-none').textContent).toBe('Ingen slettede saker.');
  });
});
