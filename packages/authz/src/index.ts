export { permittedFieldsOf } from '@casl/ability/extra';
export * from './ability.js';
export * from './conditions.js';
export * from './fields.js';
export * from './types.js';
