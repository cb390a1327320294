import { spawn } from 'node:child_process';
import pino from 'pino';
import { Supervisor, entryCommand, PROCESS_ENTRIES } from '../supervisor';

const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const node = (script: string) => ({ command: process.execPath, args: ['-e', script] });
/** What every entry of `npm start` does (shared/process/stopWithParent.ts): stop when the parent is gone. */
const SERVE = "const p = process.ppid; setInterval(() => { if (process.ppid !== p) process.exit(0); }, 200); console.log('up');";

/** A child using the entries' own lifeline. */
const LIFELINE = `require(${JSON.stringify(require.resolve('@shared/process/stopWithParent'))}).stopWithParent(() => process.exit(0), 200); setInterval(() => {}, 1000); console.log(process.pid);`;

describe('the supervisor of npm start (issue 16)', () => {
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const options = { minBackoffMs: 100, maxBackoffMs: 400, stableMs: 10_000, stopTimeoutMs: 2000 };

  it('logs a crash and restarts the process with a growing back-off, while the others keep running', async () => {
    const supervisor = new Supervisor(logger, options);
    const steady = supervisor.start({ name: 'steady', ...node(SERVE), onLine: () => undefined });
    const crashing = supervisor.start({ name: 'crashing', ...node('setTimeout(() => process.exit(7), 50)'), onLine: () => undefined });
    await sleep(1500);
    const steadyPid = steady.pid;
    expect(crashing.starts).toBeGreaterThanOrEqual(3);
    expect(crashing.starts).toBeLessThan(12); // back-off, not a tight loop
    const crashes = logs.filter((l) => l.process === 'crashing' && l.msg === 'process exited; restarting');
    expect(crashes[0]).toMatchObject({ code: 7, restartInMs: 100 });
    expect(crashes[1]).toMatchObject({ restartInMs: 200 });
    expect(steady.starts).toBe(1);
    expect(alive(steadyPid)).toBe(true);
    await supervisor.stopAll();
    expect(alive(steadyPid)).toBe(false);
    const startsAfterStop = crashing.starts;
    await sleep(600);
    expect(crashing.starts).toBe(startsAfterStop);
  });

  it('kills a process that ignores SIGTERM after the stop timeout', async () => {
    const supervisor = new Supervisor(logger, { ...options, stopTimeoutMs: 300 });
    const stubborn = supervisor.start({ name: 'stubborn', ...node("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"), onLine: () => undefined });
    await sleep(300);
    const pid = stubborn.pid;
    await supervisor.stopAll();
    expect(alive(pid)).toBe(false);
  });

  it('leaves no orphan when the supervisor itself is killed (SIGKILL)', async () => {
    // A supervisor in a process of its own, supervising one child; the child prints its pid.
    const script = `
      const { Supervisor } = require(${JSON.stringify(require.resolve('../supervisor'))});
      const pino = require('pino');
      const s = new Supervisor(pino({ level: 'silent' }));
      s.start({ name: 'child', command: process.execPath, args: ['--import', 'tsx', '-e', ${JSON.stringify(LIFELINE)}], onLine: (l) => console.log(l) });
    `;
    const parent = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const childPid = await new Promise<number>((resolve) => {
      let out = '';
      parent.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^(\d+)$/m.exec(out);
        if (m) resolve(Number(m[1]));
      });
    });
    expect(alive(childPid)).toBe(true);
    parent.kill('SIGKILL');
    for (let i = 0; i < 40 && alive(childPid); i++) await sleep(100);
    expect(alive(childPid)).toBe(false);
  });

  it('starts every entry through one command, switchable to compiled JavaScript', () => {
    expect(entryCommand(PROCESS_ENTRIES.gateway).args).toEqual(['--import', 'tsx', expect.stringMatching(/gateway\/index\.ts$/)]);
    expect(entryCommand(PROCESS_ENTRIES.sinba, '/srv/dist').args).toEqual(['/srv/dist/subgraphs/sinba/src/index.js']);
  });
});
