/**
 * The portfolio list as a component: overdue first, the counters, discharged job seekers left out,
 * and the "overdue only" filter kept in the address. The GraphQL answer is a fixed result here;
 * the browser tests run the same page against the real API.
 */
import { type Session, SessionContext } from '@ips/ui';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { type Client, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import { PortfolioPage } from './PortfolioPage.js';
import { texts } from './texts.js';

const i18n = i18next.createInstance();
void i18n
  .use(initReactI18next)
  .init({ lng: 'nb', resources: { nb: { portfolio: texts.nb } }, initAsync: false });

const session: Session = {
  userId: 'u1',
  givenName: 'Kari',
  familyName: 'Nordmann',
  memberships: [],
  teams: [],
  organizationId: 'o1',
  roles: ['JOB_SPECIALIST'],
};

const node = (id: string, familyName: string, phase: string, deadlineStatus: string) => ({
  node: { id, givenName: 'Test', familyName, phase, deadlineStatus, referralDate: '2026-01-01' },
});

function clientWith(edges: unknown[]): Client {
  return {
    executeQuery: () => fromValue({ data: { myMeetingsToday: 2, jobSeekers: { edges } } }),
  } as unknown as Client;
}

function Where() {
  return <span data-testid="where">{useLocation().search}</span>;
}

function renderPage(path = '/portfolio') {
  const client = clientWith([
    node('a', 'Aas', 'JOB_SEARCH', 'NONE'),
    node('b', 'Berg', 'EMPLOYED', 'DUE'),
    node('c', 'Dahl', 'JOB_SEARCH', 'OVERDUE'),
    node('d', 'Eng', 'DISCHARGED', 'NONE'),
    node('e', 'Fjell', 'REFERRED', 'NONE'),
  ]);
  return render(
    <I18nextProvider i18n={i18n}>
      <SessionContext.Provider value={session}>
        <Provider value={client}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route
                path="/portfolio"
                element={
                  <>
                    <PortfolioPage />
                    <Where />
                  </>
                }
              />
            </Routes>
          </MemoryRouter>
        </Provider>
      </SessionContext.Provider>
    </I18nextProvider>,
  );
}

const names = () =>
  within(screen.getByTestId('portfolio'))
    .getAllByRole('link')
    .map((a) => a.textContent);

afterEach(cleanup);

describe('PortfolioPage', () => {
  it('puts overdue first, then due, and leaves discharged job seekers out', () => {
    renderPage();
    expect(names()).toEqual(['Test Dahl', 'Test Berg', 'Test Aas', 'Test Fjell']);
    expect(screen.getByTestId('count-total').textContent).toBe('Jobbsøkere: 4');
    expect(screen.getByTestId('count-new').textContent).toBe('Nye for meg: 1');
    expect(screen.getByTestId('count-meetings').textContent).toBe('Møter i dag: 2');
    expect(screen.getByTestId('count-overdue').textContent).toBe('Forfalt: 1');
    expect(screen.getByTestId('count-due').textContent).toBe('Snart frist: 1');
  });

  it('filters to the overdue ones and keeps the filter in the address', () => {
    renderPage();
    fireEvent.click(screen.getByRole('radio', { name: 'Bare forfalte' }));
    expect(names()).toEqual(['Test Dahl']);
    expect(screen.getByTestId('where').textContent).toBe('?vis=forfalt');
  });

  it('opens with the filter the address carries', () => {
    renderPage('/portfolio?vis=forfalt');
    expect(names()).toEqual(['Test Dahl']);
  });

  it('filters by phase, alone and together with overdue, in the address', () => {
    renderPage();
    fireEvent.change(screen.getByLabelText('Fase'), { target: { value: 'JOB_SEARCH' } });
    expect(names()).toEqual(['Test Dahl', 'Test Aas']);
    fireEvent.click(screen.getByRole('radio', { name: 'Bare forfalte' }));
    expect(names()).toEqual(['Test Dahl']);
    expect(new URLSearchParams(screen.getByTestId('where').textContent ?? '').get('fase')).toBe('JOB_SEARCH');
  });

  it('saves a filter under a name for this user, applies it with one tap, and removes it', () => {
    localStorage.clear();
    renderPage('/portfolio?vis=forfalt&fase=JOB_SEARCH');
    fireEvent.change(screen.getByLabelText('Navn på filteret'), { target: { value: 'Jobbsøk, forfalt' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre filteret' }));
    expect(JSON.parse(localStorage.getItem('ips.portfolio.filters.u1') ?? '[]')).toEqual([
      { name: 'Jobbsøk, forfalt', query: 'vis=forfalt&fase=JOB_SEARCH' },
    ]);
    fireEvent.click(screen.getByRole('radio', { name: 'Alle' }));
    fireEvent.change(screen.getByLabelText('Fase'), { target: { value: '' } });
    expect(names()).toHaveLength(4);
    fireEvent.click(
      within(screen.getByTestId('saved-filters')).getByRole('button', { name: 'Jobbsøk, forfalt' }),
    );
    expect(names()).toEqual(['Test Dahl']);
    expect(screen.getByTestId('where').textContent).toBe('?vis=forfalt&fase=JOB_SEARCH');
    fireEvent.click(screen.getByRole('button', { name: 'Fjern «Jobbsøk, forfalt»' }));
    expect(screen.queryByTestId('saved-filters')).toBeNull();
    expect(localStorage.getItem('ips.portfolio.filters.u1')).toBe('[]');
  });
});
