/** `pnpm --filter @ips/api schema:print`: writes schema.graphql (committed; a test fails when stale). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

const path = join(import.meta.dirname, '..', 'schema.graphql');
writeFileSync(path, `${printSchema(schema)}\n`);
console.log(`wrote ${path}`);
