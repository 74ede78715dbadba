import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkDockerfile,
  finalEnv,
  INFRA,
  listFiles,
  neverDeployedProblems,
  parseYamlDocuments,
  REPO,
  read,
} from './checks.js';
import { composeReferenceProblems, composeSchemaProblems } from './compose-checks.js';
import {
  type K8sObject,
  metricsProblems,
  schemaProblems,
  secretReferences,
  workloadProblems,
} from './k8s-checks.js';

const API_PORT = 4100;
const apiDockerfile = read('infra/docker/api.Dockerfile');
const adminDockerfile = read('infra/docker/admin.Dockerfile');
const devOidcDockerfile = read('infra/docker/dev-oidc.Dockerfile');
const API = { port: API_PORT, healthPath: '/healthz', entryFiles: ['apps/api/src/serve.ts'] };
const ADMIN = { port: 8080, healthPath: '/healthz' };

describe('the API answers the paths the probes ask', () => {
  const server = read('apps/api/src/server.ts');
  it.each(['/healthz', '/readyz'])('%s', (path) => {
    expect(server).toContain(`app.get('${path}'`);
  });
  it('the admin nginx compresses JavaScript, CSS, JSON and SVG (its default is off; docs/adr/0021)', () => {
    const conf = read('infra/docker/admin-nginx.conf.template');
    expect(conf).toMatch(/^gzip on;$/m);
    const types = conf.match(/^gzip_types ([^;]+);$/m)?.[1]?.split(/\s+/) ?? [];
    expect(types).toEqual(
      expect.arrayContaining(['application/javascript', 'text/css', 'application/json', 'image/svg+xml']),
    );
    // gzip_static serves the build's .gz files; config.json (mounted per environment) has none.
    expect(conf).toMatch(/^gzip_static on;$/m);
    const dockerfile = read('infra/docker/admin.Dockerfile');
    expect(dockerfile).toMatch(/-exec gzip -9 -k/);
    expect(dockerfile).not.toMatch(/-name '\*\.json'/);
  });
  it('the admin nginx answers /healthz on 8080', () => {
    const conf = read('infra/docker/admin-nginx.conf.template');
    expect(conf).toMatch(/listen 8080;[\s\S]*location = \/healthz/);
  });
});

