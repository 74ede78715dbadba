export { permittedFieldsOf } from '@casl/ability/extra';
export * from './ability.js';
export * from './rules-benefits.js';
