export * from './bootstrap.js';
export * from './client.js';
export * from './generated/prisma/enums.js';
export * from './migrate.js';
export * from './roles.js';
export * from './urls.js';
