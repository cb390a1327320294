import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { createServiceClient } from '@shared/graphql';
import { resyncQuasiIdentifiers } from '../../subgraphs/sinba/src/reporting/resyncQuasiIdentifiers';
import { ageBandOf, ageBandSql, durationBandOf, durationBandSql } from '@shared/reporting/dimensions';
import { ageOn } from '@shared/time';
import { callSubgraph } from '../support/callSubgraph';
import { expectNoErrors, registerActiveStructure } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/startHub';
import { parseCsv } from '../support/csv';
import { covers } from '../support/coverage';

/**
 * Issue 8, regional reporting, through the gateway on a hand-built data set
 * written straight into the modules' tables (report date D = 2024-03-31):
 * - RPT-A (province 058): BASE 5 F aged 16 + 5 M aged 8, since 2023-06-01;
 *   ON_D 5 F admitted on D; DIS_D 5 F admitted 2023-12-31, discharged on D;
 *   DIS_D1 5 F admitted 2023-10-01, discharged D+1; ADM_D1 5 F admitted D+1;
 *   TRANSFER 5 F admitted 2024-01-01, discharged on D...
 * - RPT-B (province 059): ...the TRANSFER minors admitted on D (counted once
 *   in the stock on D, in RPT-B); SMALL 2 M aged 3 since 2023-01-01.
 * Stock on D: BASE 10 + ON_D 5 + DIS_D1 5 + TRANSFER 5 + SMALL 2 = 27.
 */
const D = '2024-03-31';
const clock = () => D;

const STOCK = `query($on: Date!, $groupBy: [ReportDimension!]!, $filter: ReportFilter) {
  placementStock(on: $on, groupBy: $groupBy, filter: $filter) { dimensions rows { keys count suppressed } total totalSuppressed minCellSize generatedAt } }`;
const FLOWS = `query($from: Date!, $to: Date!, $direction: ReportDirection!, $groupBy: [ReportDimension!]!, $filter: ReportFilter) {
  placementFlows(from: $from, to: $to, direction: $direction, groupBy: $groupBy, filter: $filter) { dimensions rows { keys count suppressed } total totalSuppressed } }`;
const CASES = `query($on: Date!, $groupBy: [ReportDimension!]!, $filter: ReportFilter) {
  caseStock(on: $on, groupBy: $groupBy, filter: $filter) { dimensions rows { keys count suppressed } total totalSuppressed } }`;

type Row = { keys: string[]; count: number | null; suppressed: boolean };
type ReportResult = { dimensions: string[]; rows: Row[]; total: number | null; totalSuppressed: boolean };