describe('Dockerfiles', () => {
  it('the API image: multi-stage, pinned bases, non-root, health check on /healthz', () => {
    expect(checkDockerfile(apiDockerfile, API)).toEqual([]);
    const env = finalEnv(apiDockerfile);
    expect(env.API_PORT).toBe(String(API_PORT));
    expect(env.API_HOST).toBe('0.0.0.0');
    expect(env.NODE_ENV).toBe('production');
  });
  it('the API image enforces the trusted documents: the manifest it names is copied into it (ADR 0023)', () => {
    const env = finalEnv(apiDockerfile);
    expect(env.API_TRUSTED_DOCUMENTS).toBe('/app/apps/api/trusted-documents.json');
    // apps/api is copied whole into /app/apps/api, and the manifest is in the repository.
    expect(apiDockerfile).toMatch(/^COPY --from=build \/src\/apps\/api \/app\/apps\/api$/m);
    const manifest = JSON.parse(read('apps/api/trusted-documents.json')) as { documents: object };
    expect(Object.keys(manifest.documents).length).toBeGreaterThan(20);
    // Nothing turns the enforcement off in production.
    expect(env.API_TRUSTED_DOCUMENTS_ONLY).toBeUndefined();
    expect(read('infra/k8s/api.yaml')).not.toMatch(/API_TRUSTED_DOCUMENTS_ONLY/);
  });
  it('the admin image: multi-stage, pinned bases, non-root, health check', () => {
    expect(checkDockerfile(adminDockerfile, ADMIN)).toEqual([]);
  });
  it('the development OIDC provider has an image of its own; the API image holds none of it', () => {
    expect(
      checkDockerfile(devOidcDockerfile, { port: 4010, healthPath: '/.well-known/openid-configuration' }),
    ).toEqual([]);
    expect(apiDockerfile).not.toMatch(/^COPY .*dev-oidc/m);
    expect(read('apps/api/package.json')).not.toMatch(/@ips\/dev-oidc/);
  });
  it('each has a .dockerignore that keeps local data, secrets and modules out', () => {
    for (const name of ['api', 'admin', 'dev-oidc']) {
      const ignore = read(`infra/docker/${name}.Dockerfile.dockerignore`).split('\n');
      for (const entry of ['**/node_modules', '.data', '.env', '.git']) expect(ignore).toContain(entry);
    }
  });

  // The checks themselves: a broken copy must be caught.
  const broken: [string, (text: string) => string, RegExp][] = [
    ['runs as root', (t) => t.replace('USER 1000:1000', 'USER root'), /runs as root/],
    ['has no USER', (t) => t.replace('USER 1000:1000\n', ''), /no USER/],
    [
      'a floating base image',
      (t) => t.replace('node:22.12.0-bookworm-slim AS runtime', 'node:22 AS runtime'),
      /not pinned/,
    ],
    ['latest', (t) => t.replace('node:22.12.0-bookworm-slim AS build', 'node:latest AS build'), /not pinned/],
    ['one stage', (t) => t.slice(t.indexOf('FROM node:22.12.0-bookworm-slim AS runtime')), /multi-stage/],
    ['no health check', (t) => t.replace(/HEALTHCHECK[^\n]*\\\n[^\n]*\n/, ''), /no HEALTHCHECK/],
    ['health check elsewhere', (t) => t.replace('4100/healthz', '4100/health'), /does not ask/],
    ['another port', (t) => t.replace('EXPOSE 4100', 'EXPOSE 8080'), /EXPOSE 4100/],
    ['a baked-in secret', (t) => t.replace('TZ=UTC', 'TZ=UTC APP_DB_PASSWORD=x'), /secret/],
    ['a missing entry file', (t) => t, /entry file/],
    ['a copied file that does not exist', (t) => t.replace('COPY . .', 'COPY nope.txt .'), /nope\.txt/],
  ];
  it.each(broken)('catches an API Dockerfile that %s', (name, mutate, problem) => {
    const expectations =
      name === 'a missing entry file' ? { ...API, entryFiles: ['apps/api/src/nope.ts'] } : API;
    expect(checkDockerfile(mutate(apiDockerfile), expectations).join('\n')).toMatch(problem);
  });
});

describe('compose file', () => {
  const text = readFileSync(join(INFRA, 'compose.yaml'), 'utf8');
  const compose = parse(text);
  const expectations = { service: 'api', port: API_PORT, apiImageWorkdir: '/app/apps/api' };
  it('is valid against the Compose Specification', () => {
    expect(composeSchemaProblems(compose)).toEqual([]);
  });
  it('has PostgreSQL, the API, the admin and the development OIDC provider', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['admin', 'api', 'dev-oidc', 'migrate', 'postgres']);
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+\.\d+/);
  });
  it('references only what exists: services, volumes, Dockerfiles, entry files; loopback ports', () => {
    expect(composeReferenceProblems(compose, INFRA, expectations)).toEqual([]);
  });
  const broken: [string, (c: ReturnType<typeof parse>) => void, RegExp][] = [
    [
      'an unknown dependency',
      (c) => {
        c.services.api.depends_on = { nope: { condition: 'service_started' } };
      },
      /unknown service nope/,
    ],
    [
      'a port on every interface',
      (c) => {
        c.services.api.ports[0] = '4100:4100';
      },
      /not bound to loopback/,
    ],
    [
      'an undeclared volume',
      (c) => {
        c.volumes = {};
      },
      /not declared/,
    ],
    [
      'a missing Dockerfile',
      (c) => {
        c.services.admin.build.dockerfile = 'infra/docker/nope.Dockerfile';
      },
      /not found/,
    ],
    [
      'a healthy-wait on a service without healthcheck',
      (c) => {
        delete c.services.postgres.healthcheck;
      },
      /no healthcheck/,
    ],
    [
      'a missing script',
      (c) => {
        c.services.migrate.command[3] = 'packages/db/scripts/nope.ts';
      },
      /does not exist/,
    ],
    [
      'another API port',
      (c) => {
        c.services.api.environment.API_PORT = '4200';
      },
      /API_PORT/,
    ],
  ];
  it.each(broken)('catches %s', (_name, mutate, problem) => {
    const copy = structuredClone(compose);
    mutate(copy);
    expect(composeReferenceProblems(copy, INFRA, expectations).join('\n')).toMatch(problem);
  });
  it('catches a schema violation', () => {
    const copy = structuredClone(compose);
    copy.services.api.restart = 42;
    copy.services.api.unknown_key = true;
    expect(composeSchemaProblems(copy).length).toBeGreaterThan(0);
  });
});

