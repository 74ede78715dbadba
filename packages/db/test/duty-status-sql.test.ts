/**
 * Deadline status has one definition, `dutyStatusCondition` in @ips/domain (docs/domain.md §5). The
 * database's own functions that count overdue duties (the metric and the daily digest) cannot call
 * TypeScript, so they must write the condition exactly as `dutyConditionSql` renders it; this
 * fails when the domain's definition or the SQL changes alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dutyConditionSql, dutyStatusCondition } from '@ips/domain';
import { describe, expect, it } from 'vitest';

const schema = readFileSync(join(import.meta.dirname, '..', 'schema.sql'), 'utf8');

/** The body of a function in the committed schema.sql. */
function body(name: string): string {
  const start = schema.indexOf(`CREATE OR REPLACE FUNCTION ${name}(`);
  expect(start, name).toBeGreaterThanOrEqual(0);
  return schema.slice(start, schema.indexOf('$function$;', start));
}

describe('the SQL counts overdue duties by the domain’s definition', () => {
  const overdue = dutyConditionSql(dutyStatusCondition('OVERDUE', 'p_day'), 't', 'p_day');

  it('renders the domain’s condition', () => {
    expect(overdue).toBe('t."dueOn" < p_day');
  });

  it.each(['app.overdue_deadlines_per_organization', 'app.send_deadline_digest'])('%s', (name) => {
    expect(body(name)).toContain(`WHERE t.status = 'OPEN' AND ${overdue} AND t."deletedAt" IS NULL`);
  });
});
