/**
 * A list of facts (label and value) that reads on a desk and on a phone: two columns where there is
 * room — the label column at most 40 % wide, so a long label wraps instead of squeezing the value
 * into one letter per line — and the label above its value when the list is narrower than 480 px
 * (a container query: it follows the list's own width, also inside a two-column grid).
 */
import type { ReactNode } from 'react';

const CSS = `
.ips-facts-box { container-type: inline-size; }
.ips-facts {
  display: grid;
  grid-template-columns: fit-content(40%) minmax(0, 1fr);
  gap: 0.25rem 1rem;
  margin: 0;
}
.ips-facts > div { display: contents; }
.ips-facts dt { font-weight: 600; }
.ips-facts dd { margin: 0; min-width: 0; overflow-wrap: break-word; }
.ips-facts dd .ips-facts-text { white-space: pre-line; margin: 0; }
@container (max-width: 479px) {
  .ips-facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .ips-facts dd { margin-block-end: 0.75rem; }
}
`;

export type Fact = readonly [label: string, value: ReactNode];

export function Facts({ rows, label }: { rows: readonly Fact[]; label?: string }) {
  return (
    <div className="ips-facts-box">
      <style>{CSS}</style>
      <dl className="ips-facts" aria-label={label}>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{typeof v === 'string' ? <p className="ips-facts-text">{v}</p> : v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
