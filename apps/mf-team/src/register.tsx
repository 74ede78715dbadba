/** The method supervisor's area: the team's results against its targets. */
import type { Area } from '@ips/ui';
import { lazy } from 'react';
import { texts } from './texts.js';

// Each screen is its own chunk, loaded when its route is shown (docs/adr/0021): the menu needs
// only the routes and texts.
const CoveragePage = lazy(() => import('./CoveragePage.js').then((m) => ({ default: m.CoveragePage })));
const FidelityPage = lazy(() => import('./FidelityPage.js').then((m) => ({ default: m.FidelityPage })));
const SupervisionPage = lazy(() =>
  import('./SupervisionPage.js').then((m) => ({ default: m.SupervisionPage })),
);
const TeamDashboard = lazy(() => import('./TeamDashboard.js').then((m) => ({ default: m.TeamDashboard })));
const TeamMeetingPage = lazy(() =>
  import('./TeamMeetingPage.js').then((m) => ({ default: m.TeamMeetingPage })),
);
const TeamPage = lazy(() => import('./TeamPage.js').then((m) => ({ default: m.TeamPage })));

export default function register(): Area {
  return {
    id: 'team',
    texts,
    routes: [
      {
        path: 'team',
        navKey: 'nav',
        roles: ['METHOD_SUPERVISOR', 'HEALTH_SERVICE_LEADER'],
        purpose: 'Teamets resultater: metodeveiledning og oppfølging av resultater',
        element: <TeamDashboard />,
      },
      {
        path: 'coverage',
        navKey: 'covNav',
        roles: ['METHOD_SUPERVISOR'],
        purpose: 'Fravær og dekning: oppfølging av jobbsøkere med fraværende jobbspesialist',
        element: <CoveragePage />,
      },
      {
        path: 'team-meeting',
        navKey: 'tmNav',
        // Every member reads the distributed minutes and completes their own action points (issue 16).
        roles: ['METHOD_SUPERVISOR', 'JOB_SPECIALIST'],
        purpose: 'Teammøte: metodeveiledning, saksdrøfting etter samtykke',
        element: <TeamMeetingPage />,
      },
      {
        path: 'fidelity',
        navKey: 'fidNav',
        roles: ['METHOD_SUPERVISOR'],
        purpose: 'Kvalitetsevaluering: metodeveiledning',
        element: <FidelityPage />,
      },
      {
        path: 'team-members',
        navKey: 'tp_nav',
        roles: ['METHOD_SUPERVISOR'],
        purpose: 'Teamets medlemmer og mål: metodeveiledning',
        element: <TeamPage />,
      },
      {
        path: 'supervision',
        navKey: 'sv_nav',
        roles: ['METHOD_SUPERVISOR'],
        purpose: 'Feltveiledning og porteføljegjennomgang: metodeveiledning',
        element: <SupervisionPage />,
      },
    ],
  };
}
