/**
 * The form kit renders what the forms wrote by hand before it: a person select starts with "–"
 * and lists the people in the order given, with the field's error at it; a form's outcome is the
 * error that belongs to no field, then the success once saved, and nothing otherwise.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormOutcome, PersonSelect } from './form-kit.js';

const people = [
  { id: 'b', name: 'Bente Berg' },
  { id: 'a', name: 'Arne Aas' },
];

describe('PersonSelect', () => {
  it('offers "–" first, then the people in the order given, the chosen one selected', () => {
    const html = renderToStaticMarkup(
      <PersonSelect label="Observert" value="a" people={people} onChange={() => {}} />,
    );
    expect(html).toContain('Observert');
    const options = [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(options).toEqual([
      ['', '–'],
      ['b', 'Bente Berg'],
      ['a', 'Arne Aas'],
    ]);
    expect(html).toMatch(/<option value="a" selected="">/);
  });

  it('shows the field’s error at the select', () => {
    const html = renderToStaticMarkup(
      <PersonSelect label="Eier" value="" error="Må fylles ut" people={people} onChange={() => {}} />,
    );
    expect(html).toContain('Må fylles ut');
    expect(html).toContain('aria-invalid="true"');
  });
});

describe('FormOutcome', () => {
  it('shows nothing before anything happened', () => {
    expect(renderToStaticMarkup(<FormOutcome form={{ formError: null }} done={null} />)).toBe('');
  });

  it('shows the error that belongs to no field, then the success', () => {
    const html = renderToStaticMarkup(<FormOutcome form={{ formError: 'Noe gikk galt' }} done="Lagret" />);
    expect(html.indexOf('role="alert"')).toBeGreaterThan(-1);
    expect(html.indexOf('Noe gikk galt')).toBeLessThan(html.indexOf('Lagret'));
    expect(html).toMatch(/role="status"[^>]*>.*Lagret/s);
  });
});
