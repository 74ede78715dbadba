/** Texts of the benefits counselling shared with NAV (issue 17), bokmål first, English second. */
import type { Texts } from '@ips/ui';

const nb: Texts = {
  scope_BENEFITS_COUNSELLING: 'Ytelsesveiledning',
};

const en: Texts = {
  scope_BENEFITS_COUNSELLING: 'Benefits counselling',
};

export const ben17Texts = { nb, en };
