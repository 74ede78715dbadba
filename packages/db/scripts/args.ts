import { parseArgs } from 'node:util';
import { DEMO_SCALE, defaultSeedOptions, NATIONAL_SCALE, type SeedOptions } from '../src/seed/index.js';

/** Command-line arguments without the `--` that `pnpm run x -- --flag` passes through. */
export function scriptArgs(): string[] {
  const args = process.argv.slice(2);
  return args[0] === '--' ? args.slice(1) : args;
}

/** `--scale demo|national`, `--today YYYY-MM-DD`, `--seed N` → seed options (exits 2 on a bad scale). */
export function seedOptionsFromArgs(): SeedOptions & { skipForeignKeyChecks: boolean; scaleName: string } {
  const { values } = parseArgs({
    args: scriptArgs(),
    options: {
      scale: { type: 'string', default: 'demo' },
      today: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  if (values.scale !== 'demo' && values.scale !== 'national') {
    console.error('--scale must be "demo" or "national"');
    process.exit(2);
  }
  const national = values.scale === 'national';
  return {
    ...defaultSeedOptions({
      scale: national ? NATIONAL_SCALE : DEMO_SCALE,
      ...(values.today ? { today: values.today } : {}),
      ...(values.seed ? { seed: Number(values.seed) } : {}),
    }),
    // National scale loads without per-row FK triggers (see seedDatabase).
    skipForeignKeyChecks: national,
    scaleName: values.scale,
  };
}
