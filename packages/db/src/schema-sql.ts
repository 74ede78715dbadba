/**
 * The migrated database as one readable, deterministic text (`packages/db/schema.sql`): schemas,
 * enums, tables with columns, constraints, row-level security and its policies, indexes, triggers,
 * views, functions and the runtime role's grants — read from the catalog, so it is what the
 * migrations produce, not what they say. A test fails when the committed file drifts.
 *
 * The catalog prints expressions (defaults, policies, function bodies) as the server's version
 * prints them. The header names the major version; on another version the test compares the
 * version-independent outline (every object's name and kind) instead of the full text.
 */
import type pg from 'pg';

const SCHEMAS = ['public', 'app'];

async function rows<T extends pg.QueryResultRow>(client: pg.Client, sql: string, params: unknown[] = []) {
  return (await client.query<T>(sql, params)).rows;
}

export async function schemaSql(client: pg.Client): Promise<string> {
  const [{ major } = { major: '?' }] = await rows<{ major: string }>(
    client,
    `SELECT split_part(current_setting('server_version'), '.', 1) AS major`,
  );
  const out: string[] = [
    '-- The migrated database, read from the catalog (packages/db/src/schema-sql.ts).',
    '-- Do not edit: `pnpm --filter @ips/db run schema:sql` rewrites it; a test fails when it drifts.',
    `-- PostgreSQL ${major}`,
    '',
  ];

  for (const e of await rows<{ schema: string; name: string; labels: string[] }>(
    client,
    `SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
    [SCHEMAS],
  )) {
    out.push(`CREATE TYPE ${e.schema}."${e.name}" AS ENUM (${e.labels.map((l) => `'${l}'`).join(', ')});`);
  }
  out.push('');

  const tables = await rows<{
    oid: number;
    schema: string;
    name: string;
    kind: string;
    rls: boolean;
    force: boolean;
  }>(
    client,
    `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
            c.relrowsecurity AS rls, c.relforcerowsecurity AS force
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 2, 3`,
    [SCHEMAS],
  );
  for (const t of tables) {
    const columns = await rows<{ name: string; type: string; notnull: boolean; def: string | null }>(
      client,
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
              pg_get_expr(d.adbin, d.adrelid) AS def
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attname`,
      [t.oid],
    );
    const constraints = await rows<{ name: string; def: string }>(
      client,
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = $1 AND contype <> 'n' ORDER BY conname`,
      [t.oid],
    );
    out.push(`CREATE TABLE ${t.schema}."${t.name}"${t.kind === 'p' ? ' -- partitioned' : ''} (`);
    const lines = [
      ...columns.map(
        (c) => `  "${c.name}" ${c.type}${c.notnull ? ' NOT NULL' : ''}${c.def ? ` DEFAULT ${c.def}` : ''}`,
      ),
      ...constraints.map((c) => `  CONSTRAINT "${c.name}" ${c.def}`),
    ];
    out.push(lines.join(',\n'), ');');
    if (t.rls) out.push(`ALTER TABLE ${t.schema}."${t.name}" ENABLE ROW LEVEL SECURITY;`);
    if (t.force) out.push(`ALTER TABLE ${t.schema}."${t.name}" FORCE ROW LEVEL SECURITY;`);
    for (const p of await rows<{
      name: string;
      permissive: string;
      roles: string[];
      cmd: string;
      qual: string | null;
      check: string | null;
    }>(
      client,
      `SELECT policyname AS name, permissive, roles::text[] AS roles, cmd, qual, with_check AS check
         FROM pg_policies WHERE schemaname = $1 AND tablename = $2 ORDER BY policyname`,
      [t.schema, t.name],
    )) {
      out.push(
        `CREATE POLICY "${p.name}" ON ${t.schema}."${t.name}" AS ${p.permissive} FOR ${p.cmd} TO ${p.roles.sort().join(', ')}` +
          `${p.qual ? ` USING (${p.qual})` : ''}${p.check ? ` WITH CHECK (${p.check})` : ''};`,
      );
    }
    for (const i of await rows<{ def: string }>(
      client,
      `SELECT indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname`,
      [t.schema, t.name],
    )) {
      out.push(`${i.def};`);
    }
    for (const g of await rows<{ def: string }>(
      client,
      `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = $1 AND NOT tgisinternal ORDER BY tgname`,
      [t.oid],
    )) {
      out.push(`${g.def};`);
    }
    for (const g of await rows<{ grantee: string; privileges: string }>(
      client,
      `SELECT grantee, string_agg(privilege_type, ', ' ORDER BY privilege_type) AS privileges
         FROM information_schema.role_table_grants
        WHERE table_schema = $1 AND table_name = $2 AND grantee LIKE 'ips\\_%' AND grantee <> 'ips_owner'
        GROUP BY grantee ORDER BY grantee`,
      [t.schema, t.name],
    )) {
      out.push(`GRANT ${g.privileges} ON ${t.schema}."${t.name}" TO ${g.grantee};`);
    }
    out.push('');
  }

  for (const v of await rows<{ schema: string; name: string; def: string }>(
    client,
    `SELECT schemaname AS schema, viewname AS name, definition AS def FROM pg_views
      WHERE schemaname = ANY($1) ORDER BY 1, 2`,
    [SCHEMAS],
  )) {
    out.push(`CREATE VIEW ${v.schema}."${v.name}" AS\n${v.def.trim()}`, '');
  }

  for (const f of await rows<{ def: string }>(
    client,
    `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = ANY($1) AND p.prokind IN ('f', 'p')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      ORDER BY n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)`,
    [SCHEMAS],
  )) {
    out.push(`${f.def.trim()};`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The version-independent outline of a `schemaSql` text: each object's kind and name, in order. */
export function schemaOutline(sql: string): string[] {
  return sql
    .split('\n')
    .map((line) =>
      /^(CREATE (?:TYPE|TABLE|POLICY|VIEW|(?:UNIQUE )?INDEX|TRIGGER|CONSTRAINT TRIGGER|OR REPLACE FUNCTION|OR REPLACE PROCEDURE)) (\S+)/.exec(
        line,
      ),
    )
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]} ${m[2]}`)
    .concat(
      sql
        .split('\n')
        .map((line) => /^ {2}"([^"]+)" /.exec(line)?.[1])
        .filter((c): c is string => c !== undefined)
        .map((c) => `column ${c}`),
    );
}
