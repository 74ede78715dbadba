/**
 * Running one micro-frontend alone in development, without the shell: its routes with the
 * providers the shell would give (i18n, the session, the GraphQL client, the router). Give it an
 * access token (`?token=…`, e.g. copied from the shell's session), the user and the organisation
 * (`?userId=…&organizationId=…`); the API is reached through the dev server's proxy.
 */
import i18next from 'i18next';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { createApiClient } from './client.js';
import type { Area, Role, Session } from './contract.js';
import { SessionContext } from './session.js';

export function mountStandalone(area: Area, role: Role, element: HTMLElement): void {
  const params = new URL(window.location.href).searchParams;
  const token = params.get('token');
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    lng: params.get('lang') === 'en' ? 'en' : 'nb',
    resources: { nb: { [area.id]: area.texts.nb }, en: { [area.id]: area.texts.en } },
    initAsync: false,
  });
  const session: Session = {
    userId: params.get('userId') ?? '',
    givenName: '',
    familyName: '',
    memberships: [],
    teams: [],
    organizationId: params.get('organizationId') ?? '',
    roles: [role],
  };
  const client = createApiClient({
    url: '/graphql',
    token: () => token,
    organizationId: () => session.organizationId || null,
  });
  createRoot(element).render(
    <I18nextProvider i18n={i18n}>
      <SessionContext.Provider value={session}>
        <Provider value={client}>
          <BrowserRouter>
            <Routes>
              {area.routes.map((r) => (
                <Route key={r.path} path={`/${r.path}`} element={r.element} />
              ))}
            </Routes>
          </BrowserRouter>
        </Provider>
      </SessionContext.Provider>
    </I18nextProvider>,
  );
}
