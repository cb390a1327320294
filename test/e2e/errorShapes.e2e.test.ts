import { Client } from 'pg';
import { ERROR_CODES } from '@shared/errors';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, nextFiscalCode, registerActiveStructure, registerMinorWithCase } from '../support/fixtures';
import { callSubgraph } from '../support/callSubgraph';

/**
 * Issue 16 (findings 4, 5, 6) and issue 13 item 6: every error the hub sends
 * is JSON, has a registered code and the status of the error-code registry,
 * and carries no internal URL, raw upstream body or stack trace.
 */
describe('one JSON error shape with the registry status (issue 16, issue 13 §6)', () => {
  let hub: TestHub;
  let base: string;
  let sup: string;
  beforeAll(async () => {
    hub = await startTestHub();
    base = hub.url.replace(/\/graphql$/, '');
    sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-err', territory: '058' });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const post = async (body: string, token?: string) => {
    const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const get = async (path: string, token = sup) => {
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  /** A JSON error body with one registered code, the registry's status, and nothing internal. */
  const expectError = (res: { status: number; type: string; text: string }, code: string, field?: string) => {
    expect(res.type).toMatch(/^application\/json/);
    const body = JSON.parse(res.text) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions.code).toBe(code);
    if (field !== undefined) expect(body.errors[0].extensions.field).toBe(field);
    expect(res.status).toBe(ERROR_CODES[code as keyof typeof ERROR_CODES].httpStatus);
    expect(res.text).not.toMatch(/<html|node_modules|\/work\/| {4}at |http:\/\/127\.0\.0\.1|"response"|"serviceName"|stacktrace/i);
    return body;
  };

  it('answers a GraphQL syntax error 400 GRAPHQL_PARSE_FAILED', async () => {
    expectError(await post(JSON.stringify({ query: '{ minors {' }), sup), 'GRAPHQL_PARSE_FAILED');
  });

  it('answers several operations without operationName 400, and an unknown operationName 400', async () => {
    expectError(await post(JSON.stringify({ query: 'query A { __typename } query B { __typename }' })), 'OPERATION_RESOLUTION_FAILURE');
    expectError(await post(JSON.stringify({ query: 'query A { __typename }', operationName: 'Nope' })), 'OPERATION_RESOLUTION_FAILURE');
  });

  it('refuses a document nested 3,000 levels with QUERY_TOO_COMPLEX before any recursion, and too many tokens too', async () => {
    const deep = `{ ${'minors { nodes { '.repeat(1500)}id${' } }'.repeat(1500)} }`;
    expectError(await post(JSON.stringify({ query: deep }), sup), 'QUERY_TOO_COMPLEX');
    const wide = `{ ${Array.from({ length: 4000 }, () => '__typename').join(' ')} }`;
    expectError(await post(JSON.stringify({ query: wide }), sup), 'QUERY_TOO_COMPLEX');
  });

  it('answers a malformed JSON body with JSON 400 and no stack trace', async () => {
    expectError(await post('{"query": "mutation { registerMinor(input: {fiscalCode: \\"RSSMRA', sup), 'BAD_REQUEST');
  });

  it('answers an anonymous query for minor data 401 UNAUTHENTICATED without the subgraph URL or its raw body', async () => {
    expectError(await post(JSON.stringify({ query: '{ minors { nodes { firstName } } }' })), 'UNAUTHENTICATED');
    expectError(await post(JSON.stringify({ query: '{ minor(id: "00000000-0000-4000-8000-000000000001") { firstName } }' })), 'UNAUTHENTICATED');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('answers /reports/%s.csv 404 JSON', async (name) => {
    expectError(await get(`/reports/${name}.csv`), 'NOT_FOUND');
    expectError(await get(`/reports/${name}.xlsx`), 'NOT_FOUND');
  });

  it('answers an unknown API route 404 JSON', async () => {
    expectError(await get('/reports/a/b/c/d/e/f'), 'NOT_FOUND');
  });

  it.each(['2024-02-30', '9999-99-99', '%00', '2023-02-29', '2024-13-01', 'yesterday'])('refuses a report download with on=%s as 400 BAD_USER_INPUT on the field', async (on) => {
    expectError(await get(`/reports/placement-stock.csv?on=${on}&groupBy=SEX`), 'BAD_USER_INPUT', 'on');
  });

  it('refuses a flows download whose from is after to with 400 and the field', async () => {
    expectError(await get('/reports/placement-flows.csv?from=2024-05-01&to=2024-01-01&direction=ENTRIES&groupBy=SEX'), 'INVALID_DATE_RANGE', 'to');
  });

  it('answers 503 AUDIT_UNAVAILABLE when the audit trail cannot be written', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-ERR-AUD');
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-err', service: 'S-ERR-AUD' });
    const admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    await admin.query('REVOKE INSERT ON audit.access_log FROM sirmi_gateway');
    try {
      expectError(await post(JSON.stringify({ query: 'query($id: ID!) { minor(id: $id) { firstName } }', variables: { id: minorId } }), sw), 'AUDIT_UNAVAILABLE');
    } finally {
      await admin.query('GRANT INSERT ON audit.access_log TO sirmi_gateway');
      await admin.end();
    }
  });
});

/** Issue 16 finding 5: bad values are BAD_USER_INPUT on the field, and change nothing. */
describe('bad values are refused at one place and change nothing (issue 16)', () => {
  let hub: TestHub;
  let sw: string;
  let so: string;
  let sup: string;
  let minorId: string;
  let admin: Client;
  beforeAll(async () => {
    hub = await startTestHub();
    sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-bad', service: 'S-BAD' });
    so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'so-bad', structure: 'BAD-C001' });
    sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-bad', territory: '058' });
    await registerActiveStructure(hub, 'BAD-C001');
    ({ minorId } = await registerMinorWithCase(hub, 'S-BAD'));
    admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await hub?.stop();
  });
  const counts = async () => {
    const r = await admin.query('SELECT (SELECT count(*) FROM sinba.minor)::int AS minors, (SELECT count(*) FROM asmi.placement)::int AS placements, (SELECT count(*) FROM asso.structure)::int AS structures');
    return r.rows[0] as { minors: number; placements: number; structures: number };
  };
  const minor = (over: Record<string, unknown>) => ({ fiscalCode: nextFiscalCode('2012-05-10', 'F'), firstName: 'Anna', lastName: 'Prova', birthDate: '2012-05-10', sex: 'F', citizenship: '100', ...over });
  const REGISTER = 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }';
  const ADMIT = 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }';
  const STRUCTURE = 'mutation($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }';
  const structure = (over: Record<string, unknown>) => ({ code: 'BAD-C999', name: 'Comunità Prova', type: 'x', municipality: '058091', capacity: 10, emergencyCapacity: 2, minAge: 0, maxAge: 17, ...over });

  const cases: [string, () => [string, string, Record<string, unknown>], string][] = [
    ['registerMinor.birthDate 2024-02-30', () => [sw, REGISTER, { input: minor({ birthDate: '2024-02-30' }) }], 'birthDate'],
    ['registerMinor.birthDate 2023-02-29', () => [sw, REGISTER, { input: minor({ birthDate: '2023-02-29' }) }], 'birthDate'],
    ['registerMinor.firstName with a NUL byte', () => [sw, REGISTER, { input: minor({ firstName: 'An\u0000na' }) }], 'firstName'],
    ['registerMinor.lastName with a lone surrogate', () => [sw, REGISTER, { input: minor({ lastName: 'Pro\uD800va' }) }], 'lastName'],
    ['registerMinor.firstName of 1 MB', () => [sw, REGISTER, { input: minor({ firstName: 'A'.repeat(1024 * 1024) }) }], 'firstName'],
    ['registerMinor.otherIdentifier.value with a NUL byte', () => [sw, REGISTER, { input: minor({ otherIdentifier: { kind: 'PASSPORT', value: 'X\u0000', issuingCountry: '215' } }) }], 'otherIdentifier.value'],
    ['admitMinor.admissionDate 2023-02-29', () => [so, ADMIT, { input: { minorId, structureCode: 'BAD-C001', admissionDate: '2023-02-29', kind: 'ORDINARY', referringService: 'S-BAD' } }], 'admissionDate'],
    ['admitMinor.courtOrderReference with a NUL byte', () => [so, ADMIT, { input: { minorId, structureCode: 'BAD-C001', admissionDate: '2024-03-01', kind: 'ORDINARY', referringService: 'S-BAD', courtOrderReference: 'T\u0000' } }], 'courtOrderReference'],
    ['registerStructure.name with a NUL byte', () => [sup, STRUCTURE, { input: structure({ name: 'Casa\u0000' }) }], 'name'],
    ['registerStructure.address of 10,000 characters', () => [sup, STRUCTURE, { input: structure({ address: 'via '.repeat(2500) }) }], 'address'],
  ];

  it.each(cases)('refuses %s as BAD_USER_INPUT on the field and stores nothing', async (_name, make, field) => {
    const before = await counts();
    const [token, query, variables] = make();
    const res = await hub.gql(token, query, variables);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['placementStock(on:)', '{ placementStock(on: "2024-02-30", groupBy: [SEX]) { total } }', 'on'],
    ['occupancy(on:)', '{ structures { nodes { occupancy(on: "2024-13-01") } } }', 'on'],
    ['a NUL byte in a filter literal', '{ structures(filter: { name: "x\\u0000" }) { nodes { code } } }', 'filter.name'],
  ])('refuses an impossible literal in %s as BAD_USER_INPUT on the field', async (_name, query, field) => {
    const res = await hub.gql(sup, query);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(res.status).toBe(400);
  });

  it('refuses a bad string in a mutation inside the subgraph write trail, so the refusal is recorded with its minor (privacy rules §7)', async () => {
    const res = await callSubgraph(
      { url: hub.config.subgraphUrls.asmi, name: 'asmi', internalSecret: hub.config.internalSecret },
      { role: 'STRUCTURE_OPERATOR', sub: 'so-bad', structureCode: 'BAD-C001' } as never,
      ADMIT,
      { input: { minorId, structureCode: 'BAD-C001', admissionDate: '2024-03-01', kind: 'ORDINARY', referringService: 'S-BAD', courtOrderReference: 'T\u0000' } },
    );
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'courtOrderReference' });
    expect((res as { extensions?: { sirmiWrites?: unknown } }).extensions?.sirmiWrites).toEqual([{ field: 'admitMinor', minorIds: [minorId], outcome: 'REFUSED', code: 'BAD_USER_INPUT' }]);
  });

  it('still accepts a real leap day and a paired surrogate (an emoji) in a name', async () => {
    const res = await hub.gql(sw, REGISTER, { input: minor({ birthDate: '2012-02-29', fiscalCode: nextFiscalCode('2012-02-29', 'F'), firstName: 'Anna 🌻' }) });
    expectNoErrors(res);
  });
});
