import { Client } from 'pg';
import { startTestHub, type TestHub } from '../support/startHub';
import { registerActiveStructure, registerMinorWithCase } from '../support/fixtures';

/** mulberry32: a small seeded PRNG, so every run sends the same requests. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Percent-encoding that never throws: a lone surrogate becomes invalid UTF-8 bytes (%ED%A0%80), hostile too. */
const enc = (s: string): string => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

const SEED = 20261204;
const REQUESTS = 320;
/** The only 5xx a caller may see: a module, its database or the audit trail is down. */
const DECLARED_5XX = new Set(['UPSTREAM_UNAVAILABLE', 'DATABASE_UNAVAILABLE', 'AUDIT_UNAVAILABLE']);

/**
 * Issue 16: a fixed-seed fuzz through the gateway. Fails on any 5xx other
 * than the declared 503s, any HTML body, any INTERNAL_SERVER_ERROR for input
 * that is the caller's fault, and any row stored by a refused write.
 */
describe('hostile requests through the gateway (fixed seed fuzz, issue 16)', () => {
  let hub: TestHub;
  let admin: Client;
  let minorId: string;
  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'FUZ-C001');
    ({ minorId } = await registerMinorWithCase(hub, 'S-FUZ'));
    admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await hub?.stop();
  });

  const counts = async () =>
    (
      await admin.query(
        `SELECT (SELECT count(*) FROM sinba.minor)::int AS minors, (SELECT count(*) FROM sinba."case")::int AS cases,
                (SELECT count(*) FROM asmi.placement)::int AS placements, (SELECT count(*) FROM asso.structure)::int AS structures`,
      )
    ).rows[0] as Record<string, number>;

  it(`survives ${REQUESTS} hostile requests with registered errors only`, async () => {
    const rnd = prng(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const int = (n: number) => Math.floor(rnd() * n);
    const tokens = [
      undefined,
      'garbage',
      hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-fuz', service: 'S-FUZ' }),
      hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'so-fuz', structure: 'FUZ-C001' }),
      hub.token({ role: 'SUPERVISOR', sub: 'sup-fuz', territory: '058' }),
      hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-fuz' }),
    ];
    const hostileStrings = [
      '', '\u0000', 'a\u0000b', '\uD800', '\uDFFFx', 'x'.repeat(5000), '2024-02-30', '9999-99-99', '0000-00-00', '-1', '1e309',
      '__proto__', 'constructor', "'; DROP TABLE sinba.minor; --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '{"$gt":""}', '🌻'.repeat(50), 'RSSMRA80A01H501U',
    ];
    const hostileValue = (): unknown => {
      switch (int(8)) {
        case 0: return pick(hostileStrings);
        case 1: return int(2) ? -int(1e9) : 2 ** 53 + int(10);
        case 2: return null;
        case 3: return [pick(hostileStrings), pick(hostileStrings)];
        case 4: return { __proto__: { polluted: true }, nested: { deeper: pick(hostileStrings) } };
        case 5: return true;
        case 6: return 1.5;
        default: return pick(hostileStrings);
      }
    };
    const minorInput = () => {
      const input: Record<string, unknown> = { fiscalCode: 'RSSMRA80A01H501U', firstName: 'Anna', lastName: 'Fuzz', birthDate: '2012-05-10', sex: 'F', citizenship: '100' };
      const key = pick(Object.keys(input).concat(['otherIdentifier', 'unknownField']));
      input[key] = hostileValue();
      if (int(3) === 0) input.birthDate = pick(['2024-02-30', '2023-02-29', '2024-13-01', '\u0000', '9999-99-99']);
      return input;
    };
    const operations: (() => { token: string | undefined; body: string } | { get: string; token: string | undefined })[] = [
      // Broken documents and bodies.
      () => ({ token: pick(tokens), body: '{"query": "{ minors {' }),
      () => ({ token: pick(tokens), body: Array.from({ length: 1 + int(40) }, () => String.fromCharCode(int(128))).join('') }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: `{ ${'minors { nodes { '.repeat(100 + int(3000))}id }` }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: Array.from({ length: 20 + int(200) }, () => pick(['{', '}', '(', ')', 'minor', ':', '$x', '...', '@skip', '"', '#', 'query', 'mutation', '[', ']', '!'])).join(' ') }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: 'query A { __typename } query B { __typename }', operationName: pick([undefined, 'C', 'A\u0000']) }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: pick([null, 42, ['x'], { a: 1 }]) }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: '{ __typename }', variables: pick(['x', 3, [1]]) }) }),
      // Valid operations, hostile values.
      () => ({ token: pick(tokens), body: JSON.stringify({ query: 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', variables: { input: minorInput() } }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', variables: { input: { minorId: pick([minorId, hostileValue()]), structureCode: pick(['FUZ-C001', hostileValue()]), admissionDate: pick(['2024-02-30', '2023-02-29', hostileValue()]), kind: pick(['ORDINARY', 'X']), referringService: hostileValue() } } }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: 'mutation($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', variables: { input: { code: `FZ-${int(1000)}`, name: hostileValue(), type: 'x', municipality: hostileValue(), capacity: hostileValue(), emergencyCapacity: 1, minAge: 0, maxAge: 17 } } }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: 'query($id: ID!) { minor(id: $id) { firstName placements { admissionDate } } }', variables: { id: hostileValue() } }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: 'query($on: Date!) { placementStock(on: $on, groupBy: [SEX]) { total } }', variables: { on: hostileValue() } }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: `{ structures { nodes { occupancy(on: ${JSON.stringify(pick(['2024-13-01', '2024-02-30', '\u0000', '2024-01-01']))}) } } }` }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: 'query($f: StructureFilter) { structures(filter: $f, first: 5) { nodes { code } } }', variables: { f: { name: hostileValue(), province: hostileValue() } } }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: 'query($c: String!) { minorByFiscalCode(fiscalCode: $c) { __typename } }', variables: { c: hostileValue() } }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: 'query($l: String!) { codes(list: $l) { code } }', variables: { l: hostileValue() } }) }),
      () => ({ token: pick(tokens), body: JSON.stringify({ query: 'query($first: Int, $after: String) { minors(first: $first, after: $after) { nodes { id } } }', variables: { first: hostileValue(), after: hostileValue() } }) }),
      // Download routes.
      () => ({ token: pick(tokens), get: `/reports/${pick(['__proto__', 'constructor', 'toString', 'placement-stock', 'placement-flows', 'case-stock', 'istat-residential', 'data-quality', '%00'])}.${pick(['csv', 'xlsx', 'pdf', 'json'])}?on=${enc(String(pick(hostileStrings)))}&from=2024-05-01&to=${pick(['2024-01-01', '2024-02-30', '%00'])}&direction=${pick(['ENTRIES', 'X'])}&groupBy=${pick(['SEX', 'X', ''])}&year=${pick(['2024', '-1', 'x', '99999999999'])}` }),
      () => ({ token: pick(tokens), get: `/documents/acts/${enc(String(pick(hostileStrings)))}` }),
      () => ({ token: pick(tokens), get: `/exports/sinba/${pick(['minors', 'cases', '__proto__', 'x'])}.csv?first=${pick(['1', '-1', 'x', '1e9'])}` }),
      () => ({ token: pick(tokens), get: `/reports/prosecutor-list/${enc(String(pick(['FUZ-C001', ...hostileStrings])))}/${pick(['2024', '0', 'x', '99999'])}/${pick(['first-half.csv', 'x.pdf', '__proto__.csv', 'a.csv'])}` }),
      () => ({ token: pick(tokens), get: `/open-data/structures.${pick(['csv', 'json', 'xml'])}` }),
    ];

    const before = await counts();
    let accepted = 0;
    const failures: string[] = [];
    const tally = new Map<string, number>();
    let n = 0;
    const worker = async () => {
      while (n < REQUESTS) {
        n++;
        const op = pick(operations)();
        const headers: Record<string, string> = op.token ? { authorization: `Bearer ${op.token}` } : {};
        const url = 'get' in op ? hub.url.replace(/\/graphql$/, op.get) : hub.url;
        const res = await fetch(url, 'get' in op ? { headers } : { method: 'POST', headers: { ...headers, 'content-type': pick(['application/json', 'application/json', 'application/json', 'text/plain']) }, body: op.body });
        const text = await res.text();
        const type = res.headers.get('content-type') ?? '';
        const what = `${'get' in op ? `GET ${op.get}` : `POST ${op.body.slice(0, 120)}`} -> ${res.status} ${text.slice(0, 200)}`;
        const binaryOk = res.status === 200 && /text\/csv|spreadsheet|pdf/.test(type);
        if (/<html|<!doctype/i.test(text)) failures.push(`HTML body: ${what}`);
        if (!binaryOk && !/application\/json/.test(type)) failures.push(`not JSON: ${what}`);
        let body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } = {};
        try {
          body = binaryOk ? {} : JSON.parse(text);
        } catch {
          failures.push(`unparsable: ${what}`);
        }
        const codes = (body.errors ?? []).map((e) => String(e.extensions?.code));
        for (const c of codes) tally.set(c, (tally.get(c) ?? 0) + 1);
        if (res.status >= 500 && !(res.status === 503 && codes.length > 0 && codes.every((c) => DECLARED_5XX.has(c)))) failures.push(`5xx: ${what}`);
        if (codes.includes('INTERNAL_SERVER_ERROR')) failures.push(`INTERNAL_SERVER_ERROR: ${what}`);
        if (!('get' in op) && op.body.includes('mutation') && body.data && Object.values(body.data).some((v) => v !== null) && codes.length === 0) accepted++;
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const after = await counts();
    expect(failures).toEqual([]);
    const stored = Object.keys(before).reduce((sum, k) => sum + (after[k] - before[k]), 0);
    // Rows stored = writes the hub acknowledged (each fuzz write stores one row); a refused write stores none.
    expect(stored).toBe(accepted);
    expect(tally.get('BAD_USER_INPUT') ?? 0).toBeGreaterThan(20);
  });
});
