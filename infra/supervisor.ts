import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from 'pino';

/** The repository root: children run from here. */
export const ROOT = path.resolve(__dirname, '..');

/** The entry file of each process `npm start` runs (one per subgraph, the gateway, the embedded PostgreSQL). */
export const PROCESS_ENTRIES = Object.freeze({
  asso: 'subgraphs/asso/src/index.ts',
  sinba: 'subgraphs/sinba/src/index.ts',
  asmi: 'subgraphs/asmi/src/index.ts',
  gateway: 'gateway/index.ts',
  postgres: 'infra/db/embeddedProcess.ts',
});

/**
 * How an entry file is run: TypeScript through tsx's loader in development.
 * The one place to switch to compiled JavaScript: given `compiledDir` (the
 * output of a build), the same entry runs as `node <compiledDir>/<entry>.js`.
 */
export function entryCommand(entry: string, compiledDir?: string): { command: string; args: string[] } {
  if (compiledDir) return { command: process.execPath, args: [path.join(compiledDir, entry.replace(/\.ts$/, '.js'))] };
  return { command: process.execPath, args: ['--import', 'tsx', path.join(ROOT, entry)] };
}

export interface ProcessSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Receives each line the process writes on stdout (default: copied to our stdout). */
  readonly onLine?: (line: string) => void;
}

export interface SupervisorOptions {
  /** First restart delay; doubled after each crash up to maxBackoffMs. */
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  /** A process up this long is stable again: the next crash restarts after minBackoffMs. */
  readonly stableMs: number;
  /** SIGTERM, then SIGKILL after this long. */
  readonly stopTimeoutMs: number;
}

export const DEFAULT_SUPERVISOR_OPTIONS: SupervisorOptions = Object.freeze({ minBackoffMs: 500, maxBackoffMs: 30_000, stableMs: 30_000, stopTimeoutMs: 10_000 });

/** One supervised process: restarted with back-off whenever it exits unless it is being stopped. */
export class SupervisedProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  private backoffMs: number;
  private restartTimer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  /** How many times the process was started (1 = never restarted). */
  starts = 0;
  private readonly startListeners = new Set<(child: ChildProcess) => void>();

  constructor(
    readonly spec: ProcessSpec,
    private readonly logger: Logger,
    private readonly options: SupervisorOptions,
  ) {
    this.backoffMs = options.minBackoffMs;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Called on every start (the first and each restart) with the new child. */
  onStart(listener: (child: ChildProcess) => void): void {
    this.startListeners.add(listener);
  }

  start(): void {
    if (this.stopping) return;
    this.starts++;
    this.startedAt = Date.now();
    // Same process group as `npm start` (Ctrl-C reaches every process); each entry watches its parent
    // (shared/process/stopWithParent.ts), so a child whose supervisor died, even by SIGKILL, stops too.
    const child = spawn(this.spec.command, [...this.spec.args], { cwd: ROOT, env: this.spec.env ?? process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => (this.spec.onLine ? this.spec.onLine(line) : process.stdout.write(`${line}\n`)));
    child.on('error', (err) => this.logger.error({ process: this.spec.name, err: err.message }, 'process could not be started'));
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (this.stopping) {
        this.logger.info({ process: this.spec.name, code, signal }, 'process stopped');
        return;
      }
      if (Date.now() - this.startedAt >= this.options.stableMs) this.backoffMs = this.options.minBackoffMs;
      const delay = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs);
      this.logger.error({ process: this.spec.name, code, signal, restartInMs: delay, starts: this.starts }, 'process exited; restarting');
      this.restartTimer = setTimeout(() => this.start(), delay);
    });
    for (const l of this.startListeners) l(child);
  }

  /** No restart from now on (an exit is a stop, not a crash): set on every process before any is stopped. */
  markStopping(): void {
    this.stopping = true;
    clearTimeout(this.restartTimer);
  }

  /** Stop for good: SIGTERM, SIGKILL after the timeout; resolves once the process has exited. */
  async stop(): Promise<void> {
    this.markStopping();
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), this.options.stopTimeoutMs);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}

/** Starts processes and stops them all, in the reverse order of their start. */
export class Supervisor {
  private readonly processes: SupervisedProcess[] = [];
  constructor(
    private readonly logger: Logger,
    private readonly options: SupervisorOptions = DEFAULT_SUPERVISOR_OPTIONS,
  ) {}

  start(spec: ProcessSpec): SupervisedProcess {
    const p = new SupervisedProcess(spec, this.logger, this.options);
    this.processes.push(p);
    p.start();
    return p;
  }

  async stopAll(): Promise<void> {
    // Ctrl-C reaches every process of the group at once: none of them may be restarted while the others stop.
    for (const p of this.processes) p.markStopping();
    for (const p of [...this.processes].reverse()) await p.stop();
  }
}

/** Waits until an HTTP server answers at `url` (any status), or throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
      if (!isAlive()) throw new Error(`the process serving ${url} exited`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
