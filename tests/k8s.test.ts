// deploy/k8s (kustomize base and production overlay) checked without a cluster: every rendered
// manifest against the Kubernetes API's JSON schemas (kubernetes-models), then against the
// code: each service's environment must satisfy its own config loader in production, and
// ports, probes, images, Service names and secrets must agree with it. The schemas accept
// unknown fields, so the fields the graph relies on (probes, ports...) are asserted by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, poolOptions } from '@grahvani/shared';
import { loadConfig as loadGatewayConfig } from '../gateway/src/config.ts';
import { builtEntry } from '../scripts/lib/buildEntries.ts';
import { loadStackConfig } from '../scripts/lib/config.ts';
import { resolveServiceUrls } from '../scripts/lib/database.ts';
import { loadConfig as loadAuthConfig } from '../subgraphs/auth/src/config.ts';
import { loadConfig as loadClientsConfig } from '../subgraphs/clients/src/config.ts';
import { loadConfig as loadUsersConfig } from '../subgraphs/users/src/config.ts';
import { K8S_DIR, kustomize, readManifests, type Manifest } from './helpers/kustomize.ts';

interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: unknown): { validate(): void };
}
const models = new Map<string, ModelClass>();
for (const group of [core, apps, batch, autoscaling, policy]) {
  for (const value of Object.values(group) as unknown[]) {
    const model = value as Partial<ModelClass>;
    if (typeof value === 'function' && model.apiVersion && model.kind) {
      models.set(`${model.apiVersion}/${model.kind}`, value as ModelClass);
    }
  }
}

type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
  };
};
type Probe = { httpGet?: { path: string; port: string | number }; tcpSocket?: { port: string } };
type Container = {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { limits?: { cpu?: string; memory?: string } };
  securityContext?: { allowPrivilegeEscalation?: boolean };
};
type PodSpec = {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
};
type Workload = Manifest & { spec: { template: { spec: PodSpec } } };
type ServiceManifest = Manifest & {
  spec: { ports: { port: number; targetPort: string | number }[] };
};

const SERVICES = ['auth', 'users', 'clients', 'gateway'] as const;
const ENTRY = {
  auth: 'subgraphs/auth/src/index.ts',
  users: 'subgraphs/users/src/index.ts',
  clients: 'subgraphs/clients/src/index.ts',
  gateway: 'gateway/src/index.ts',
};
const SECRET = readManifests(join(K8S_DIR, 'base', 'secrets.example.yaml'))[0] as Manifest & {
  stringData: Record<string, string>;
};
const GATEWAY_SECRET_VALUE = 'd'.repeat(64);

const renderings = {
  base: { manifests: kustomize(join(K8S_DIR, 'base')), image: 'grahvani/graph' },
  production: {
    manifests: kustomize(join(K8S_DIR, 'overlays', 'production')),
    image: 'registry.example.com/grahvani/graph:1.0.0',
  },
};

const find = <T extends Manifest>(manifests: Manifest[], kind: string, name: string): T => {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found as T;
};
const container = (workload: Workload): Container => {
  const [first] = workload.spec.template.spec.containers;
  if (!first) throw new Error(`${workload.metadata.name} has no container`);
  return first;
};

