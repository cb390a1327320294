import pino from 'pino';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { callSubgraph, type GraphQLResponse, errorOf, ok } from '../../../../test/support/callSubgraph';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { startSinba } from '../server';

/**
 * seed 003 §3.3–§3.8, §3.11 and court orders against real PostgreSQL: the
 * family unit, additional and health data, the minor's and the family's
 * problems and their rules, co-planning, violence records, court orders.
 */
const logger = pino({ level: 'silent' });
jest.setTimeout(60_000);
const TODAY = '2024-06-15';

const SW_A: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-a', serviceId: 'SRV-A' };
const SW_B: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-b', serviceId: 'SRV-B' };
const SO: Principal = { role: 'STRUCTURE_OPERATOR', sub: 'so-1', structureCode: 'STR-1' };
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'an-1' };
const ANONYMOUS: Principal = { role: 'ANONYMOUS' };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const REGISTER = 'mutation R($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }';
const OPEN = 'mutation O($input: OpenCaseInput!) { openCase(input: $input) { id } }';
const HEALTH = 'mutation H($input: HealthDataInput!) { recordHealthData(input: $input) { npiaFollowUp invalidity law104 law104Severe npiaDate invalidityDate invalidityPercentage law104Date } }';
const ADDITIONAL = 'mutation A($input: AdditionalDataInput!) { recordAdditionalData(input: $input) { schoolingLevel employmentCondition nomad orphan minor { id } } }';
const MEMBER_FIELDS = 'id relation firstName lastName cohabiting parentalResponsibility since until minor { id }';
const ADD_MEMBER = `mutation F($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { ${MEMBER_FIELDS} } }`;
const UPDATE_MEMBER = `mutation F($input: UpdateFamilyMemberInput!) { updateFamilyMember(input: $input) { ${MEMBER_FIELDS} } }`;
const REMOVE_MEMBER = `mutation F($input: RemoveFamilyMemberInput!) { removeFamilyMember(input: $input) { ${MEMBER_FIELDS} } }`;
const PROBLEM_LISTS = 'problems { id code startDate endDate } healthProblems { id code startDate endDate }';
const ADD_PROBLEM = `mutation P($input: AddMinorProblemInput!) { addMinorProblem(input: $input) { id ${PROBLEM_LISTS} } }`;
const END_PROBLEM = `mutation P($input: EndProblemInput!) { endMinorProblem(input: $input) { id ${PROBLEM_LISTS} } }`;
const ADD_FAMILY_PROBLEM = 'mutation P($input: AddFamilyProblemInput!) { addFamilyProblem(input: $input) { id code startDate endDate minor { id } } }';
const END_FAMILY_PROBLEM = 'mutation P($input: EndProblemInput!) { endFamilyProblem(input: $input) { id code startDate endDate } }';
const CO_PLAN = 'mutation C($input: RecordCoPlanningInput!) { recordCoPlanning(input: $input) { id startDate endDate partners outcome minor { id } } }';
const UPDATE_CO_PLAN = 'mutation C($input: UpdateCoPlanningInput!) { updateCoPlanning(input: $input) { id startDate endDate partners outcome } }';
const VIOLENCE = 'mutation V($input: RecordViolenceInput!) { recordViolence(input: $input) { id knowledgeDate types detectedBy minor { id } } }';
const COURT = 'mutation J($input: RecordCourtOrderInput!) { recordCourtOrder(input: $input) { id caseId authority kind number date effects effectiveFrom effectiveTo minor { id } } }';
const RECORD = `query M($id: ID!) { minor(id: $id) {
  familyMembers { id relation firstName until } familyUnit { name singleParent knownSince members { relation } }
  additionalData { schoolingLevel } ${PROBLEM_LISTS} familyProblems { code } coPlanning { partners outcome }
  violenceRecords { types } courtOrders { authority effects } healthData { law104 law104Date } } }`;

let db: TestDatabase;
let handle: ModuleHandle;
let seq = 0;

function call<T = Record<string, any>>(principal: Principal, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return callSubgraph<T>({ url: handle.url, name: 'sinba', internalSecret: db.config.internalSecret }, principal, query, variables);
}

