/**
 * Kubernetes manifests: schema validation (kubernetes-models, generated from Kubernetes' OpenAPI
 * schemas) and the properties we rely on, checked across objects.
 */
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';

// biome-ignore lint/suspicious/noExplicitAny: the manifests are checked field by field below
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string }; [key: string]: any };

// biome-ignore lint/suspicious/noExplicitAny: each model's constructor takes its own shape
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/** Schema errors of one object; an unknown apiVersion/kind (or a committed Secret) is an error too. */
export function schemaProblems(object: K8sObject): string[] {
  const key = `${object.apiVersion}/${object.kind}`;
  const where = `${object.kind}/${object.metadata?.name ?? '?'}`;
  if (object.kind === 'Secret') return [`${where}: Secrets are never committed (reference them)`];
  const Model = MODELS[key];
  if (!Model) return [`${where}: unexpected apiVersion/kind ${key}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);

const SECRET_ENV = /PASSWORD|SECRET|TOKEN|DATABASE_URL|SMTP_URL/;

export interface ApiExpectations {
  deployment: string;
  port: number;
  livenessPath: string;
  readinessPath: string;
}

/** Properties across the objects: probes, resources, security, PDB/HPA/Service/NetworkPolicy wiring. */
export function workloadProblems(objects: K8sObject[], api: ApiExpectations): string[] {
  const problems: string[] = [];
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  const workloads = [...of('Deployment'), ...of('Job')];
  const policies = of('NetworkPolicy');

  for (const w of workloads) {
    const where = `${w.kind}/${w.metadata.name}`;
    const pod = w.spec?.template?.spec ?? {};
    const podLabels: Record<string, string> = w.spec?.template?.metadata?.labels ?? {};
    if (pod.securityContext?.runAsNonRoot !== true) problems.push(`${where}: pod without runAsNonRoot`);
    if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') {
      problems.push(`${where}: pod without the RuntimeDefault seccomp profile`);
    }
    if (pod.automountServiceAccountToken !== false) problems.push(`${where}: mounts a service-account token`);
    for (const c of pod.containers ?? []) {
      const cw = `${where} container ${c.name}`;
      const sc = c.securityContext ?? {};
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${cw}: allowPrivilegeEscalation not false`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${cw}: root filesystem writable`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) problems.push(`${cw}: capabilities not dropped`);
      for (const r of ['cpu', 'memory']) {
        if (!c.resources?.requests?.[r]) problems.push(`${cw}: no ${r} request`);
      }
      if (!c.resources?.limits?.memory) problems.push(`${cw}: no memory limit`);
      const image: string = c.image ?? '';
      if (!/:[A-Za-z0-9][\w.-]*$|@sha256:[a-f0-9]{64}$/.test(image) || /:latest$/.test(image)) {
        problems.push(`${cw}: image ${image} has no fixed tag`);
      }
      for (const e of c.env ?? []) {
        if (SECRET_ENV.test(e.name) && e.value !== undefined) {
          problems.push(`${cw}: ${e.name} given as a literal value (use a secretKeyRef)`);
        }
      }
      if (w.kind === 'Deployment') {
        if (!c.livenessProbe) problems.push(`${cw}: no liveness probe`);
        if (!c.readinessProbe) problems.push(`${cw}: no readiness probe`);
      }
    }
    if (!policies.some((p) => matches(p.spec?.podSelector?.matchLabels, podLabels) || isSelectAll(p))) {
      problems.push(`${where}: no NetworkPolicy selects its pods`);
    }
  }
  if (
    !policies.some(
      (p) => isSelectAll(p) && hasTypes(p, ['Ingress', 'Egress']) && !p.spec.ingress && !p.spec.egress,
    )
  ) {
    problems.push('no default-deny NetworkPolicy (ingress and egress) for the namespace');
  }

  // The API: probes on the container port, at the paths the server answers.
  const deployment = of('Deployment').find((d) => d.metadata.name === api.deployment);
  if (!deployment) {
    problems.push(`Deployment/${api.deployment} missing`);
    return problems;
  }
  const container = deployment.spec.template.spec.containers[0];
  const named: Record<string, number> = Object.fromEntries(
    (container.ports ?? []).map((p: { name?: string; containerPort: number }) => [p.name, p.containerPort]),
  );
  const probePort = (probe: { httpGet?: { port: number | string } } | undefined) =>
    typeof probe?.httpGet?.port === 'string' ? named[probe.httpGet.port] : probe?.httpGet?.port;
  for (const [probe, path] of [
    ['livenessProbe', api.livenessPath],
    ['readinessProbe', api.readinessPath],
  ] as const) {
    if (container[probe]?.httpGet?.path !== path) problems.push(`${probe} does not ask ${path}`);
    if (probePort(container[probe]) !== api.port) problems.push(`${probe} does not ask port ${api.port}`);
  }
  const envPort = container.env?.find((e: { name: string }) => e.name === 'API_PORT')?.value;
  if (Number(envPort) !== api.port)
    problems.push(`API_PORT (${envPort}) is not the container port ${api.port}`);
  const podLabels = deployment.spec.template.metadata.labels;
  if (!matches(deployment.spec.selector.matchLabels, podLabels))
    problems.push('Deployment selector misses its pods');

  const pdb = of('PodDisruptionBudget').find((p) => matches(p.spec?.selector?.matchLabels, podLabels));
  const hpa = of('HorizontalPodAutoscaler').find(
    (h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === api.deployment,
  );
  if (!pdb) problems.push(`no PodDisruptionBudget selects ${api.deployment}`);
  if (!hpa) problems.push(`no HorizontalPodAutoscaler scales ${api.deployment}`);
  if (pdb && hpa) {
    const minAvailable = typeof pdb.spec.minAvailable === 'number' ? pdb.spec.minAvailable : null;
    if (minAvailable === null && pdb.spec.maxUnavailable === undefined) problems.push('PDB sets no budget');
    if (minAvailable !== null && (hpa.spec.minReplicas ?? 1) <= minAvailable) {
      problems.push('HPA minReplicas ≤ PDB minAvailable: a node drain could never evict a replica');
    }
    if (hpa.spec.maxReplicas < (hpa.spec.minReplicas ?? 1)) problems.push('HPA maxReplicas < minReplicas');
  }
  const service = of('Service').find((s) => matches(s.spec?.selector, podLabels));
  if (!service) problems.push(`no Service selects ${api.deployment}`);
  else {
    for (const p of service.spec.ports) {
      const target = typeof p.targetPort === 'string' ? named[p.targetPort] : p.targetPort;
      if (target !== api.port)
        problems.push(`Service port ${p.name} targets ${p.targetPort}, not ${api.port}`);
    }
  }
  const apiPolicy = policies.find((p) => matches(p.spec?.podSelector?.matchLabels, podLabels));
  const ingressPorts = (apiPolicy?.spec?.ingress ?? []).flatMap((r: { ports?: { port: number }[] }) =>
    (r.ports ?? []).map((p) => p.port),
  );
  if (!ingressPorts.includes(api.port))
    problems.push(`the API's NetworkPolicy does not admit port ${api.port}`);
  return problems;
}

function isSelectAll(p: K8sObject) {
  return p.spec?.podSelector && Object.keys(p.spec.podSelector).length === 0;
}
function hasTypes(p: K8sObject, types: string[]) {
  return types.every((t) => (p.spec?.policyTypes ?? []).includes(t));
}

/** Every secret a workload references, as `name/key`. */
export function secretReferences(objects: K8sObject[]): string[] {
  const refs = new Set<string>();
  for (const w of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
    for (const c of w.spec.template.spec.containers) {
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) refs.add(`${ref.name}/${ref.key}`);
      }
    }
  }
  return [...refs].sort();
}

