/** The staffing view: the summary line and the flags come from the API's numbers. */
import { type Session, SessionContext } from '@ips/ui';
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { type Client, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { fromValue } from 'wonka';
import { StaffingPage } from './StaffingPage.js';
import { texts } from './texts.js';

const i18n = i18next.createInstance();
void i18n
  .use(initReactI18next)
  .init({ lng: 'nb', resources: { nb: { organisation: texts.nb } }, initAsync: false });
const session: Session = {
  userId: 'l1',
  givenName: 'Lea',
  familyName: 'Leder',
  memberships: [],
  teams: [],
  organizationId: 'o1',
  roles: ['HEALTH_SERVICE_LEADER'],
};
const row = (userId: string, over: Record<string, unknown>) => ({
  userId,
  givenName: 'Spes',
  familyName: userId,
  role: 'JOB_SPECIALIST',
  fte: 1,
  caseload: 12,
  caseloadLimit: 20,
  overCaseloadLimit: false,
  absentToday: false,
  teams: ['IPS Bodø'],
  ...over,
});

afterEach(cleanup);

describe('StaffingPage', () => {
  it('sums up who is away and who is over the limit', () => {
    const data = {
      staffing: {
        __typename: 'QueryStaffingSuccess',
        data: [
          row('A', {}),
          row('B', { absentToday: true }),
          row('C', { caseload: 18, fte: 0.8, caseloadLimit: 16, overCaseloadLimit: true }),
        ],
      },
    };
    const client = { executeQuery: () => fromValue({ data }) } as unknown as Client;
    render(
      <I18nextProvider i18n={i18n}>
        <SessionContext.Provider value={session}>
          <Provider value={client}>
            <StaffingPage />
          </Provider>
        </SessionContext.Provider>
      </I18nextProvider>,
    );
    expect(screen.getByTestId('staffing-summary').textContent).toBe(
      '3 jobbspesialister, 1 borte i dag, 1 over maks antall jobbsøkere',
    );
    expect(screen.getAllByText('Over maks')).toHaveLength(1);
    expect(screen.getByText('80 %')).toBeTruthy();
  });
});
