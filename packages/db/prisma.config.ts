import { defineConfig } from 'prisma/config';

// `env('DATABASE_URL')` throws when the variable is unset, which would break `prisma generate`
// on a fresh machine: read process.env with a harmless default instead (docs/adr/0002: no binary downloads).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/ips',
  },
});
