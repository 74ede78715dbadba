/**
 * The team results as a component (issue 16, figures that agree): a health-service leader whose
 * organisation hosts no team is told what they see instead; job starts read as the last twelve
 * months with the period's own count beside them; a caseload at its ceiling is "within the
 * ceiling", never "not reached". The API's answers are fixed here; apps/api/test/figures-agree.test.ts
 * checks the numbers themselves.
 */
import { type Session, SessionContext } from '@ips/ui';
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { type Client, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import { TeamDashboard } from './TeamDashboard.js';
import { texts } from './texts.js';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'nb', resources: { nb: { team: texts.nb } }, initAsync: false });

const ORG = '0190a000-0000-7000-8000-000000000001';
const TEAM = '0190a000-0000-7000-8000-0000000000aa';

function session(role: 'HEALTH_SERVICE_LEADER' | 'METHOD_SUPERVISOR'): Session {
  return {
    userId: 'u1',
    givenName: 'Lene',
    familyName: 'Leder',
    memberships: [{ organizationId: ORG, role }],
    teams: [],
    organizationId: ORG,
    roles: [role],
  } as unknown as Session;
}

const value = (measure: string, v: number, target: number, extra: Record<string, unknown> = {}) => ({
  measure,
  value: v,
  target,
  met: true,
  ceiling: false,
  periodCount: null,
  ...extra,
});

function renderDashboard(who: Session, teams: { id: string; name: string }[]) {
  const client = {
    executeQuery: (op: { query: { definitions: { name?: { value: string } }[] } }) => {
      const name = op.query.definitions[0]?.name?.value;
      if (name === 'MyTeams')
        return fromValue({
          data: {
            nodes: [
              {
                __typename: 'Organization',
                id: btoa(`Organization:${ORG}`),
                specialistTeams: teams.map((t) => ({ ...t, methodSupervisor: { id: 'someone' } })),
              },
            ],
          },
        });
      return fromValue({
        data: {
          teamResults: {
            __typename: 'QueryTeamResultsSuccess',
            data: {
              teamName: 'IPS Figurer',
              periods: [
                {
                  from: '2026-11-01',
                  to: '2026-11-25',
                  team: [
                    value('JOB_STARTS_PER_SPECIALIST_PER_YEAR', 2.2, 12, { met: false, periodCount: 2 }),
                    value('CASELOAD_PER_SPECIALIST', 20, 20, { ceiling: true }),
                  ],
                  specialists: [],
                },
              ],
            },
          },
        },
      });
    },
  } as unknown as Client;
  render(
    <I18nextProvider i18n={i18n}>
      <SessionContext.Provider value={who}>
        <Provider value={client}>
          <MemoryRouter initialEntries={['/team?periode=month']}>
            <TeamDashboard />
          </MemoryRouter>
        </Provider>
      </SessionContext.Provider>
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe('the team results', () => {
  it('tell a leader whose organisation hosts no team what they see instead', () => {
    renderDashboard(session('HEALTH_SERVICE_LEADER'), []);
    expect(screen.getByTestId('leader-no-team').textContent).toContain('Bemanning');
    expect(screen.getByRole('link', { name: 'Gå til bemanning' }).getAttribute('href')).toBe('/staffing');
    expect(screen.queryByText('Du leder ikke noe team.')).toBeNull();
  });

  it('show job starts over the last 12 months with the period’s count, and a caseload at its ceiling as within it', async () => {
    renderDashboard(session('HEALTH_SERVICE_LEADER'), [{ id: TEAM, name: 'IPS Figurer' }]);
    expect((await screen.findByTestId('value-JOB_STARTS_PER_SPECIALIST_PER_YEAR')).textContent).toBe('2,2');
    expect(screen.getByTestId('period-count-JOB_STARTS_PER_SPECIALIST_PER_YEAR').textContent).toBe(
      '2 jobbstarter i perioden',
    );
    expect(screen.getByText('siste 12 måneder')).toBeTruthy();
    expect(screen.getByText('Innenfor taket')).toBeTruthy();
    expect(screen.getByText('Tak: 20')).toBeTruthy();
    expect(screen.queryByText('Ikke nådd', { exact: false })).not.toBeNull(); // job starts under 12
    expect(screen.getAllByText(/Ikke nådd/)).toHaveLength(1);
  });
});
