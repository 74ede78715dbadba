// Aksel's CSS without its font file (which loads fonts from a CDN): fonts are self-hosted (fonts.ts).
import '@navikt/ds-css/dist/global/tokens.css';
import '@navikt/ds-css/dist/global/reset.css';
import '@navikt/ds-css/dist/global/baseline.css';
import '@navikt/ds-css/dist/components.css';
import './shell.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { loadConfig } from './config.js';
import { installFonts } from './fonts.js';
import { createI18n } from './i18n.js';

installFonts();

const root = createRoot(document.getElementById('root') as HTMLElement);
loadConfig()
  .then((config) => {
    root.render(
      <StrictMode>
        <App config={config} i18n={createI18n()} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    root.render(<p role="alert">Konfigurasjonen kunne ikke lastes: {String(error)}</p>);
  });