describe('Kubernetes manifests', () => {
  const files = listFiles('infra/k8s', '.yaml').filter((f) => f !== 'kustomization.yaml');
  const objects = files.flatMap((f) => parseYamlDocuments(read(`infra/k8s/${f}`)) as K8sObject[]);
  const apiExpectations = {
    deployment: 'ips-api',
    port: API_PORT,
    livenessPath: '/healthz',
    readinessPath: '/readyz',
  };

  it('the kustomization lists every manifest, and only those', () => {
    const kustomization = parse(read('infra/k8s/kustomization.yaml'));
    expect([...kustomization.resources].sort()).toEqual(files);
  });
  it('every object is valid against the Kubernetes schema', () => {
    expect(objects.length).toBeGreaterThanOrEqual(10);
    expect(objects.flatMap(schemaProblems)).toEqual([]);
  });
  it('has the API Deployment, PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy', () => {
    const kinds = new Set(objects.map((o) => o.kind));
    for (const kind of [
      'Deployment',
      'PodDisruptionBudget',
      'HorizontalPodAutoscaler',
      'NetworkPolicy',
      'Service',
    ]) {
      expect(kinds).toContain(kind);
    }
  });
  it('probes, resources, non-root, wiring between the objects', () => {
    expect(workloadProblems(objects, apiExpectations)).toEqual([]);
  });
  it('every referenced Secret is documented in docs/operations.md, and none is committed', () => {
    const refs = secretReferences(objects);
    expect(refs).toEqual([
      'ips-api-database/app-database-url',
      'ips-api-database/app-password',
      'ips-api-smtp/smtp-url',
      'ips-migrate-database/database-url',
    ]);
    const docs = read('docs/operations.md');
    for (const ref of refs) expect(docs).toContain(ref);
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
  });
  it('the migration Job runs the API image', () => {
    const image = (kind: string) =>
      objects.find((o) => o.kind === kind && ['ips-api', 'ips-migrate'].includes(o.metadata.name))?.spec
        .template.spec.containers[0].image;
    expect(image('Job')).toBe(image('Deployment'));
  });

  const api = () => structuredClone(objects) as K8sObject[];
  const deployment = (os: K8sObject[]) =>
    os.find((o) => o.kind === 'Deployment' && o.metadata.name === 'ips-api') as K8sObject;
  const container = (os: K8sObject[]) => deployment(os).spec.template.spec.containers[0];
  const broken: [string, (os: K8sObject[]) => void, RegExp][] = [
    [
      'no readiness probe',
      (os) => {
        delete container(os).readinessProbe;
      },
      /readinessProbe does not ask/,
    ],
    [
      'liveness on the wrong path',
      (os) => {
        container(os).livenessProbe.httpGet.path = '/';
      },
      /livenessProbe does not ask \/healthz/,
    ],
    [
      'no memory limit',
      (os) => {
        delete container(os).resources.limits.memory;
      },
      /no memory limit/,
    ],
    [
      'root allowed',
      (os) => {
        delete deployment(os).spec.template.spec.securityContext.runAsNonRoot;
      },
      /runAsNonRoot/,
    ],
    [
      'a literal database URL',
      (os) => {
        container(os).env.push({ name: 'APP_DATABASE_URL', value: 'postgres://x' });
      },
      /literal value/,
    ],
    [
      'an HPA at one replica',
      (os) => {
        (
          os.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === 'ips-api') as K8sObject
        ).spec.minReplicas = 1;
      },
      /drain/,
    ],
    [
      'a PDB for other pods',
      (os) => {
        (
          os.find((o) => o.kind === 'PodDisruptionBudget' && o.metadata.name === 'ips-api') as K8sObject
        ).spec.selector.matchLabels = { app: 'x' };
      },
      /no PodDisruptionBudget/,
    ],
    [
      'no default deny',
      (os) => {
        os.splice(
          os.findIndex((o) => o.metadata.name === 'default-deny'),
          1,
        );
      },
      /default-deny/,
    ],
    [
      'a latest image',
      (os) => {
        container(os).image = 'registry.example.org/ips/api:latest';
      },
      /no fixed tag/,
    ],
    [
      'a Service on another port',
      (os) => {
        (
          os.find((o) => o.kind === 'Service' && o.metadata.name === 'ips-api') as K8sObject
        ).spec.ports[0].targetPort = 8080;
      },
      /targets 8080/,
    ],
  ];
  it.each(broken)('catches %s', (_name, mutate, problem) => {
    const copy = api();
    mutate(copy);
    expect(workloadProblems(copy, apiExpectations).join('\n')).toMatch(problem);
  });
  it('catches a schema violation and a committed Secret', () => {
    const copy = api();
    container(copy).ports[0].containerPort = 'http';
    expect(copy.flatMap(schemaProblems).join('\n')).toMatch(/containerPort must be integer/);
    expect(schemaProblems({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } })).toHaveLength(1);
  });
});

