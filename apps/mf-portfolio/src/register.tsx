/** The portfolio area: the job specialist's portfolio and a job seeker's page. */
import { type Area, PORTFOLIO_PURPOSE, PORTFOLIO_ROLES } from '@ips/ui';
import { lazy } from 'react';
import { PortfolioPage } from './PortfolioPage.js';
import { texts } from './texts.js';

// Each screen is its own chunk, loaded when its route is shown (docs/adr/0021): the menu needs
// only the routes and texts.
const DeadlinesPage = lazy(() => import('./DeadlinesPage.js').then((m) => ({ default: m.DeadlinesPage })));
const EmployersPage = lazy(() => import('./EmployersPage.js').then((m) => ({ default: m.EmployersPage })));
const JobSeekerPage = lazy(() => import('./JobSeekerPage.js').then((m) => ({ default: m.JobSeekerPage })));
const ReferralPage = lazy(() => import('./ReferralPage.js').then((m) => ({ default: m.ReferralPage })));

export default function register(): Area {
  return {
    id: 'portfolio',
    texts,
    routes: [
      {
        path: 'portfolio',
        navKey: 'nav',
        roles: [...PORTFOLIO_ROLES],
        purpose: PORTFOLIO_PURPOSE,
        element: <PortfolioPage />,
      },
      {
        path: 'deadlines',
        navKey: 'deadlinesNav',
        roles: ['JOB_SPECIALIST', 'METHOD_SUPERVISOR'],
        purpose: 'Mine frister: oppfølging av egen portefølje',
        element: <DeadlinesPage />,
      },
      {
        path: 'employers',
        navKey: 'emp_nav',
        roles: ['JOB_SPECIALIST', 'METHOD_SUPERVISOR'],
        purpose: 'Arbeidsgivere og kontakter: jobbutvikling',
        element: <EmployersPage />,
      },
      // Who may refer (packages/authz: `create` JobSeeker): job specialists and method supervisors.
      {
        path: 'portfolio/new',
        roles: ['JOB_SPECIALIST', 'METHOD_SUPERVISOR'],
        purpose: 'Henvisning: finne ut om personen alt er registrert og registrere henvisningen',
        element: <ReferralPage />,
      },
      {
        path: 'portfolio/:id',
        roles: ['JOB_SPECIALIST', 'METHOD_SUPERVISOR'],
        purpose: 'Jobbsøkerens side: oppfølging av jobbsøkeren',
        element: <JobSeekerPage />,
      },
    ],
  };
}
