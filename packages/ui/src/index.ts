// Re-exports without an extension: the federation build follows them to find the named exports
// (packages/tooling/federation/remote-vite-config.ts); `.js` would not resolve to the `.ts` file.
export * from './ability';
export * from './client';
export * from './contract';
export * from './date-field';
export * from './dates';
export * from './first-screen';
export * from './form-kit';
export * from './graphql';
export * from './ids';
export * from './iso-day';
export * from './mutation';
export * from './mutation-texts';
export * from './mutation-ui';
export * from './nav-dialogue';
export * from './session';
export * from './standalone';
export * from './texts';
