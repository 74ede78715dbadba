/** Bokmål by default, English on request; the choice is kept in the browser. */
import { shellTexts } from '@ips/ui';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGE_KEY = 'ips.language';

export function createI18n() {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  const lng = stored === 'en' ? 'en' : 'nb';
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'nb',
    defaultNS: 'shell',
    ns: ['shell'],
    resources: { nb: { shell: shellTexts.nb }, en: { shell: shellTexts.en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  i18n.on('languageChanged', (l) => {
    localStorage.setItem(LANGUAGE_KEY, l);
    document.documentElement.lang = l === 'en' ? 'en' : 'nb';
  });
  document.documentElement.lang = lng;
  return i18n;
}
