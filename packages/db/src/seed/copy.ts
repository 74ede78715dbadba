/**
 * Bulk loading with PostgreSQL's COPY (text format): the fastest way to put hundreds of thousands
 * of rows into the database, and still checked by every constraint and foreign key.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A JSON value for a `jsonb` column (plain arrays are written as PostgreSQL arrays). */
export class Json {
  constructor(readonly value: unknown) {}
}

export const json = (value: unknown) => new Json(value);

export type Cell = string | number | boolean | Date | null | undefined | readonly string[] | Json | object;
export type Row = Record<string, Cell>;

function escapeText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export function encodeCell(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Json) return escapeText(JSON.stringify(value.value));
  if (Array.isArray(value)) return escapeText(arrayLiteral(value as readonly string[]));
  return escapeText(JSON.stringify(value));
}

/** Writes rows (all with the same keys) to `table` in one COPY. */
export async function copyRows(client: pg.ClientBase, table: string, rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
  const lines = function* () {
    let chunk = '';
    for (const row of rows) {
      chunk += `${columns.map((c) => encodeCell(row[c])).join('\t')}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  };
  await pipeline(Readable.from(lines()), client.query(copyFrom(sql)));
}

/**
 * Collects rows per table and writes them in the order tables were first declared, so parents are
 * always loaded before their children.
 */
export class TableBuffer {
  private readonly tables = new Map<string, Row[]>();
  private counts = new Map<string, number>();

  constructor(order: readonly string[]) {
    for (const table of order) this.tables.set(table, []);
  }

  push(table: string, row: Row): void {
    const rows = this.tables.get(table);
    if (!rows) throw new Error(`Unknown seed table ${table}`);
    rows.push(row);
  }

  async flush(client: pg.ClientBase): Promise<void> {
    for (const [table, rows] of this.tables) {
      if (rows.length === 0) continue;
      await copyRows(client, table, rows);
      this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
      rows.length = 0;
    }
  }

  get totals(): ReadonlyMap<string, number> {
    return this.counts;
  }
}
