export * from './ability.js';
export * from './client.js';
export * from './contract.js';
export * from './graphql.js';
export * from './ids.js';
export * from './session.js';
export * from './standalone.js';
export * from './texts.js';
