/** Texts of a transfer's service-level reason in the history (issue 17 item 5), bokmål first. */
import type { Texts } from '@ips/ui';

export const cover16Texts: { nb: Texts; en: Texts } = {
  nb: { tl_levelReason: 'annet tjenestenivå fordi' },
  en: { tl_levelReason: 'another service level because' },
};
