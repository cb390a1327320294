/**
 * docs/privacy.md §11 ISTAT_TRANSMISSION through the gateway: the regional
 * analyst downloads the yearly table without small-cell suppression, with
 * every structure active in the year (zeros included), each download
 * audited (who, when, year; no minor id); the GraphQL table stays
 * suppressed (§10) and nobody else gets the transmission.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { parseCsv } from '../support/csv';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, firstCode, registerActiveStructure } from '../support/fixtures';

describe('ISTAT transmission (docs/privacy.md §11)', () => {
  let hub: TestHub;
  let admin: Client;
  const analyst = () => hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-it' });
  const get = (path: string, token?: string) => fetch(`${hub.url.replace(/\/graphql$/, '')}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => '2025-02-01' });
    admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    await registerActiveStructure(hub, 'IT-A');
    await registerActiveStructure(hub, 'IT-Z');
    // Registered, never authorised: not active in the year, not in the transmission.
    const sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-it', territory: '058' });
    expectNoErrors(await hub.gql(sup, 'mutation($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', {
      input: { code: 'IT-N', name: 'Comunità IT-N', type: await firstCode(hub, 'STRUCTURE_TYPE'), municipality: '058091', capacity: 6, emergencyCapacity: 0, minAge: 0, maxAge: 17 },
    }));
    for (const sex of ['F', 'M']) {
      await admin.query(
        `INSERT INTO asmi.placement (minor_id, structure_code, admission_date, kind, minor_birth_date, minor_sex, minor_citizenship, minor_unaccompanied, structure_type, structure_province, referring_service, created_by, updated_by)
         VALUES ($1, 'IT-A', '2024-03-01', 'ORDINARY', '2010-01-01', $2, '100', false, 'CEM', '058', 'S-IT', 'test', 'test')`,
        [randomUUID(), sex],
      );
    }
  });
  afterAll(async () => {
    await admin?.end();
    await hub?.stop();
  });

  it('gives the analyst unsuppressed counts for every structure active in the year, zeros included, with distinct column names', async () => {
    const res = await get('/reports/istat-residential-transmission.csv?year=2024', analyst());
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text());
    expect(new Set(header).size).toBe(header.length);
    expect(header).toEqual(expect.arrayContaining(['hosted_sex_UNKNOWN', 'hosted_age_UNKNOWN', 'hosted_citizenship_UNKNOWN']));
    const byCode = new Map(rows.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    expect([...byCode.keys()]).toEqual(['IT-A', 'IT-Z']);
    expect(byCode.get('IT-A')).toMatchObject({ hosted: '2', hosted_sex_F: '1', hosted_sex_M: '1', entries: '2', exits: '0', suppressed: '' });
    expect(byCode.get('IT-Z')).toMatchObject({ hosted: '0', entries: '0', exits: '0', suppressed: '' });
    expect((await get('/reports/istat-residential-transmission.xlsx?year=2024', analyst())).status).toBe(200);
  });

  it('audits each download with the purpose, who and the year, and no minor id', async () => {
    const before = Number((await admin.query(`SELECT count(*) AS n FROM audit.access_log WHERE purpose = 'ISTAT_TRANSMISSION'`)).rows[0].n);
    expect((await get('/reports/istat-residential-transmission.csv?year=2024', analyst())).status).toBe(200);
    const rows = (await admin.query(`SELECT subject, role, detail, minor_id FROM audit.access_log WHERE purpose = 'ISTAT_TRANSMISSION' ORDER BY seq`)).rows;
    expect(rows).toHaveLength(before + 1);
    expect(rows[rows.length - 1]).toEqual({ subject: 'an-it', role: 'REGIONAL_ANALYST', detail: 'year=2024', minor_id: null });
  });

  it('keeps the GraphQL table and the ordinary download suppressed', async () => {
    const q = await hub.gql<{ istatResidentialTable: { rows: { structure: { code: string }; hosted: { count: number | null; suppressed: boolean } }[] } }>(
      analyst(),
      'query { istatResidentialTable(year: 2024) { rows { structure { code } hosted { count suppressed } } } }',
    );
    expectNoErrors(q);
    expect(q.data!.istatResidentialTable.rows).toEqual([{ structure: { code: 'IT-A' }, hosted: { count: null, suppressed: true } }]);
    const [, ...rows] = parseCsv(await (await get('/reports/istat-residential.csv?year=2024', analyst())).text());
    expect(rows.map((r) => r[0])).toEqual(['IT-A']);
  });

  it('is for the regional analyst only', async () => {
    for (const token of [
      hub.token({ role: 'SUPERVISOR', sub: 's', territory: '058' }),
      hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'o', structure: 'IT-A' }),
      hub.token({ role: 'SOCIAL_WORKER', sub: 'w', service: 'S-IT' }),
      hub.token({ role: 'PRIVACY_OFFICER', sub: 'd' }),
    ]) {
      const res = await get('/reports/istat-residential-transmission.csv?year=2024', token);
      expect(res.status).toBe(403);
    }
    expect((await get('/reports/istat-residential-transmission.csv?year=2024')).status).toBe(401);
  });
});
