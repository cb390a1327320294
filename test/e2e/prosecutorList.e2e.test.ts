import { PDFDocument } from 'pdf-lib';
import { PROSECUTOR_LIST_COLUMNS, PROSECUTOR_LIST_QUERY, type ProsecutorListData } from '../../gateway/routes/prosecutorList';
import { parseCsv } from '../support/csv';
import { covers } from '../support/coverage';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';

/*
 * The six-monthly prosecutor list (L. 184/1983 art. 9) through the gateway:
 * the per-row privacy rule (HOSTING lapses 30 days after discharge,
 * docs/privacy.md §3), who may ask, and the CSV and PDF downloads.
 */
const TODAY = '2024-09-15';

type ErrorBody = { errors: { extensions: Record<string, unknown> }[] };

describe('prosecutor list through the gateway', () => {
  let hub: TestHub;
  let op: string;
  const m: Record<string, { minorId: string; fiscalCode: string; placementId?: string }> = {};
  const base = () => hub.url.replace(/\/graphql$/, '');
  const download = (path: string, token?: string) => fetch(`${base()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const listQuery = (token: string) => hub.gql<{ prosecutorList: ProsecutorListData | null }>(token, PROSECUTOR_LIST_QUERY, { structureCode: 'PL-E', year: 2024, half: 1 });

  async function place(key: string, person: { firstName: string; lastName: string }, admissionDate: string, dischargeDate: string | null, extra: Record<string, unknown> = {}) {
    m[key] = await registerMinorWithCase(hub, 'S-PL', { ...person, birthDate: '2010-04-05', sex: 'F' });
    const adm = await hub.gql<{ admitMinor: { id: string } }>(op, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
      input: { minorId: m[key].minorId, structureCode: 'PL-E', admissionDate, kind: 'ORDINARY', referringService: 'S-PL', requestId: await requestPlacement(hub, 'S-PL', m[key].minorId, 'PL-E'), ...extra },
    });
    expectNoErrors(adm);
    m[key].placementId = adm.data!.admitMinor.id;
    if (dischargeDate) {
      expectNoErrors(
        await hub.gql(op, 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', {
          input: { placementId: m[key].placementId, dischargeDate, dischargeOutcome: 'RETURN_TO_FAMILY' },
        }),
      );
    }
  }

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => TODAY });
    op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-pl', structure: 'PL-E' });
    await registerActiveStructure(hub, 'PL-E');
    await registerActiveStructure(hub, 'PL-F');
    // Discharged on 2024-04-30, more than 30 days before today: the structure no longer hosts her.
    await place('lapsed', { firstName: 'Lapsa', lastName: 'Dimessa' }, '2023-12-01', '2024-04-30', { legalBasis: 'COURT_ORDER', courtOrderReference: 'TM Roma 77/2023' });
    // Discharged 14 days ago: still hosted in the sense of docs/privacy.md §3.
    await place('recent', { firstName: 'Rita', lastName: 'Recente, "Bis"' }, '2024-02-01', '2024-09-01');
    await place('present', { firstName: 'Paola', lastName: 'Presente' }, '2024-06-01', null, { legalBasis: 'CONSENSUAL' });
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('within its window the list is complete in every row (docs/privacy.md §11 PROSECUTOR_LIST), court order reference included', async () => {
    const res = await listQuery(op);
    // The purpose opens IDENTITY, DEMOGRAPHIC and PLACEMENT only: a minor no longer hosted keeps its pseudonym hidden.
    expect((res.errors ?? []).map((e) => `${e.path?.join('.')}:${e.extensions?.dataClass}`)).toEqual(['prosecutorList.rows.0.minorPseudonym:PSEUDONYM']);
    const list = res.data!.prosecutorList!;
    expect(list.rows.map((r) => r.id)).toEqual([m.lapsed.placementId, m.recent.placementId, m.present.placementId]);
    expect(covers<ProsecutorListData>('Query.prosecutorList', 'STRUCTURE_OPERATOR', res)).toBe(list);
    const [lapsed, recent, present] = list.rows;
    expect(present).toMatchObject({
      identityNote: null,
      minorBirthDate: '2010-04-05',
      minorSex: 'F',
      dischargedAfterPeriod: true,
      placement: { admissionDate: '2024-06-01', dischargeDate: null, legalBasis: 'CONSENSUAL', minor: { firstName: 'Paola', lastName: 'Presente', fiscalCode: m.present.fiscalCode } },
    });
    expect(recent).toMatchObject({ identityNote: null, placement: { dischargeDate: '2024-09-01', minor: { firstName: 'Rita' } } });
    // Discharged more than 30 days ago (no HOSTING any more), yet on the list it is owed: every value is there.
    expect(lapsed).toMatchObject({
      identityNote: null,
      minorBirthDate: '2010-04-05',
      placement: { admissionDate: '2023-12-01', dischargeDate: '2024-04-30', legalBasis: 'COURT_ORDER', courtOrderReference: 'TM Roma 77/2023', minor: { firstName: 'Lapsa', lastName: 'Dimessa', fiscalCode: m.lapsed.fiscalCode } },
    });
    // Every row is audited with the purpose.
    const dpo = hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo' });
    const log = await hub.gql<{ accessLog: { subject: string; purpose: string | null; dataClasses: string[] }[] }>(dpo, 'query($id: ID!) { accessLog(minorId: $id) { subject purpose dataClasses } }', { id: m.lapsed.minorId });
    expectNoErrors(log);
    expect(log.data!.accessLog).toContainEqual(expect.objectContaining({ subject: 'op-pl', purpose: 'PROSECUTOR_LIST', dataClasses: expect.arrayContaining(['IDENTITY', 'PLACEMENT']) }));
  });

  it('outside its window (after the following half-year) a row whose HOSTING lapsed keeps only its id and the note', async () => {
    // 2023 H2 is owed until 2024-06-30; today is 2024-09-15.
    const res = await hub.gql<{ prosecutorList: ProsecutorListData | null }>(op, PROSECUTOR_LIST_QUERY, { structureCode: 'PL-E', year: 2023, half: 2 });
    const rows = res.data!.prosecutorList!.rows;
    expect(rows.map((r) => r.id)).toEqual([m.lapsed.placementId]);
    expect(rows[0]).toMatchObject({ minorPseudonym: null, minorBirthDate: null, placement: null, identityNote: expect.stringMatching(/case-holding social service/) });
    expect(res.text).not.toContain('Lapsa');
    expect(res.text).not.toContain(m.lapsed.fiscalCode);
  });

  it('does not open the purpose to an operation that asks for anything besides the list', async () => {
    const q = `query($id: ID!) { prosecutorList(structureCode: "PL-E", year: 2024, half: 1) { rows { placement { minor { firstName } } } } minor(id: $id) { firstName } }`;
    const res = await hub.gql<any>(op, q, { id: m.lapsed.minorId });
    expect(res.text).not.toContain('Lapsa');
  });

  it('is FORBIDDEN to another structure operator and to a social worker, even the case holder', async () => {
    for (const token of [hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-f', structure: 'PL-F' }), hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-S-PL', service: 'S-PL' })]) {
      const res = await listQuery(token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.prosecutorList ?? null).toBeNull();
      const file = await download('/reports/prosecutor-list/PL-E/2024/1.csv', token);
      expect(file.status).toBe(403);
      expect(((await file.json()) as ErrorBody).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await download('/reports/prosecutor-list/PL-E/2024/1.csv')).status).toBe(401);
    expect((await download('/reports/prosecutor-list/PL-E/2024/1.csv', 'not-a-token')).status).toBe(401);
  });

  it('serves the CSV (RFC 4180, header row) with the same content as the GraphQL result, and audits the read', async () => {
    const res = await download('/reports/prosecutor-list/PL-E/2024/1.csv', op);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="prosecutor-list-PL-E-2024-H1.csv"');
    const text = await res.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(PROSECUTOR_LIST_COLUMNS.map(([name]) => name));
    const list = (await listQuery(op)).data!.prosecutorList!;
    const expected = list.rows.map((r) => PROSECUTOR_LIST_COLUMNS.map(([, get]) => { const v = get(r, list); return v === null || v === undefined ? '' : String(v); }));
    expect(rows).toEqual(expected);
    const byId = new Map(rows.map((r) => [r[header.indexOf('Id accoglienza')], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    expect(byId.get(m.recent.placementId!)).toMatchObject({ Cognome: 'Recente, "Bis"', Nome: 'Rita', 'Data di ingresso': '01/02/2024', 'Data di dimissione': '01/09/2024', 'Servizio inviante': 'S-PL', 'Estremi del provvedimento': '' });
    // Inside the PROSECUTOR_LIST window every row is complete (docs/privacy.md §11), the lapsed one included.
    expect(byId.get(m.lapsed.placementId!)).toMatchObject({ Cognome: 'Dimessa', 'Codice fiscale': m.lapsed.fiscalCode, 'Data di ingresso': '01/12/2023', 'Estremi del provvedimento': 'TM Roma 77/2023', Note: '' });

    const dpo = hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo' });
    const log = await hub.gql<{ accessLog: { subject: string; operationName: string; action: string; purpose: string | null }[] }>(dpo, 'query($id: ID!) { accessLog(minorId: $id) { subject operationName action purpose } }', { id: m.present.minorId });
    expectNoErrors(log);
    expect(log.data!.accessLog).toContainEqual({ subject: 'op-pl', operationName: 'ProsecutorListDownload', action: 'READ', purpose: 'PROSECUTOR_LIST' });
  });

  it('serves an A4 PDF that pdf-lib can load', async () => {
    const res = await download('/reports/prosecutor-list/PL-E/2024/1.pdf', op);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(doc.getTitle()).toBe('Elenco semestrale minori ospitati PL-E 2024 S1');
  });

  it('answers 400 BAD_USER_INPUT naming year or half for a bad period', async () => {
    const expectBad = async (path: string, field: string) => {
      const res = await download(path, op);
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    };
    await expectBad('/reports/prosecutor-list/PL-E/20x4/1.csv', 'year');
    await expectBad('/reports/prosecutor-list/PL-E/2024/one.pdf', 'half');
    await expectBad('/reports/prosecutor-list/PL-E/2024/3.csv', 'half');
    await expectBad('/reports/prosecutor-list/PL-E/2025/1.pdf', 'year');
    expect((await download('/reports/prosecutor-list/PL-E/2024/1.xlsx', op)).status).toBe(404);
  });

  describe('data-quality list (placementQualityIssues)', () => {
    const ISSUES = '{ placementQualityIssues { nodes { placementId minorPseudonym structureCode flag since } } }';
    let noCase: { minorId: string; placementId: string };

    beforeAll(async () => {
      const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-q', service: 'S-Q' });
      const reg = await hub.gql<{ registerMinor: { id: string } }>(sw, 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
        input: { firstName: 'Senza', lastName: 'Cartella', birthDate: '2011-02-03', sex: 'M', citizenship: '100' },
      });
      expectNoErrors(reg);
      const opF = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-f', structure: 'PL-F' });
      const adm = await hub.gql<{ admitMinor: { id: string } }>(opF, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
        input: { minorId: reg.data!.registerMinor.id, structureCode: 'PL-F', admissionDate: '2024-06-01', kind: 'ORDINARY' },
      });
      expectNoErrors(adm);
      noCase = { minorId: reg.data!.registerMinor.id, placementId: adm.data!.admitMinor.id };
    });

    it('gives a regional analyst the pseudonymous lines of the region, never the minor', async () => {
      const analyst = hub.token({ role: 'REGIONAL_ANALYST', sub: 'an' });
      const res = await hub.gql<{ placementQualityIssues: { nodes: Record<string, unknown>[] } }>(analyst, ISSUES);
      expect(covers('Query.placementQualityIssues', 'REGIONAL_ANALYST', res).nodes).toEqual([{ placementId: noCase.placementId, minorPseudonym: expect.stringMatching(/^[A-Z2-7]{32}$/), structureCode: 'PL-F', flag: 'NO_OPEN_CASE', since: '2024-07-01' }]);
      const withMinor = await hub.gql(analyst, '{ placementQualityIssues { nodes { flag minor { id } } } }');
      expect(withMinor.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHORIZED_FIELD_OR_TYPE', dataClass: 'PLACEMENT' });
      expect(withMinor.text).not.toContain(noCase.minorId);
    });

    it('scopes the lines: supervisor of the province and the hosting operator see them, another operator none, a social worker FORBIDDEN', async () => {
      const lines = async (token: string) => (await hub.gql<{ placementQualityIssues: { nodes: { placementId: string; flag: string }[] } }>(token, ISSUES)).data!.placementQualityIssues.nodes;
      expect(await lines(hub.token({ role: 'SUPERVISOR', sub: 's8', territory: '058' }))).toEqual([expect.objectContaining({ placementId: noCase.placementId, flag: 'NO_OPEN_CASE' })]);
      expect(await lines(hub.token({ role: 'SUPERVISOR', sub: 's9', territory: '059' }))).toEqual([]);
      expect(await lines(hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-f', structure: 'PL-F' }))).toEqual([expect.objectContaining({ placementId: noCase.placementId, flag: 'NO_OPEN_CASE' })]);
      expect(await lines(op)).toEqual([]);
      const sw = await hub.gql(hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-q', service: 'S-Q' }), ISSUES);
      expect(sw.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('shows the flag on the placement to its operator', async () => {
      const opF = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-f', structure: 'PL-F' });
      const res = await hub.gql<{ placement: { qualityFlags: string[] } }>(opF, 'query($id: ID!) { placement(id: $id) { qualityFlags } }', { id: noCase.placementId });
      expect(covers('Query.placement', 'STRUCTURE_OPERATOR', res).qualityFlags).toEqual(['NO_OPEN_CASE']);
    });
  });
});

describe('prosecutor list download when SINBA does not answer', () => {
  let hub: TestHub;
  let op: string;
  beforeAll(async () => {
    hub = await startTestHub({ clock: () => TODAY });
    op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-pl', structure: 'PL-E' });
    await registerActiveStructure(hub, 'PL-E');
    const minor = await registerMinorWithCase(hub, 'S-PL', { firstName: 'Paola', lastName: 'Presente', birthDate: '2010-04-05', sex: 'F' });
    expectNoErrors(
      await hub.gql(op, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
        input: { minorId: minor.minorId, structureCode: 'PL-E', admissionDate: '2024-06-01', kind: 'ORDINARY', referringService: 'S-PL', requestId: await requestPlacement(hub, 'S-PL', minor.minorId, 'PL-E') },
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('is an error, never a 200 file whose identities are silently empty', async () => {
    const ok = await fetch(`${hub.url.replace(/\/graphql$/, '')}/reports/prosecutor-list/PL-E/2024/1.csv`, { headers: { authorization: `Bearer ${op}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Presente');
    await hub.handle.modules.sinba.stop();
    for (const format of ['csv', 'pdf']) {
      const res = await fetch(`${hub.url.replace(/\/graphql$/, '')}/reports/prosecutor-list/PL-E/2024/1.${format}`, { headers: { authorization: `Bearer ${op}` } });
      expect({ format, status: res.status }).not.toEqual({ format, status: 200 });
      const body = (await res.json()) as ErrorBody;
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(body.errors.length).toBeGreaterThan(0);
    }
  });
});