describe('deploy/k8s', () => {
  let secretValues: Record<string, string>;
  beforeAll(async () => {
    // Placeholders the loaders would rightly refuse are replaced by valid values of the same key.
    secretValues = {
      ...SECRET.stringData,
      JWT_PRIVATE_KEYS: JSON.stringify([await generateSigningKey()]),
      GATEWAY_SECRET: GATEWAY_SECRET_VALUE,
    };
  });

  /** A container's environment as Kubernetes would give it (envFrom, then env). */
  const envOf = (manifests: Manifest[], workload: Workload): Record<string, string> => {
    const configMap = (name: string) =>
      find<Manifest & { data: Record<string, string> }>(manifests, 'ConfigMap', name).data;
    const c = container(workload);
    const env: Record<string, string> = {};
    for (const from of c.envFrom ?? [])
      Object.assign(env, configMap(from.configMapRef?.name ?? ''));
    for (const { name, value, valueFrom } of c.env ?? []) {
      if (value !== undefined) env[name] = value;
      else if (valueFrom?.configMapKeyRef) {
        const ref = valueFrom.configMapKeyRef;
        const data = configMap(ref.name);
        expect(data, `${name}: key ${ref.key} of ConfigMap ${ref.name}`).toHaveProperty(ref.key);
        env[name] = data[ref.key] ?? '';
      } else if (valueFrom?.secretKeyRef) {
        const ref = valueFrom.secretKeyRef;
        expect(ref.name, name).toBe(SECRET.metadata.name);
        expect(SECRET.stringData, `${name}: key ${ref.key} of the Secret`).toHaveProperty(ref.key);
        env[name] = secretValues[ref.key] ?? '';
      } else throw new Error(`${name}: unsupported env source`);
    }
    return env;
  };

  it('validates every manifest against the Kubernetes API schemas', () => {
    const all = [...renderings.base.manifests, ...renderings.production.manifests, SECRET];
    for (const manifest of all) {
      const model = models.get(`${manifest.apiVersion}/${manifest.kind}`);
      expect(model, `${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(() => new model!(manifest).validate(), manifest.metadata.name).not.toThrow();
    }
    const count = (kind: string) => renderings.base.manifests.filter((m) => m.kind === kind);
    expect(count('Deployment').map((m) => m.metadata.name)).toEqual(
      expect.arrayContaining([...SERVICES, 'pgbouncer']),
    );
    expect(count('Service')).toHaveLength(5);
    expect(count('Job')).toHaveLength(1);
    expect(count('HorizontalPodAutoscaler')).toHaveLength(4);
    expect(count('PodDisruptionBudget')).toHaveLength(5);
    // The schemas really are applied: a wrong type is refused.
    const broken = structuredClone(find<Workload>(renderings.base.manifests, 'Deployment', 'auth'));
    (container(broken).ports as unknown as { containerPort: string }[])[0]!.containerPort = 'http';
    expect(() => new apps.Deployment(broken as never).validate()).toThrow();
  });

  describe.each(Object.entries(renderings))('%s', (overlay, { manifests, image }) => {
    it('configures each service in production from its ConfigMap and Secret', async () => {
      const configs = {
        auth: await loadAuthConfig(envOf(manifests, find(manifests, 'Deployment', 'auth'))),
        users: loadUsersConfig(envOf(manifests, find(manifests, 'Deployment', 'users'))),
        clients: loadClientsConfig(envOf(manifests, find(manifests, 'Deployment', 'clients'))),
        gateway: loadGatewayConfig(envOf(manifests, find(manifests, 'Deployment', 'gateway'))),
      };
      for (const name of SERVICES) {
        const config = configs[name];
        expect(config.env, name).toBe('production');
        expect(config.host, name).toBe('0.0.0.0');
        const workload = find<Workload>(manifests, 'Deployment', name);
        const c = container(workload);
        expect(c.image, name).toBe(image);
        // The service as `npm run build` bundles it (no TypeScript loader in production).
        expect(c.command, name).toEqual(['node', builtEntry(ENTRY[name])]);
        // The port the loader listens on is the container's, the Service's and the probes'.
        expect(c.ports, name).toEqual([{ name: 'http', containerPort: config.port }]);
        const service = find<ServiceManifest>(manifests, 'Service', name);
        expect(service.spec.ports, name).toEqual([
          { name: 'http', port: config.port, targetPort: 'http' },
        ]);
        expect(c.readinessProbe?.httpGet, name).toEqual({ path: '/ready', port: 'http' });
        expect(c.livenessProbe?.httpGet, name).toEqual({ path: '/health', port: 'http' });
        const secret = 'boundary' in config ? config.boundary.gatewaySecret : config.gatewaySecret;
        expect(secret, name).toBe(GATEWAY_SECRET_VALUE);
      }
      // The gateway reaches the subgraphs, and they the auth service's keys, by Service name.
      const port = (name: string) => find<ServiceManifest>(manifests, 'Service', name).spec.ports;
      expect(configs.gateway.subgraphUrls).toEqual({
        auth: `http://auth:${port('auth')[0]?.port}/graphql`,
        users: `http://users:${port('users')[0]?.port}/graphql`,
        clients: `http://clients:${port('clients')[0]?.port}/graphql`,
      });
      for (const name of ['users', 'clients', 'gateway'] as const) {
        expect(configs[name].tokens.jwksUrl).toBe(
          `http://auth:${configs.auth.port}/.well-known/jwks.json`,
        );
      }
      // Queries through the PgBouncer Service, LISTEN straight to PostgreSQL, same role.
      const bouncer = find<ServiceManifest>(manifests, 'Service', 'pgbouncer').spec.ports[0];
      const pgbouncerEnv = envOf(manifests, find(manifests, 'Deployment', 'pgbouncer'));
      for (const name of ['auth', 'users', 'clients'] as const) {
        const pooled = new URL(configs[name].databaseUrl);
        const direct = new URL(configs[name].directDatabaseUrl);
        expect(`${pooled.hostname}:${pooled.port}`, name).toBe(`pgbouncer:${bouncer?.port}`);
        expect(`${direct.hostname}:${direct.port}`, name).toBe(
          `${pgbouncerEnv.POSTGRES_HOST}:${pgbouncerEnv.POSTGRES_PORT}`,
        );
        expect(direct.username, name).toBe(pooled.username);
        expect(pooled.pathname, name).toBe(`/${pgbouncerEnv.POSTGRES_DB}`);
        // PgBouncer logs in as the role with the password the service uses.
        expect(pgbouncerEnv[`${name.toUpperCase()}_DB_PASSWORD`], name).toBe(pooled.password);
        expect(poolOptions(configs[name]).pooled, name).toBe(true);
      }
    });

    it('migrates as the owner, straight to PostgreSQL, with the script npm run db:migrate runs', () => {
      const job = find<Workload>(manifests, 'Job', 'grahvani-migrate');
      const c = container(job);
      expect(c.image).toBe(image);
      const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Json })
        .scripts;
      expect(scripts['db:migrate']).toBe(`tsx ${c.command?.at(-1)}`);
      expect(c.command?.slice(0, 3)).toEqual(['node', '--import', 'tsx']);
      const config = loadStackConfig(envOf(manifests, job));
      expect(config.env).toBe('production');
      const owner = new URL(config.databaseUrl ?? '');
      const pgbouncerEnv = envOf(manifests, find(manifests, 'Deployment', 'pgbouncer'));
      expect(owner.hostname).toBe(pgbouncerEnv.POSTGRES_HOST);
      const urls = resolveServiceUrls(owner.toString(), config.serviceUrls, config.env);
      expect(Object.values(urls).map((u) => new URL(u).username)).toEqual([
        'auth_svc',
        'users_svc',
        'clients_svc',
      ]);
    });

    it('autoscales the gateway and the subgraphs', () => {
      for (const name of SERVICES) {
        const hpa = find<
          Manifest & {
            spec: {
              scaleTargetRef: { kind: string; name: string };
              minReplicas: number;
              maxReplicas: number;
            };
          }
        >(manifests, 'HorizontalPodAutoscaler', name);
        expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name });
        find(manifests, 'Deployment', hpa.spec.scaleTargetRef.name);
        expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
        expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      }
    });

    it('keeps a replica of every Deployment through node drains', () => {
      for (const deployment of manifests.filter((m) => m.kind === 'Deployment')) {
        const name = deployment.metadata.name;
        const pdb = find<
          Manifest & { spec: { maxUnavailable: number; selector: { matchLabels: Json } } }
        >(manifests, 'PodDisruptionBudget', name);
        const labels = (
          deployment as Workload & { spec: { template: { metadata: { labels: Json } } } }
        ).spec.template.metadata.labels;
        expect(labels, name).toMatchObject(pdb.spec.selector.matchLabels);
        expect(pdb.spec.maxUnavailable, name).toBe(1);
      }
    });

    it('runs every pod unprivileged with resource limits and PgBouncer probed on its port', () => {
      const workloads = manifests.filter(
        (m): m is Workload => m.kind === 'Deployment' || m.kind === 'Job',
      );
      expect(workloads).toHaveLength(6);
      for (const workload of workloads) {
        const pod = workload.spec.template.spec;
        const name = workload.metadata.name;
        expect(pod.securityContext?.runAsNonRoot, name).toBe(true);
        expect(pod.securityContext?.runAsUser, name).toBeGreaterThan(0);
        for (const c of pod.containers) {
          expect(c.securityContext?.allowPrivilegeEscalation, name).toBe(false);
          expect(c.resources?.limits?.cpu, name).toBeDefined();
          expect(c.resources?.limits?.memory, name).toBeDefined();
        }
      }
      const bouncer = container(find<Workload>(manifests, 'Deployment', 'pgbouncer'));
      expect(bouncer.image).toBe(image.replace('graph', 'pgbouncer'));
      expect(bouncer.ports).toEqual([{ name: 'postgres', containerPort: 6432 }]);
      expect(readFileSync('docker/pgbouncer/pgbouncer.ini', 'utf8')).toMatch(
        /^listen_port = 6432$/m,
      );
      expect(bouncer.readinessProbe?.tcpSocket).toEqual({ port: 'postgres' });
      expect(bouncer.livenessProbe?.tcpSocket).toEqual({ port: 'postgres' });
    });

    it('names only variables that .env.example documents', () => {
      const documented = new Set(
        [...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]),
      );
      const named = new Set<string>();
      for (const m of manifests) {
        if (m.kind === 'ConfigMap') {
          for (const k of Object.keys((m as { data?: Json }).data ?? {})) named.add(k);
        }
        if (m.kind === 'Deployment' || m.kind === 'Job') {
          for (const e of container(m as Workload).env ?? []) named.add(e.name);
        }
      }
      for (const k of Object.keys(SECRET.stringData)) named.add(k);
      expect(named.size).toBeGreaterThan(20);
      for (const name of named) expect(documented, `${overlay}: ${name}`).toContain(name);
    });
  });

  it('puts production in its own namespace, on released images, with the gateway scaled out', () => {
    const { manifests } = renderings.production;
    for (const m of manifests) expect(m.metadata.namespace, m.metadata.name).toBe('grahvani');
    const gateway = find<Workload & { spec: { replicas: number } }>(
      manifests,
      'Deployment',
      'gateway',
    );
    expect(gateway.spec.replicas).toBe(3);
    const env = container(gateway).env ?? [];
    expect(env.find((e) => e.name === 'CORS_ORIGINS')?.value).toBe('https://app.grahvani.com');
    // The patch added to the container's list; it did not replace the subgraph URLs.
    expect(env.map((e) => e.name)).toEqual(expect.arrayContaining(['AUTH_SUBGRAPH_URL']));
    const hpa = find<Manifest & { spec: { minReplicas: number; maxReplicas: number } }>(
      manifests,
      'HorizontalPodAutoscaler',
      'gateway',
    );
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([3, 20]);
  });
});

type Json = Record<string, unknown>;
