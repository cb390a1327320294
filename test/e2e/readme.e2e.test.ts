import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse, type OperationDefinitionNode } from 'graphql';
import { loadDemoDataIfEmpty } from '../../infra/demo/demoData';
import { signDevToken } from '@shared/auth';
import { DEV_DEFAULTS } from '@shared/config';
import { startTestHub, type TestHub } from '../support/startHub';
import { scaledTimeout } from '../support/timeouts';

/*
 * Every example of the README, run against `npm start`'s demo data (issue 19):
 * the GraphQL operations (```graphql blocks and inline `{ ... }` queries) as
 * the role that uses them, and the shell blocks with curl as written (with
 * `npm run -s token`, against this hub's port instead of :4000). Each must
 * answer without errors and with data: lists not empty, reports with at
 * least one count, downloads with rows. README_HUB_URL runs them against a
 * hub already started with `npm start` instead of a fresh one.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
jest.setTimeout(scaledTimeout(300_000));

/** Which role runs an operation, by its first root field (README examples use the role the text names). */
const ROLE_OF_ROOT_FIELD: Record<string, { role: string; service?: string; structure?: string; territory?: string } | null> = {
  minors: { role: 'SOCIAL_WORKER', service: 'S-RM-01' },
  minor: { role: 'SOCIAL_WORKER', service: 'S-RM-01' },
  searchMinors: { role: 'SOCIAL_WORKER', service: 'S-RM-01' },
  codes: null,
  structures: { role: 'SUPERVISOR', territory: '058' },
  placementStock: { role: 'REGIONAL_ANALYST' },
  placementFlows: { role: 'REGIONAL_ANALYST' },
  caseStock: { role: 'REGIONAL_ANALYST' },
  istatResidentialTable: { role: 'REGIONAL_ANALYST' },
  placementQualityIssues: { role: 'REGIONAL_ANALYST' },
  caseQualityIssues: { role: 'REGIONAL_ANALYST' },
  prosecutorList: { role: 'STRUCTURE_OPERATOR', structure: 'RM-C001' },
  // placement requests (issue 14): RM-C002's inbox, where the demo's request for Luca Verdi waits; notifications: the service told of its minors' admissions
  placementRequests: { role: 'STRUCTURE_OPERATOR', structure: 'RM-C002' },
  notifications: { role: 'SOCIAL_WORKER', service: 'S-RM-01' },
  // reports by intervention group (issue 15)
  interventionStock: { role: 'REGIONAL_ANALYST' },
  interventionFlows: { role: 'REGIONAL_ANALYST' },
};

/** Top-level `{ ... }` or `query ... { ... }` operations of a block, split on balanced braces (comments dropped). */
export function operationsOf(block: string): string[] {
  const text = block
    .split('\n')
    .map((l) => l.replace(/#.*$/, ''))
    .join('\n');
  const ops: string[] = [];
  let depth = 0;
  let start = -1;
  let head = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') {
      if (depth === 0) start = head;
      depth++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) {
        ops.push(text.slice(start, i + 1).trim());
        head = i + 1;
      }
    }
  }
  return ops;
}

function fenced(lang: string): string[] {
  return [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

/**
 * GraphQL examples: fenced blocks, and inline code spans that are whole
 * queries (not templates with "…"). Queries only: the README's mutations are
 * steps of a walk-through with ids from earlier answers; their rules are
 * covered by the end-to-end tests of each module.
 */
function graphqlExamples(): string[] {
  const inline = [...README.matchAll(/`(\{ [^`]+\})`/g)].map((m) => m[1]).filter((q) => !q.includes('…'));
  const all = [...fenced('graphql').flatMap(operationsOf), ...inline];
  return all.filter((q) => {
    try {
      const op = parse(q).definitions[0] as OperationDefinitionNode;
      return op.operation === 'query';
    } catch {
      return false;
    }
  });
}

/** A report row with a count above 0 somewhere (its own, or hosted/entries/... of the ISTAT table). */
function hasCount(row: unknown): boolean {
  if (Array.isArray(row)) return row.some(hasCount);
  if (row === null || typeof row !== 'object') return false;
  return Object.entries(row as Record<string, unknown>).some(([k, v]) => (k === 'count' ? typeof v === 'number' && v > 0 : hasCount(v)));
}

/** Data worth showing: every list non-empty; report rows with at least one count. */
function emptyParts(value: unknown, where = 'data'): string[] {
  if (value === null || value === undefined) return [`${where} is null`];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${where} is empty`];
    if (where.endsWith('.rows') && !value.some(hasCount)) return [`${where}: every count suppressed or 0`];
    return emptyParts(value[0], `${where}[0]`);
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      // optional single values (an end date, a count that may be suppressed) may be null; lists and objects may not
      v === null && !['rows', 'nodes', 'structure', 'hosted', 'entries', 'exits'].includes(k) ? [] : emptyParts(v, `${where}.${k}`),
    );
  }
  return [];
}

let hub: TestHub | undefined;
let gatewayUrl: string;
let base: string;
const secret = process.env.JWT_SECRET || DEV_DEFAULTS.JWT_SECRET;

