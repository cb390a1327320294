import pino from 'pino';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { pseudonymOf } from '@shared/privacy';
import { callSubgraph, errorOf, ok } from '../../../../test/support/callSubgraph';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { startSinba } from '../server';
import { makeFiscalCode } from '../../../../infra/demo/fiscalCodes';

/**
 * Interventions in detail (seed 003 §3.9), assessments (§3.10), searchMinors
 * and the regional flow export, against a real PostgreSQL through SINBA's
 * own GraphQL endpoint. One test per seed rule, named after its section.
 * Placements use the conventional code 888888 (§3.9.6), so ASSO is not needed.
 */
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
jest.setTimeout(30_000);
const TODAY = '2024-06-15';

const SW_A: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-a', serviceId: 'SRV-A' };
const SW_B: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-b', serviceId: 'SRV-B' };
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'analyst-1' };
const SUP: Principal = { role: 'SUPERVISOR', sub: 'sup-1', territory: ['058'] };

const ADD = `mutation A($input: AddInterventionInput!) { addIntervention(input: $input) {
  id type group startDate endDate structureCode structureEntryDate fosterCareSchedule adoptionDisruption beneficiaryCount siblings { id }
  emergencyLastDay emergencyLimitExceeded } }`;
const END = 'mutation E($input: EndInterventionInput!) { endIntervention(input: $input) { id endDate adoptionDisruption emergencyLimitExceeded } }';
const RECORD_ASSESSMENT = 'mutation R($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id caseId type startDate endDate outcome renewed suitabilityDecreeDate minor { id } } }';
const UPDATE_ASSESSMENT = 'mutation U($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id endDate outcome renewed suitabilityDecreeDate } }';
const SEARCH = 'query S($filter: MinorSearchFilter, $first: Int, $after: String) { searchMinors(filter: $filter, first: $first, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }';
const EXPORT = 'query X($record: SinbaExportRecord!, $first: Int, $after: String) { sinbaExport(record: $record, first: $first, after: $after) { columns rows pageInfo { endCursor hasNextPage } } }';

let db: TestDatabase;
let sinba: ModuleHandle;

const call = (p: Principal, q: string, v: Record<string, unknown> = {}) =>
  callSubgraph<Record<string, any>>({ url: sinba.url, name: 'sinba', internalSecret: db.config.internalSecret }, p, q, v);

async function count(table: string): Promise<number> {
  const rows = (await sinba.dataSource.query(`SELECT count(*)::int AS n FROM sinba.${table}`)) as { n: number }[];
  return rows[0].n;
}

let seq = 0;
/** A minor registered by `sw` with a case of `sw`'s service from `startDate`. */
async function minorWithCase(sw: Principal, person: Record<string, unknown> = {}, startDate = '2024-01-10'): Promise<{ minorId: string; caseId: string }> {
  seq += 1;
  const reg = ok(
    await call(sw, 'mutation R($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { firstName: `Nome${seq}`, lastName: 'Cognome', birthDate: '2012-08-05', sex: 'M', citizenship: '100', ...person },
    }),
  );
  const minorId = reg.registerMinor.id as string;
  const open = ok(await call(sw, 'mutation O($input: OpenCaseInput!) { openCase(input: $input) { id } }', { input: { minorId, startDate } }));
  return { minorId, caseId: open.openCase.id as string };
}

beforeAll(async () => {
  db = await createTestDatabase();
  sinba = await startSinba({ ...db.config, ports: { ...db.config.ports, sinba: 0 } }, logger, { clock: () => TODAY });
}, 60_000);

afterAll(async () => {
  await sinba?.stop();
  await db?.drop();
});

