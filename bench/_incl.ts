import fs from 'node:fs';
const prof = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const byId = new Map<number, any>(prof.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
prof.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const incl = new Map<string, number>();
let busy = 0;
for (const [id, us] of self) {
  const n = byId.get(id);
  if (n.callFrame.functionName === '(idle)') continue;
  busy += us;
  const seen = new Set<string>();
  let cur: number | undefined = id;
  while (cur !== undefined) {
    const f = byId.get(cur).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/.*\/(node_modules\/[^/]+|gateway|shared|bench)\//, '$1/')}:${f.lineNumber}`;
    if (!seen.has(key)) { seen.add(key); incl.set(key, (incl.get(key) ?? 0) + us); }
    cur = parent.get(cur);
  }
}
const rx = new RegExp(process.argv[3] ?? '.');
console.log('busy', (busy / 1e6).toFixed(1), 's');
[...incl].filter(([k]) => rx.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[4] ?? 40)).forEach(([k, v]) => console.log((100 * v / busy).toFixed(1).padStart(6), '%', k));