describe('metrics: a port of their own, for the monitoring namespace only', () => {
  const objects = listFiles('infra/k8s', '.yaml')
    .filter((f) => f !== 'kustomization.yaml')
    .flatMap((f) => parseYamlDocuments(read(`infra/k8s/${f}`)) as K8sObject[]);
  const expectations = {
    deployment: 'ips-api',
    port: API_PORT,
    metricsPort: 9464,
    monitoringNamespace: 'monitoring',
  };
  const deployment = (os: K8sObject[]) =>
    os.find((o) => o.kind === 'Deployment' && o.metadata.name === 'ips-api') as K8sObject;
  const apiPolicy = (os: K8sObject[]) =>
    os.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'ips-api') as K8sObject;

  it('the Deployment, its annotations, the Service and the NetworkPolicy agree', () => {
    expect(metricsProblems(objects, expectations)).toEqual([]);
  });
  it('the server serves /metrics on the metrics app only', () => {
    const server = read('apps/api/src/server.ts');
    expect(server).toContain("metricsApp.get('/metrics'");
    expect(server).not.toContain("app.get('/metrics'");
  });
  const broken: [string, (os: K8sObject[]) => void, RegExp][] = [
    [
      'a scrape annotation on the public port',
      (os) => {
        deployment(os).spec.template.metadata.annotations['prometheus.io/port'] = '4100';
      },
      /prometheus\.io\/port/,
    ],
    [
      'metrics on the public port',
      (os) => {
        const env = deployment(os).spec.template.spec.containers[0].env;
        env.find((e: { name: string }) => e.name === 'API_METRICS_PORT').value = '4100';
      },
      /API_METRICS_PORT/,
    ],
    [
      'metrics bound to loopback',
      (os) => {
        const env = deployment(os).spec.template.spec.containers[0].env;
        env.splice(
          env.findIndex((e: { name: string }) => e.name === 'API_METRICS_HOST'),
          1,
        );
      },
      /API_METRICS_HOST/,
    ],
    [
      'a Service that publishes the metrics port',
      (os) => {
        (os.find((o) => o.kind === 'Service' && o.metadata.name === 'ips-api') as K8sObject).spec.ports.push({
          name: 'metrics',
          port: 9464,
          targetPort: 'metrics',
        });
      },
      /publishes the metrics port/,
    ],
    [
      'the ingress controller admitted to the metrics port',
      (os) => {
        apiPolicy(os).spec.ingress[0].ports.push({ protocol: 'TCP', port: 9464 });
      },
      /admits others than monitoring/,
    ],
    [
      'the monitoring namespace admitted to the public port',
      (os) => {
        apiPolicy(os).spec.ingress[1].ports.push({ protocol: 'TCP', port: 4100 });
      },
      /admits monitoring to more than the metrics port/,
    ],
  ];
  it.each(broken)('catches %s', (_name, mutate, problem) => {
    const copy = structuredClone(objects);
    mutate(copy);
    expect(metricsProblems(copy, expectations).join('\n')).toMatch(problem);
  });
});

