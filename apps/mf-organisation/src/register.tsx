/** The organisation area: the leader's staffing view, the administrator's people and roles. */
import type { Area } from '@ips/ui';
import { AbsencesPage } from './AbsencesPage.js';
import { AccessLogPage } from './AccessLogPage.js';
import { DeleteCasePage } from './DeleteCasePage.js';
import { DeletedCasesPage } from './DeletedCasesPage.js';
import { MembersPage } from './MembersPage.js';
import { OnboardingPage } from './OnboardingPage.js';
import { SettingsPage } from './SettingsPage.js';
import { SetupPage } from './SetupPage.js';
import { StaffingPage } from './StaffingPage.js';
import { texts } from './texts.js';

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
