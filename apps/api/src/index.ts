export * from './config.js';
export { schema } from './schema/index.js';
export * from './server.js';
