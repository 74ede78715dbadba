export * from './client.js';
export * from './contract.js';
export * from './session.js';
export * from './standalone.js';
export * from './texts.js';