async function count(table: string): Promise<number> {
  const rows = (await handle.dataSource.query(`SELECT count(*)::int AS n FROM sinba.${table}`)) as { n: number }[];
  return rows[0].n;
}

/** A minor with a case of SRV-A open since 2024-01-10; returns [minorId, caseId]. */
async function heldMinor(principal: Principal = SW_A): Promise<[string, string]> {
  seq += 1;
  const id = ok(await call(principal, REGISTER, { input: { firstName: `Nome${seq}`, lastName: `Cognome${seq}`, birthDate: '2012-08-05', sex: 'F', citizenship: '100' } })).registerMinor.id as string;
  const caseId = ok(await call(principal, OPEN, { input: { minorId: id, startDate: '2024-01-10' } })).openCase.id as string;
  return [id, caseId];
}

async function record(principal: Principal, id: string) {
  return (await call(principal, RECORD, { id })).data!.minor;
}

beforeAll(async () => {
  db = await createTestDatabase();
  handle = await startSinba({ ...db.config, ports: { ...db.config.ports, sinba: 0 } }, logger, { clock: () => TODAY });
});

afterAll(async () => {
  await handle?.stop();
  await db?.drop();
});

describe('seed 003 §3.3 family unit and significant persons', () => {
  it('§3.3 records cohabiting members and significant persons, and derives the unit name, single-parent flag and knowledge date', async () => {
    const [id] = await heldMinor();
    const mother = ok(await call(SW_A, ADD_MEMBER, { input: { minorId: id, relation: 'MOTHER', firstName: 'Anna', lastName: 'Rossi', cohabiting: true, parentalResponsibility: true, since: '2012-08-05' } })).addFamilyMember;
    expect(mother).toMatchObject({ relation: 'MOTHER', firstName: 'Anna', lastName: 'Rossi', cohabiting: true, parentalResponsibility: true, since: '2012-08-05', until: null, minor: { id } });
    // a separated father who does not live with the minor (§3.3 example)
    ok(await call(SW_A, ADD_MEMBER, { input: { minorId: id, relation: 'FATHER', firstName: 'Luca', lastName: 'Verdi', cohabiting: false } }));
    let r = await record(SW_A, id);
    expect(r.familyMembers.map((m: { relation: string }) => m.relation)).toEqual(['MOTHER', 'FATHER']);
    expect(r.familyUnit).toEqual({ name: 'Rossi Anna', singleParent: true, knownSince: '2024-01-10', members: [{ relation: 'MOTHER' }, { relation: 'FATHER' }] });

    // §3.3: every change of the composition is followed by an update
    const father = r.familyMembers[1].id as string;
    expect(ok(await call(SW_A, UPDATE_MEMBER, { input: { familyMemberId: father, cohabiting: true } })).updateFamilyMember).toMatchObject({ cohabiting: true, firstName: 'Luca' });
    expect((await record(SW_A, id)).familyUnit).toMatchObject({ name: 'Rossi - Verdi', singleParent: false });
    expect(ok(await call(SW_A, REMOVE_MEMBER, { input: { familyMemberId: father, leftOn: '2024-05-01' } })).removeFamilyMember).toMatchObject({ until: '2024-05-01' });
    r = await record(SW_A, id);
    // history kept; the current unit leaves the father out
    expect(r.familyMembers).toHaveLength(2);
    expect(r.familyUnit).toMatchObject({ name: 'Rossi Anna', singleParent: true, members: [{ relation: 'MOTHER' }] });
    expect(errorOf(await call(SW_A, UPDATE_MEMBER, { input: { familyMemberId: father, firstName: 'X' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'familyMemberId' });
  });

  it('§3.3 refuses bad input with its code and field, changing nothing', async () => {
    const [id] = await heldMinor();
    const input = { minorId: id, relation: 'MOTHER', firstName: 'Anna', lastName: 'Rossi', cohabiting: true };
    const before = await count('family_member');
    expect(errorOf(await call(SW_A, ADD_MEMBER, { input: { ...input, relation: 'COUSIN_OF_A_FRIEND' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'relation', list: 'SIGNIFICANT_PERSON_RELATION' });
    expect(errorOf(await call(SW_A, ADD_MEMBER, { input: { ...input, since: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'since' });
    expect(errorOf(await call(SW_A, ADD_MEMBER, { input: { ...input, lastName: '  ' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lastName' });
    expect(errorOf(await call(SW_A, ADD_MEMBER, { input: { ...input, minorId: UNKNOWN } }))).toMatchObject({ code: 'NOT_FOUND', field: 'minorId' });
    const m = ok(await call(SW_A, ADD_MEMBER, { input: { ...input, since: '2024-02-01' } })).addFamilyMember;
    expect(errorOf(await call(SW_A, REMOVE_MEMBER, { input: { familyMemberId: m.id, leftOn: '2024-01-01' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'leftOn' });
    expect(errorOf(await call(SW_A, REMOVE_MEMBER, { input: { familyMemberId: m.id, leftOn: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'leftOn' });
    expect(errorOf(await call(SW_A, REMOVE_MEMBER, { input: { familyMemberId: UNKNOWN, leftOn: '2024-05-01' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'familyMemberId' });
    expect(await count('family_member')).toBe(before + 1);
  });
});

describe('docs/privacy.md §5 only the SOCIAL_WORKER who is CASE_HOLDER writes the record', () => {
  it('refuses every write to another service, other roles and anonymous, changing nothing', async () => {
    const [id, caseId] = await heldMinor();
    const member = ok(await call(SW_A, ADD_MEMBER, { input: { minorId: id, relation: 'MOTHER', firstName: 'A', lastName: 'B', cohabiting: true } })).addFamilyMember;
    const writes: [string, Record<string, unknown>][] = [
      [ADD_MEMBER, { minorId: id, relation: 'FATHER', firstName: 'A', lastName: 'B', cohabiting: true }],
      [UPDATE_MEMBER, { familyMemberId: member.id, firstName: 'C' }],
      [REMOVE_MEMBER, { familyMemberId: member.id, leftOn: '2024-05-01' }],
      [ADDITIONAL, { minorId: id, nomad: false }],
      [HEALTH, { minorId: id, law104: true }],
      [ADD_PROBLEM, { minorId: id, code: 'BULLYING_VICTIM', startDate: '2024-02-01' }],
      [ADD_FAMILY_PROBLEM, { minorId: id, code: 'ECONOMIC', startDate: '2024-02-01' }],
      [CO_PLAN, { minorId: id, startDate: '2024-02-01', partners: ['SCHOOL'] }],
      [VIOLENCE, { minorId: id, knowledgeDate: '2024-02-01', types: ['WITNESSED_VIOLENCE'] }],
      [COURT, { minorId: id, caseId, authority: 'JUVENILE_COURT', kind: 'DECREE', number: '1/2024', date: '2024-02-01', effects: ['COMMUNITY_PLACEMENT'] }],
    ];
    const tables = ['family_member', 'additional_data', 'health_data', 'minor_problem', 'family_problem', 'co_planning', 'violence_record', 'court_order'];
    const before = await Promise.all(tables.map(count));
    for (const [mutation, input] of writes) {
      for (const p of [SW_B, SO, ANALYST]) expect(errorOf(await call(p, mutation, { input })).code).toBe('FORBIDDEN');
      expect(errorOf(await call(ANONYMOUS, mutation, { input })).code).toBe('UNAUTHENTICATED');
    }
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('shows the record only to the case holder (rows filtered in the SQL)', async () => {
    const [id] = await heldMinor();
    ok(await call(SW_A, VIOLENCE, { input: { minorId: id, knowledgeDate: '2024-02-01', types: ['WITNESSED_VIOLENCE'] } }));
    ok(await call(SW_A, ADD_MEMBER, { input: { minorId: id, relation: 'MOTHER', firstName: 'A', lastName: 'B', cohabiting: true } }));
    expect((await record(SW_A, id)).violenceRecords).toHaveLength(1);
    const other = await record(SW_B, id);
    expect(other.violenceRecords).toEqual([]);
    expect(other.familyMembers).toEqual([]);
    expect(other.familyUnit).toBeNull();
  });
});

describe('seed 003 §3.5 minor problems and the records they require', () => {
  it('§3.5 a disability requires the health data: MISSING_REQUIRED_RECORD before, recorded after; listed as HEALTH', async () => {
    const [id] = await heldMinor();
    const before = await count('minor_problem');
    expect(errorOf(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'PHYSICAL_DISABILITY', startDate: '2024-02-01' } }))).toMatchObject({ code: 'MISSING_REQUIRED_RECORD', field: 'code', required: 'HEALTH_DATA' });
    expect(await count('minor_problem')).toBe(before);
    // additional data do not satisfy the disability rule
    ok(await call(SW_A, ADDITIONAL, { input: { minorId: id, schoolingLevel: 'PRIMARY' } }));
    expect(errorOf(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'PHYSICAL_DISABILITY', startDate: '2024-02-01' } })).code).toBe('MISSING_REQUIRED_RECORD');
    // §3.7: "indicarne l'assenza" — a recorded NO fills the section
    ok(await call(SW_A, HEALTH, { input: { minorId: id, npiaFollowUp: false } }));
    const minor = ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'PHYSICAL_DISABILITY', startDate: '2024-02-01' } })).addMinorProblem;
    expect(minor.problems).toEqual([]);
    expect(minor.healthProblems).toMatchObject([{ code: 'PHYSICAL_DISABILITY', startDate: '2024-02-01', endDate: null }]);
  });

  it('§3.4 code 98 (Ricavabile) requires at least one field of the health data or of the additional data', async () => {
    const [id] = await heldMinor();
    expect(errorOf(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: '98', startDate: '2024-02-01' } }))).toMatchObject({ code: 'MISSING_REQUIRED_RECORD', field: 'code', required: 'HEALTH_OR_ADDITIONAL_DATA' });
    ok(await call(SW_A, ADDITIONAL, { input: { minorId: id, orphan: false } }));
    expect(ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: '98', startDate: '2024-02-01' } })).addMinorProblem.problems).toMatchObject([{ code: '98' }]);
  });

  it('§3.5 presumed and confirmed victims require the violence record (§3.11)', async () => {
    const [id] = await heldMinor();
    for (const code of ['SUSPECTED_VIOLENCE_VICTIM', 'CONFIRMED_VIOLENCE_VICTIM']) {
      expect(errorOf(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code, startDate: '2024-02-01' } }))).toMatchObject({ code: 'MISSING_REQUIRED_RECORD', field: 'code', required: 'VIOLENCE_RECORD' });
    }
    ok(await call(SW_A, VIOLENCE, { input: { minorId: id, knowledgeDate: '2024-01-20', types: ['PHYSICAL_MALTREATMENT'] } }));
    ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'SUSPECTED_VIOLENCE_VICTIM', startDate: '2024-02-01' } }));
    const minor = ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'CONFIRMED_VIOLENCE_VICTIM', startDate: '2024-03-01' } })).addMinorProblem;
    expect(minor.problems.map((p: { code: string }) => p.code)).toEqual(['SUSPECTED_VIOLENCE_VICTIM', 'CONFIRMED_VIOLENCE_VICTIM']);
  });

  it('§3.5 the health data of a minor with an open disability cannot be emptied, and can once it has ended', async () => {
    const [id] = await heldMinor();
    ok(await call(SW_A, HEALTH, { input: { minorId: id, law104: true } }));
    const minor = ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'HEARING_DISABILITY', startDate: '2024-02-01' } })).addMinorProblem;
    expect(errorOf(await call(SW_A, HEALTH, { input: { minorId: id, law104: null } }))).toMatchObject({ code: 'MISSING_REQUIRED_RECORD', field: 'minorId' });
    expect((await record(SW_A, id)).healthData).toEqual({ law104: true, law104Date: null });
    const ended = ok(await call(SW_A, END_PROBLEM, { input: { problemId: minor.healthProblems[0].id, endDate: '2024-05-31' } })).endMinorProblem;
    expect(ended.healthProblems[0].endDate).toBe('2024-05-31');
    expect(ok(await call(SW_A, HEALTH, { input: { minorId: id, law104: null } })).recordHealthData.law104).toBeNull();
  });

  it('§3.5 each problem has its own start date: several at once, not in the future, the same one open once, coded', async () => {
    const [id] = await heldMinor();
    ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'BULLYING_VICTIM', startDate: '2024-02-01' } }));
    const m = ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'RISK_OF_DEVIANCE', startDate: '2023-11-01' } })).addMinorProblem;
    expect(m.problems.map((p: { code: string; startDate: string }) => [p.code, p.startDate])).toEqual([['RISK_OF_DEVIANCE', '2023-11-01'], ['BULLYING_VICTIM', '2024-02-01']]);
    expect(errorOf(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'BULLYING_VICTIM', startDate: '2024-03-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(errorOf(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'CHILD_LABOUR', startDate: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
    expect(errorOf(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'NOPE', startDate: '2024-02-01' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'code', list: 'MINOR_PROBLEM' });
    const bullying = m.problems[1].id as string;
    expect(errorOf(await call(SW_A, END_PROBLEM, { input: { problemId: bullying, endDate: '2024-01-31' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    ok(await call(SW_A, END_PROBLEM, { input: { problemId: bullying, endDate: '2024-04-01' } }));
    expect(errorOf(await call(SW_A, END_PROBLEM, { input: { problemId: bullying, endDate: '2024-05-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'problemId' });
    // once ended, the same problem may start again
    ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'BULLYING_VICTIM', startDate: '2024-05-01' } }));
  });
});

describe('seed 003 §3.2.1 problems of the unborn', () => {
  it("§3.2.1 an unborn child's problems first include 'Intervento erogato fuori dal PAI/PEI' or 'Nucleo problematico'", async () => {
    const id = ok(await call(SW_A, 'mutation U($input: RegisterUnbornInput!) { registerUnborn(input: $input) { id } }', { input: { expectedBirthDate: '2024-09-10' } })).registerUnborn.id as string;
    ok(await call(SW_A, OPEN, { input: { minorId: id, startDate: '2024-01-10' } }));
    expect(errorOf(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'RISK_OF_DEVIANCE', startDate: '2024-02-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'INTERVENTION_OUTSIDE_PLAN', startDate: '2024-02-01' } }));
    expect(ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'RISK_OF_DEVIANCE', startDate: '2024-02-01' } })).addMinorProblem.problems.map((p: { code: string }) => p.code).sort()).toEqual(['INTERVENTION_OUTSIDE_PLAN', 'RISK_OF_DEVIANCE']);
  });
});

describe('seed 003 §3.8 family problems', () => {
  it('§3.8 records several family problems with their start dates; "nucleo senza problematiche" stands alone', async () => {
    const [id] = await heldMinor();
    const economic = ok(await call(SW_A, ADD_FAMILY_PROBLEM, { input: { minorId: id, code: 'ECONOMIC', startDate: '2024-01-15' } })).addFamilyProblem;
    expect(economic).toMatchObject({ code: 'ECONOMIC', startDate: '2024-01-15', endDate: null, minor: { id } });
    ok(await call(SW_A, ADD_FAMILY_PROBLEM, { input: { minorId: id, code: 'MALTREATING', startDate: '2024-02-15' } }));
    expect(errorOf(await call(SW_A, ADD_FAMILY_PROBLEM, { input: { minorId: id, code: 'NO_PROBLEMS', startDate: '2024-03-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(errorOf(await call(SW_A, ADD_FAMILY_PROBLEM, { input: { minorId: id, code: 'NOPE', startDate: '2024-03-01' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'code', list: 'FAMILY_PROBLEM' });
    expect(errorOf(await call(SW_A, ADD_FAMILY_PROBLEM, { input: { minorId: id, code: 'HOUSING', startDate: '2024-07-01' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
    expect(ok(await call(SW_A, END_FAMILY_PROBLEM, { input: { problemId: economic.id, endDate: '2024-04-30' } })).endFamilyProblem.endDate).toBe('2024-04-30');
    expect((await record(SW_A, id)).familyProblems).toEqual([{ code: 'ECONOMIC' }, { code: 'MALTREATING' }]);
  });
});

describe('seed 003 §3.4, §3.7 health data and additional data', () => {
  it('§3.7 records NPIA, invalidity with date and percentage, L. 104/92 with date and severity; the flags-only contract still works', async () => {
    const [id] = await heldMinor();
    expect(ok(await call(SW_A, HEALTH, { input: { minorId: id, npiaFollowUp: true, law104: true } })).recordHealthData).toEqual({
      npiaFollowUp: true, invalidity: null, law104: true, law104Severe: null, npiaDate: null, invalidityDate: null, invalidityPercentage: null, law104Date: null,
    });
    const full = ok(await call(SW_A, HEALTH, { input: { minorId: id, npiaDate: '2023-05-02', invalidity: true, invalidityDate: '2023-09-01', invalidityPercentage: 75, law104Severe: true, law104Date: '2023-10-10' } })).recordHealthData;
    expect(full).toEqual({ npiaFollowUp: true, invalidity: true, law104: true, law104Severe: true, npiaDate: '2023-05-02', invalidityDate: '2023-09-01', invalidityPercentage: 75, law104Date: '2023-10-10' });
  });

  it('§3.7 refuses a date without its certification, a future date, a percentage outside 0–100, changing nothing', async () => {
    const [id] = await heldMinor();
    ok(await call(SW_A, HEALTH, { input: { minorId: id, invalidity: false } }));
    expect(errorOf(await call(SW_A, HEALTH, { input: { minorId: id, invalidityDate: '2024-01-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'invalidityDate' });
    expect(errorOf(await call(SW_A, HEALTH, { input: { minorId: id, law104: true, law104Date: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'law104Date' });
    expect(errorOf(await call(SW_A, HEALTH, { input: { minorId: id, invalidity: true, invalidityPercentage: 120 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'invalidityPercentage' });
    expect((await record(SW_A, id)).healthData).toEqual({ law104: null, law104Date: null });
  });

  it('§3.4 records the additional data (schooling, employment, nomad, orphan) with coded values', async () => {
    const [id] = await heldMinor();
    expect(ok(await call(SW_A, ADDITIONAL, { input: { minorId: id, schoolingLevel: 'LOWER_SECONDARY', employmentCondition: 'STUDENT', nomad: false, orphan: true } })).recordAdditionalData).toEqual({
      schoolingLevel: 'LOWER_SECONDARY', employmentCondition: 'STUDENT', nomad: false, orphan: true, minor: { id },
    });
    expect(errorOf(await call(SW_A, ADDITIONAL, { input: { minorId: id, schoolingLevel: 'PHD' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'schoolingLevel', list: 'SCHOOLING_LEVEL' });
    expect(errorOf(await call(SW_A, ADDITIONAL, { input: { minorId: id, employmentCondition: 'CEO' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'employmentCondition', list: 'EMPLOYMENT_CONDITION' });
    // §3.4: with 98 open the section cannot be emptied
    ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: '98', startDate: '2024-02-01' } }));
    expect(errorOf(await call(SW_A, ADDITIONAL, { input: { minorId: id, schoolingLevel: null, employmentCondition: null, nomad: null, orphan: null } })).code).toBe('MISSING_REQUIRED_RECORD');
  });
});

describe('seed 003 §3.6 co-planning', () => {
  it('§3.6 records multidisciplinary work with partners and, later, the outcome of the assessment', async () => {
    const [id] = await heldMinor();
    const c = ok(await call(SW_A, CO_PLAN, { input: { minorId: id, startDate: '2024-02-01', partners: ['SCHOOL', 'NPIA', 'TERRITORIAL_TEAM'] } })).recordCoPlanning;
    expect(c).toMatchObject({ startDate: '2024-02-01', endDate: null, partners: ['SCHOOL', 'NPIA', 'TERRITORIAL_TEAM'], outcome: null, minor: { id } });
    expect(ok(await call(SW_A, UPDATE_CO_PLAN, { input: { coPlanningId: c.id, outcome: 'COMPLEX_CASE', endDate: '2024-05-01' } })).updateCoPlanning).toMatchObject({ outcome: 'COMPLEX_CASE', endDate: '2024-05-01', partners: ['SCHOOL', 'NPIA', 'TERRITORIAL_TEAM'] });
    expect((await record(SW_A, id)).coPlanning).toEqual([{ partners: ['SCHOOL', 'NPIA', 'TERRITORIAL_TEAM'], outcome: 'COMPLEX_CASE' }]);
  });

  it('§3.6 refuses unknown partners or outcomes, an empty partner list and bad dates', async () => {
    const [id] = await heldMinor();
    const input = { minorId: id, startDate: '2024-02-01', partners: ['SCHOOL'] };
    expect(errorOf(await call(SW_A, CO_PLAN, { input: { ...input, partners: ['SCHOOL', 'CIRCUS'] } }))).toMatchObject({ code: 'INVALID_CODE', field: 'partners', list: 'CO_PLANNING_PARTNER' });
    expect(errorOf(await call(SW_A, CO_PLAN, { input: { ...input, outcome: 'MAYBE' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'outcome', list: 'CO_PLANNING_OUTCOME' });
    expect(errorOf(await call(SW_A, CO_PLAN, { input: { ...input, partners: [] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partners' });
    expect(errorOf(await call(SW_A, CO_PLAN, { input: { ...input, startDate: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
    expect(errorOf(await call(SW_A, CO_PLAN, { input: { ...input, endDate: '2024-01-01' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect(await count(`co_planning WHERE minor_id = '${id}'`)).toBe(0);
  });
});

describe('seed 003 §3.11 violence and maltreatment records', () => {
  it('§3.11 records an episode with its knowledge date, types and who detected it', async () => {
    const [id] = await heldMinor();
    const v = ok(await call(SW_A, VIOLENCE, { input: { minorId: id, knowledgeDate: '2024-03-03', types: ['PSYCHOLOGICAL_MALTREATMENT', 'WITNESSED_VIOLENCE'], detectedBy: 'TEACHER' } })).recordViolence;
    expect(v).toMatchObject({ knowledgeDate: '2024-03-03', types: ['PSYCHOLOGICAL_MALTREATMENT', 'WITNESSED_VIOLENCE'], detectedBy: 'TEACHER', minor: { id } });
    expect((await record(SW_A, id)).violenceRecords).toEqual([{ types: ['PSYCHOLOGICAL_MALTREATMENT', 'WITNESSED_VIOLENCE'] }]);
  });

  it('§3.11 refuses a knowledge date in the future, unknown types or detectors, an empty type list', async () => {
    const [id] = await heldMinor();
    const input = { minorId: id, knowledgeDate: '2024-03-03', types: ['SEVERE_NEGLECT'] };
    expect(errorOf(await call(SW_A, VIOLENCE, { input: { ...input, knowledgeDate: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'knowledgeDate' });
    expect(errorOf(await call(SW_A, VIOLENCE, { input: { ...input, types: ['BAD_MOOD'] } }))).toMatchObject({ code: 'INVALID_CODE', field: 'types', list: 'VIOLENCE_TYPE' });
    expect(errorOf(await call(SW_A, VIOLENCE, { input: { ...input, types: [] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'types' });
    expect(errorOf(await call(SW_A, VIOLENCE, { input: { ...input, detectedBy: 'ORACLE' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'detectedBy', list: 'VIOLENCE_DETECTOR' });
    expect(await count(`violence_record WHERE minor_id = '${id}'`)).toBe(0);
  });
});

describe('court orders (JUDICIAL)', () => {
  it('records a court order with authority, kind, number, date and effects, linked to the minor and the case', async () => {
    const [id, caseId] = await heldMinor();
    const input = { minorId: id, caseId, authority: 'JUVENILE_COURT', kind: 'PROVISIONAL_DECREE', number: ' 123/2024 ', date: '2024-02-10', effects: ['PARENTAL_RESPONSIBILITY_LIMITED', 'COMMUNITY_PLACEMENT'], effectiveFrom: '2024-02-12' };
    expect(ok(await call(SW_A, COURT, { input })).recordCourtOrder).toMatchObject({
      caseId, authority: 'JUVENILE_COURT', kind: 'PROVISIONAL_DECREE', number: '123/2024', date: '2024-02-10', effects: ['PARENTAL_RESPONSIBILITY_LIMITED', 'COMMUNITY_PLACEMENT'], effectiveFrom: '2024-02-12', effectiveTo: null, minor: { id },
    });
    expect((await record(SW_A, id)).courtOrders).toEqual([{ authority: 'JUVENILE_COURT', effects: ['PARENTAL_RESPONSIBILITY_LIMITED', 'COMMUNITY_PLACEMENT'] }]);
  });

  it('refuses unknown codes, a blank number, a future date, an end before the start, another minor\'s case', async () => {
    const [id, caseId] = await heldMinor();
    const [, otherCase] = await heldMinor();
    const input = { minorId: id, authority: 'ORDINARY_COURT', kind: 'DECREE', number: '9/2024', date: '2024-02-10', effects: ['FOSTER_CARE'] };
    const before = await count('court_order');
    expect(errorOf(await call(SW_A, COURT, { input: { ...input, authority: 'SUPREME_LEADER' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'authority', list: 'COURT_AUTHORITY' });
    expect(errorOf(await call(SW_A, COURT, { input: { ...input, kind: 'TWEET' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'kind', list: 'COURT_ORDER_KIND' });
    expect(errorOf(await call(SW_A, COURT, { input: { ...input, effects: ['EXILE'] } }))).toMatchObject({ code: 'INVALID_CODE', field: 'effects', list: 'COURT_ORDER_EFFECT' });
    expect(errorOf(await call(SW_A, COURT, { input: { ...input, number: ' ' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });
    expect(errorOf(await call(SW_A, COURT, { input: { ...input, date: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'date' });
    expect(errorOf(await call(SW_A, COURT, { input: { ...input, effectiveFrom: '2024-03-01', effectiveTo: '2024-02-01' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'effectiveTo' });
    expect(errorOf(await call(SW_A, COURT, { input: { ...input, caseId: otherCase } }))).toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
    expect(await count('court_order')).toBe(before);
    expect(ok(await call(SW_A, COURT, { input: { ...input, caseId } })).recordCourtOrder.caseId).toBe(caseId);
  });
});

describe('loading the record of many minors (dataloaders, no N+1)', () => {
  it('loads every list of 5 minors with one statement per list', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const [id, caseId] = await heldMinor();
      ok(await call(SW_A, ADD_MEMBER, { input: { minorId: id, relation: 'MOTHER', firstName: 'A', lastName: 'B', cohabiting: true } }));
      ok(await call(SW_A, ADDITIONAL, { input: { minorId: id, nomad: false } }));
      ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'BULLYING_VICTIM', startDate: '2024-02-01' } }));
      ok(await call(SW_A, ADD_FAMILY_PROBLEM, { input: { minorId: id, code: 'ECONOMIC', startDate: '2024-02-01' } }));
      ok(await call(SW_A, CO_PLAN, { input: { minorId: id, startDate: '2024-02-01', partners: ['SCHOOL'] } }));
      ok(await call(SW_A, VIOLENCE, { input: { minorId: id, knowledgeDate: '2024-02-01', types: ['WITNESSED_VIOLENCE'] } }));
      ok(await call(SW_A, COURT, { input: { minorId: id, caseId, authority: 'JUVENILE_COURT', kind: 'DECREE', number: `${i}/2024`, date: '2024-02-01', effects: ['FOSTER_CARE'] } }));
      ids.push(id);
    }
    const Q = `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Minor { id familyMembers { id } familyUnit { name }
      additionalData { nomad } ${PROBLEM_LISTS} familyProblems { id } coPlanning { id } violenceRecords { id } courtOrders { id } } } }`;
    handle.counter.reset();
    const res = await call(SW_A, Q, { r: ids.map((id) => ({ __typename: 'Minor', id })) });
    const statements = handle.counter.value;
    expect(res.errors).toBeUndefined();
    for (const m of res.data!._entities) {
      for (const list of ['familyMembers', 'problems', 'familyProblems', 'coPlanning', 'violenceRecords', 'courtOrders']) expect(m[list]).toHaveLength(1);
      expect(m.additionalData).toEqual({ nomad: false });
    }
    // minors, family members, additional data, minor problems (both lists), family problems, co-planning, violence, court orders
    expect(statements).toBe(8);
  });
});
