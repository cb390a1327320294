import { Client } from 'pg';
import { startTestHub, type TestHub } from '../support/startHub';
import { findCode } from '@shared/codes';
import { pseudonymOf } from '@shared/privacy';
import { parseCsv } from '../support/csv';
import { covers } from '../support/coverage';
import { expectNoErrors, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';

/**
 * Seed rules of issue 15 end to end through the gateway on real PostgreSQL:
 * each refusal is checked to change nothing (the tables are counted before
 * and after). Today is fixed at 2024-06-15.
 */
const TODAY = '2024-06-15';
const ADD = 'mutation A($input: AddInterventionInput!) { addIntervention(input: $input) { id type startDate } }';
const END = 'mutation E($input: EndInterventionInput!) { endIntervention(input: $input) { id endDate } }';
const OPEN = 'mutation O($input: OpenCaseInput!) { openCase(input: $input) { id } }';
const ADMIT = 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }';

describe('seed rules (issue 15)', () => {
  let hub: TestHub;
  let admin: Client;
  const sw = (service: string) => hub.token({ role: 'SOCIAL_WORKER', sub: `sw-${service}`, service });

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => TODAY });
    admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    await registerActiveStructure(hub, 'SR-01');
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await hub?.stop();
  });

  async function count(table: string): Promise<number> {
    const r = await admin.query(`SELECT count(*)::int AS n FROM ${table}`);
    return r.rows[0].n;
  }

  /** The request is refused with `code` on `field`, and the table is unchanged. */
  async function expectRefused(token: string, query: string, input: Record<string, unknown>, code: string, field: string, table = 'sinba.intervention'): Promise<void> {
    const before = await count(table);
    const res = await hub.gql(token, query, { input });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    expect(await count(table)).toBe(before);
  }

  it('seed 003 §3.9.6: each placement type admits the ages the seed gives it', async () => {
    const { caseId: child } = await registerMinorWithCase(hub, 'S-AGE', { birthDate: '2013-03-01' }); // 11 in 2024
    const { caseId: toddler } = await registerMinorWithCase(hub, 'S-AGE', { birthDate: '2021-01-01' }); // 3 in 2024
    const { caseId: teen } = await registerMinorWithCase(hub, 'S-AGE', { birthDate: '2007-01-01' }); // 17 in 2024
    const token = sw('S-AGE');
    await expectRefused(token, ADD, { caseId: child, type: 'DISABILITY_DAY_CENTRE', startDate: '2024-05-01', structureCode: 'SR-01' }, 'BAD_USER_INPUT', 'type');
    await expectRefused(token, ADD, { caseId: child, type: 'DISABILITY_RESIDENTIAL_CENTRE', startDate: '2024-05-01', structureCode: 'SR-01' }, 'BAD_USER_INPUT', 'type');
    await expectRefused(token, ADD, { caseId: toddler, type: 'RESIDENTIAL_EDUCATIONAL_COMMUNITY', startDate: '2024-05-01', structureCode: 'SR-01' }, 'BAD_USER_INPUT', 'type');
    await expectRefused(token, ADD, { caseId: child, type: 'HIGH_AUTONOMY_COMMUNITY', startDate: '2024-05-01', structureCode: 'SR-01' }, 'BAD_USER_INPUT', 'type');
    const refused = await hub.gql(token, ADD, { input: { caseId: toddler, type: 'INTEGRATED_EDUCATIONAL_COMMUNITY', startDate: '2024-05-01', structureCode: 'SR-01' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ minAge: 6, maxAge: 17 });
    // Within the limits: accepted.
    expectNoErrors(await hub.gql(token, ADD, { input: { caseId: child, type: 'RESIDENTIAL_EDUCATIONAL_COMMUNITY', startDate: '2024-05-01', structureCode: 'SR-01' } }));
    expectNoErrors(await hub.gql(token, ADD, { input: { caseId: teen, type: 'HIGH_AUTONOMY_COMMUNITY', startDate: '2024-05-01', structureCode: 'SR-01' } }));
    expectNoErrors(await hub.gql(token, ADD, { input: { caseId: toddler, type: 'FAMILY_COMMUNITY', startDate: '2024-05-01', structureCode: 'SR-01' } }));
  });

  it('seed 003 §3.9.1 §3.9.6: one full-time placement at a time (structure or foster care)', async () => {
    const { minorId, caseId } = await registerMinorWithCase(hub, 'S-ONE', { birthDate: '2012-01-01' });
    const token = sw('S-ONE');
    const first = await hub.gql<{ addIntervention: { id: string } }>(token, ADD, { input: { caseId, type: 'FAMILY_COMMUNITY', startDate: '2024-01-10', structureCode: 'SR-01' } });
    expectNoErrors(first);
    await expectRefused(token, ADD, { caseId, type: 'RESIDENTIAL_EDUCATIONAL_COMMUNITY', startDate: '2024-03-01', structureCode: 'SR-01' }, 'PLACEMENT_OVERLAP', 'startDate');
    await expectRefused(token, ADD, { caseId, type: 'FAMILY_FOSTER_CARE_JUDICIAL', startDate: '2024-03-01' }, 'PLACEMENT_OVERLAP', 'startDate');
    // A placement ended before the open one started does not overlap.
    await expectRefused(token, ADD, { caseId, type: 'MULTI_USER_FAMILY_HOME', startDate: '2023-12-01', endDate: '2024-01-11', structureCode: 'SR-01' }, 'PLACEMENT_OVERLAP', 'startDate');
    expectNoErrors(await hub.gql(token, ADD, { input: { caseId, type: 'MULTI_USER_FAMILY_HOME', startDate: '2023-12-01', endDate: '2024-01-10', structureCode: 'SR-01' } }));
    // Day structures and part-time foster care are not where the minor lives: accepted.
    expectNoErrors(await hub.gql(token, ADD, { input: { caseId, type: 'SEMI_RESIDENTIAL_EDUCATIONAL', startDate: '2024-03-01', structureCode: 'SR-01' } }));
    expectNoErrors(await hub.gql(token, ADD, { input: { caseId, type: 'FAMILY_FOSTER_CARE_CONSENSUAL', startDate: '2024-03-01', fosterCareSchedule: 'PART_TIME' } }));
    // Another service co-managing the case cannot place the minor elsewhere either.
    const other = sw('S-ONE-B');
    const co = await hub.gql<{ openCase: { id: string } }>(other, OPEN, { input: { minorId, startDate: '2024-02-01', coManagementReason: 'COMMUNITY_PLACEMENT' } });
    expectNoErrors(co);
    await expectRefused(other, ADD, { caseId: co.data!.openCase.id, type: 'EMERGENCY_PLACEMENT', startDate: '2024-04-01', structureCode: 'SR-01' }, 'PLACEMENT_OVERLAP', 'startDate');
    // A transfer: the first ends on D, the next starts on D.
    expectNoErrors(await hub.gql(token, END, { input: { interventionId: first.data!.addIntervention.id, endDate: '2024-05-01' } }));
    expectNoErrors(await hub.gql(token, ADD, { input: { caseId, type: 'FAMILY_FOSTER_CARE_JUDICIAL', startDate: '2024-05-01' } }));
  });

  it('seed 003 §3.9.1 §3.9.2: under co-management only the service that follows a foster care or adoption records it', async () => {
    const { minorId, caseId } = await registerMinorWithCase(hub, 'S-REC-A', { birthDate: '2015-01-01' });
    expectNoErrors(await hub.gql(sw('S-REC-A'), ADD, { input: { caseId, type: 'KINSHIP_FOSTER_CARE_CONSENSUAL', startDate: '2024-01-10' } }));
    const other = sw('S-REC-B');
    const co = await hub.gql<{ openCase: { id: string } }>(other, OPEN, { input: { minorId, startDate: '2024-02-01', coManagementReason: 'FOSTER_CARE' } });
    expectNoErrors(co);
    const coCase = co.data!.openCase.id;
    await expectRefused(other, ADD, { caseId: coCase, type: 'KINSHIP_FOSTER_CARE_CONSENSUAL', startDate: '2024-02-01', fosterCareSchedule: 'PART_TIME' }, 'RECORDED_BY_OTHER_SERVICE', 'type');
    await expectRefused(other, ADD, { caseId: coCase, type: 'NATIONAL_ADOPTION', startDate: '2024-03-01' }, 'RECORDED_BY_OTHER_SERVICE', 'type');
    // The co-managing service records its own other interventions.
    expectNoErrors(await hub.gql(other, ADD, { input: { caseId: coCase, type: 'HOME_EDUCATIONAL', startDate: '2024-02-01' } }));
  });

  it('seed 003 §3.2.1: an unborn child (NASCITURO) cannot be admitted to a structure', async () => {
    const token = sw('S-UNB');
    const unborn = await hub.gql<{ registerUnborn: { id: string } }>(token, 'mutation U($input: RegisterUnbornInput!) { registerUnborn(input: $input) { id } }', { input: { expectedBirthDate: '2024-08-01' } });
    expectNoErrors(unborn);
    const op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-sr', structure: 'SR-01' });
    await expectRefused(op, ADMIT, { minorId: unborn.data!.registerUnborn.id, structureCode: 'SR-01', admissionDate: '2024-06-01', kind: 'ORDINARY' }, 'BAD_USER_INPUT', 'minorId', 'asmi.placement');
  });

  it('seed 001 "Anagrafica dei Minori (unica)": without a fiscal code, the same person is POSSIBLE_DUPLICATE unless confirmNewPerson', async () => {
    const token = sw('S-DUP');
    const REGISTER = 'mutation R($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }';
    const person = { firstName: 'Niccolò', lastName: "D'Amico", birthDate: '2016-04-05', sex: 'M', citizenship: '100' };
    const first = await hub.gql<{ registerMinor: { id: string } }>(token, REGISTER, { input: person });
    expectNoErrors(first);
    const firstId = first.data!.registerMinor.id;
    const variant = { ...person, firstName: ' NICCOLO ', lastName: 'd amico' };
    const before = await count('sinba.minor');
    const refused = await hub.gql(token, REGISTER, { input: variant });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'POSSIBLE_DUPLICATE', field: 'confirmNewPerson' });
    // Reveals neither the existing id nor the name.
    expect(refused.text).not.toContain(firstId);
    expect(refused.text.toLowerCase()).not.toMatch(/niccol|amico/);
    expect(await count('sinba.minor')).toBe(before);
    // Another birth date or sex is another person.
    expectNoErrors(await hub.gql(token, REGISTER, { input: { ...variant, birthDate: '2016-04-06' } }));
    // Confirmed: registered, and the row keeps the confirmation.
    const confirmed = await hub.gql<{ registerMinor: { id: string } }>(token, REGISTER, { input: { ...variant, confirmNewPerson: true } });
    expectNoErrors(confirmed);
    const row = await admin.query('SELECT confirmed_new_person FROM sinba.minor WHERE id = $1', [confirmed.data!.registerMinor.id]);
    expect(row.rows[0].confirmed_new_person).toBe(true);
    const plain = await admin.query('SELECT confirmed_new_person FROM sinba.minor WHERE id = $1', [firstId]);
    expect(plain.rows[0].confirmed_new_person).toBe(false);
  });

  it('seed 003 §3.9.2: an adoption that ends needs its end situation (SITUAZIONE FINE INTERVENTO)', async () => {
    const { caseId } = await registerMinorWithCase(hub, 'S-ADO', { birthDate: '2019-01-01' });
    const token = sw('S-ADO');
    const ADD_FULL = 'mutation A($input: AddInterventionInput!) { addIntervention(input: $input) { id endSituation adoptionDisruption } }';
    const END_FULL = 'mutation E($input: EndInterventionInput!) { endIntervention(input: $input) { id endDate endSituation adoptionDisruption } }';
    const adoption = await hub.gql<{ addIntervention: { id: string } }>(token, ADD_FULL, { input: { caseId, type: 'NATIONAL_ADOPTION', startDate: '2024-01-10' } });
    expectNoErrors(adoption);
    const id = adoption.data!.addIntervention.id;
    const openRows = async () => (await admin.query('SELECT end_date, end_situation FROM sinba.intervention WHERE id = $1', [id])).rows;
    const before = await openRows();
    for (const [input, code, field] of [
      [{ interventionId: id, endDate: '2024-05-01' }, 'BAD_USER_INPUT', 'endSituation'],
      [{ interventionId: id, endDate: '2024-05-01', endSituation: 'NEVER' }, 'INVALID_CODE', 'endSituation'],
      [{ interventionId: id, endDate: '2024-05-01', endSituation: 'ADOPTION_FINALISED', adoptionDisruption: 'WITHIN_FIRST_YEAR' }, 'BAD_USER_INPUT', 'adoptionDisruption'],
    ] as const) {
      const res = await hub.gql(token, END_FULL, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
      expect(await openRows()).toEqual(before);
    }
    // Added as already ended: the same rule.
    await expectRefused(token, ADD_FULL, { caseId, type: 'INTERNATIONAL_ADOPTION', startDate: '2023-01-10', endDate: '2023-06-01' }, 'BAD_USER_INPUT', 'endSituation');
    await expectRefused(token, ADD_FULL, { caseId, type: 'HOME_CARE', startDate: '2023-01-10', endDate: '2023-06-01', endSituation: 'OTHER' }, 'BAD_USER_INPUT', 'endSituation');
    // A normal ending, then a removal that implies its disruption code.
    const ended = await hub.gql(token, END_FULL, { input: { interventionId: id, endDate: '2024-05-01', endSituation: 'ADOPTION_FINALISED' } });
    expectNoErrors(ended);
    expect(ended.data!.endIntervention).toMatchObject({ endSituation: 'ADOPTION_FINALISED', adoptionDisruption: null });
    const removed = await hub.gql(token, ADD_FULL, { input: { caseId, type: 'INTERNATIONAL_ADOPTION', startDate: '2023-01-10', endDate: '2023-06-01', endSituation: 'ADOPTIVE_REMOVAL_WITHIN_FIRST_YEAR' } });
    expectNoErrors(removed);
    expect(removed.data!.addIntervention).toMatchObject({ endSituation: 'ADOPTIVE_REMOVAL_WITHIN_FIRST_YEAR', adoptionDisruption: 'WITHIN_FIRST_YEAR' });
    const list = await hub.gql<{ codes: { code: string; group: string }[] }>(undefined, 'query { codes(list: "INTERVENTION_END_SITUATION") { code group } }');
    expect(new Set(list.data!.codes.map((c) => c.group))).toEqual(new Set(['NORMAL', 'DISRUPTION', 'OTHER']));
  });

  it('seed 003 §3.2: open cases with no intervention in progress and none started in the last 12 months are flagged CASE_WITHOUT_ACTIVITY', async () => {
    const token = sw('S-ACT');
    const QUALITY = 'query { caseQualityIssues(first: 100) { nodes { minorPseudonym flag since } } }';
    const PSEUDONYM = 'query($id: ID!) { minor(id: $id) { pseudonym } }';
    // registerMinorWithCase opens the cases on 2021-01-01.
    const idle = await registerMinorWithCase(hub, 'S-ACT', { birthDate: '2012-01-01' });
    expectNoErrors(await hub.gql(token, ADD, { input: { caseId: idle.caseId, type: 'HOME_CARE', startDate: '2022-01-10', endDate: '2023-03-31' } }));
    const ongoing = await registerMinorWithCase(hub, 'S-ACT', { birthDate: '2012-01-01' });
    expectNoErrors(await hub.gql(token, ADD, { input: { caseId: ongoing.caseId, type: 'HOME_CARE', startDate: '2021-02-01' } }));
    const recent = await registerMinorWithCase(hub, 'S-ACT', { birthDate: '2012-01-01' });
    expectNoErrors(await hub.gql(token, ADD, { input: { caseId: recent.caseId, type: 'HOME_CARE', startDate: '2023-07-01', endDate: '2023-08-01' } }));
    const never = await registerMinorWithCase(hub, 'S-ACT', { birthDate: '2012-01-01' });
    const pseudonym = async (id: string) => (await hub.gql<{ minor: { pseudonym: string } }>(token, PSEUDONYM, { id })).data!.minor.pseudonym;
    const res = await hub.gql<{ caseQualityIssues: { nodes: { minorPseudonym: string; flag: string; since: string }[] } }>(token, QUALITY);
    expectNoErrors(res);
    const byMinor = new Map(res.data!.caseQualityIssues.nodes.map((n) => [n.minorPseudonym, n]));
    // Last intervention ended 2023-03-31 and started 2022-01-10: flagged from the day after its end.
    expect(byMinor.get(await pseudonym(idle.minorId))).toEqual({ minorPseudonym: await pseudonym(idle.minorId), flag: 'CASE_WITHOUT_ACTIVITY', since: '2023-04-01' });
    expect(byMinor.has(await pseudonym(ongoing.minorId))).toBe(false);
    // Started within the last 12 months (2023-07-01 > 2023-06-15): not yet.
    expect(byMinor.has(await pseudonym(recent.minorId))).toBe(false);
    // Never an intervention: the 30-day flag only.
    expect(byMinor.get(await pseudonym(never.minorId))).toMatchObject({ flag: 'CASE_WITHOUT_INTERVENTIONS', since: '2021-01-31' });
    const only = await hub.gql<{ caseQualityIssues: { nodes: { flag: string }[] } }>(token, 'query { caseQualityIssues(first: 100, filter: { flag: CASE_WITHOUT_ACTIVITY }) { nodes { flag } } }');
    expectNoErrors(only);
    expect(only.data!.caseQualityIssues.nodes.length).toBeGreaterThan(0);
    expect(new Set(only.data!.caseQualityIssues.nodes.map((n) => n.flag))).toEqual(new Set(['CASE_WITHOUT_ACTIVITY']));
  });

  it('seed 002 interrogazioni storiche: structureAsOf is valid time (as statusOn), recordedOn the recording axis', async () => {
    // Registered today (2024-06-15) with an authorisation valid since 2020-01-01.
    await registerActiveStructure(hub, 'SR-HIST', { capacity: 8 });
    const AS_OF = 'query($code: ID!, $date: Date!, $rec: Date) { structureAsOf(code: $code, date: $date, recordedOn: $rec) { asOf recordedOn capacity status } structure(code: $code) { statusOn(date: $date) } }';
    const at = async (date: string, rec: string | null = null) => {
      const res = await hub.gql<{ structureAsOf: { capacity: number; status: string } | null; structure: { statusOn: string } }>(undefined, AS_OF, { code: 'SR-HIST', date, rec });
      expectNoErrors(res);
      return res.data!;
    };
    const past = await at('2021-06-01');
    expect(past.structureAsOf).toEqual({ asOf: '2021-06-01', recordedOn: null, capacity: 8, status: 'ACTIVE' });
    expect(past.structureAsOf!.status).toBe(past.structure.statusOn);
    expect((await at('2019-12-31')).structureAsOf).toBeNull();
    // Recording axis: the registry did not know the structure before it was recorded.
    expect((await at('2021-06-01', '2000-01-01')).structureAsOf).toBeNull();
    // Backdate the recording of the registration and the act, then change the capacity today.
    // (the log is append-only: its trigger is bypassed for this test's own rows only)
    await admin.query('BEGIN');
    await admin.query(`SET LOCAL session_replication_role = replica`);
    await admin.query(`UPDATE asso.structure_change SET changed_at = '2023-01-01T10:00:00Z' WHERE structure_code = 'SR-HIST'`);
    await admin.query(`UPDATE asso.act SET created_at = '2023-01-01T10:00:00Z' WHERE structure_code = 'SR-HIST'`);
    await admin.query('COMMIT');
    const sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-e2e', territory: '058' });
    expectNoErrors(await hub.gql(sup, 'mutation($input: UpdateStructureInput!) { updateStructure(input: $input) { code } }', { input: { code: 'SR-HIST', capacity: 12 } }));
    expect((await at('2024-06-15')).structureAsOf).toMatchObject({ capacity: 12, status: 'ACTIVE' });
    expect((await at('2024-06-14')).structureAsOf).toMatchObject({ capacity: 8 });
    // What the registry said on 2023-06-01 about today: the capacity recorded then.
    expect((await at('2024-06-15', '2023-06-01')).structureAsOf).toEqual({ asOf: '2024-06-15', recordedOn: '2023-06-01', capacity: 8, status: 'ACTIVE' });
  });

  it('seed 001 "il censimento della propria struttura": the operator updates contacts, address and description, not type, places or ages', async () => {
    await registerActiveStructure(hub, 'SR-CENS', { capacity: 8 });
    const UPDATE = 'mutation($input: UpdateStructureInput!) { updateStructure(input: $input) { code address phone publicEmail description capacity } }';
    const op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-cens', structure: 'SR-CENS' });
    const other = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-other', structure: 'SR-01' });
    const row = async () => (await admin.query(`SELECT address, phone, description, capacity, type, min_age FROM asso.structure WHERE code = 'SR-CENS'`)).rows[0];
    const before = await row();
    for (const [token, input, field] of [
      [op, { code: 'SR-CENS', phone: '06 1234567', capacity: 20 }, 'capacity'],
      [op, { code: 'SR-CENS', type: 'CEM' }, 'type'],
      [op, { code: 'SR-CENS', minAge: 3 }, 'minAge'],
      [other, { code: 'SR-CENS', phone: '06 1234567' }, undefined],
    ] as const) {
      const res = await hub.gql(token, UPDATE, { input });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
      expect(await row()).toEqual(before);
    }
    const tooLong = await hub.gql(op, UPDATE, { input: { code: 'SR-CENS', description: 'x'.repeat(2001) } });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    expect(await row()).toEqual(before);
    const ok = await hub.gql(op, UPDATE, { input: { code: 'SR-CENS', address: 'Via Roma 1, scala B', phone: '06 1234567', publicEmail: 'info@casa.it', description: 'Casa famiglia con giardino' } });
    expectNoErrors(ok);
    expect(ok.data!.updateStructure).toEqual({ code: 'SR-CENS', address: 'Via Roma 1, scala B', phone: '06 1234567', publicEmail: 'info@casa.it', description: 'Casa famiglia con giardino', capacity: 8 });
    // Who changed what: the registry's history, read by the structure's own operator.
    const hist = await hub.gql<{ structure: { history: { operation: string; changedBy: string; changes: string }[] } }>(op, 'query { structure(code: "SR-CENS") { history { operation changedBy changes } } }');
    expectNoErrors(hist);
    const last = hist.data!.structure.history.filter((h) => h.operation === 'UPDATE').pop()!;
    expect(last.changedBy).toBe('op-cens');
    expect(Object.keys(JSON.parse(last.changes)).sort()).toEqual(['address', 'description', 'phone', 'public_email']);
  });

  it('seeds 000/004 national tables: interventionStock and interventionFlows by INTERVENTION_GROUP and LEGAL_BASIS match SQL on the data', async () => {
    // Five minors in judicial family foster care, five in a residential community (cells of at least MIN_CELL_SIZE 5).
    for (let k = 0; k < 5; k++) {
      const f = await registerMinorWithCase(hub, 'S-NAT', { birthDate: '2012-03-01', sex: k % 2 ? 'M' : 'F' });
      expectNoErrors(await hub.gql(sw('S-NAT'), ADD, { input: { caseId: f.caseId, type: 'FAMILY_FOSTER_CARE_JUDICIAL', startDate: '2024-02-01' } }));
      const r = await registerMinorWithCase(hub, 'S-NAT', { birthDate: '2010-03-01' });
      expectNoErrors(await hub.gql(sw('S-NAT'), ADD, { input: { caseId: r.caseId, type: 'RESIDENTIAL_EDUCATIONAL_COMMUNITY', startDate: '2024-03-01', structureCode: 'SR-01' } }));
    }
    const analyst = hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-nat' });
    const STOCK = `query($on: Date!, $groupBy: [ReportDimension!]!, $groups: [String!]) { interventionStock(on: $on, groupBy: $groupBy, groups: $groups) { dimensions rows { keys count suppressed } total totalSuppressed minCellSize } }`;
    const FLOWS = `query($groupBy: [ReportDimension!]!, $groups: [String!]) { interventionFlows(from: "2024-01-01", to: "2024-12-31", direction: ENTRIES, groupBy: $groupBy, groups: $groups) { rows { keys count suppressed } total totalSuppressed } }`;
    const groups = ['3.9.1', '3.9.6'];
    const stock = await hub.gql<{ interventionStock: { rows: { keys: string[]; count: number | null; suppressed: boolean }[]; total: number | null; minCellSize: number } }>(analyst, STOCK, {
      on: TODAY,
      groupBy: ['INTERVENTION_GROUP', 'LEGAL_BASIS'],
      groups,
    });
    expectNoErrors(stock);
    covers('Query.interventionStock', 'REGIONAL_ANALYST', stock);
    // The same table computed directly from the tables.
    const units = (await admin.query(
      `SELECT i.type, i.minor_id, i.start_date::text AS start, i.end_date::text AS "end" FROM sinba.intervention i
       UNION ALL SELECT i.type, b.minor_id, i.start_date::text, i.end_date::text FROM sinba.intervention i JOIN sinba.intervention_beneficiary b ON b.intervention_id = i.id`,
    )).rows as { type: string; minor_id: string; start: string; end: string | null }[];
    const typeOf = (code: string) => findCode('INTERVENTION_TYPE', code)!;
    const selected = units.filter((u) => groups.includes(typeOf(u.type).group!));
    const cellsOf = (rows: typeof selected, key: (u: (typeof selected)[number]) => string, distinct: boolean) => {
      const m = new Map<string, Set<string> | number>();
      for (const u of rows) {
        const k = key(u);
        if (!distinct) m.set(k, ((m.get(k) as number | undefined) ?? 0) + 1);
        else if (m.has(k)) (m.get(k) as Set<string>).add(u.minor_id);
        else m.set(k, new Set([u.minor_id]));
      }
      return new Map([...m].map(([k, v]) => [k, typeof v === 'number' ? v : v.size]));
    };
    const inStock = selected.filter((u) => u.start <= TODAY && (u.end === null || u.end > TODAY));
    const expected = cellsOf(inStock, (u) => `${typeOf(u.type).group}|${String(typeOf(u.type).attributes?.legalBasis ?? 'UNKNOWN')}`, true);
    const report = stock.data!.interventionStock;
    expect(report.total).toBe(new Set(inStock.map((u) => u.minor_id)).size);
    for (const row of report.rows) {
      if (!row.suppressed) expect(row.count).toBe(expected.get(row.keys.join('|')));
    }
    // Both tables are there (a cell may be hidden by secondary suppression, privacy rules §10), and at least one cell was compared.
    expect(expected.get('3.9.1|COURT_ORDER')).toBeGreaterThanOrEqual(5);
    expect(expected.get('3.9.6|UNKNOWN')).toBeGreaterThanOrEqual(5);
    expect(report.rows.map((r) => r.keys.join('|'))).toEqual(expect.arrayContaining(['3.9.1|COURT_ORDER', '3.9.6|UNKNOWN']));
    expect(report.rows.some((r) => !r.suppressed)).toBe(true);

    const flows = await hub.gql<{ interventionFlows: { rows: { keys: string[]; count: number | null; suppressed: boolean }[]; total: number | null } }>(analyst, FLOWS, { groupBy: ['INTERVENTION_GROUP'], groups });
    expectNoErrors(flows);
    covers('Query.interventionFlows', 'REGIONAL_ANALYST', flows);
    const entries = selected.filter((u) => u.start >= '2024-01-01' && u.start <= '2024-12-31');
    const expectedFlows = cellsOf(entries, (u) => typeOf(u.type).group!, false);
    expect(flows.data!.interventionFlows.total).toBe(entries.length);
    for (const row of flows.data!.interventionFlows.rows) if (!row.suppressed) expect(row.count).toBe(expectedFlows.get(row.keys[0]));

    // Residential placements by legal basis come from ASMI's own records.
    expectNoErrors(await hub.gql(analyst, 'query { placementStock(on: "2024-06-15", groupBy: [LEGAL_BASIS]) { total } }'));
    // Not a placement dimension; nor may a social worker run it.
    const asmi = await hub.gql(analyst, 'query { placementStock(on: "2024-06-15", groupBy: [INTERVENTION_GROUP]) { total } }');
    expect(asmi.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
    const refused = await hub.gql(sw('S-NAT'), STOCK, { on: TODAY, groupBy: [], groups });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('seeds 000/004 complete pseudonymous SINBA flow: the seven new files and the manifest, parsed back, with no identity', async () => {
    const token = sw('S-FLOW');
    const { minorId, caseId, fiscalCode } = await registerMinorWithCase(hub, 'S-FLOW', { firstName: 'Ottavia', lastName: 'Flussi' });
    const m = async (mutation: string, input: Record<string, unknown>) => expectNoErrors(await hub.gql(token, mutation, { input }));
    await m('mutation($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { id } }', { minorId, relation: 'MOTHER', firstName: 'Madre', lastName: 'Segreta', cohabiting: true, parentalResponsibility: true, since: '2015-01-01' });
    await m('mutation($input: HealthDataInput!) { recordHealthData(input: $input) { npiaFollowUp } }', { minorId, npiaFollowUp: true, invalidity: false });
    await m('mutation($input: AddMinorProblemInput!) { addMinorProblem(input: $input) { id } }', { minorId, code: 'PROBLEMATIC_FAMILY', startDate: '2024-01-10' });
    await m('mutation($input: AddFamilyProblemInput!) { addFamilyProblem(input: $input) { id } }', { minorId, code: 'ECONOMIC', startDate: '2024-01-10' });
    await m('mutation($input: RecordViolenceInput!) { recordViolence(input: $input) { id } }', { minorId, knowledgeDate: '2024-02-01', types: ['PHYSICAL_MALTREATMENT', 'SEXUAL_VIOLENCE'] });
    await m('mutation($input: RecordCourtOrderInput!) { recordCourtOrder(input: $input) { id } }', { minorId, caseId, authority: 'JUVENILE_COURT', kind: 'DECREE', number: 'RG-4711/2024', date: '2024-03-01', effects: ['PARENTAL_RESPONSIBILITY_LIMITED'] });
    await m('mutation($input: RecordCoPlanningInput!) { recordCoPlanning(input: $input) { id } }', { minorId, startDate: '2024-03-05', partners: ['SCHOOL', 'NPIA'] });

    const analyst = hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-flow' });
    const base = hub.url.replace(/graphql$/, 'exports/sinba/');
    const get = (file: string, t = analyst) => fetch(base + file, { headers: { authorization: `Bearer ${t}` } });
    const pseudonym = pseudonymOf(minorId, hub.config.pseudonymKey);
    const counts = async (table: string) => count(table);
    const expected: Record<string, { table: string; columns: string[]; check: (row: Record<string, string>) => void }> = {
      'family-members.csv': { table: 'sinba.family_member', columns: ['family_member_pseudonym', 'minor_pseudonym', 'relation', 'cohabiting', 'parental_responsibility', 'member_since', 'member_until'], check: (r) => expect(r).toMatchObject({ relation: 'MOTHER', cohabiting: '1', member_since: '2015-01-01' }) },
      'minor-problems.csv': { table: 'sinba.minor_problem', columns: ['problem_pseudonym', 'minor_pseudonym', 'code', 'start_date', 'end_date'], check: (r) => expect(r).toMatchObject({ code: 'PROBLEMATIC_FAMILY', start_date: '2024-01-10' }) },
      'family-problems.csv': { table: 'sinba.family_problem', columns: ['problem_pseudonym', 'minor_pseudonym', 'code', 'start_date', 'end_date'], check: (r) => expect(r).toMatchObject({ code: 'ECONOMIC' }) },
      'health.csv': { table: 'sinba.health_data', columns: ['minor_pseudonym', 'npia_follow_up', 'npia_date', 'invalidity', 'invalidity_date', 'invalidity_percentage', 'law104', 'law104_severe', 'law104_date'], check: (r) => expect(r).toMatchObject({ npia_follow_up: '1', invalidity: '0', law104: '' }) },
      'violence.csv': { table: 'sinba.violence_record', columns: ['violence_pseudonym', 'minor_pseudonym', 'knowledge_date', 'types', 'detected_by'], check: (r) => expect(r).toMatchObject({ knowledge_date: '2024-02-01', types: 'PHYSICAL_MALTREATMENT;SEXUAL_VIOLENCE' }) },
      'court-orders.csv': { table: 'sinba.court_order', columns: ['court_order_pseudonym', 'minor_pseudonym', 'case_pseudonym', 'authority', 'kind', 'order_date', 'effects', 'effective_from', 'effective_to'], check: (r) => expect(r).toMatchObject({ authority: 'JUVENILE_COURT', kind: 'DECREE', order_date: '2024-03-01', effects: 'PARENTAL_RESPONSIBILITY_LIMITED' }) },
      'co-planning.csv': { table: 'sinba.co_planning', columns: ['co_planning_pseudonym', 'minor_pseudonym', 'start_date', 'end_date', 'partners', 'outcome'], check: (r) => expect(r).toMatchObject({ start_date: '2024-03-05', partners: 'SCHOOL;NPIA' }) },
    };
    for (const [file, want] of Object.entries(expected)) {
      const res = await get(file);
      expect([file, res.status]).toEqual([file, 200]);
      const text = await res.text();
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual(want.columns);
      expect(rows).toHaveLength(await counts(want.table));
      const mine = rows.map((r) => Object.fromEntries(header.map((c, i) => [c, r[i]]))).filter((r) => r.minor_pseudonym === pseudonym);
      expect([file, mine.length]).toEqual([file, 1]);
      want.check(mine[0]);
      for (const identity of ['Ottavia', 'Flussi', 'Madre', 'Segreta', 'RG-4711', fiscalCode, minorId, caseId]) expect(text).not.toContain(identity);
    }
    // The manifest: every file of the flow with its row count and columns.
    const manifest = await get('manifest.json');
    expect(manifest.status).toBe(200);
    const body = (await manifest.json()) as { extractionDate: string; files: { file: string; record: string; rows: number; columns: string[] }[] };
    expect(body.extractionDate).toBe(TODAY);
    expect(body.files.map((f) => f.file)).toEqual([
      'minors.csv', 'referrals.csv', 'cases.csv', 'interventions.csv', 'assessments.csv',
      'family-members.csv', 'minor-problems.csv', 'family-problems.csv', 'health.csv', 'violence.csv', 'court-orders.csv', 'co-planning.csv',
    ]);
    for (const f of body.files) {
      const rows = parseCsv(await (await get(f.file)).text());
      expect([f.file, rows.length - 1, rows[0]]).toEqual([f.file, f.rows, f.columns]);
    }
    expect((await get('manifest.json', sw('S-FLOW'))).status).toBe(403);
    // The same manifest through GraphQL.
    const viaGraphql = await hub.gql<{ sinbaExportManifest: { files: { file: string; rows: number }[] } }>(analyst, 'query { sinbaExportManifest { extractionDate files { file record rows } } }');
    expect(covers('Query.sinbaExportManifest', 'REGIONAL_ANALYST', viaGraphql).files.map((f: { file: string }) => f.file)).toEqual(body.files.map((f) => f.file));
  });

  it('seed 003 §3.10: an applicants\' assessment is recorded without a minor by its service, and linked to a minor when a match happens', async () => {
    const token = sw('S-APP');
    const RECORD = 'mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }';
    const LINK = 'mutation($input: LinkAssessmentInput!) { linkAssessment(input: $input) { id type outcome minor { id } } }';
    const LIST = 'query { applicantAssessments(first: 50) { nodes { id serviceId type startDate endDate outcome } pageInfo { hasNextPage } } }';
    const recorded = await hub.gql<{ recordAssessment: { id: string } }>(token, RECORD, { input: { type: 'NATIONAL_ADOPTION', startDate: '2024-01-10', endDate: '2024-04-10', outcome: 'POSITIVE' } });
    expectNoErrors(recorded);
    const id = recorded.data!.recordAssessment.id;
    const row = await admin.query('SELECT case_id, minor_id, service_id FROM sinba.assessment WHERE id = $1', [id]);
    expect(row.rows).toEqual([{ case_id: null, minor_id: null, service_id: 'S-APP' }]);
    // The recording service reads it; another service does not see it.
    const mine = await hub.gql<{ applicantAssessments: { nodes: { id: string }[] } }>(token, LIST);
    expectNoErrors(mine);
    covers('Query.applicantAssessments', 'SOCIAL_WORKER', mine);
    expect(mine.data!.applicantAssessments.nodes).toEqual([{ id, serviceId: 'S-APP', type: 'NATIONAL_ADOPTION', startDate: '2024-01-10', endDate: '2024-04-10', outcome: 'POSITIVE' }]);
    const theirs = await hub.gql<{ applicantAssessments: { nodes: unknown[] } }>(sw('S-APP-OTHER'), LIST);
    expect(theirs.data!.applicantAssessments.nodes).toEqual([]);
    // The match: linked to a case the service holds; another service's case or a second link is refused, changing nothing.
    const { minorId, caseId } = await registerMinorWithCase(hub, 'S-APP', { birthDate: '2020-01-01' });
    const otherCase = await registerMinorWithCase(hub, 'S-APP-OTHER', { birthDate: '2020-01-01' });
    const foreign = await hub.gql(token, LINK, { input: { assessmentId: id, caseId: otherCase.caseId } });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.query('SELECT case_id FROM sinba.assessment WHERE id = $1', [id])).rows[0].case_id).toBeNull();
    const notMine = await hub.gql(sw('S-APP-OTHER'), LINK, { input: { assessmentId: id, caseId: otherCase.caseId } });
    expect(notMine.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const linked = await hub.gql<{ linkAssessment: { minor: { id: string } } }>(token, LINK, { input: { assessmentId: id, caseId } });
    expectNoErrors(linked);
    covers('Mutation.linkAssessment', 'SOCIAL_WORKER', linked);
    expect(linked.data!.linkAssessment).toEqual({ id, type: 'NATIONAL_ADOPTION', outcome: 'POSITIVE', minor: { id: minorId } });
    const again = await hub.gql(token, LINK, { input: { assessmentId: id, caseId } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assessmentId' });
    // Now part of the minor's record, no longer an applicants' assessment.
    const record = await hub.gql<{ minor: { assessments: { id: string }[] } }>(token, 'query($id: ID!) { minor(id: $id) { assessments { id } } }', { id: minorId });
    expectNoErrors(record);
    expect(record.data!.minor.assessments).toEqual([{ id }]);
    expect((await hub.gql<{ applicantAssessments: { nodes: unknown[] } }>(token, LIST)).data!.applicantAssessments.nodes).toEqual([]);
  });

  it('seed 003 §3.9.6 with ASMI: a residential placement intervention with no admission in its structure is flagged PLACEMENT_WITHOUT_ADMISSION', async () => {
    const token = sw('S-CONS');
    const QUALITY = 'query { caseQualityIssues(first: 100, filter: { flag: PLACEMENT_WITHOUT_ADMISSION }) { nodes { minorPseudonym flag since } } }';
    const placedOnly = await registerMinorWithCase(hub, 'S-CONS', { birthDate: '2012-01-01' });
    const admitted = await registerMinorWithCase(hub, 'S-CONS', { birthDate: '2012-01-01' });
    const recent = await registerMinorWithCase(hub, 'S-CONS', { birthDate: '2012-01-01' });
    const elsewhere = await registerMinorWithCase(hub, 'S-CONS', { birthDate: '2012-01-01' });
    for (const [c, startDate, structureCode] of [
      [placedOnly, '2024-04-01', 'SR-01'],
      [admitted, '2024-04-01', 'SR-01'],
      [recent, '2024-06-01', 'SR-01'],
      [elsewhere, '2024-04-01', '888888'],
    ] as const) {
      expectNoErrors(await hub.gql(token, ADD, { input: { caseId: c.caseId, type: 'FAMILY_COMMUNITY', startDate, structureCode } }));
    }
    const op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-cons', structure: 'SR-01' });
    const requestId = await requestPlacement(hub, 'S-CONS', admitted.minorId, 'SR-01', { requestedAdmissionDate: '2024-04-01' });
    expectNoErrors(await hub.gql(op, ADMIT, { input: { minorId: admitted.minorId, structureCode: 'SR-01', admissionDate: '2024-04-01', kind: 'ORDINARY', requestId } }));
    const res = await hub.gql<{ caseQualityIssues: { nodes: { minorPseudonym: string; flag: string; since: string }[] } }>(token, QUALITY);
    expectNoErrors(res);
    const ps = (id: string) => pseudonymOf(id, hub.config.pseudonymKey);
    // Only the placement with no admission, 30 days after its start; not the admitted minor, a recent placement, or one outside the registry.
    expect(res.data!.caseQualityIssues.nodes).toEqual([{ minorPseudonym: ps(placedOnly.minorId), flag: 'PLACEMENT_WITHOUT_ADMISSION', since: '2024-05-01' }]);
  });
});
