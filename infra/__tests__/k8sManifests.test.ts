import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { DEV_DEFAULTS, loadConfig, MODULES, type ModuleName } from '@shared/config';

/**
 * infra/k8s/: the manifests parse, reference only resources they define, and
 * give each process exactly the environment shared/config/config.ts needs to
 * start in production (like dockerCompose.test.ts does for docker-compose.yml).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const DIR = path.join(ROOT, 'infra', 'k8s');

type Obj = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any; data?: Record<string, string>; stringData?: Record<string, string> };
type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } } };
type Container = { name: string; image: string; command: string[]; ports?: { name: string; containerPort: number }[]; env?: EnvVar[]; envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[]; readinessProbe?: any };

const kustomization = YAML.parse(fs.readFileSync(path.join(DIR, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
const objects: Obj[] = kustomization.resources.flatMap((f) =>
  YAML.parseAllDocuments(fs.readFileSync(path.join(DIR, f), 'utf8')).map((d) => {
    if (d.errors.length) throw new Error(`${f}: ${d.errors[0].message}`);
    return d.toJSON() as Obj;
  }),
);
const find = (kind: string, name: string) => {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name}`);
  return o;
};
const values = (o: Obj): Record<string, string> => ({ ...(o.data ?? {}), ...(o.stringData ?? {}) });

/** The environment a container gets, with the values of the ConfigMaps and Secrets of the manifests. */
function resolveEnv(c: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, values(find('ConfigMap', from.configMapRef.name)));
    if (from.secretRef) Object.assign(env, values(find('Secret', from.secretRef.name)));
  }
  for (const v of c.env ?? []) {
    if (v.value !== undefined) env[v.name] = v.value;
    else if (v.valueFrom?.secretKeyRef) {
      const ref = v.valueFrom.secretKeyRef;
      const val = values(find('Secret', ref.name))[ref.key];
      if (val === undefined) throw new Error(`Secret ${ref.name} has no key ${ref.key}`);
      env[v.name] = val;
    } else if (v.valueFrom?.configMapKeyRef) {
      const ref = v.valueFrom.configMapKeyRef;
      env[v.name] = values(find('ConfigMap', ref.name))[ref.key];
    }
  }
  return env;
}
const container = (kind: string, name: string): Container => {
  const o = find(kind, name);
  return (kind === 'CronJob' ? o.spec.jobTemplate.spec.template : o.spec.template).spec.containers[0] as Container;
};

describe('Kubernetes manifests (infra/k8s)', () => {
  it('define the gateway with its Service and autoscaler, one Deployment and Service per subgraph, the migration Job and the Secrets, and no PostgreSQL', () => {
    for (const name of ['gateway', ...MODULES]) {
      expect(find('Deployment', name).spec.replicas).toBeGreaterThanOrEqual(2);
      find('Service', name);
    }
    const hpa = find('HorizontalPodAutoscaler', 'gateway');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(find('Job', 'sirmi-migrate').spec.template.spec.restartPolicy).toBe('Never');
    find('Secret', 'sirmi-keys');
    find('Secret', 'sirmi-database');
    expect(objects.some((o) => /postgres/i.test(o.metadata.name) && o.kind !== 'Secret')).toBe(false); // external
  });

  it('start every process in production on their environment, on the port their Service targets', () => {
    for (const name of ['gateway', ...MODULES] as const) {
      const c = container('Deployment', name);
      const config = loadConfig(resolveEnv(c)); // throws on a missing or development secret
      expect(config.production).toBe(true);
      expect(config.host).toBe('0.0.0.0');
      const port = name === 'gateway' ? config.gatewayPort : config.ports[name as ModuleName];
      const http = c.ports!.find((p) => p.name === 'http')!;
      expect(http.containerPort).toBe(port);
      const svc = find('Service', name);
      expect(svc.spec.selector).toEqual(find('Deployment', name).spec.template.metadata.labels);
      expect(svc.spec.ports[0].targetPort).toBe('http');
      expect(c.readinessProbe.httpGet.path).toBe('/health');
    }
  });

  it('point the gateway and the subgraphs at the subgraph Services, and each process at its own database role only', () => {
    for (const name of ['gateway', ...MODULES] as const) {
      const config = loadConfig(resolveEnv(container('Deployment', name)));
      for (const m of MODULES) {
        const svc = find('Service', m);
        expect(config.subgraphUrls[m]).toBe(`http://${m}:${svc.spec.ports[0].port}/graphql`);
      }
      expect(config.database.adminUrl).toBeUndefined(); // only the migration Job has the admin connection
      const own = name === 'gateway' ? 'audit' : name;
      expect(Object.keys(config.database.moduleUrls)).toEqual([own]);
      expect(config.database.moduleUrls[own]).toMatch(new RegExp(`^postgres://${own === 'audit' ? 'sirmi_gateway' : `sirmi_${own}`}:`));
    }
    const job = loadConfig(resolveEnv(container('Job', 'sirmi-migrate')));
    expect(job.database.adminUrl).toMatch(/^postgres:\/\//);
    // ASMI's daily rewrite of the stored data-quality flags: ASMI's role only.
    const cron = loadConfig(resolveEnv(container('CronJob', 'asmi-quality-flags')));
    expect(cron.production).toBe(true);
    expect(Object.keys(cron.database.moduleUrls)).toEqual(['asmi']);
    expect(find('CronJob', 'asmi-quality-flags').spec.concurrencyPolicy).toBe('Forbid');
    // ASMI's replicas run the same rewrite themselves too (QUALITY_SCHEDULE); the CronJob is a second, harmless chance.
    expect(loadConfig(resolveEnv(container('Deployment', 'asmi'))).qualitySchedule).toBe(true);
  });

  it('run compiled JavaScript from the one image, built from sources that exist', () => {
    const containers = [...['gateway', ...MODULES].map((n) => container('Deployment', n)), container('Job', 'sirmi-migrate'), container('CronJob', 'asmi-quality-flags')];
    for (const c of containers) {
      expect(c.image).toBe('sirmi-hub');
      expect(c.command[0]).toBe('node');
      const entry = c.command[1];
      expect(entry).toMatch(/^dist\/.+\.js$/);
      expect(fs.existsSync(path.join(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it('use only variables the configuration module reads, and ship placeholders, never the development secrets', () => {
    const known = fs.readFileSync(path.join(ROOT, 'shared', 'config', 'config.ts'), 'utf8');
    for (const o of objects.filter((x) => x.kind === 'ConfigMap' || x.kind === 'Secret')) {
      for (const [key, value] of Object.entries(values(o))) {
        expect([key, known.includes(key) || /^(SINBA|ASSO|ASMI|AUDIT)_DATABASE_URL$/.test(key)]).toEqual([key, true]);
        expect(Object.values(DEV_DEFAULTS)).not.toContain(value);
        if (o.kind === 'Secret') expect(value).toMatch(/REPLACE-ME/);
      }
    }
  });
});
