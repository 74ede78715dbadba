/**
 * Offline checks of the deployment files. Each returns the problems it finds (empty = fine), so
 * the tests can run them on the real files and on deliberately broken copies.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';

export const INFRA = resolve(import.meta.dirname, '..');
export const REPO = resolve(INFRA, '..');

export const read = (path: string) => readFileSync(join(REPO, path), 'utf8');

// ---------------------------------------------------------------------------------- Dockerfiles

/** An exact version tag (1.27.3, 18.4-bookworm, 22.12.0-bookworm-slim) or a digest; never floating. */
const EXACT_TAG = /^\d+\.\d+(\.\d+)?(-[a-z0-9][a-z0-9.-]*)?$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PRIVATE_KEY|DATABASE_URL/i;

interface Stage {
  name: string | null;
  image: string;
  instructions: Instruction[];
}

function stages(text: string): Stage[] {
  const result: Stage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const args = instruction.getArguments().map((a) => a.getValue());
      const positional = args.filter((a) => !a.startsWith('--'));
      const asIndex = positional.findIndex((a) => a.toUpperCase() === 'AS');
      result.push({
        image: positional[0] ?? '',
        name: asIndex >= 0 ? (positional[asIndex + 1] ?? null) : null,
        instructions: [],
      });
    } else {
      result.at(-1)?.instructions.push(instruction);
    }
  }
  return result;
}

/** Splits `registry/name:tag@digest` into its tag and digest. */
function imageReference(image: string) {
  const [withoutDigest, digest] = image.split('@') as [string, string | undefined];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return { tag: colon >= 0 ? withoutDigest.slice(colon + 1) : null, digest: digest ?? null };
}

export interface DockerfileExpectations {
  /** The port the final image serves on (EXPOSE, HEALTHCHECK). */
  port: number;
  /** The path its HEALTHCHECK asks. */
  healthPath: string;
  /** Files (relative to the repository root) the final command needs, e.g. the entry point. */
  entryFiles?: string[];
}

export function checkDockerfile(text: string, expect: DockerfileExpectations): string[] {
  const problems: string[] = [];
  const all = stages(text);
  if (all.length < 2) problems.push('not multi-stage (one FROM)');
  const names = new Set<string>();
  for (const stage of all) {
    if (!names.has(stage.image)) {
      const { tag, digest } = imageReference(stage.image);
      if (digest && !DIGEST.test(digest)) problems.push(`FROM ${stage.image}: malformed digest`);
      if (!digest && !(tag && EXACT_TAG.test(tag))) {
        problems.push(`FROM ${stage.image}: base image not pinned (exact version tag or digest)`);
      }
    }
    if (stage.name) names.add(stage.name);
    for (const i of stage.instructions) {
      const keyword = i.getKeyword();
      if (keyword === 'ADD' && /https?:\/\//.test(i.getArgumentsContent() ?? '')) {
        problems.push('ADD of a URL (downloads from outside the registries)');
      }
      if (keyword === 'ENV' || keyword === 'ARG') {
        for (const key of (i.getArgumentsContent() ?? '').matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)) {
          if (SECRET_NAME.test(key[1] ?? ''))
            problems.push(`${keyword} ${key[1]}: a secret baked into the image`);
        }
      }
      const flags = (i as Instruction & { getFlags?: () => { getName(): string }[] }).getFlags?.() ?? [];
      if (keyword === 'COPY' && !flags.some((f) => f.getName() === 'from')) {
        const paths = i.getArguments().map((a) => a.getValue());
        for (const source of paths.slice(0, -1)) {
          if (!existsSync(join(REPO, source)))
            problems.push(`COPY ${source}: no such file in the repository`);
        }
      }
    }
  }
  const final = all.at(-1);
  if (!final) return ['no FROM'];
  const users = final.instructions.filter((i) => i.getKeyword() === 'USER');
  const user = users.at(-1)?.getArgumentsContent()?.trim();
  if (!user) problems.push('final stage has no USER (runs as root)');
  else if (/^(root|0)(:|$)/.test(user)) problems.push(`final stage runs as root (USER ${user})`);
  else if (!/^\d+(:\d+)?$/.test(user))
    problems.push(`USER ${user}: use a numeric id (Kubernetes runAsNonRoot)`);
  const exposed = final.instructions
    .filter((i) => i.getKeyword() === 'EXPOSE')
    .flatMap((i) => i.getArguments().map((a) => Number.parseInt(a.getValue(), 10)));
  if (!exposed.includes(expect.port)) problems.push(`final stage does not EXPOSE ${expect.port}`);
  const health = final.instructions.filter((i) => i.getKeyword() === 'HEALTHCHECK').at(-1);
  const healthText = health?.getArgumentsContent() ?? '';
  if (!health || /^\s*NONE/i.test(healthText)) problems.push('final stage has no HEALTHCHECK');
  else if (!healthText.includes(`127.0.0.1:${expect.port}${expect.healthPath}`)) {
    problems.push(`HEALTHCHECK does not ask 127.0.0.1:${expect.port}${expect.healthPath}`);
  }
  for (const file of expect.entryFiles ?? []) {
    if (!existsSync(join(REPO, file))) problems.push(`entry file ${file} does not exist`);
  }
  return problems;
}

/** The final stage's ENV as a map (for consistency checks against compose and Kubernetes). */
export function finalEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  const final = stages(text).at(-1);
  for (const i of final?.instructions ?? []) {
    if (i.getKeyword() !== 'ENV') continue;
    for (const m of (i.getArgumentsContent() ?? '').matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S+)/g)) {
      env[m[1] as string] = m[2] as string;
    }
  }
  return env;
}

// ---------------------------------------------------------------------------------- YAML

export function parseYamlDocuments(text: string): unknown[] {
  const docs = parseAllDocuments(text);
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('; '));
    const value = doc.toJS();
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

export function listFiles(dir: string, suffix: string): string[] {
  return readdirSync(join(REPO, dir))
    .filter((f) => f.endsWith(suffix))
    .sort();
}

// ------------------------------------------------------------------- variables never deployed

/**
 * Variables no deployment file may set: API_EXPOSE_ERROR_DETAILS puts internal error messages in
 * responses (a developer's machine only; docs/operations.md).
 */
export const NEVER_DEPLOYED = ['API_EXPOSE_ERROR_DETAILS'];

/** Where a deployment file sets a never-deployed variable: `where: NAME`. */
export function neverDeployedProblems(
  where: string,
  env: Record<string, unknown> | ({ name: string } | string)[] | undefined,
): string[] {
  const names = Array.isArray(env)
    ? env.map((e) => (typeof e === 'string' ? (e.split('=')[0] ?? '') : e.name))
    : Object.keys(env ?? {});
  return names.filter((n) => NEVER_DEPLOYED.includes(n)).map((n) => `${where}: sets ${n}`);
}
