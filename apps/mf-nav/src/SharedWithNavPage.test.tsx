/** What the NAV page shows of what the API returns: scopes, validity, work only when shared. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { type Client, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import { SharedWithNavPage } from './SharedWithNavPage.js';
import { texts } from './texts.js';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'nb', resources: { nb: { nav: texts.nb } }, initAsync: false });

/** A grant as the API answers it: what NAV reads now is `sharedParts` (the consent's share of it). */
const grant = (
  id: string,
  sharedParts: string[],
  sharedUntil: string | null,
  extra: Record<string, unknown> = {},
) => ({
  id,
  scopes: sharedParts,
  sharedParts,
  sharedUntil,
  active: true,
  validUntil: sharedUntil,
  revokedAt: null,
  ...extra,
});

const row = (id: string, scopes: string[], extra: Record<string, unknown> = {}) => ({
  node: {
    id,
    givenName: 'Test',
    familyName: id,
    phase: 'EMPLOYED',
    navSharingGrants: [grant(`g-${id}`, scopes, '2027-06-30T00:00:00Z')],
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
        <MemoryRouter>
          <SharedWithNavPage />
        </MemoryRouter>
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
          grant('g1', ['BASIC_DETAILS'], null),
          grant('g2', [], null, {
            scopes: ['SUPPORT_PLAN'],
            active: false,
            revokedAt: '2026-01-01T00:00:00Z',
          }),
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

  it('shows what the consent lets NAV read, not what the grant names, and links each name to its page', () => {
    renderWith([
      row('D', ['BASIC_DETAILS'], {
        // The grant named the support plan, the consent was narrowed: NAV reads basic details only.
        navSharingGrants: [
          grant('g3', ['BASIC_DETAILS'], null, { scopes: ['BASIC_DETAILS', 'SUPPORT_PLAN'] }),
        ],
      }),
    ]);
    const link = screen.getByRole('link', { name: 'Test D' });
    expect(link.getAttribute('href')).toBe('/nav/D');
    const cells = within(screen.getByTestId('shared-with-nav')).getAllByRole('cell');
    expect(cells[2]?.textContent).toBe('Grunnopplysninger');
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
          <MemoryRouter>
            <SharedWithNavPage />
          </MemoryRouter>
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
