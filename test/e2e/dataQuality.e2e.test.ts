import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { expectNoErrors, registerActiveStructure, registerMinorWithCase } from '../support/fixtures';
import { covers } from '../support/coverage';
import { startTestHub, type GatewayResponse, type TestHub } from '../support/startHub';
import { parseCsv } from '../support/csv';
import { italianTable } from '../../gateway/routes/reports';

/**
 * Issue 8, the region's data-quality report downloaded through the gateway
 * (GET /reports/data-quality.{csv,xlsx}) with the caller's token, compared
 * with the two GraphQL lists it pages through (placementQualityIssues from
 * ASMI, caseQualityIssues from SINBA). Data set (today D = 2024-06-15):
 * 130 placements in DQ-A since 2024-03-01 whose minors have no case
 * (NO_OPEN_CASE, two pages of 100), and 3 minors of service S-DQ with a case
 * open since 2021-01-01 and no intervention (CASE_WITHOUT_INTERVENTIONS).
 */
const D = '2024-06-15';
const clock = () => D;

const PLACEMENTS = `query($first: Int, $after: String) { placementQualityIssues(first: $first, after: $after) {
  nodes { placementId minorPseudonym structureCode flag since } pageInfo { endCursor hasNextPage } } }`;
const CASES = `query($first: Int, $after: String) { caseQualityIssues(first: $first, after: $after) {
  nodes { minorPseudonym serviceId flag since } pageInfo { endCursor hasNextPage } } }`;
const HEADER = ['source', 'flag', 'since', 'minorPseudonym', 'placementId', 'structureCode', 'serviceId'];