describe('API_EXPOSE_ERROR_DETAILS is never set by a deployment file', () => {
  const objects = listFiles('infra/k8s', '.yaml')
    .filter((f) => f !== 'kustomization.yaml')
    .flatMap((f) => parseYamlDocuments(read(`infra/k8s/${f}`)) as K8sObject[]);
  const compose = parse(readFileSync(join(INFRA, 'compose.yaml'), 'utf8'));
  const all = (os: K8sObject[], c: typeof compose, dockerfiles: Record<string, string>) => [
    ...os.flatMap((o) => [
      ...(o.kind === 'ConfigMap' ? neverDeployedProblems(`ConfigMap/${o.metadata.name}`, o.data) : []),
      ...(o.spec?.template?.spec?.containers ?? []).flatMap(
        (ct: { name: string; env?: { name: string }[] }) =>
          neverDeployedProblems(`${o.kind}/${o.metadata.name} container ${ct.name}`, ct.env),
      ),
    ]),
    ...Object.entries(c.services as Record<string, { environment?: Record<string, string> }>).flatMap(
      ([name, s]) => neverDeployedProblems(`compose service ${name}`, s.environment),
    ),
    ...Object.entries(dockerfiles).flatMap(([name, text]) => neverDeployedProblems(name, finalEnv(text))),
  ];
  const dockerfiles = {
    'api.Dockerfile': apiDockerfile,
    'admin.Dockerfile': adminDockerfile,
    'dev-oidc.Dockerfile': devOidcDockerfile,
  };

  it('not in the Kubernetes manifests, the compose file or the images', () => {
    expect(all(objects, compose, dockerfiles)).toEqual([]);
  });
  it('catches it in a container, a ConfigMap, a compose service (map or list) and an image', () => {
    const os = structuredClone(objects);
    const api = os.find((o) => o.kind === 'Deployment' && o.metadata.name === 'ips-api') as K8sObject;
    api.spec.template.spec.containers[0].env.push({ name: 'API_EXPOSE_ERROR_DETAILS', value: 'on' });
    os.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'debug' },
      data: { API_EXPOSE_ERROR_DETAILS: 'on' },
    });
    const c = structuredClone(compose);
    c.services.api.environment.API_EXPOSE_ERROR_DETAILS = 'on';
    c.services['dev-oidc'].environment = ['API_EXPOSE_ERROR_DETAILS=on'];
    const problems = all(os, c, {
      'api.Dockerfile': apiDockerfile.replace('TZ=UTC', 'TZ=UTC API_EXPOSE_ERROR_DETAILS=on'),
    });
    expect(problems).toEqual([
      'Deployment/ips-api container api: sets API_EXPOSE_ERROR_DETAILS',
      'ConfigMap/debug: sets API_EXPOSE_ERROR_DETAILS',
      'compose service api: sets API_EXPOSE_ERROR_DETAILS',
      'compose service dev-oidc: sets API_EXPOSE_ERROR_DETAILS',
      'api.Dockerfile: sets API_EXPOSE_ERROR_DETAILS',
    ]);
  });
});

describe('database roles', () => {
  it('infra/db/roles.sql creates the owner and the runtime role without superuser or BYPASSRLS', () => {
    const sql = read('infra/db/roles.sql');
    expect(sql).toMatch(/CREATE ROLE ips_owner NOLOGIN BYPASSRLS/);
    expect(sql).toMatch(/CREATE ROLE ips_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE/);
    expect(REPO).toBeTruthy();
  });
});
