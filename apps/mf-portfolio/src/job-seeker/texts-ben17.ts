/**
 * Texts of benefits counselling (issue 17; IPS principle 5), bokmål first, English second: the
 * "Ytelsesveiledning" section of the person page, and the NAV part that shares it.
 */
import type { Texts } from '@ips/ui';

const nb: Texts = {
  navScope_BENEFITS_COUNSELLING: 'Ytelsesveiledning',
};

const en: Texts = {
  navScope_BENEFITS_COUNSELLING: 'Benefits counselling',
};

export const ben17Texts = { nb, en };
