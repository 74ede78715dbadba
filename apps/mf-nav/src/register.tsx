/** The NAV counsellor's area: the job seekers who consented to sharing with NAV. */
import type { Area } from '@ips/ui';
import { lazy } from 'react';
import { texts } from './texts.js';

// Each screen is its own chunk, loaded when its route is shown (docs/adr/0021): the menu needs
// only the routes and texts.
const NavJobSeekerPage = lazy(() =>
  import('./NavJobSeekerPage.js').then((m) => ({ default: m.NavJobSeekerPage })),
);
const SharedWithNavPage = lazy(() =>
  import('./SharedWithNavPage.js').then((m) => ({ default: m.SharedWithNavPage })),
);

export default function register(): Area {
  return {
    id: 'nav',
    texts,
    routes: [
      {
        path: 'nav',
        navKey: 'nav',
        roles: ['NAV_COUNSELLOR'],
        purpose: 'Delt med NAV: samarbeid med NAV etter samtykke',
        element: <SharedWithNavPage />,
      },
      {
        path: 'nav/:id',
        roles: ['NAV_COUNSELLOR'],
        purpose: 'Delt med NAV: samarbeid med NAV etter samtykke',
        element: <NavJobSeekerPage />,
      },
    ],
  };
}
