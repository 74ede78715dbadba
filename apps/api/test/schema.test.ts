/** The schema layer: committed SDL is current, and every field declares who may call it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObjectType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';

describe('schema', () => {
  it('matches the committed schema.graphql (run `pnpm --filter @ips/api schema:print`)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8');
    expect(`${printSchema(schema)}\n`).toBe(committed);
  });

  it('guards every field of every object type with authScopes (on the field or its type)', () => {
    const unguarded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const typeScopes = (type.extensions as { pothosOptions?: { authScopes?: unknown } })?.pothosOptions
        ?.authScopes;
      // Plumbing that carries no data of its own, only guarded types: relay connections, edges and
      // page info, and the errors plugin's `…Success { data }` wrappers.
      if (/(Connection|Edge|PageInfo)$/.test(type.name) || /^Mutation\w+Success$/.test(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        const fieldScopes = (field.extensions as { pothosOptions?: { authScopes?: unknown } })?.pothosOptions
          ?.authScopes;
        if (!typeScopes && !fieldScopes) unguarded.push(`${type.name}.${field.name}`);
      }
    }
    expect(unguarded).toEqual([]);
  });
});
