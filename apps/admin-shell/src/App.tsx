/**
 * The shell: sign-in, who the user is and where they act (a switch for users with several
 * memberships), navigation by role, bokmål/English, the inbox, and the areas of the loaded
 * micro-frontends, each in its own error boundary.
 */
import {
  createApiClient,
  type Membership,
  prefetchFirstScreen,
  type Role,
  SESSION_DOCUMENT,
  type Session,
  SessionContext,
} from '@ips/ui';
import { Alert, Button, Heading, Loader } from '@navikt/ds-react';
import type { i18n as I18n } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter, useNavigate } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { type LoadedAreas, loadAreas } from './areas.js';
import { forgetStoredUser, type SignedInUser, storedUser, userManager } from './auth.js';
import { remotesFor, type ShellConfig } from './config.js';
import { ShellBody, ShellHeader } from './shell-layout.js';

const ORG_KEY = 'ips.organization';

interface Props {
  config: ShellConfig;
  i18n: I18n;
}

export function App({ config, i18n }: Props) {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <SignedIn config={config} i18n={i18n} />
      </BrowserRouter>
    </I18nextProvider>
  );
}

/** One code exchange per callback URL, however often the effect runs (a code is single-use). */
const callbacks = new Map<string, Promise<{ user: SignedInUser; back: string }>>();

const isCallback = () => window.location.pathname === '/callback';

function useUser(config: ShellConfig) {
  // The router's `navigate` changes with every screen: held in a ref, so the user is read once per
  // sign-in, not again on each screen change (a new user object would re-read the session and make
  // a new API client with an empty cache, remounting the screen and emptying a form being typed in).
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  // Signed in already: read from session storage at once, without loading oidc-client-ts (auth.ts).
  const [user, setUser] = useState<SignedInUser | null | undefined>(() =>
    isCallback() ? undefined : storedUser(config),
  );
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!isCallback()) return;
    const href = window.location.href;
    let exchange = callbacks.get(href);
    if (!exchange) {
      exchange = userManager(config)
        .then((manager) => manager.signinRedirectCallback(href))
        .then((u) => ({
          user: { accessToken: u.access_token, expiresAt: u.expires_at ?? null },
          back: typeof u.state === 'string' && u.state.startsWith('/') ? u.state : '/',
        }));
      callbacks.set(href, exchange);
    }
    exchange
      .then(({ user: signedIn, back }) => {
        // Through the router, so it sees the new address.
        navigateRef.current(back, { replace: true });
        setUser(signedIn);
      })
      .catch((e: unknown) => setError(String(e)));
  }, [config]);
  // An access token that expires sends the user back to the sign-in page (read once per sign-in,
  // nothing else would notice; the provider's session usually signs them straight back in).
  // Checked every 5 s and whenever the page is shown again, against the wall clock, as
  // oidc-client-ts's own expiry timer does: one long timer may not count the time a laptop slept.
  useEffect(() => {
    if (!user || user.expiresAt === null) return;
    const expiresAt = user.expiresAt;
    const check = () => {
      if (Date.now() / 1000 >= expiresAt) setUser(null);
    };
    const timer = setInterval(check, 5000);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [user]);
  // Signing out: the library ends the provider's session too; should it not load (offline, a new
  // deployment's chunk), the session ends here at least.
  const signOut = () => {
    userManager(config)
      .then((manager) => manager.signoutRedirect())
      .catch(() => {
        forgetStoredUser(config);
        setUser(null);
      });
  };
  return { user, error, signOut };
}

async function fetchSession(
  apiUrl: string,
  token: string,
): Promise<Omit<Session, 'organizationId' | 'roles'>> {
  const res = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SESSION_DOCUMENT }),
  });
  const body = (await res.json()) as {
    data?: {
      me: {
        id: string;
        givenName: string;
        familyName: string;
        platformOperator?: boolean | null;
        memberships: { role: Role; organization: { id: string; name: string } }[];
      };
      myTeams: Session['teams'];
    };
    errors?: { message: string }[];
  };
  if (!body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
  const { me } = body.data;
  const memberships: Membership[] = me.memberships.map((m) => ({
    role: m.role,
    organizationName: m.organization.name,
    organizationId: atob(m.organization.id).split(':')[1] ?? m.organization.id,
  }));
  return {
    userId: me.id,
    givenName: me.givenName,
    familyName: me.familyName,
    memberships,
    teams: body.data.myTeams,
    platformOperator: me.platformOperator === true,
  };
}