describe('regional reports through the gateway (issue 8)', () => {
  let hub: TestHub;
  let admin: Client;
  let analyst: string;
  const cell = (r: ReportResult, ...keys: string[]) => r.rows.find((x) => x.keys.join('|') === keys.join('|'));
  const code = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;

  async function placement(p: { minor?: string; structure: 'RPT-A' | 'RPT-B'; admission: string; discharge?: string; birth: string; sex: 'M' | 'F'; citizenship?: string }): Promise<string> {
    const minor = p.minor ?? randomUUID();
    await admin.query(
      `INSERT INTO asmi.placement (minor_id, structure_code, admission_date, discharge_date, kind, discharge_outcome, minor_birth_date, minor_sex, minor_citizenship, minor_unaccompanied, structure_type, structure_province, referring_service, created_by, updated_by)
       VALUES ($1, $2, $3, $4, 'ORDINARY', $5, $6, $7, $8, false, 'CEM', $9, 'S-RPT', 'test', 'test')`,
      [minor, p.structure, p.admission, p.discharge ?? null, p.discharge ? 'FAMILY_RETURN' : null, p.birth, p.sex, p.citizenship ?? '100', p.structure === 'RPT-A' ? '058' : '059'],
    );
    return minor;
  }
  const times = async (n: number, f: () => Promise<unknown>) => {
    for (let i = 0; i < n; i++) await f();
  };

  beforeAll(async () => {
    hub = await startTestHub({ clock });
    admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    analyst = hub.token({ role: 'REGIONAL_ANALYST', sub: 'analyst' });
    await registerActiveStructure(hub, 'RPT-A');
    const sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-059', territory: '059' });
    const reg = await hub.gql(sup, 'mutation($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', {
      input: { code: 'RPT-B', name: 'Comunità RPT-B', type: 'CEM', municipality: '059011', capacity: 8, emergencyCapacity: 0, minAge: 0, maxAge: 17 },
    });
    expectNoErrors(reg);
    await times(5, () => placement({ structure: 'RPT-A', admission: '2023-06-01', birth: '2008-01-01', sex: 'F' }));
    await times(5, () => placement({ structure: 'RPT-A', admission: '2023-06-01', birth: '2016-01-01', sex: 'M' }));
    await times(5, () => placement({ structure: 'RPT-A', admission: D, birth: '2008-01-01', sex: 'F' }));
    await times(5, () => placement({ structure: 'RPT-A', admission: '2023-12-31', discharge: D, birth: '2008-01-01', sex: 'F' }));
    await times(5, () => placement({ structure: 'RPT-A', admission: '2023-10-01', discharge: '2024-04-01', birth: '2008-01-01', sex: 'F' }));
    await times(5, () => placement({ structure: 'RPT-A', admission: '2024-04-01', birth: '2008-01-01', sex: 'F' }));
    await times(5, async () => {
      const m = await placement({ structure: 'RPT-A', admission: '2024-01-01', discharge: D, birth: '2008-01-01', sex: 'F' });
      await placement({ minor: m, structure: 'RPT-B', admission: D, birth: '2008-01-01', sex: 'F' });
    });
    await times(2, () => placement({ structure: 'RPT-B', admission: '2023-01-01', birth: '2021-01-01', sex: 'M', citizenship: '404' }));
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await hub?.stop();
  });

  describe('counts', () => {
    it('stock on D: admitted on D in, discharged on D out, discharged D+1 in, a transfer on D counted once', async () => {
      const res = await hub.gql<{ placementStock: ReportResult }>(analyst, STOCK, { on: D, groupBy: [] });
      expect(covers('Query.placementStock', 'REGIONAL_ANALYST', res).total).toBe(27);
      const byProvince = await hub.gql<{ placementStock: ReportResult }>(analyst, STOCK, { on: D, groupBy: ['PROVINCE'] });
      expect(byProvince.data!.placementStock.rows).toEqual([
        { keys: ['058'], count: 20, suppressed: false },
        { keys: ['059'], count: 7, suppressed: false },
      ]);
      const dayBefore = await hub.gql<{ placementStock: ReportResult }>(analyst, STOCK, { on: '2024-03-30', groupBy: [] });
      // BASE 10 + DIS_D 5 + DIS_D1 5 + TRANSFER (still in RPT-A) 5 + SMALL 2
      expect(dayBefore.data!.placementStock.total).toBe(27);
      const dayAfter = await hub.gql<{ placementStock: ReportResult }>(analyst, STOCK, { on: '2024-04-01', groupBy: [] });
      // BASE 10 + ON_D 5 + ADM_D1 5 + TRANSFER (RPT-B) 5 + SMALL 2
      expect(dayAfter.data!.placementStock.total).toBe(27);
    });

    it('stock by sex and age band: distinct minors in each cell, the total their sum', async () => {
      const res = await hub.gql<{ placementStock: ReportResult }>(analyst, STOCK, { on: D, groupBy: ['SEX', 'AGE_BAND'] });
      expectNoErrors(res);
      const r = res.data!.placementStock;
      expect(r.dimensions).toEqual(['SEX', 'AGE_BAND']);
      expect(cell(r, 'F', '14-17')?.count).toBe(20);
      expect(r.total).toBe(27);
    });

    it('flows across the period boundaries: events dated on the first and the last day are in, the day before and after are out', async () => {
      const entries = await hub.gql<{ placementFlows: ReportResult }>(analyst, FLOWS, { from: '2024-01-01', to: D, direction: 'ENTRIES', groupBy: [] });
      covers('Query.placementFlows', 'REGIONAL_ANALYST', entries);
      // TRANSFER first placements (2024-01-01) + ON_D + TRANSFER second placements (D); not DIS_D (2023-12-31), not ADM_D1
      expect(entries.data!.placementFlows.total).toBe(15);
      const exits = await hub.gql<{ placementFlows: ReportResult }>(analyst, FLOWS, { from: '2024-01-01', to: D, direction: 'EXITS', groupBy: ['DISCHARGE_OUTCOME'] });
      expectNoErrors(exits);
      // DIS_D + TRANSFER first placements, on D; not DIS_D1 (D+1)
      expect(exits.data!.placementFlows.rows).toEqual([{ keys: ['FAMILY_RETURN'], count: 10, suppressed: false }]);
      const april = await hub.gql<{ placementFlows: ReportResult }>(analyst, FLOWS, { from: '2024-04-01', to: '2024-04-30', direction: 'EXITS', groupBy: [] });
      expect(april.data!.placementFlows.total).toBe(5);
    });

    it('refuses a period that ends before it starts and dimensions a report does not have', async () => {
      const bad = await hub.gql(analyst, FLOWS, { from: D, to: '2024-01-01', direction: 'ENTRIES', groupBy: [] });
      expect(code(bad)).toBe('INVALID_DATE_RANGE');
      const noOutcome = await hub.gql(analyst, STOCK, { on: D, groupBy: ['DISCHARGE_OUTCOME'] });
      expect(code(noOutcome)).toBe('BAD_USER_INPUT');
      expect(noOutcome.errors![0].extensions!.field).toBe('groupBy');
      const badType = await hub.gql(analyst, STOCK, { on: D, groupBy: [], filter: { structureTypes: ['NOPE'] } });
      expect(code(badType)).toBe('INVALID_CODE');
      expect(badType.errors![0].extensions!.field).toBe('filter.structureTypes');
      const typed = await hub.gql<{ placementStock: ReportResult }>(analyst, STOCK, { on: D, groupBy: [], filter: { structureTypes: ['CEM'], provinces: ['059'] } });
      expect(typed.data!.placementStock.total).toBe(7);
    });

    it('caseStock counts distinct minors with an open case on D (end date exclusive)', async () => {
      const insertMinor = async (birth: string, sex: string) => {
        const [{ id }] = (await admin.query(`INSERT INTO sinba.minor (first_name, last_name, birth_date, sex, citizenship, residence_municipality, created_by) VALUES ('R', 'R', $1, $2, '100', '058091', 'test') RETURNING id`, [birth, sex])).rows;
        return id as string;
      };
      const openCase = (minor: string, service: string, start: string, end: string | null = null) =>
        admin.query(`INSERT INTO sinba."case" (minor_id, service_id, start_date, end_date, closure_reason, created_by) VALUES ($1, $2, $3, $4, $5, 'test')`, [minor, service, start, end, end ? 'OBJECTIVES_MET' : null]);
      for (let i = 0; i < 6; i++) {
        const m = await insertMinor('2010-05-05', 'F');
        await openCase(m, 'S-RPT-1', '2023-01-01');
        if (i < 5) await openCase(m, 'S-RPT-2', D); // a second service on D: still one minor
      }
      for (let i = 0; i < 5; i++) await openCase(await insertMinor('2010-05-05', 'M'), 'S-RPT-1', '2023-01-01', D); // closed on D: out
      const res = await hub.gql<{ caseStock: ReportResult }>(analyst, CASES, { on: D, groupBy: ['SERVICE'] });
      expect(covers('Query.caseStock', 'REGIONAL_ANALYST', res).total).toBe(6);
      expect(res.data!.caseStock.rows).toEqual([
        { keys: ['S-RPT-1'], count: 6, suppressed: false },
        { keys: ['S-RPT-2'], count: 5, suppressed: false },
      ]);
      // a supervisor counts the minors resident in its provinces (all of these live in 058)
      const sup058 = await hub.gql<{ caseStock: ReportResult }>(hub.token({ role: 'SUPERVISOR', sub: 's58', territory: '058' }), CASES, { on: D, groupBy: [] });
      expect(sup058.data!.caseStock.total).toBe(6);
      const sup059 = await hub.gql<{ caseStock: ReportResult }>(hub.token({ role: 'SUPERVISOR', sub: 's59', territory: '059' }), CASES, { on: D, groupBy: [] });
      expect(sup059.data!.caseStock.total).toBe(0);
    });
  });

  it('the SQL bands agree with the documented ones on birthdays and month ends', async () => {
    const pairs: [string, string][] = [
      ['2006-03-31', D], ['2006-04-01', D], ['2018-03-31', D], ['2018-04-01', D], ['2013-03-31', D], ['2010-04-01', D],
      ['2004-02-29', '2022-02-28'], ['2004-02-29', '2022-03-01'], ['2024-04-01', D],
    ];
    for (const [birth, on] of pairs) {
      const { rows } = await admin.query(`SELECT ${ageBandSql('$1::date', '$2::date')} AS band`, [birth, on]);
      expect([birth, on, rows[0].band]).toEqual([birth, on, birth > on ? 'UNKNOWN' : ageBandOf(ageOn(birth, on))]);
    }
    // the oracle for months: PostgreSQL's age(), completed months
    const starts: [string, string][] = [
      ['2024-03-01', D], ['2024-02-29', D], ['2024-03-02', D], ['2023-10-01', D], ['2023-09-30', D], ['2022-03-31', D], ['2022-04-01', D],
      ['2024-01-31', '2024-02-29'], ['2024-01-29', '2024-02-29'], ['2023-01-31', '2023-02-28'], ['2024-04-01', D],
    ];
    for (const [start, on] of starts) {
      const { rows } = await admin.query(
        `SELECT ${durationBandSql('$1::date', '$2::date')} AS band, (date_part('year', age($2::date, $1::date)) * 12 + date_part('month', age($2::date, $1::date)))::int AS months`,
        [start, on],
      );
      expect([start, on, rows[0].band]).toEqual([start, on, start > on ? 'UNKNOWN' : durationBandOf(rows[0].months)]);
    }
  });

  describe('suppression', () => {
    it('hides the small cell and a second one, so the total does not give it back', async () => {
      const res = await hub.gql<{ placementStock: ReportResult }>(analyst, STOCK, { on: D, groupBy: ['AGE_BAND'] });
      expectNoErrors(res);
      const r = res.data!.placementStock;
      expect(cell(r, '0-5')).toEqual({ keys: ['0-5'], count: null, suppressed: true }); // 2 minors
      expect(cell(r, '6-10')).toEqual({ keys: ['6-10'], count: null, suppressed: true }); // 5, secondary
      expect(cell(r, '14-17')?.count).toBe(20);
      const residue = r.total! - r.rows.reduce((s, x) => s + (x.count ?? 0), 0);
      expect(residue).toBe(7);
      expect(residue).not.toBe(2);
    });
  });

  describe('role scoping', () => {
    it('a supervisor counts only its provinces and is refused a province outside them', async () => {
      const sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-059', territory: '059' });
      const res = await hub.gql<{ placementStock: ReportResult }>(sup, STOCK, { on: D, groupBy: ['PROVINCE'] });
      expectNoErrors(res);
      expect(res.data!.placementStock.rows).toEqual([{ keys: ['059'], count: 7, suppressed: false }]);
      const outside = await hub.gql(sup, STOCK, { on: D, groupBy: [], filter: { provinces: ['058'] } });
      expect(code(outside)).toBe('FORBIDDEN');
      expect(outside.data?.placementStock ?? null).toBeNull();
    });

    it('a structure operator counts only its own structure', async () => {
      const op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-a', structure: 'RPT-A' });
      const res = await hub.gql<{ placementStock: ReportResult }>(op, STOCK, { on: D, groupBy: [] });
      expectNoErrors(res);
      expect(res.data!.placementStock.total).toBe(20);
      expect(code(await hub.gql(op, STOCK, { on: D, groupBy: [], filter: { structureCodes: ['RPT-B'] } }))).toBe('FORBIDDEN');
      expect(code(await hub.gql(op, CASES, { on: D, groupBy: [] }))).toBe('FORBIDDEN');
    });

    it('other roles are FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
      const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw', service: 'S-RPT-1' });
      const po = hub.token({ role: 'PRIVACY_OFFICER', sub: 'po' });
      for (const t of [sw, po]) {
        expect(code(await hub.gql(t, STOCK, { on: D, groupBy: [] }))).toBe('FORBIDDEN');
        expect(code(await hub.gql(t, CASES, { on: D, groupBy: [] }))).toBe('FORBIDDEN');
        expect(code(await hub.gql(t, 'query { istatResidentialTable(year: 2024) { year } }'))).toBe('FORBIDDEN');
      }
      expect(code(await hub.gql(undefined, STOCK, { on: D, groupBy: [] }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('one SQL statement per report', () => {
    it('whatever the dimensions', async () => {
      const counter = hub.handle.modules.asmi.counter;
      const counts: number[] = [];
      for (const groupBy of [[], ['SEX'], ['SEX', 'AGE_BAND', 'STRUCTURE_TYPE']]) {
        counter.reset();
        expectNoErrors(await hub.gql(analyst, STOCK, { on: D, groupBy }));
        counts.push(counter.value);
        counter.reset();
        expectNoErrors(await hub.gql(analyst, FLOWS, { from: '2024-01-01', to: D, direction: 'EXITS', groupBy }));
        counts.push(counter.value);
      }
      expect(counts).toEqual([1, 1, 1, 1, 1, 1]);
      const sinba = hub.handle.modules.sinba.counter;
      sinba.reset();
      expectNoErrors(await hub.gql(analyst, CASES, { on: D, groupBy: ['SEX', 'AGE_BAND', 'SERVICE'] }));
      expect(sinba.value).toBe(1);
    });
  });

  describe('ISTAT residential table', () => {
    it('per structure: capacity from the registry, hosted on 31 December by sex, entries and exits, suppressed', async () => {
      const res = await hub.gql<{ istatResidentialTable: { rows: any[] } }>(
        analyst,
        `query { istatResidentialTable(year: 2024) { year rows { structure { code capacity } structureType province hosted { count suppressed }
           hostedBySex { keys count suppressed } entries { count suppressed } exits { count suppressed } } } }`,
      );
      expectNoErrors(res);
      const [a, b] = res.data!.istatResidentialTable.rows;
      // RPT-A on 31 Dec: BASE 10 + ON_D 5 + ADM_D1 5; entries ON_D, ADM_D1, TRANSFER 15; exits DIS_D, DIS_D1, TRANSFER 15
      expect(a).toMatchObject({ structure: { code: 'RPT-A', capacity: 10 }, province: '058', hosted: { count: 20 }, entries: { count: 15 }, exits: { count: 15 } });
      expect(b).toMatchObject({ structure: { code: 'RPT-B', capacity: 8 }, province: '059', hosted: { count: 7 }, entries: { count: 5 }, exits: { count: 0 } });
      // RPT-B: 5 F and 2 M: M primary, F secondary (the structure's hosted total is published)
      expect(b.hostedBySex.filter((c: Row) => c.keys[0] !== 'UNKNOWN').every((c: Row) => c.suppressed && c.count === null)).toBe(true);
    });

    it('is scoped like the other reports: a supervisor its provinces, an operator its structure', async () => {
      const Q = 'query { istatResidentialTable(year: 2024) { rows { structure { code capacity } hosted { count } } } }';
      const sup = await hub.gql<{ istatResidentialTable: { rows: any[] } }>(hub.token({ role: 'SUPERVISOR', sub: 'sup-059', territory: '059' }), Q);
      expect(covers('Query.istatResidentialTable', 'SUPERVISOR', sup).rows).toEqual([{ structure: { code: 'RPT-B', capacity: 8 }, hosted: { count: 7 } }]);
      const op = await hub.gql<{ istatResidentialTable: { rows: any[] } }>(hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-a', structure: 'RPT-A' }), Q);
      expectNoErrors(op);
      expect(op.data!.istatResidentialTable.rows).toEqual([{ structure: { code: 'RPT-A', capacity: 10 }, hosted: { count: 20 } }]);
    });
  });

  describe('exports', () => {
    const get = (path: string, token?: string) => fetch(hub.url.replace(/\/graphql$/, path), { headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('CSV parsed back equals the query result', async () => {
      const q = await hub.gql<{ placementStock: ReportResult }>(analyst, STOCK, { on: D, groupBy: ['SEX', 'AGE_BAND'] });
      const res = await get(`/reports/placement-stock.csv?on=${D}&groupBy=SEX,AGE_BAND`, analyst);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      const [header, ...lines] = parseCsv(await res.text());
      expect(header).toEqual(['SEX', 'AGE_BAND', 'count', 'suppressed']);
      const total = lines.pop()!;
      expect(total).toEqual(['TOTAL', '', '27', 'false']);
      expect(lines.map((l) => ({ keys: l.slice(0, 2), count: l[2] === '' ? null : Number(l[2]), suppressed: l[3] === 'true' }))).toEqual(q.data!.placementStock.rows);
    });

    it('XLSX read back with exceljs equals the query result', async () => {
      const q = await hub.gql<{ placementFlows: ReportResult }>(analyst, FLOWS, { from: '2024-01-01', to: D, direction: 'ENTRIES', groupBy: ['PROVINCE'] });
      const res = await get(`/reports/placement-flows.xlsx?from=2024-01-01&to=${D}&direction=ENTRIES&groupBy=PROVINCE`, analyst);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const ws = wb.getWorksheet('report')!;
      const values = ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
      // For people: Italian headings and words (issue 18 item 2); the CSV keeps the English machine form.
      expect(values[0]).toEqual(['Provincia (codice ISTAT)', 'Numero', 'Oscurato']);
      expect(values[values.length - 1][0]).toBe('Totale');
      const rows = values.slice(1, -1).map((l) => ({ keys: [String(l[0])], count: (l[1] as number | undefined) ?? null, suppressed: l[2] === 'sì' }));
      expect(rows).toEqual(q.data!.placementFlows.rows);
      expect(values[values.length - 1][1]).toBe(q.data!.placementFlows.total);
    });

    it('a repeated query parameter (?provinces=058&provinces=058, ?groupBy=SEX&groupBy=AGE_BAND) counts all its values, never none', async () => {
      const csvTotal = async (path: string) => {
        const res = await get(path, analyst);
        expect(res.status).toBe(200);
        const lines = parseCsv(await res.text());
        return { header: lines[0], total: lines[lines.length - 1] };
      };
      // Only 058 asked twice over: RPT-A's 20, not the region's 27.
      expect((await csvTotal(`/reports/placement-stock.csv?on=${D}&groupBy=PROVINCE&provinces=058&provinces=058`)).total).toEqual(['TOTAL', '20', 'false']);
      expect((await csvTotal(`/reports/placement-stock.csv?on=${D}&groupBy=SEX&groupBy=AGE_BAND`)).header).toEqual(['SEX', 'AGE_BAND', 'count', 'suppressed']);
      // A one-value parameter given twice is refused, not dropped (the filter would silently not apply).
      const twice = await get(`/reports/placement-stock.csv?on=${D}&startedFrom=2024-01-01&startedFrom=2024-02-01`, analyst);
      expect(twice.status).toBe(400);
      expect(((await twice.json()) as { errors: { extensions: Record<string, unknown> }[] }).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startedFrom' });
    });

    it('the ISTAT table and caseStock export too; the same role rules apply to the URL', async () => {
      const istat = await get('/reports/istat-residential.csv?year=2024', analyst);
      expect(istat.status).toBe(200);
      const [header, first] = parseCsv(await istat.text());
      expect(header.slice(0, 6)).toEqual(['code', 'name', 'structureType', 'province', 'capacity', 'hosted']);
      expect(first.slice(0, 6)).toEqual(['RPT-A', 'Comunità RPT-A', 'CEM', '058', '10', '20']);
      expect((await get(`/reports/case-stock.xlsx?on=${D}&groupBy=SEX`, analyst)).status).toBe(200);
      const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw', service: 'S-RPT-1' });
      expect((await get(`/reports/placement-stock.csv?on=${D}&groupBy=SEX`, sw)).status).toBe(403);
      expect((await get(`/reports/placement-stock.csv?on=${D}&groupBy=SEX`)).status).toBe(401);
      expect((await get(`/reports/placement-stock.csv?on=${D}&groupBy=SEX`, 'not-a-token')).status).toBe(401);
    });
  });

  describe('federated structure view', () => {
    const VIEW = 'query { structures(first: 50) { nodes { code name type capacity status occupancy } } }';
    it('supervisor: occupancy of its own territory only; analyst: all; fetches do not grow with the structures', async () => {
      const plans: string[] = [];
      const off = hub.handle.gateway.onQueryPlan((p) => plans.push(p));
      const sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-058', territory: '058' });
      const supRes = await hub.gql<{ structures: { nodes: any[] } }>(sup, VIEW);
      const supA = supRes.data!.structures.nodes.find((n) => n.code === 'RPT-A');
      const supB = supRes.data!.structures.nodes.find((n) => n.code === 'RPT-B');
      expect(supA).toMatchObject({ capacity: 10, status: 'ACTIVE', occupancy: 20 });
      expect(supB.occupancy).toBeNull();
      const asmi = hub.handle.modules.asmi.counter;
      asmi.reset();
      const before = await hub.gql<{ structures: { nodes: any[] } }>(analyst, VIEW);
      covers('Query.structures', 'REGIONAL_ANALYST', before);
      const statementsBefore = asmi.value;
      const planBefore = plans[plans.length - 1];
      expect(before.data!.structures.nodes.find((n) => n.code === 'RPT-B')).toMatchObject({ capacity: 8, occupancy: 7 });
      for (const c of ['RPT-C', 'RPT-D', 'RPT-E']) await registerActiveStructure(hub, c);
      asmi.reset();
      const after = await hub.gql<{ structures: { nodes: any[] } }>(analyst, VIEW);
      expectNoErrors(after);
      expect(after.data!.structures.nodes.length).toBe(before.data!.structures.nodes.length + 3);
      expect(asmi.value).toBe(statementsBefore);
      const fetches = (plan: string) => (plan.match(/Fetch\(/g) ?? []).length;
      expect(fetches(plans[plans.length - 1])).toBe(fetches(planBefore));
      off();
    });
  });

  it('SINBA alone may refresh the quasi-identifiers ASMI copied at admission', async () => {
    const m = await placement({ structure: 'RPT-B', admission: '2020-01-01', discharge: '2020-02-01', birth: '2010-01-01', sex: 'M' });
    const target = { url: hub.handle.modules.asmi.url, name: 'asmi', internalSecret: hub.config.internalSecret };
    const SYNC = 'mutation($m: [MinorQuasiIdentifiersInput!]!) { syncMinorQuasiIdentifiers(minors: $m) }';
    const input = { m: [{ minorId: m, birthDate: '2011-02-02', sex: 'F', citizenship: '404', unaccompanied: true }] };
    const denied = await callSubgraph(target, { role: 'SERVICE', sub: 'service:gateway', service: 'gateway' }, SYNC, input);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = await callSubgraph(target, { role: 'SERVICE', sub: 'service:sinba', service: 'sinba' }, SYNC, input);
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ syncMinorQuasiIdentifiers: 1 });
    const { rows } = await admin.query(`SELECT to_char(minor_birth_date, 'YYYY-MM-DD') AS b, minor_sex AS s, minor_citizenship AS c, minor_unaccompanied AS u FROM asmi.placement WHERE minor_id = $1`, [m]);
    expect(rows).toEqual([{ b: '2011-02-02', s: 'F', c: '404', u: true }]);
  });

  it('a birth recorded in SINBA reaches the placement copy in ASMI (completeBirth pushes to ASMI)', async () => {
    await registerActiveStructure(hub, 'RPT-U', { minAge: 0 });
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-u', service: 'S-RPT-U' });
    const reg = await hub.gql<{ registerUnborn: { id: string } }>(sw, 'mutation($input: RegisterUnbornInput!) { registerUnborn(input: $input) { id } }', { input: { expectedBirthDate: '2024-04-10', citizenship: '100' } });
    expectNoErrors(reg);
    const minorId = reg.data!.registerUnborn.id;
    expectNoErrors(await hub.gql(sw, 'mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }', { input: { minorId, startDate: '2024-03-01' } }));
    // An unborn child is no longer admitted (seed 003 §3.2.1, issue 15): the copy without a birth date is written as a row from before that rule.
    await admin.query(
      `INSERT INTO asmi.placement (minor_id, structure_code, admission_date, kind, minor_citizenship, minor_unaccompanied, structure_type, structure_province, referring_service, created_by, updated_by)
       VALUES ($1, 'RPT-U', '2024-03-20', 'MOTHER_AND_CHILD', '100', false, 'CABG', '058', 'S-RPT-U', 'test', 'test')`,
      [minorId],
    );
    const before = await admin.query('SELECT minor_birth_date, minor_sex FROM asmi.placement WHERE minor_id = $1', [minorId]);
    expect(before.rows).toEqual([{ minor_birth_date: null, minor_sex: null }]);
    const birth = await hub.gql(sw, 'mutation($input: CompleteBirthInput!) { completeBirth(input: $input) { id } }', {
      input: { minorId, firstName: 'Neo', lastName: 'Nato', birthDate: '2024-03-30', sex: 'F', birthMunicipality: '058091', residenceMunicipality: '058091' },
    });
    expectNoErrors(birth);
    const after = await admin.query(`SELECT to_char(minor_birth_date, 'YYYY-MM-DD') AS b, minor_sex AS s FROM asmi.placement WHERE minor_id = $1`, [minorId]);
    expect(after.rows).toEqual([{ b: '2024-03-30', s: 'F' }]);
  });

  it('the resync job puts back copies that drifted from SINBA', async () => {
    const [{ id }] = (await admin.query(`INSERT INTO sinba.minor (first_name, last_name, birth_date, sex, citizenship, created_by) VALUES ('R', 'S', '2012-12-12', 'M', '404', 'test') RETURNING id`)).rows;
    await placement({ minor: id, structure: 'RPT-B', admission: '2019-01-01', discharge: '2019-02-01', birth: '2000-01-01', sex: 'F', citizenship: '100' });
    const asmi = createServiceClient({ caller: 'sinba', target: 'asmi', url: () => hub.config.subgraphUrls.asmi, internalSecret: hub.config.internalSecret });
    const result = await resyncQuasiIdentifiers(hub.handle.modules.sinba.dataSource, asmi, 7);
    expect(result.minors).toBeGreaterThan(7);
    const { rows } = await admin.query(`SELECT to_char(minor_birth_date, 'YYYY-MM-DD') AS b, minor_sex AS s, minor_citizenship AS c FROM asmi.placement WHERE minor_id = $1`, [id]);
    expect(rows).toEqual([{ b: '2012-12-12', s: 'M', c: '404' }]);
  });
});
