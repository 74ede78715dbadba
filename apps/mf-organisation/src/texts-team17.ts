/** Texts of issue 17 item 7 on the organisation's settings (bokmål first, English second). */
import type { Texts } from '@ips/ui';

const nb: Texts = {
  pan_title: 'Varsel om planlagt fravær',
  pan_days: 'Varsle metodeveileder dager før planlagt fravær',
  pan_help:
    'Metodeveilederen får varsel når et planlagt fravær registreres, og igjen så mange dager før det begynner ({{min}}–{{max}} dager).',
  pan_save: 'Lagre varselet',
  pan_saved: 'Varselet om planlagt fravær er lagret.',
  pan_notWhole: 'Skriv et helt antall dager.',
  pan_issue_OUT_OF_BOUNDS: 'Velg mellom {{min}} og {{max}} dager.',
};

const en: Texts = {
  pan_title: 'Notice of planned absence',
  pan_days: 'Notify the method supervisor this many days before a planned absence',
  pan_help:
    'The method supervisor is notified when a planned absence is registered, and again this many days before it starts ({{min}}–{{max}} days).',
  pan_save: 'Save the notice',
  pan_saved: 'The notice of planned absence is saved.',
  pan_notWhole: 'Enter a whole number of days.',
  pan_issue_OUT_OF_BOUNDS: 'Choose between {{min}} and {{max}} days.',
};

export const texts17 = { nb, en };
