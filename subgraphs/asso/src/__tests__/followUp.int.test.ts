import pino from 'pino';
import { getCodeList, type CodeListName } from '@shared/codes';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { callSubgraph, type GraphQLResponse, errorOf } from '../../../../test/support/callSubgraph';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { startAsso } from '../server';

// seed 002 Allegato A §a point c: supervision and its follow-ups.
const logger = pino({ level: 'silent' });
const TODAY = '2024-06-15';
const SUP: Principal = { role: 'SUPERVISOR', sub: 'sup-rm', territory: ['058'] };
const SUP_LT: Principal = { role: 'SUPERVISOR', sub: 'sup-lt', territory: ['059'] };
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'an-1' };
const ANONYMOUS: Principal = { role: 'ANONYMOUS' };

const RECORD = 'mutation I($input: RecordInspectionInput!) { recordInspection(input: $input) { id prescriptions followUpDueDate followUpDoneDate } }';
const FOLLOW_UP = 'mutation F($input: RecordInspectionFollowUpInput!) { recordInspectionFollowUp(input: $input) { id followUpDueDate followUpDoneDate } }';
const OVERDUE = 'query O($first: Int, $after: String) { overdueFollowUps(first: $first, after: $after) { nodes { id followUpDueDate } pageInfo { endCursor hasNextPage } } }';

let db: TestDatabase;
let handle: ModuleHandle;
const ids: Record<string, string> = {};

function call<T = Record<string, any>>(principal: Principal, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return callSubgraph<T>({ url: handle.url, name: 'asso', internalSecret: db.config.internalSecret }, principal, query, variables);
}
const code = (list: CodeListName) => getCodeList(list).entries.filter((e) => !e.validTo || e.validTo >= TODAY)[0].code;
async function inspect(sup: Principal, structureCode: string, date: string, followUpDueDate: string | null): Promise<string> {
  const res = await call(sup, RECORD, {
    input: { structureCode, date, authority: code('INSPECTION_AUTHORITY'), outcome: code('INSPECTION_OUTCOME'), prescriptions: followUpDueDate ? 'Adeguare' : null, followUpDueDate },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.recordInspection.id as string;
}

beforeAll(async () => {
  db = await createTestDatabase();
  handle = await startAsso({ ...db.config, ports: { ...db.config.ports, asso: 0 } }, logger, { clock: () => TODAY });
  const type = code('STRUCTURE_TYPE');
  for (const [sup, c, m] of [[SUP, 'FU-RM', '058091'], [SUP_LT, 'FU-LT', '059011']] as const) {
    const r = await call(sup, 'mutation R($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', { input: { code: c, name: 'Casa', type, municipality: m, capacity: 5 } });
    expect(r.errors).toBeUndefined();
  }
  ids.overdue1 = await inspect(SUP, 'FU-RM', '2024-05-01', '2024-06-01');
  ids.dueToday = await inspect(SUP, 'FU-RM', '2024-05-02', TODAY);
  ids.none = await inspect(SUP, 'FU-RM', '2024-05-03', null);
  ids.overdue2 = await inspect(SUP, 'FU-RM', '2024-05-04', '2024-06-10');
  ids.overdue3 = await inspect(SUP, 'FU-RM', '2024-05-05', '2024-06-11');
  ids.elsewhere = await inspect(SUP_LT, 'FU-LT', '2024-05-01', '2024-06-01');
});

afterAll(async () => {
  await handle?.stop();
  await db?.drop();
});

describe('recordInspection with prescriptions', () => {
  it('stores prescriptions and the follow-up due date', async () => {
    const res = await call(SUP, 'query($c: ID!) { structure(code: $c) { inspections { id prescriptions followUpDueDate followUpDoneDate } } }', { c: 'FU-RM' });
    expect(res.data!.structure.inspections[0]).toEqual({ id: ids.overdue1, prescriptions: 'Adeguare', followUpDueDate: '2024-06-01', followUpDoneDate: null });
  });
  it('refuses a due date before the inspection', async () => {
    const res = await call(SUP, RECORD, { input: { structureCode: 'FU-RM', date: '2024-05-01', authority: code('INSPECTION_AUTHORITY'), outcome: code('INSPECTION_OUTCOME'), followUpDueDate: '2024-04-30' } });
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'followUpDueDate' });
  });
});

describe('overdueFollowUps and recordInspectionFollowUp', () => {
  it('lists the overdue follow-ups of the territory, paged', async () => {
    const first = await call(SUP, OVERDUE, { first: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.overdueFollowUps.nodes.map((n: { id: string }) => n.id)).toEqual([ids.overdue1, ids.overdue2]);
    expect(first.data!.overdueFollowUps.pageInfo.hasNextPage).toBe(true);
    const second = await call(SUP, OVERDUE, { first: 2, after: first.data!.overdueFollowUps.pageInfo.endCursor });
    expect(second.data!.overdueFollowUps).toEqual({ nodes: [{ id: ids.overdue3, followUpDueDate: '2024-06-11' }], pageInfo: { endCursor: expect.any(String), hasNextPage: false } });
    const lt = await call(SUP_LT, OVERDUE, {});
    expect(lt.data!.overdueFollowUps.nodes.map((n: { id: string }) => n.id)).toEqual([ids.elsewhere]);
  });

  it('records a follow-up, which leaves the overdue list', async () => {
    const res = await call(SUP, FOLLOW_UP, { input: { inspectionId: ids.overdue2, doneDate: '2024-06-12' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordInspectionFollowUp).toEqual({ id: ids.overdue2, followUpDueDate: '2024-06-10', followUpDoneDate: '2024-06-12' });
    const list = await call(SUP, OVERDUE, {});
    expect(list.data!.overdueFollowUps.nodes.map((n: { id: string }) => n.id)).toEqual([ids.overdue1, ids.overdue3]);
  });

  it('refuses a follow-up in the future or before the inspection', async () => {
    expect(errorOf(await call(SUP, FOLLOW_UP, { input: { inspectionId: ids.overdue1, doneDate: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'doneDate' });
    expect(errorOf(await call(SUP, FOLLOW_UP, { input: { inspectionId: ids.overdue1, doneDate: '2024-04-30' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'doneDate' });
  });

  it('answers NOT_FOUND, FORBIDDEN and UNAUTHENTICATED', async () => {
    expect(errorOf(await call(SUP, FOLLOW_UP, { input: { inspectionId: '00000000-0000-4000-8000-000000000000', doneDate: TODAY } }))).toMatchObject({ code: 'NOT_FOUND', field: 'inspectionId' });
    expect(errorOf(await call(SUP_LT, FOLLOW_UP, { input: { inspectionId: ids.overdue1, doneDate: TODAY } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await call(ANALYST, OVERDUE, {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await call(ANONYMOUS, OVERDUE, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await call(SUP, OVERDUE, { after: 'bogus' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const rows = (await handle.dataSource.query('SELECT follow_up_done_date FROM asso.inspection WHERE id = $1', [ids.overdue1])) as { follow_up_done_date: unknown }[];
    expect(rows[0].follow_up_done_date).toBeNull();
  });
});