export interface MetricsExpectations {
  deployment: string;
  /** The API's public port. */
  port: number;
  /** The port /metrics is served on (API_METRICS_PORT). */
  metricsPort: number;
  /** The only namespace that may reach the metrics port. */
  monitoringNamespace: string;
}

/**
 * Metrics on a port of their own: API_METRICS_PORT is a container port other than the API's,
 * bound beyond loopback (Prometheus scrapes the pod), named in the scrape annotation; no Service
 * publishes it; the API's NetworkPolicy admits it from the monitoring namespace only, and admits
 * the monitoring namespace to nothing else.
 */
export function metricsProblems(objects: K8sObject[], m: MetricsExpectations): string[] {
  const problems: string[] = [];
  const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === m.deployment);
  if (!deployment) return [`Deployment/${m.deployment} missing`];
  const container = deployment.spec.template.spec.containers[0];
  const env = (name: string) => container.env?.find((e: { name: string }) => e.name === name)?.value;
  if (env('API_METRICS') === 'off') return problems;
  if (Number(env('API_METRICS_PORT')) !== m.metricsPort)
    problems.push(`API_METRICS_PORT (${env('API_METRICS_PORT')}) is not ${m.metricsPort}`);
  if (m.metricsPort === m.port) problems.push('metrics on the public port');
  if (env('API_METRICS_HOST') !== '0.0.0.0')
    problems.push('API_METRICS_HOST is not 0.0.0.0: Prometheus could not scrape the pod');
  const ports: { containerPort: number }[] = container.ports ?? [];
  if (!ports.some((p) => p.containerPort === m.metricsPort))
    problems.push(`container port ${m.metricsPort} (metrics) not declared`);
  const annotations = deployment.spec.template.metadata.annotations ?? {};
  if (Number(annotations['prometheus.io/port']) !== m.metricsPort)
    problems.push(`prometheus.io/port (${annotations['prometheus.io/port']}) is not the metrics port`);
  const podLabels = deployment.spec.template.metadata.labels;
  const named: Record<string, number> = Object.fromEntries(
    (container.ports ?? []).map((p: { name?: string; containerPort: number }) => [p.name, p.containerPort]),
  );
  for (const s of objects.filter((o) => o.kind === 'Service' && matches(o.spec?.selector, podLabels))) {
    for (const p of s.spec.ports ?? []) {
      const target = typeof p.targetPort === 'string' ? named[p.targetPort] : (p.targetPort ?? p.port);
      if (target === m.metricsPort) problems.push(`Service/${s.metadata.name} publishes the metrics port`);
    }
  }
  const monitoring = (peer: { namespaceSelector?: { matchLabels?: Record<string, string> } }) =>
    peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === m.monitoringNamespace;
  for (const policy of objects.filter(
    (o) => o.kind === 'NetworkPolicy' && matches(o.spec?.podSelector?.matchLabels, podLabels),
  )) {
    for (const rule of policy.spec.ingress ?? []) {
      const ports: number[] = (rule.ports ?? []).map((p: { port: number }) => p.port);
      const from: { namespaceSelector?: { matchLabels?: Record<string, string> } }[] = rule.from ?? [];
      const metricsRule = ports.length === 0 || ports.includes(m.metricsPort);
      if (metricsRule && (from.length === 0 || from.some((peer) => !monitoring(peer))))
        problems.push(
          `NetworkPolicy/${policy.metadata.name} admits others than ${m.monitoringNamespace} to the metrics port`,
        );
      if (from.some(monitoring) && (ports.length === 0 || ports.some((p) => p !== m.metricsPort)))
        problems.push(
          `NetworkPolicy/${policy.metadata.name} admits ${m.monitoringNamespace} to more than the metrics port`,
        );
    }
  }
  return problems;
}