function SignedIn({ config, i18n }: Props) {
  const { t } = useTranslation();
  const { user, error, signOut } = useUser(config);
  const [profile, setProfile] = useState<Omit<Session, 'organizationId' | 'roles'> | null>(null);
  const [organizationId, setOrganizationId] = useState<string | null>(() => sessionStorage.getItem(ORG_KEY));
  const [loaded, setLoaded] = useState<LoadedAreas | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!user) return;
    fetchSession(config.apiUrl, user.accessToken).then(setProfile, (e: unknown) => setProblem(String(e)));
  }, [user, config]);
  // Only the micro-frontends the user's roles need (in any of their organisations), once the
  // session names the roles; each loads its screens when a route of it is shown (docs/adr/0021).
  const needed = useMemo(() => {
    if (!profile) return null;
    const roles = profile.memberships.map((m) => m.role);
    return remotesFor(config.remotes, roles, profile.platformOperator === true);
  }, [profile, config]);
  useEffect(() => {
    if (!needed) return;
    loadAreas(needed).then((result) => {
      for (const area of result.areas) {
        i18n.addResourceBundle('nb', area.id, area.texts.nb, true, true);
        i18n.addResourceBundle('en', area.id, area.texts.en, true, true);
      }
      setLoaded(result);
    });
  }, [needed, i18n]);

  const activeOrg =
    profile?.memberships.find((m) => m.organizationId === organizationId)?.organizationId ??
    profile?.memberships[0]?.organizationId ??
    null;
  // Why the screen shown reads (its route's purpose): sent with each of its operations.
  const purpose = useRef<string | null>(null);
  const client = useMemo(
    () =>
      createApiClient({
        url: config.apiUrl,
        token: () => user?.accessToken ?? null,
        organizationId: () => activeOrg,
        accessReason: () => purpose.current,
      }),
    [config.apiUrl, user, activeOrg],
  );
  // The first screen's query goes out with the session, while the screen's code still loads
  // (docs/adr/0021); the screen then finds its answer in the client's cache.
  const prefetched = useRef(false);
  useEffect(() => {
    if (!profile || !activeOrg || !needed || prefetched.current) return;
    // Only when the portfolio's micro-frontend is one the user's roles load.
    if (!needed.some((r) => r.name === 'portfolio')) return;
    prefetched.current = true;
    prefetchFirstScreen(client, window.location.pathname, {
      userId: profile.userId,
      roles: profile.memberships.filter((m) => m.organizationId === activeOrg).map((m) => m.role),
    });
  }, [client, profile, activeOrg, needed]);

  if (error || problem) return <Alert variant="error">{t('error', { message: error ?? problem })}</Alert>;
  if (user === undefined) return <Loader title={t('loading')} />;
  if (user === null) return <SignInPage config={config} />;
  // A platform operator may hold no membership at all: they still reach their onboarding page.
  if (!profile || !loaded || (!activeOrg && !profile.platformOperator))
    return <Loader title={t('signingIn')} />;

  const session: Session = {
    ...profile,
    organizationId: activeOrg ?? '',
    roles: profile.memberships.filter((m) => m.organizationId === activeOrg).map((m) => m.role),
  };
  const routes = loaded.areas.flatMap((area) =>
    area.routes
      .filter(
        (r) =>
          r.roles.some((role) => session.roles.includes(role)) ||
          (r.platformOperator === true && session.platformOperator === true),
      )
      .map((r) => ({ ...r, area: area.id })),
  );
  const organizations = [
    ...new Map(profile.memberships.map((m) => [m.organizationId, m.organizationName])).entries(),
  ];

  return (
    <SessionContext.Provider value={session}>
      <UrqlProvider value={client}>
        <ShellHeader
          session={session}
          organizations={organizations}
          activeOrg={activeOrg}
          onOrganization={(id) => {
            sessionStorage.setItem(ORG_KEY, id);
            setOrganizationId(id);
          }}
          routes={routes}
          i18n={i18n}
          onSignOut={signOut}
        />
        <ShellBody session={session} routes={routes} failed={loaded.failed} purpose={purpose} />
      </UrqlProvider>
    </SessionContext.Provider>
  );
}

function SignInPage({ config }: { config: ShellConfig }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  // The library loads while the page is read, so the click goes straight to the provider.
  useEffect(() => {
    userManager(config).catch(() => undefined);
  }, [config]);
  const signIn = () => {
    setProblem(null);
    const hint = new URL(window.location.href).searchParams.get('login_hint');
    userManager(config)
      .then((manager) =>
        manager.signinRedirect({
          state: window.location.pathname + window.location.search.replace(/[?&]login_hint=[^&]*/, ''),
          ...(hint ? { login_hint: hint } : {}),
        }),
      )
      .catch((e: unknown) => setProblem(String(e)));
  };
  return (
    <main className="shell-main">
      <Heading level="1" size="large">
        {t('appName')}
      </Heading>
      {problem && <Alert variant="error">{t('error', { message: problem })}</Alert>}
      <Button onClick={signIn}>{t('signIn')}</Button>
    </main>
  );
}