async function gql(token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: Record<string, unknown>; errors?: { message: string }[] }> {
  const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

beforeAll(async () => {
  if (process.env.README_HUB_URL) {
    gatewayUrl = process.env.README_HUB_URL;
  } else {
    hub = await startTestHub();
    gatewayUrl = hub.url;
    const loaded = await loadDemoDataIfEmpty(hub.db.adminUrl, hub.url, hub.config);
    expect(loaded).not.toBeNull();
  }
  base = gatewayUrl.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await hub?.stop();
});

describe('README examples against the demo data', () => {
  const examples = graphqlExamples();

  it('finds the README examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(fenced('sh').filter((b) => b.includes('curl')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((q) => [q.replace(/\s+/g, ' ').slice(0, 90), q]))('GraphQL: %s', async (_title, query) => {
    const op = parse(query).definitions[0] as OperationDefinitionNode;
    const root = (op.selectionSet.selections[0] as { name: { value: string } }).name.value;
    expect(Object.keys(ROLE_OF_ROOT_FIELD)).toContain(root);
    const who = ROLE_OF_ROOT_FIELD[root];
    const token = who ? signDevToken({ ...who, sub: `readme-${who.role.toLowerCase()}` }, secret) : undefined;
    const variables: Record<string, unknown> = {};
    if (op.variableDefinitions?.some((v) => v.variable.name.value === 'id')) {
      // the History example: the demo's Mario Rossi, found as the README's search example finds him
      const sw = signDevToken({ role: 'SOCIAL_WORKER', service: 'S-RM-01' }, secret);
      const found = await gql(sw, '{ searchMinors(filter: { name: "rossi mario" }, first: 1) { nodes { id } } }');
      variables.id = (found.data?.searchMinors as { nodes: { id: string }[] }).nodes[0].id;
    }
    let res = await gql(token, query, variables);
    // Notifications are delivered from ASMI's outbox in the background (docs/architecture.md): the demo's arrive within seconds.
    for (let i = 0; root === 'notifications' && emptyParts(res.data).length > 0 && i < 30; i++) {
      await new Promise((r) => setTimeout(r, 500));
      res = await gql(token, query, variables);
    }
    expect(res.errors ?? []).toEqual([]);
    expect(emptyParts(res.data)).toEqual([]);
  });

  const shellBlocks = fenced('sh').filter((b) => b.includes('curl'));
  it.each(shellBlocks.map((b) => [b.split('\n').find((l) => l.includes('curl'))!.trim().slice(0, 90), b]))('shell: %s', async (_title, block) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sirmi-readme-'));
    try {
      const hostPort = base.replace(/^http:\/\//, '');
      const script = [
        'set -euo pipefail',
        // the README's commands, in a scratch directory, against this hub, failing on HTTP errors
        `npm() { command npm --prefix ${JSON.stringify(ROOT)} "$@"; }`,
        'curl() { command curl --fail --show-error "$@"; }',
        block.replace(/(localhost|127\.0\.0\.1):4000/g, hostPort),
      ].join('\n');
      const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: dir, env: { ...process.env, JWT_SECRET: secret }, maxBuffer: 64 * 1024 * 1024 });
      const outputs = [...block.matchAll(/-o\s+(\S+)/g)].map((m) => m[1]);
      if (outputs.length === 0) {
        expect(stdout.trim().length).toBeGreaterThan(0);
        if (stdout.trim().startsWith('{')) {
          const body = JSON.parse(stdout) as { data?: unknown; errors?: unknown };
          expect(body.errors).toBeUndefined();
          expect(emptyParts(body.data ?? body)).toEqual([]);
        } else {
          expect(stdout.trim().split('\n').length).toBeGreaterThan(1); // a CSV: header and rows
        }
      }
      for (const file of outputs) {
        const content = fs.readFileSync(path.join(dir, file));
        expect(content.length).toBeGreaterThan(0);
        if (file.endsWith('.csv')) expect(content.toString('utf8').trim().split('\n').length).toBeGreaterThan(2); // header, rows (and the total)
        if (file.endsWith('.pdf')) expect(content.subarray(0, 5).toString()).toBe('%PDF-');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the PDF of an act (GET /documents/acts/<actId>)', async () => {
    const sup = signDevToken({ role: 'SUPERVISOR', territory: '058' }, secret);
    const list = await gql(sup, '{ structures(filter: { province: "058" }, first: 50) { nodes { code acts { id kind } } } }');
    expect(list.errors ?? []).toEqual([]);
    const acts = (list.data?.structures as { nodes: { acts: { id: string; kind: string }[] }[] }).nodes.flatMap((n) => n.acts);
    const withDocument = [];
    for (const a of acts.filter((x) => x.kind === 'AUTHORISATION').slice(0, 5)) {
      const res = await fetch(`${base}/documents/acts/${a.id}`, { headers: { authorization: `Bearer ${sup}` } });
      if (res.status === 200) withDocument.push(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString());
    }
    expect(withDocument.length).toBeGreaterThan(0);
    expect(withDocument[0]).toBe('%PDF-');
  });
});
