/** What the NAV page shows of what the API returns: scopes, validity, work only when shared. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { type Client, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import { SharedWithNavPage } from './SharedWithNavPage.js';
import { texts } from './texts.js';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'nb', resources: { nb: { nav: texts.nb } }, initAsync: false });

const row = (id: string, scopes: string[], extra: Record<string, unknown> = {}) => ({
  node: {
    id,
    givenName: 'Test',
    familyName: id,
    phase: 'EMPLOYED',
    navSharingGrants: [{ id: `g-${id}`, scopes, validUntil: '2027-06-30T00:00:00Z', revokedAt: null }],
    employments: [{ id: `e-${id}`, jobTitle: 'Kokk', startDate: '2026-10-01', endDate: null }],
    ...extra,
  },
});

function renderWith(edges: unknown[]) {
  const client = {
    executeQuery: () =>
      fromValue({ data: { jobSeekers: { edges, pageInfo: { hasNextPage: false, endCursor: null } } } }),
  } as unknown as Client;
  return render(
    <I18nextProvider i18n={i18n}>
      <Provider value={client}>
        <SharedWithNavPage />
      </Provider>
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe('SharedWithNavPage', () => {
  it('shows each consent’s scopes and validity, and work only where employment status is shared', () => {
    renderWith([
      row('A', ['BASIC_DETAILS', 'EMPLOYMENT_STATUS']),
      row('B', ['BASIC_DETAILS'], { employments: [] }),
      row('C', ['BASIC_DETAILS'], {
        navSharingGrants: [
          { id: 'g1', scopes: ['BASIC_DETAILS'], validUntil: null, revokedAt: null },
          { id: 'g2', scopes: ['SUPPORT_PLAN'], validUntil: null, revokedAt: '2026-01-01T00:00:00Z' },
        ],
        employments: [],
      }),
    ]);
    const rows = within(screen.getByTestId('shared-with-nav')).getAllByRole('row').slice(1);
    const cells = rows.map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    expect(cells[0]).toEqual([
      'Test A',
      'I jobb',
      'GrunnopplysningerArbeidsstatus',
      '30.06.2027',
      'Kokk (01.10.2026)',
    ]);
    expect(cells[1]?.[4]).toBe('Ikke delt');
    // A revoked grant's scope is not shown; no end date reads "until further notice".
    expect(cells[2]?.slice(2, 4)).toEqual(['Grunnopplysninger', 'Inntil videre']);
  });

  it('says so when nothing is shared', () => {
    renderWith([]);
    expect(screen.getByText('Ingen jobbsøkere har delt noe med deg.')).toBeTruthy();
  });

  it('offers the next page when there is one, and adds it below', () => {
    const pages: Record<string, unknown[]> = {
      first: [row('A', ['BASIC_DETAILS'])],
      c1: [row('B', ['BASIC_DETAILS'])],
    };
    const client = {
      executeQuery: (op: { variables: { after: string | null } }) => {
        const key = op.variables.after ?? 'first';
        return fromValue({
          data: {
            jobSeekers: {
              edges: pages[key],
              pageInfo:
                key === 'first'
                  ? { hasNextPage: true, endCursor: 'c1' }
                  : { hasNextPage: false, endCursor: null },
            },
          },
        });
      },
    } as unknown as Client;
    render(
      <I18nextProvider i18n={i18n}>
        <Provider value={client}>
          <SharedWithNavPage />
        </Provider>
      </I18nextProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Vis flere' }));
    const names = within(screen.getByTestId('shared-with-nav'))
      .getAllByRole('row')
      .map((r) => r.textContent ?? '');
    expect(names.filter((n) => n.startsWith('Test '))).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Vis flere' })).toBeNull();
  });
});
