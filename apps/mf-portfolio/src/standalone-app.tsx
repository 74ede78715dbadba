/** The portfolio area alone, without the shell, for development (see mountStandalone in @ips/ui). */
import '@navikt/ds-css/dist/global/tokens.css';
import '@navikt/ds-css/dist/global/reset.css';
import '@navikt/ds-css/dist/components.css';
import { mountStandalone } from '@ips/ui';
import register from './register.js';

mountStandalone(register(), 'JOB_SPECIALIST', document.getElementById('root') as HTMLElement);
