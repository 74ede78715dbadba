/**
 * The signed-in shell's frame: the header (who the user is and where they act, bokmål/English, the
 * inbox, signing out), the navigation by role, and the areas' routes, each in its own error
 * boundary, with the route's purpose sent as the reason of its screen's operations.
 */
import type { AreaRoute, Session } from '@ips/ui';
import { Alert, BodyShort, Button, Heading, HStack, Loader, Select, ToggleGroup } from '@navikt/ds-react';
import type { i18n as I18n } from 'i18next';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { AreaBoundary } from './areas.js';
import { Inbox } from './Inbox.js';

/** A route of a loaded area that the session's roles may see. */
export type ShellRoute = AreaRoute & { area: string };

/** Who the user is and where they act, the language, the inbox and signing out. */
export function ShellHeader({
  session,
  organizations,
  activeOrg,
  onOrganization,
  routes,
  i18n,
  onSignOut,
}: {
  session: Session;
  organizations: [string, string][];
  activeOrg: string | null;
  onOrganization: (id: string) => void;
  routes: ShellRoute[];
  i18n: I18n;
  onSignOut: () => void;
}) {
  const { t } = useTranslation();
  return (
    <header className="shell-header">
      <Heading level="1" size="small">
        {t('appName')}
      </Heading>
      <HStack gap="space-12" align="center">
        {organizations.length > 1 && (
          <Select
            label={t('organization')}
            size="small"
            value={activeOrg ?? ''}
            onChange={(e) => onOrganization(e.target.value)}
          >
            {organizations.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </Select>
        )}
        <ToggleGroup
          label={t('language')}
          size="small"
          value={i18n.language === 'en' ? 'en' : 'nb'}
          onChange={(l) => void i18n.changeLanguage(l)}
        >
          <ToggleGroup.Item value="nb">Norsk</ToggleGroup.Item>
          <ToggleGroup.Item value="en">English</ToggleGroup.Item>
        </ToggleGroup>
        <Inbox key={activeOrg} paths={routes.map((r) => r.path)} />
        <BodyShort size="small">
          {session.givenName} {session.familyName} ·{' '}
          {[
            ...session.roles.map((r) => t(`role_${r}`)),
            ...(session.platformOperator ? [t('platformOperator')] : []),
          ].join(', ')}
        </BodyShort>
        <Button size="small" variant="tertiary" onClick={onSignOut}>
          {t('signOut')}
        </Button>
      </HStack>
    </header>
  );
}

/** The navigation by role and the areas' routes (a failed area is named above them). */
export function ShellBody({
  session,
  routes,
  failed,
  purpose,
}: {
  session: Session;
  routes: ShellRoute[];
  failed: string[];
  purpose: { current: string | null };
}) {
  const { t } = useTranslation();
  return (
    <div className="shell-layout">
      <nav className="shell-nav" aria-label={t('mainNavigation')}>
        <ul>
          {routes
            .filter((r) => r.navKey)
            .map((r) => (
              <li key={`${r.area}/${r.path}`}>
                <NavLink to={`/${r.path}`}>{t(`${r.area}:${r.navKey}`)}</NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <main className="shell-main">
        {failed.map((name) => (
          <Alert key={name} variant="warning" size="small" data-testid={`area-failed-${name}`}>
            {t('areaFailed')} ({name})
          </Alert>
        ))}
        <Routes>
          <Route
            path="/"
            element={
              <BodyShort>
                {t('welcome', { name: session.givenName })} {t('chooseArea')}
              </BodyShort>
            }
          />
          {routes.map((r) => (
            <Route
              key={`${r.area}/${r.path}`}
              path={`/${r.path}`}
              element={
                <RoutePurpose purpose={r.purpose} into={purpose}>
                  <AreaBoundary message={t('areaFailed')} retry={t('retry')}>
                    <Suspense
                      fallback={
                        <div className="shell-route-loading">
                          <Loader title={t('loading')} />
                        </div>
                      }
                    >
                      {r.element}
                    </Suspense>
                  </AreaBoundary>
                </RoutePurpose>
              }
            />
          ))}
          <Route path="*" element={<BodyShort>{t('notFound')}</BodyShort>} />
        </Routes>
      </main>
    </div>
  );
}

/**
 * Makes the route's purpose the reason of every operation its screen sends. Set while rendering,
 * before the screen's own components render and send their queries.
 */
function RoutePurpose({
  purpose,
  into,
  children,
}: {
  purpose: string | undefined;
  into: { current: string | null };
  children: ReactNode;
}) {
  into.current = purpose ?? null;
  return children;
}
