export { permittedFieldsOf } from '@casl/ability/extra';
export * from './ability.js';
export * from './conditions.js';
export * from './fields.js';
export * from './rules/benefits.js';
export * from './rules/nav-dialogue.js';
export * from './types.js';