describe('data-quality report download (issue 8)', () => {
  let hub: TestHub;
  let admin: Client;
  let analyst: string;
  let operator: string;
  let socialWorker: string;
  const get = (path: string, token?: string) => fetch(hub.url.replace(/\/graphql$/, path), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  /** Every page of a GraphQL list (pages of 100, as the download reads them). */
  async function all<T>(token: string, query: string, field: string): Promise<T[]> {
    const out: T[] = [];
    let after: string | null = null;
    for (;;) {
      type Page = { nodes: T[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      const res: GatewayResponse<Record<string, Page>> = await hub.gql<Record<string, Page>>(token, query, { first: 100, after });
      expectNoErrors(res);
      const page: Page = res.data![field];
      out.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  }
  type PlacementLine = { placementId: string; minorPseudonym: string; structureCode: string; flag: string; since: string };
  type CaseLine = { minorPseudonym: string; serviceId: string; flag: string; since: string };
  const placementRows = (lines: PlacementLine[]) => lines.map((l) => ['PLACEMENT', l.flag, l.since, l.minorPseudonym, l.placementId, l.structureCode, '']);
  const caseRows = (lines: CaseLine[]) => lines.map((l) => ['CASE', l.flag, l.since, l.minorPseudonym, '', '', l.serviceId]);

  beforeAll(async () => {
    hub = await startTestHub({ clock });
    admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    analyst = hub.token({ role: 'REGIONAL_ANALYST', sub: 'analyst-dq' });
    operator = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-dq', structure: 'DQ-A' });
    socialWorker = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-S-DQ', service: 'S-DQ' });
    await registerActiveStructure(hub, 'DQ-A', { capacity: 200 });
    await admin.query(
      `INSERT INTO asmi.placement (minor_id, structure_code, admission_date, discharge_date, kind, discharge_outcome, minor_birth_date, minor_sex, minor_citizenship, minor_unaccompanied, structure_type, structure_province, referring_service, created_by, updated_by)
       SELECT gen_random_uuid(), 'DQ-A', '2024-03-01', NULL, 'ORDINARY', NULL, '2010-01-01', 'F', '100', false, 'CEM', '058', 'S-OTHER', 'test', 'test' FROM generate_series(1, 130)`,
    );
    for (let i = 0; i < 3; i++) await registerMinorWithCase(hub, 'S-DQ');
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await hub?.stop();
  });

  it('CSV parsed back equals the two GraphQL lists, all pages, placements then cases', async () => {
    const placements = await all<PlacementLine>(analyst, PLACEMENTS, 'placementQualityIssues');
    const cases = await all<CaseLine>(analyst, CASES, 'caseQualityIssues');
    expect(placements.filter((l) => l.flag === 'NO_OPEN_CASE')).toHaveLength(130);
    expect(cases).toHaveLength(3);
    const res = await get('/reports/data-quality.csv', analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const [header, ...lines] = parseCsv(await res.text());
    expect(header).toEqual(HEADER);
    expect(lines).toEqual([...placementRows(placements), ...caseRows(cases)]);
    expect(lines.filter((l) => l[0] === 'CASE').map((l) => [l[1], l[2], l[6]])).toEqual(Array(3).fill(['CASE_WITHOUT_INTERVENTIONS', '2021-01-31', 'S-DQ']));
  });

  it('XLSX read back with exceljs equals the CSV', async () => {
    const csv = parseCsv(await (await get('/reports/data-quality.csv', analyst)).text());
    const res = await get('/reports/data-quality.xlsx', analyst);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const values = wb
      .getWorksheet('report')!
      .getSheetValues()
      .slice(1)
      .map((r) => HEADER.map((_h, i) => String((r as unknown[])[i + 1] ?? '')));
    // The same cells, as people read them: Italian headings, flags and sources in words, dd/mm/yyyy (issue 18 item 2).
    const it = italianTable({ header: csv[0], lines: csv.slice(1) });
    expect(values).toEqual([it.header, ...it.lines.map((l) => l.map((v) => String(v ?? '')))]);
    expect(values[0]).toEqual(['Fonte', 'Segnalazione', 'Dal', 'Pseudonimo del minore', 'Id accoglienza', 'Codice struttura', 'Servizio sociale']);
    expect(values.some((l) => l[1] === 'Presa in carico senza interventi' && l[2] === '31/01/2021')).toBe(true);
  });

  it('through the gateway the case lines never give an analyst the minor id (CASE anchor); the holding social worker may follow it', async () => {
    const Q = '{ caseQualityIssues { nodes { flag minor { id } } } }';
    const withMinor = await hub.gql(analyst, Q);
    expect(withMinor.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHORIZED_FIELD_OR_TYPE', dataClass: 'CASE' });
    // The S-DQ minors have no residence municipality: in no supervisor's territory.
    const sup = await hub.gql<{ caseQualityIssues: { nodes: unknown[] } }>(hub.token({ role: 'SUPERVISOR', sub: 'sup-dq', territory: '058' }), Q);
    expectNoErrors(sup);
    expect(sup.data!.caseQualityIssues.nodes).toEqual([]);
    const sw = await hub.gql<{ caseQualityIssues: { nodes: { flag: string; minor: { id: string } }[] } }>(socialWorker, Q);
    expect(covers<{ nodes: { minor: { id: string } }[] }>('Query.caseQualityIssues', 'SOCIAL_WORKER', sw).nodes.map((n) => n.minor.id)).toHaveLength(3);
    for (const res of [withMinor, sup]) expect(res.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('a role allowed one list gets that part and a NOTE line; a role allowed neither 403; no token 401', async () => {
    const opCsv = parseCsv(await (await get('/reports/data-quality.csv', operator)).text());
    const opPlacements = await all<PlacementLine>(operator, PLACEMENTS, 'placementQualityIssues');
    expect(opPlacements.length).toBeGreaterThan(0);
    expect(opCsv.slice(1)).toEqual([...placementRows(opPlacements), ['NOTE', 'NOT_ALLOWED', '', '', '', '', 'CASE lines are not readable by your role']]);

    const swRes = await get('/reports/data-quality.csv', socialWorker);
    expect(swRes.status).toBe(200);
    const swCases = await all<CaseLine>(socialWorker, CASES, 'caseQualityIssues');
    expect(swCases).toHaveLength(3);
    expect(parseCsv(await swRes.text()).slice(1)).toEqual([['NOTE', 'NOT_ALLOWED', '', '', '', '', 'PLACEMENT lines are not readable by your role'], ...caseRows(swCases)]);

    const dpo = hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo-dq' });
    expect((await get('/reports/data-quality.csv', dpo)).status).toBe(403);
    expect((await get('/reports/data-quality.xlsx', dpo)).status).toBe(403);
    expect((await get('/reports/data-quality.csv')).status).toBe(401);
    expect((await get('/reports/data-quality.xlsx', 'not-a-token')).status).toBe(401);
  });
});
