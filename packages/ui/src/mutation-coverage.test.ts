/**
 * Every mutation of the API is used by at least one document of the admin (the shell, the
 * micro-frontends, this package; tests do not count), or it is on the short list below with the
 * reason it has no screen yet. The test fails when a mutation is neither used nor listed, and when
 * a listed one is used after all or no longer exists: the list only shrinks as screens arrive.
 */
import { parse } from 'gql.tada';
import { describe, expect, it } from 'vitest';
import schema from '../../../apps/api/schema.graphql?raw';

const NOT_YET_ON_A_SCREEN: Record<string, string> = {
  // A new one without a screen goes here with its reason.
};

/** The fields of `type Mutation` in the printed schema. */
function schemaMutations(sdl: string): string[] {
  const block = /^type Mutation \{\n([\s\S]*?)^\}/m.exec(sdl)?.[1] ?? '';
  return [...block.matchAll(/^ {2}(\w+)[(:]/gm)].map((m) => m[1] as string);
}

// Every admin source, as text (tests and generated files excluded).
const sources = import.meta.glob(
  [
    '../../../apps/mf-*/src/**/*.{ts,tsx}',
    '../../../apps/admin-shell/src/**/*.{ts,tsx}',
    './**/*.{ts,tsx}',
    '!**/*.test.{ts,tsx}',
    '!./generated/**',
  ],
  { query: '?raw', import: 'default', eager: true },
) as Record<string, string>;

interface Selection {
  kind: string;
  name: { value: string };
  selectionSet?: { selections: readonly Selection[] };
}
interface Document {
  definitions: readonly {
    kind: string;
    operation?: string;
    selectionSet: { selections: readonly Selection[] };
  }[];
}

/** The error fragment of each typed error (`packages/ui/src/mutation.tsx`). */
const ERROR_FRAGMENTS: Record<string, string> = {
  ValidationErrorFields: 'ValidationError',
  ConflictErrorFields: 'ConflictError',
  ConsentRequiredErrorFields: 'ConsentRequiredError',
  NotFoundErrorFields: 'NotFoundError',
  AlreadyRecordedErrorFields: 'AlreadyRecordedError',
};

/** The typed errors of each mutation's result union, from the printed schema. */
function errorTypesOf(sdl: string): Map<string, string[]> {
  const unions = new Map(
    [...sdl.matchAll(/^union (\w+) = (.+)$/gm)].map((m) => [
      m[1] as string,
      (m[2] as string).split('|').map((t) => t.trim()),
    ]),
  );
  const block = /^type Mutation \{\n([\s\S]*?)^\}/m.exec(sdl)?.[1] ?? '';
  const out = new Map<string, string[]>();
  for (const m of block.matchAll(/^ {2}(\w+)(?:\([^)]*\))?: (\w+)!?$/gm)) {
    const members = unions.get(m[2] as string) ?? [];
    out.set(
      m[1] as string,
      members.filter((t) => Object.values(ERROR_FRAGMENTS).includes(t)),
    );
  }
  return out;
}

/** The error types each mutation document selects (by its error fragments), per mutation and file. */
const selectedErrors: { mutation: string; file: string; types: string[] }[] = [];

/** The mutations the admin's documents (`graphql(\`…\`)`) call, with the files that call them. */
function usedMutations(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const [file, text] of Object.entries(sources)) {
    // Without block comments: a usage example in a comment is not a document.
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of code.matchAll(/graphql\(\s*`([^`]*)`/g)) {
      for (const def of (parse(m[1] as string) as unknown as Document).definitions) {
        if (def.kind !== 'OperationDefinition' || def.operation !== 'mutation') continue;
        for (const sel of def.selectionSet.selections) {
          if (sel.kind !== 'Field') continue;
          used.set(sel.name.value, [...(used.get(sel.name.value) ?? []), file]);
          const spreads = (sel.selectionSet?.selections ?? [])
            .filter((s) => s.kind === 'FragmentSpread')
            .map((s) => ERROR_FRAGMENTS[s.name.value])
            .filter((t): t is string => !!t);
          selectedErrors.push({ mutation: sel.name.value, file, types: spreads.sort() });
        }
      }
    }
  }
  return used;
}

describe('every mutation of the API has a screen, or a reason it has none yet', () => {
  const mutations = schemaMutations(schema);
  const used = usedMutations();

  it('reads the schema and the documents', () => {
    expect(mutations.length).toBeGreaterThan(40);
    expect(Object.keys(sources).some((f) => f.includes('apps/mf-portfolio/src/'))).toBe(true);
    expect(used.has('reviseSupportPlan')).toBe(true);
  });

  it('no mutation is neither used nor listed', () => {
    const missing = mutations.filter((m) => !used.has(m) && !(m in NOT_YET_ON_A_SCREEN));
    expect(missing, 'give each a screen, or a line with its reason in NOT_YET_ON_A_SCREEN').toEqual([]);
  });

  it('no listed mutation is used (then it leaves the list) or gone from the schema', () => {
    const listed = Object.keys(NOT_YET_ON_A_SCREEN);
    expect(
      listed.filter((m) => used.has(m)).map((m) => `${m} (${used.get(m)?.join(', ')})`),
      'used now: remove it from NOT_YET_ON_A_SCREEN',
    ).toEqual([]);
    expect(
      listed.filter((m) => !mutations.includes(m)),
      'not in the schema: remove it',
    ).toEqual([]);
    for (const reason of Object.values(NOT_YET_ON_A_SCREEN)) expect(reason.trim()).not.toBe('');
  });

  it('every mutation document selects each typed error of its result, with its fragment, and no other', () => {
    const errors = errorTypesOf(schema);
    const wrong = selectedErrors
      .filter((d) => JSON.stringify(d.types) !== JSON.stringify([...(errors.get(d.mutation) ?? [])].sort()))
      .map(
        (d) =>
          `${d.mutation} in ${d.file}: selects ${d.types.join(', ')}; the API answers ${errors.get(d.mutation)?.join(', ')}`,
      );
    expect(wrong).toEqual([]);
    expect(errors.get('reviseSupportPlan')).toContain('ConsentRequiredError');
  });

  it('no document calls a mutation the API lacks', () => {
    expect([...used.keys()].filter((m) => !mutations.includes(m))).toEqual([]);
  });
});
