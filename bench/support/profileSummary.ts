import fs from 'node:fs';

/**
 * Summary of a V8 .cpuprofile (node --cpu-prof; bench/gateway.ts writes one
 * with BENCH_CPU_PROF): self time by package (node_modules/<name>), by file of
 * this repository, and the top functions.
 *
 *   npx tsx bench/support/profileSummary.ts /tmp/prof/CPU.*.cpuprofile
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export function summarise(profile: Profile, top = 15): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const groups = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const url = n.callFrame.url;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    const group = n.callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : n.callFrame.functionName === '(idle)' ? '(idle)' : n.callFrame.functionName === '(program)' ? '(program)' : pkg ? pkg : url.startsWith('node:') ? 'node internals' : url ? url.replace(/^.*\/(gateway|shared|subgraphs|infra)\//, '$1/') : '(native)';
    groups.set(group, (groups.get(group) ?? 0) + us);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${group}:${n.callFrame.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  }
  const busy = total - (groups.get('(idle)') ?? 0);
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  const lines = [`${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages of busy time)`, 'self time by package or file:'];
  for (const [g, us] of [...groups].filter(([g]) => g !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${g}`);
  lines.push('top functions (self time):');
  for (const [f, us] of [...fns].filter(([f]) => !f.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${f}`);
  return lines.join('\n');
}

if (require.main === module) {
  for (const file of process.argv.slice(2)) console.log(`${file}\n${summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile)}\n`);
}
