/** Texts of the transfer wizard's service-level reason (issue 17 item 5), bokmål first. */
import type { Texts } from '@ips/ui';

export const textsCover16: { nb: Texts; en: Texts } = {
  nb: {
    cov_levelReason: 'Hvorfor et annet tjenestenivå?',
    cov_levelReasonHelp:
      'En kollega på samme tjenestenivå har plass. Primært skal samme tjenestenivå overta, så begrunnelsen lagres i overføringens historikk.',
  },
  en: {
    cov_levelReason: 'Why another service level?',
    cov_levelReasonHelp:
      "A colleague of the same service level has room. The same service level takes over first (seed 001 §4.2), so the reason is kept in the transfer's history.",
  },
};
