/** Command-line arguments without the `--` that `pnpm run x -- --flag` passes through. */
export function scriptArgs(): string[] {
  const args = process.argv.slice(2);
  return args[0] === '--' ? args.slice(1) : args;
}