describe('seed 003 §3.9 ending an intervention (endIntervention)', () => {
  it('lets the holding service end it once, not before its start, not in the future; other services are FORBIDDEN', async () => {
    const { caseId } = await minorWithCase(SW_A);
    const added = ok(await call(SW_A, ADD, { input: { caseId, type: 'HOME_EDUCATIONAL', startDate: '2024-02-01' } })).addIntervention;
    expect(added).toMatchObject({ group: '3.9.7', beneficiaryCount: 1, siblings: [], emergencyLastDay: null, emergencyLimitExceeded: false });

    expect(errorOf(await call(SW_B, END, { input: { interventionId: added.id, endDate: '2024-05-01' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(SW_A, END, { input: { interventionId: added.id, endDate: '2024-01-31' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect(errorOf(await call(SW_A, END, { input: { interventionId: added.id, endDate: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect(errorOf(await call(SW_A, END, { input: { interventionId: '00000000-0000-4000-8000-000000000000', endDate: '2024-05-01' } })).code).toBe('NOT_FOUND');

    const ended = ok(await call(SW_A, END, { input: { interventionId: added.id, endDate: '2024-05-01' } })).endIntervention;
    expect(ended).toMatchObject({ id: added.id, endDate: '2024-05-01', adoptionDisruption: null });
    expect(errorOf(await call(SW_A, END, { input: { interventionId: added.id, endDate: '2024-05-02' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'interventionId' });
    const rows = (await sinba.dataSource.query(`SELECT to_char(end_date, 'YYYY-MM-DD') AS end_date, ended_by FROM sinba.intervention WHERE id = $1`, [added.id])) as { end_date: string; ended_by: string }[];
    expect(rows).toEqual([{ end_date: '2024-05-01', ended_by: 'sw-a' }]);
  });

  it('refuses to end an intervention of a closed case (CASE_CLOSED)', async () => {
    const { caseId } = await minorWithCase(SW_A);
    const added = ok(await call(SW_A, ADD, { input: { caseId, type: 'HOME_CARE', startDate: '2024-02-01' } })).addIntervention;
    ok(await call(SW_A, 'mutation C($input: CloseCaseInput!) { closeCase(input: $input) { id } }', { input: { caseId, endDate: '2024-06-01', closureReason: 'PROJECT_COMPLETED' } }));
    expect(errorOf(await call(SW_A, END, { input: { interventionId: added.id, endDate: '2024-05-01' } })).code).toBe('CASE_CLOSED');
  });
});

describe('seed 003 §3.9.1 foster care is full or part time', () => {
  it('records the schedule of a foster care, refuses it for other types, checks the code', async () => {
    const { caseId } = await minorWithCase(SW_A);
    expect(ok(await call(SW_A, ADD, { input: { caseId, type: 'FAMILY_FOSTER_CARE_CONSENSUAL', startDate: '2024-02-01' } })).addIntervention.fosterCareSchedule).toBeNull();
    expect(errorOf(await call(SW_A, ADD, { input: { caseId, type: 'FAMILY_TO_FAMILY_SUPPORT', startDate: '2024-02-01', fosterCareSchedule: 'FULL_TIME' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fosterCareSchedule' });
    expect(errorOf(await call(SW_A, ADD, { input: { caseId, type: 'KINSHIP_FOSTER_CARE_JUDICIAL', startDate: '2024-02-01', fosterCareSchedule: 'WEEKENDS' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'fosterCareSchedule' });
    const added = ok(await call(SW_A, ADD, { input: { caseId, type: 'KINSHIP_FOSTER_CARE_JUDICIAL', startDate: '2024-02-01', fosterCareSchedule: 'PART_TIME' } })).addIntervention;
    expect(added).toMatchObject({ group: '3.9.1', fosterCareSchedule: 'PART_TIME' });
  });
});

describe('seed 003 §3.9.2 adoptive disruption in the end situation of an adoption', () => {
  it('records the disruption when an adoption ends, refuses it for other types and on an open intervention', async () => {
    const { caseId } = await minorWithCase(SW_A);
    const adoption = ok(await call(SW_A, ADD, { input: { caseId, type: 'NATIONAL_ADOPTION', startDate: '2024-02-01' } })).addIntervention;
    const other = ok(await call(SW_A, ADD, { input: { caseId, type: 'HOME_CARE', startDate: '2024-02-01' } })).addIntervention;
    expect(errorOf(await call(SW_A, END, { input: { interventionId: other.id, endDate: '2024-05-01', adoptionDisruption: 'WITHIN_FIRST_YEAR' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'adoptionDisruption' });
    expect(errorOf(await call(SW_A, ADD, { input: { caseId, type: 'NATIONAL_ADOPTION', startDate: '2024-02-01', adoptionDisruption: 'WITHIN_FIRST_YEAR' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'adoptionDisruption' });
    expect(errorOf(await call(SW_A, END, { input: { interventionId: adoption.id, endDate: '2024-05-01', adoptionDisruption: 'NEVER' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'adoptionDisruption' });
    const ended = ok(await call(SW_A, END, { input: { interventionId: adoption.id, endDate: '2024-05-01', adoptionDisruption: 'WITHIN_FIRST_YEAR' } })).endIntervention;
    expect(ended.adoptionDisruption).toBe('WITHIN_FIRST_YEAR');
  });
});

describe('seed 003 §3.9.6 placements in a structure', () => {
  it('records the entry date, the start date when unknown, and refuses one outside the intervention', async () => {
    const { caseId } = await minorWithCase(SW_A);
    const a = ok(await call(SW_A, ADD, { input: { caseId, type: 'FAMILY_COMMUNITY', startDate: '2024-02-01', structureCode: '888888' } })).addIntervention;
    expect(a.structureEntryDate).toBe('2024-02-01');
    // Another minor: one full-time placement at a time (seed 003 §3.9.1, §3.9.6).
    const other = await minorWithCase(SW_A);
    const b = ok(await call(SW_A, ADD, { input: { caseId: other.caseId, type: 'FAMILY_COMMUNITY', startDate: '2024-02-01', structureCode: '999999', structureEntryDate: '2024-02-03' } })).addIntervention;
    expect(b.structureEntryDate).toBe('2024-02-03');
    expect(errorOf(await call(SW_A, ADD, { input: { caseId, type: 'FAMILY_COMMUNITY', startDate: '2024-02-01', structureCode: '888888', structureEntryDate: '2024-01-30' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'structureEntryDate' });
    expect(errorOf(await call(SW_A, ADD, { input: { caseId, type: 'HOME_CARE', startDate: '2024-02-01', structureEntryDate: '2024-02-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'structureEntryDate' });
  });

  it('refuses an emergency placement (pronta accoglienza) longer than 2 months, storing nothing', async () => {
    const { caseId } = await minorWithCase(SW_A);
    const before = await count('intervention');
    const res = await call(SW_A, ADD, { input: { caseId, type: 'EMERGENCY_PLACEMENT', startDate: '2024-02-01', endDate: '2024-04-02', structureCode: '888888' } });
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate', maxMonths: 2, lastDay: '2024-04-01' });
    expect(await count('intervention')).toBe(before);
    const atLimit = ok(await call(SW_A, ADD, { input: { caseId, type: 'EMERGENCY_PLACEMENT', startDate: '2024-02-01', endDate: '2024-04-01', structureCode: '888888' } })).addIntervention;
    expect(atLimit).toMatchObject({ emergencyLastDay: '2024-04-01', emergencyLimitExceeded: false });
  });

  it('allows 6 months for an unaccompanied foreign minor, and refuses the 7th', async () => {
    const { caseId } = await minorWithCase(SW_A, { citizenship: '404', unaccompanied: true });
    const refused = await call(SW_A, ADD, { input: { caseId, type: 'EMERGENCY_PLACEMENT', startDate: '2024-02-01', endDate: '2024-08-02', structureCode: '888888' } });
    expect(errorOf(refused)).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate', maxMonths: 6, lastDay: '2024-08-01' });
    const open = ok(await call(SW_A, ADD, { input: { caseId, type: 'EMERGENCY_PLACEMENT', startDate: '2024-02-01', structureCode: '888888' } })).addIntervention;
    // Past 2 months (today 2024-06-15) but within 6: not flagged for an MSNA.
    expect(open).toMatchObject({ emergencyLastDay: '2024-08-01', emergencyLimitExceeded: false });
    const ended = ok(await call(SW_A, END, { input: { interventionId: open.id, endDate: '2024-06-15' } })).endIntervention;
    expect(ended.endDate).toBe('2024-06-15');
  });

  it('flags an open emergency placement past its maximum (emergencyLimitExceeded) and refuses to end it past the limit', async () => {
    const { caseId } = await minorWithCase(SW_A);
    const open = ok(await call(SW_A, ADD, { input: { caseId, type: 'EMERGENCY_PLACEMENT', startDate: '2024-03-01', structureCode: '888888' } })).addIntervention;
    expect(open).toMatchObject({ emergencyLastDay: '2024-05-01', emergencyLimitExceeded: true });
    expect(errorOf(await call(SW_A, END, { input: { interventionId: open.id, endDate: '2024-06-01' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate', maxMonths: 2 });
    const ended = ok(await call(SW_A, END, { input: { interventionId: open.id, endDate: '2024-05-01' } })).endIntervention;
    expect(ended).toMatchObject({ endDate: '2024-05-01', emergencyLimitExceeded: false });
  });
});

describe('seed 003 §3.9.10 one intervention on several siblings', () => {
  it('records one intervention with the number of minors it benefits', async () => {
    const first = await minorWithCase(SW_A);
    const second = await minorWithCase(SW_A);
    const third = await minorWithCase(SW_A);
    const before = await count('intervention');
    const added = ok(await call(SW_A, ADD, { input: { caseId: first.caseId, type: 'HOME_CARE', startDate: '2024-03-01', siblingMinorIds: [second.minorId, third.minorId] } })).addIntervention;
    expect(await count('intervention')).toBe(before + 1);
    expect(added.beneficiaryCount).toBe(3);
    expect(added.siblings.map((s: { id: string }) => s.id).sort()).toEqual([second.minorId, third.minorId].sort());
    // Recorded once, on the first minor's case; each sibling's record reaches it through sharedInterventions.
    const SHARED = 'query M($id: ID!) { minor(id: $id) { interventions { id } sharedInterventions { id beneficiaryCount minor { id } } } }';
    const sibling = ok(await call(SW_A, SHARED, { id: second.minorId })).minor;
    expect(sibling).toEqual({ interventions: [], sharedInterventions: [{ id: added.id, beneficiaryCount: 3, minor: { id: first.minorId } }] });
    expect(ok(await call(SW_B, SHARED, { id: second.minorId })).minor.sharedInterventions).toEqual([]);
  });

  it('refuses a sibling whose case the service does not hold (FORBIDDEN), and a sibling listed twice, storing nothing', async () => {
    const first = await minorWithCase(SW_A);
    const other = await minorWithCase(SW_B);
    const before = await count('intervention');
    const res = await call(SW_A, ADD, { input: { caseId: first.caseId, type: 'HOME_CARE', startDate: '2024-03-01', siblingMinorIds: [other.minorId] } });
    expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN', field: 'siblingMinorIds' });
    const sibling = await minorWithCase(SW_A, {}, '2024-04-01');
    // the sibling's case opens after the start date
    expect(errorOf(await call(SW_A, ADD, { input: { caseId: first.caseId, type: 'HOME_CARE', startDate: '2024-03-01', siblingMinorIds: [sibling.minorId] } })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(SW_A, ADD, { input: { caseId: first.caseId, type: 'HOME_CARE', startDate: '2024-04-02', siblingMinorIds: [sibling.minorId, sibling.minorId] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siblingMinorIds' });
    expect(errorOf(await call(SW_A, ADD, { input: { caseId: first.caseId, type: 'HOME_CARE', startDate: '2024-04-02', siblingMinorIds: [first.minorId] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siblingMinorIds' });
    expect(await count('intervention')).toBe(before);
  });
});

describe('seed 003 §3.10 adoption and foster-care assessments', () => {
  it('records an assessment in the case for the holding service only; other services FORBIDDEN, codes checked', async () => {
    const { caseId, minorId } = await minorWithCase(SW_A);
    expect(errorOf(await call(SW_B, RECORD_ASSESSMENT, { input: { caseId, type: 'FOSTER_CARE', startDate: '2024-02-01' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'ADOPTION', startDate: '2024-02-01' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'type' });
    const a = ok(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'FOSTER_CARE', startDate: '2024-02-01' } })).recordAssessment;
    expect(a).toMatchObject({ caseId, type: 'FOSTER_CARE', endDate: null, outcome: null, renewed: false, minor: { id: minorId } });
    const listed = ok(await call(SW_A, 'query M($id: ID!) { minor(id: $id) { assessments { id } } }', { id: minorId }));
    expect(listed.minor.assessments).toEqual([{ id: a.id }]);
    const hidden = ok(await call(SW_B, 'query M($id: ID!) { minor(id: $id) { assessments { id } } }', { id: minorId }));
    expect(hidden.minor.assessments).toEqual([]);
  });

  it('ends an assessment with a positive or negative outcome (the data di termine istruttoria)', async () => {
    const { caseId } = await minorWithCase(SW_A);
    expect(errorOf(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'FOSTER_CARE', startDate: '2024-02-01', endDate: '2024-03-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outcome' });
    expect(errorOf(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'FOSTER_CARE', startDate: '2024-02-01', outcome: 'POSITIVE' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
    const a = ok(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'FOSTER_CARE', startDate: '2024-02-01' } })).recordAssessment;
    expect(errorOf(await call(SW_B, UPDATE_ASSESSMENT, { input: { assessmentId: a.id, endDate: '2024-03-01', outcome: 'NEGATIVE' } })).code).toBe('FORBIDDEN');
    const u = ok(await call(SW_A, UPDATE_ASSESSMENT, { input: { assessmentId: a.id, endDate: '2024-03-01', outcome: 'NEGATIVE' } })).updateAssessment;
    expect(u).toMatchObject({ endDate: '2024-03-01', outcome: 'NEGATIVE' });
  });

  it('limits an adoption assessment to 4 months, renewable once (direttiva RER 1495/03)', async () => {
    const { caseId } = await minorWithCase(SW_A);
    const before = await count('assessment');
    expect(errorOf(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'NATIONAL_ADOPTION', startDate: '2024-01-10', endDate: '2024-05-11', outcome: 'POSITIVE' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate', maxMonths: 4 });
    expect(await count('assessment')).toBe(before);
    ok(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'NATIONAL_ADOPTION', startDate: '2024-01-10', endDate: '2024-05-10', outcome: 'POSITIVE' } }));
    const renewed = ok(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'NATIONAL_ADOPTION', startDate: '2024-01-10', endDate: '2024-06-10', outcome: 'POSITIVE', renewed: true } })).recordAssessment;
    expect(renewed.renewed).toBe(true);
    expect(errorOf(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'FOSTER_CARE', startDate: '2024-01-10', renewed: true } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'renewed' });
  });

  it('records the decree of suitability only for a positive international adoption assessment (note 19)', async () => {
    const { caseId } = await minorWithCase(SW_A);
    expect(errorOf(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'NATIONAL_ADOPTION', startDate: '2024-01-10', endDate: '2024-04-10', outcome: 'POSITIVE', suitabilityDecreeDate: '2024-05-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'suitabilityDecreeDate' });
    expect(errorOf(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'INTERNATIONAL_ADOPTION', startDate: '2024-01-10', endDate: '2024-04-10', outcome: 'NEGATIVE', suitabilityDecreeDate: '2024-05-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'suitabilityDecreeDate' });
    const a = ok(await call(SW_A, RECORD_ASSESSMENT, { input: { caseId, type: 'INTERNATIONAL_ADOPTION', startDate: '2024-01-10', endDate: '2024-04-10', outcome: 'POSITIVE', suitabilityDecreeDate: '2024-05-01' } })).recordAssessment;
    expect(a.suitabilityDecreeDate).toBe('2024-05-01');
  });
});

const SW_C: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-c', serviceId: 'SRV-C' };
const LUCA_FC = makeFiscalCode('MRTLCU', '2015-03-02', 'M');
const HIDDEN_FC = makeFiscalCode('NSCDTT', '2010-06-16', 'F');
const SW_D: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-d', serviceId: 'SRV-D' };

describe('searchMinors within the caller\'s relationships (docs/privacy.md §3, §6)', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.martina = (await minorWithCase(SW_C, { firstName: 'Martina', lastName: "D'Ambrosio", birthDate: '2015-03-02', sex: 'F' })).minorId;
    ids.marta = (await minorWithCase(SW_C, { firstName: 'MARTA', lastName: 'Rossi', birthDate: '2016-04-01', sex: 'F' })).minorId;
    ids.luca = (await minorWithCase(SW_C, { firstName: 'Luca', lastName: 'Martini', birthDate: '2015-03-02', fiscalCode: LUCA_FC })).minorId;
    ids.percent = (await minorWithCase(SW_C, { firstName: 'Pia', lastName: 'Cento' })).minorId;
    // Same name, another service's case only: never found by SW_C.
    ids.other = (await minorWithCase(SW_D, { firstName: 'Martina', lastName: 'Altrove' })).minorId;
    // SW_C's case closed: no longer a relationship.
    const closed = await minorWithCase(SW_C, { firstName: 'Martina', lastName: 'Chiusa' });
    ok(await call(SW_C, 'mutation C($input: CloseCaseInput!) { closeCase(input: $input) { id } }', { input: { caseId: closed.caseId, endDate: '2024-06-01', closureReason: 'PROJECT_COMPLETED' } }));
    ids.closed = closed.minorId;
  });

  const found = async (p: Principal, filter: Record<string, unknown>) => ok(await call(p, SEARCH, { filter })).searchMinors.nodes.map((n: { id: string }) => n.id).sort();

  it('matches every name word case-insensitively in the first or last name, only among minors whose case the service holds today', async () => {
    expect(await found(SW_C, { name: 'marti' })).toEqual([ids.martina, ids.luca].sort());
    expect(await found(SW_C, { name: 'MART' })).toEqual([ids.martina, ids.marta, ids.luca].sort());
    expect(await found(SW_C, { name: "martina d'amb" })).toEqual([ids.martina]);
    expect(await found(SW_D, { name: 'martina' })).toEqual([ids.other]);
  });

  it('treats LIKE metacharacters literally', async () => {
    expect(await found(SW_C, { name: '%' })).toEqual([]);
    expect(await found(SW_C, { name: '_ia' })).toEqual([]);
  });

  it('filters by birth date and fiscal code, combined with the name', async () => {
    expect(await found(SW_C, { birthDate: '2015-03-02' })).toEqual([ids.martina, ids.luca].sort());
    expect(await found(SW_C, { birthDate: '2015-03-02', name: 'luca' })).toEqual([ids.luca]);
    expect(await found(SW_C, { fiscalCode: ` ${LUCA_FC.toLowerCase()} ` })).toEqual([ids.luca]);
    expect(await found(SW_C, { fiscalCode: LUCA_FC, name: 'martina' })).toEqual([]);
  });

  it('pages with an opaque cursor, each minor once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } = ok(await call(SW_C, SEARCH, { filter: { name: 'mart' }, first: 1, after })).searchMinors;
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual([ids.martina, ids.marta, ids.luca].sort());
    expect(errorOf(await call(SW_C, SEARCH, { after: 'bm90LWEtY3Vyc29y' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('searches with one SQL statement for a social worker', async () => {
    sinba.counter.reset();
    ok(await call(SW_C, SEARCH, { filter: { name: 'mart luc', birthDate: '2015-03-02' } }));
    expect(sinba.counter.value).toBe(1);
  });

  it('returns nothing to roles without a relationship to minors', async () => {
    for (const p of [ANALYST, SUP]) expect(ok(await call(p, SEARCH, { filter: { name: 'martina' } })).searchMinors.nodes).toEqual([]);
  });
});

describe('sinbaExport, the pseudonymous regional flow (docs/sinba-export.md)', () => {
  it('is FORBIDDEN to everyone but the regional analyst, before any data', async () => {
    for (const p of [SW_A, SUP]) {
      const res = await call(p, EXPORT, { record: 'MINOR' });
      expect(errorOf(res).code).toBe('FORBIDDEN');
      expect(res.data ?? null).toBeNull();
    }
  });

  it('carries pseudonyms and no identity: no name, fiscal code, birth date or municipality', async () => {
    const { minorId, caseId } = await minorWithCase(SW_A, { firstName: 'Identita', lastName: 'Nascosta', birthDate: '2010-06-16', sex: 'F', fiscalCode: HIDDEN_FC, residenceMunicipality: '058091', birthMunicipality: '058091' });
    ok(await call(SW_A, ADD, { input: { caseId, type: 'EMERGENCY_PLACEMENT', startDate: '2024-03-01', structureCode: '888888' } }));
    const all: Record<string, string | null>[] = [];
    let after: string | null = null;
    let columns: string[] = [];
    for (;;) {
      const page: { columns: string[]; rows: (string | null)[][]; pageInfo: { endCursor: string; hasNextPage: boolean } } = ok(await call(ANALYST, EXPORT, { record: 'MINOR', first: 7, after })).sinbaExport;
      columns = page.columns;
      all.push(...page.rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(columns).toEqual(['minor_pseudonym', 'sex', 'age_years', 'unborn', 'citizenship', 'unaccompanied', 'residence_province']);
    expect(all).toHaveLength(await count('minor'));
    const mine = all.find((r) => r.minor_pseudonym === pseudonymOf(minorId, db.config.pseudonymKey));
    // 2010-06-16: 13 on 2024-06-15 (the age, not the birth date).
    expect(mine).toEqual({ minor_pseudonym: pseudonymOf(minorId, db.config.pseudonymKey), sex: 'F', age_years: '13', unborn: '0', citizenship: 'ITALIAN', unaccompanied: '0', residence_province: '058' });
    const text = JSON.stringify(all);
    for (const identity of ['Identita', 'Nascosta', HIDDEN_FC, '2010-06-16', '058091', minorId]) expect(text).not.toContain(identity);

    const interventions = ok(await call(ANALYST, EXPORT, { record: 'INTERVENTION' })).sinbaExport;
    const rows = interventions.rows.map((r: (string | null)[]) => Object.fromEntries(interventions.columns.map((c: string, i: number) => [c, r[i]])));
    const flagged = rows.find((r: Record<string, string | null>) => r.minor_pseudonym === pseudonymOf(minorId, db.config.pseudonymKey));
    expect(flagged).toMatchObject({ group: '3.9.6', type: 'EMERGENCY_PLACEMENT', start_date: '2024-03-01', structure_code: '888888', beneficiary_count: '1', emergency_limit_exceeded: '1' });
    expect(JSON.stringify(interventions)).not.toContain(caseId);
  });

  it('exports every record type with its own columns, pages bounded to 1000 rows', async () => {
    for (const record of ['REFERRAL', 'CASE', 'ASSESSMENT']) {
      const page = ok(await call(ANALYST, EXPORT, { record })).sinbaExport;
      expect(page.columns[1] ?? page.columns[0]).toBeDefined();
      for (const row of page.rows) expect(row).toHaveLength(page.columns.length);
    }
    const cases = ok(await call(ANALYST, EXPORT, { record: 'CASE' })).sinbaExport;
    expect(cases.rows).toHaveLength(await count('"case"'));
    expect(errorOf(await call(ANALYST, EXPORT, { record: 'CASE', first: 1001 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('reads one SQL statement per page, whatever the page size (keyset paging, nothing loaded ahead)', async () => {
    for (const first of [2, 1000]) {
      sinba.counter.reset();
      ok(await call(ANALYST, EXPORT, { record: 'INTERVENTION', first }));
      expect(sinba.counter.value).toBe(1);
    }
  });
});
