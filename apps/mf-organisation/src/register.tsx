/** The organisation area: the leader's staffing view, the administrator's people and roles. */
import type { Area } from '@ips/ui';
import { lazy } from 'react';
import { texts } from './texts.js';

// Each screen is its own chunk, loaded when its route is shown (docs/adr/0021): the menu needs
// only the routes and texts.
const AbsencesPage = lazy(() => import('./AbsencesPage.js').then((m) => ({ default: m.AbsencesPage })));
const AccessLogPage = lazy(() => import('./AccessLogPage.js').then((m) => ({ default: m.AccessLogPage })));
const DeleteCasePage = lazy(() => import('./DeleteCasePage.js').then((m) => ({ default: m.DeleteCasePage })));
const DeletedCasesPage = lazy(() =>
  import('./DeletedCasesPage.js').then((m) => ({ default: m.DeletedCasesPage })),
);
const MembersPage = lazy(() => import('./MembersPage.js').then((m) => ({ default: m.MembersPage })));
const OnboardingPage = lazy(() => import('./OnboardingPage.js').then((m) => ({ default: m.OnboardingPage })));
const SettingsPage = lazy(() => import('./SettingsPage.js').then((m) => ({ default: m.SettingsPage })));
const SetupPage = lazy(() => import('./SetupPage.js').then((m) => ({ default: m.SetupPage })));
const StaffingPage = lazy(() => import('./StaffingPage.js').then((m) => ({ default: m.StaffingPage })));

export default function register(): Area {
  return {
    id: 'organisation',
    texts,
    routes: [
      {
        path: 'staffing',
        navKey: 'nav',
        roles: ['HEALTH_SERVICE_LEADER'],
        purpose: 'Bemanning: personalledelse',
        element: <StaffingPage />,
      },
      {
        path: 'absences',
        navKey: 'absNav',
        roles: ['HEALTH_SERVICE_LEADER'],
        purpose: 'Fravær: personalledelse',
        element: <AbsencesPage />,
      },
      {
        path: 'members',
        navKey: 'membersNav',
        roles: ['TENANT_ADMINISTRATOR'],
        purpose: 'Brukere og roller: administrasjon',
        element: <MembersPage />,
      },
      {
        path: 'access-log',
        navKey: 'alNav',
        roles: ['TENANT_ADMINISTRATOR'],
        purpose: 'Tilgangslogg: svar på jobbsøkerens krav om innsyn',
        element: <AccessLogPage />,
      },
      {
        path: 'delete-case',
        navKey: 'dcNav',
        roles: ['TENANT_ADMINISTRATOR', 'HEALTH_SERVICE_LEADER'],
        purpose: 'Slett en sak: administrasjon',
        element: <DeleteCasePage />,
      },
      {
        path: 'deleted-cases',
        navKey: 'delNav',
        roles: ['TENANT_ADMINISTRATOR', 'HEALTH_SERVICE_LEADER'],
        purpose: 'Slettede saker: administrasjon',
        element: <DeletedCasesPage />,
      },
      {
        path: 'settings',
        navKey: 'setNav',
        roles: ['TENANT_ADMINISTRATOR', 'HEALTH_SERVICE_LEADER'],
        purpose: 'Frister og innstillinger: administrasjon',
        element: <SettingsPage />,
      },
      {
        path: 'setup',
        navKey: 'setupNav',
        roles: ['TENANT_ADMINISTRATOR'],
        purpose: 'Oppsett: administrasjon',
        element: <SetupPage />,
      },
      {
        path: 'onboarding',
        navKey: 'onbNav',
        roles: [],
        platformOperator: true,
        purpose: 'Ny virksomhet: plattformdrift',
        element: <OnboardingPage />,
      },
    ],
  };
}
