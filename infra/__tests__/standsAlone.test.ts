import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/*
 * The repository stands alone (issue 19): no tracked file refers to files a
 * clone does not have — the project's input documents beside it, a
 * `reference/` folder, the seed files, a machine path — and every relative
 * link of the Markdown pages leads to a file of the repository. Privacy rules
 * are cited as docs/privacy.md §N, the domain as docs/domain.md §N, the seeds
 * and laws by name (docs/sources.md).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SELF = path.relative(ROOT, __filename);

/** Built from pieces so this file does not match itself. */
const OUTSIDE: readonly [RegExp, string][] = [
  [new RegExp(String.raw`\.\./shared/(?:[A-Z]+\.md|seeds|reference|hooks)`), 'a path beside the repository (../shared/...)'],
  [new RegExp(String.raw`(?<![\w/.-])(?:PRIVACY|API|DOMAIN|STYLE)\.md`), 'an input document outside the repository (cite docs/privacy.md, docs/domain.md, docs/conventions.md)'],
  [new RegExp(String.raw`(?:domain|federation|aesthetics)-` + 'anchors'), 'a reference document outside the repository (cite docs/domain.md or the source by name)'],
  [new RegExp(String.raw`(?<![\w-])` + 'reference' + String.raw`/[\w-]+\.md`), 'a reference/ document outside the repository'],
  [new RegExp(String.raw`(?<![\w-])` + 'seeds' + '/'), 'the seed files (cite them by name: docs/sources.md)'],
  [new RegExp(String.raw`/work/(?:shared|main|wt)\b`), 'a machine path'],
];

function trackedTextFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out
    .split('\0')
    .filter(Boolean)
    .filter((f) => f !== SELF && f !== 'package-lock.json' && !/\.(png|jpe?g|gif|pdf|ico|woff2?)$/i.test(f))
    .filter((f) => fs.existsSync(path.join(ROOT, f)));
}

describe('the repository stands alone', () => {
  const files = trackedTextFiles();

  it('has files to check', () => expect(files.length).toBeGreaterThan(100));

  it('refers to no file outside it', () => {
    const found: string[] = [];
    for (const f of files) {
      const lines = fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [re, what] of OUTSIDE) if (re.test(line)) found.push(`${f}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('links, in its Markdown pages, only to files it holds', () => {
    const broken: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1];
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const file = decodeURIComponent(target.split('#')[0]);
        const resolved = path.resolve(path.dirname(path.join(ROOT, f)), file);
        if (!resolved.startsWith(ROOT + path.sep) || !fs.existsSync(resolved)) broken.push(`${f}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('cites the seed documents and laws in docs/sources.md and the domain in docs/domain.md', () => {
    const sources = fs.readFileSync(path.join(ROOT, 'docs', 'sources.md'), 'utf8');
    for (const seed of ['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004', 'L. 184/1983']) expect(sources).toContain(seed);
    const domain = fs.readFileSync(path.join(ROOT, 'docs', 'domain.md'), 'utf8');
    for (const section of ['§1 Glossary', '§2.1', '§3.1', '§5', '§6', '§7']) expect(domain).toContain(section);
  });
});
