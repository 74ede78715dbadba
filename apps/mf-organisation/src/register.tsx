/** The organisation area: the health-service leader's staffing view. */
import type { Area } from '@ips/ui';
import { StaffingPage } from './StaffingPage.js';
import { texts } from './texts.js';

export default function register(): Area {
  return {
    id: 'organisation',
    texts,
    routes: [
      { path: 'staffing', navKey: 'nav', roles: ['HEALTH_SERVICE_LEADER'], element: <StaffingPage /> },
    ],
  };
}
