export * from './bootstrap.js';
export * from './client.js';
export * from './migrate.js';
export * from './roles.js';
export * from './urls.js';
export * from './generated/prisma/enums.js';
