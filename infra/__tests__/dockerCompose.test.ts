import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadConfig } from '@shared/config';

const ROOT = path.resolve(__dirname, '..', '..');
type Service = { command?: string[]; environment?: Record<string, string>; ports?: string[]; expose?: string[]; build?: { dockerfile: string }; image?: string };

describe('docker-compose.yml', () => {
  const doc = YAML.parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
  const services = doc.services;

  it('has PostgreSQL, the migration job, the three subgraphs, the gateway and the demo-data job', () => {
    expect(Object.keys(services).sort()).toEqual(['asmi', 'asso', 'demo', 'gateway', 'migrate', 'postgres', 'sinba']);
    expect(services.postgres.image).toMatch(/^postgres:15/);
  });

  it('publishes only the gateway on the host (loopback), on the port it listens on; subgraphs and PostgreSQL stay internal', () => {
    const gw = loadConfig(services.gateway.environment as Record<string, string>);
    expect(services.gateway.ports).toEqual([`127.0.0.1:${gw.gatewayPort}:${gw.gatewayPort}`]);
    expect(gw.host).toBe('0.0.0.0');
    for (const name of ['sinba', 'asso', 'asmi'] as const) {
      const config = loadConfig(services[name].environment as Record<string, string>);
      expect(services[name].ports).toBeUndefined();
      expect(services[name].expose).toEqual([String(config.ports[name])]);
      expect(config.host).toBe('0.0.0.0');
    }
    for (const name of ['postgres', 'migrate', 'demo']) expect(services[name].ports).toBeUndefined();
  });

  it('loads the demo data through the gateway once it is healthy (DEMO_DATA=0 skips it)', () => {
    const demo = services.demo as Service & { depends_on?: Record<string, { condition: string }> };
    expect(demo.command).toEqual(['npx', 'tsx', 'infra/demo/load.ts', '--gateway', 'http://gateway:4000/graphql']);
    expect(demo.depends_on).toEqual({ gateway: { condition: 'service_healthy' } });
    expect(demo.environment?.DEMO_DATA).toBe('${DEMO_DATA:-1}');
    expect(loadConfig({ ...demo.environment, DEMO_DATA: '1' }).database.adminUrl).toMatch(/^postgres:\/\/postgres:/);
  });

  it('points the gateway at the subgraph containers and each module at its own database role', () => {
    const gw = loadConfig(services.gateway.environment as Record<string, string>);
    expect(gw.subgraphUrls).toEqual({ sinba: 'http://sinba:4001/graphql', asso: 'http://asso:4002/graphql', asmi: 'http://asmi:4003/graphql' });
    expect(gw.database.moduleUrls.audit).toMatch(/^postgres:\/\/sirmi_gateway:/);
    for (const m of ['sinba', 'asso', 'asmi'] as const) {
      const c = loadConfig(services[m].environment as Record<string, string>);
      expect(c.database.moduleUrls[m]).toMatch(new RegExp(`^postgres://sirmi_${m}:`));
      expect(c.database.adminUrl).toBeUndefined(); // services never get the admin connection
    }
  });

  it("has ASMI rewrite its data-quality flags itself (no scheduler in compose: else the day's first list read would)", () => {
    expect(loadConfig(services.asmi.environment as Record<string, string>).qualitySchedule).toBe(true);
  });

  it('runs compiled JavaScript (node dist/…, no TypeScript loader) built from sources that exist, with a Dockerfile that exists', () => {
    for (const [name, s] of Object.entries(services)) {
      if (!s.command) continue;
      // The one-shot demo-data job is a development aid run from the build stage (sources and tsx), never the runtime image.
      if (name === 'demo') {
        expect((s.build as { target?: string }).target).toBe('build');
        continue;
      }
      expect(s.command[0]).toBe('node');
      const entry = s.command[s.command.length - 1];
      expect(entry).toMatch(/^dist\/.+\.js$/);
      expect(fs.existsSync(path.join(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
      expect(fs.existsSync(path.join(ROOT, s.build!.dockerfile))).toBe(true);
      expect(name).toBeTruthy();
    }
  });

  it('builds the image with `npm run build` and runs dist/ without tsx', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'infra', 'docker', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN .*npm run build\b/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    expect(dockerfile).not.toMatch(/\btsx\b/);
  });

  it('uses only variables the configuration module knows', () => {
    const known = fs.readFileSync(path.join(ROOT, 'shared', 'config', 'config.ts'), 'utf8');
    for (const s of Object.values(services)) {
      for (const key of Object.keys(s.environment ?? {})) {
        if (key.startsWith('POSTGRES_')) continue;
        expect(known.includes(key) || /^(SINBA|ASSO|ASMI|AUDIT)_DATABASE_URL$/.test(key)).toBe(true);
      }
    }
  });
});
