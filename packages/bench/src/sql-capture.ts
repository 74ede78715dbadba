/**
 * Every SQL statement sent through `pg` in this process, counted (and, while recording, kept with
 * its parameters). All rungs use `pg` — the API's pool, Prisma's pg adapter, PostGraphile's pool —
 * so this sees every statement on the wire, BEGIN and COMMIT included.
 */
import pg from 'pg';

export interface Statement {
  text: string;
  values: unknown[];
}

let installed = false;
let count = 0;
let recording: Statement[] | null = null;

export function installStatementCounter(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: a pass-through wrapper over pg's overloaded query()
  (pg.Client.prototype as any).query = function counted(this: pg.Client, ...args: any[]) {
    count += 1;
    if (recording) {
      const first = args[0];
      const text = typeof first === 'string' ? first : String(first?.text ?? '');
      const values = (typeof first === 'string' ? args[1] : first?.values) ?? [];
      recording.push({ text, values: Array.isArray(values) ? values : [] });
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    return (original as any).apply(this, args);
  };
}

export const statementCount = (): number => count;

export function resetStatementCount(): void {
  count = 0;
}

/** Runs `fn` and returns the statements it sent (with their parameters). */
export async function recordStatements(fn: () => Promise<unknown>): Promise<Statement[]> {
  installStatementCounter();
  const seen: Statement[] = [];
  recording = seen;
  try {
    await fn();
  } finally {
    recording = null;
  }
  return seen;
}
