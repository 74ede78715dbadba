/** The singletons every part of the admin shares (one React, one router, one client, one i18n). */
export const SHARED = {
  react: { singleton: true, requiredVersion: '19.3.1' },
  'react-dom': { singleton: true, requiredVersion: '19.3.1' },
  'react-router': { singleton: true, requiredVersion: '8.5.1' },
  urql: { singleton: true, requiredVersion: '5.0.4' },
  i18next: { singleton: true, requiredVersion: '27.1.2' },
  'react-i18next': { singleton: true, requiredVersion: '18.0.1' },
  '@ips/ui': { singleton: true, requiredVersion: '0.0.0' },
};
