/** The method supervisor's area: the team's results against its targets. */
import type { Area } from '@ips/ui';
import { CoveragePage } from './CoveragePage.js';
import { FidelityPage } from './FidelityPage.js';
import { SupervisionPage } from './SupervisionPage.js';
import { TeamDashboard } from './TeamDashboard.js';
import { TeamMeetingPage } from './TeamMeetingPage.js';
import { TeamPage } from './TeamPage.js';
import { texts } from './texts.js';

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
