import fs from 'node:fs';

/**
 * CPU time (user + system, ms) of processes, from /proc (Linux only; 0
 * elsewhere): to tell where a benchmark's requests spend the machine's
 * cores (bench/gateway.ts prints it per request and process).
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

function statOf(pid: number): { comm: string; ms: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the state (field 3).
    return { comm, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/** CPU ms of one process so far (0 when gone or not on Linux). */
export function cpuMsOf(pid: number | undefined): number {
  return pid === undefined ? 0 : (statOf(pid)?.ms ?? 0);
}

/** CPU ms so far of each PostgreSQL process of the machine (server, backends, WAL writer...), by pid. */
export function postgresCpuMs(): Map<number, number> {
  const byPid = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return byPid;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const s = statOf(Number(e));
    if (s && (s.comm === 'postgres' || s.comm === 'postmaster')) byPid.set(Number(e), s.ms);
  }
  return byPid;
}

/** CPU ms PostgreSQL used between two readings: processes that ended in between are left out (their time is lost with them), new ones count from 0. */
export function postgresCpuBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
