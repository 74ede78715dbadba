export { permittedFieldsOf } from '@casl/ability/extra';
export { accessibleBy } from '@casl/prisma/runtime';
export * from './ability.js';
