/** The NAV counsellor's area: the job seekers who consented to sharing with NAV. */
import type { Area } from '@ips/ui';
import { NavJobSeekerPage } from './NavJobSeekerPage.js';
import { SharedWithNavPage } from './SharedWithNavPage.js';
import { texts } from './texts.js';

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
