/**
 * The organisation area alone, without the shell: for developing it in isolation. Give it an access
 * token (`?token=…`, e.g. copied from the shell's session) and the API through the dev proxy.
 */
import '@navikt/ds-css/dist/global/tokens.css';
import '@navikt/ds-css/dist/global/reset.css';
import '@navikt/ds-css/dist/components.css';
import { createApiClient, type Session, SessionContext } from '@ips/ui';
import i18next from 'i18next';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import register from './register.js';

const area = register();
const params = new URL(window.location.href).searchParams;
const token = params.get('token');
const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: 'nb',
  resources: { nb: { [area.id]: area.texts.nb }, en: { [area.id]: area.texts.en } },
  initAsync: false,
});
const session: Session = {
  userId: params.get('userId') ?? '',
  givenName: '',
  familyName: '',
  memberships: [],
  organizationId: params.get('organizationId') ?? '',
  roles: ['HEALTH_SERVICE_LEADER'],
};
const client = createApiClient({
  url: '/graphql',
  token: () => token,
  organizationId: () => session.organizationId || null,
});
createRoot(document.getElementById('root') as HTMLElement).render(
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
