import pino from 'pino';
import { getCodeList } from '@shared/codes';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { callSubgraph, type GraphQLResponse, errorOf } from '../../../../test/support/callSubgraph';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { startAsso } from '../server';

// seed 002 Allegato A §a point d: "interrogazioni storiche" of the registry.
const logger = pino({ level: 'silent' });
let today = '2024-03-01';
const SUP: Principal = { role: 'SUPERVISOR', sub: 'sup-rm', territory: ['058'] };
const SUP_OTHER: Principal = { role: 'SUPERVISOR', sub: 'sup-lt', territory: ['059'] };
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'an-1' };
const SO_OWN: Principal = { role: 'STRUCTURE_OPERATOR', sub: 'so-1', structureCode: 'HIST-1' };
const SW: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-1', serviceId: 'SRV-A' };
const ANONYMOUS: Principal = { role: 'ANONYMOUS' };

const UPDATE = 'mutation U($input: UpdateStructureInput!) { updateStructure(input: $input) { code capacity address managingEntity } }';
const AS_OF = 'query A($code: ID!, $date: Date!) { structureAsOf(code: $code, date: $date) { code asOf name capacity address managingEntity province status } }';
const HISTORY = 'query H($code: ID!) { structure(code: $code) { history { entity operation changedBy effectiveDate changes } } }';

let db: TestDatabase;
let handle: ModuleHandle;

function call<T = Record<string, any>>(principal: Principal, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return callSubgraph<T>({ url: handle.url, name: 'asso', internalSecret: db.config.internalSecret }, principal, query, variables);
}
async function count(): Promise<number> {
  return ((await handle.dataSource.query(`SELECT count(*)::int AS n FROM asso.structure_change`)) as { n: number }[])[0].n;
}

beforeAll(async () => {
  db = await createTestDatabase();
  handle = await startAsso({ ...db.config, ports: { ...db.config.ports, asso: 0 } }, logger, { clock: () => today });
  const type = getCodeList('STRUCTURE_TYPE').entries.filter((e) => !e.validTo || e.validTo >= '2024-06-15')[0].code;
  const reg = await call(SUP, 'mutation R($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', {
    input: { code: 'HIST-1', name: 'Casa', type, municipality: '058091', capacity: 8, managingEntity: 'Coop A' },
  });
  expect(reg.errors).toBeUndefined();
  const act = await call(SUP, 'mutation A($input: RecordActInput!) { recordAct(input: $input) { id } }', {
    input: { structureCode: 'HIST-1', kind: 'AUTHORISATION', number: 'A-1', date: '2024-03-01', validFrom: '2024-03-05' },
  });
  expect(act.errors).toBeUndefined();
  today = '2024-04-10';
  expect((await call(SUP, UPDATE, { input: { code: 'HIST-1', capacity: 10 } })).errors).toBeUndefined();
  today = '2024-05-20';
  const second = await call(SUP, UPDATE, { input: { code: 'HIST-1', capacity: 12, address: 'Via Nuova 2', managingEntity: null } });
  expect(second.errors).toBeUndefined();
  expect(second.data!.updateStructure).toEqual({ code: 'HIST-1', capacity: 12, address: 'Via Nuova 2', managingEntity: null });
});

afterAll(async () => {
  await handle?.stop();
  await db?.drop();
});

describe('structureAsOf', () => {
  it.each([
    ['2024-02-29', null],
    ['2024-03-01', { capacity: 8, address: null, managingEntity: 'Coop A', status: 'NOT_AUTHORISED' }],
    ['2024-04-09', { capacity: 8, address: null, managingEntity: 'Coop A', status: 'ACTIVE' }],
    ['2024-04-10', { capacity: 10, address: null, managingEntity: 'Coop A', status: 'ACTIVE' }],
    ['2024-05-19', { capacity: 10, address: null, managingEntity: 'Coop A', status: 'ACTIVE' }],
    ['2024-05-20', { capacity: 12, address: 'Via Nuova 2', managingEntity: null, status: 'ACTIVE' }],
  ])('rebuilds the registry as it was at the end of %s, publicly', async (date, expected) => {
    const res = await call(ANONYMOUS, AS_OF, { code: 'HIST-1', date });
    expect(res.errors).toBeUndefined();
    if (expected === null) expect(res.data!.structureAsOf).toBeNull();
    else expect(res.data!.structureAsOf).toEqual({ code: 'HIST-1', asOf: date, name: 'Casa', province: '058', ...expected });
  });

  it('answers null for an unknown code', async () => {
    expect((await call(ANONYMOUS, AS_OF, { code: 'NOPE-1', date: '2024-05-20' })).data!.structureAsOf).toBeNull();
  });
});

describe('Structure.history (REGISTRY)', () => {
  it('lists who changed what and when, oldest first', async () => {
    const res = await call(SUP, HISTORY, { code: 'HIST-1' });
    expect(res.errors).toBeUndefined();
    const h = res.data!.structure.history as { entity: string; operation: string; changedBy: string; effectiveDate: string; changes: string }[];
    expect(h.map((c) => [c.entity, c.operation, c.effectiveDate])).toEqual([
      ['structure', 'INSERT', '2024-03-01'],
      ['act', 'INSERT', '2024-03-01'],
      ['structure', 'UPDATE', '2024-04-10'],
      ['structure', 'UPDATE', '2024-05-20'],
    ]);
    expect(h[2].changedBy).toBe('sup-rm');
    expect(JSON.parse(h[2].changes)).toEqual({ capacity: { from: 8, to: 10 } });
  });

  it.each([
    ['the analyst', ANALYST, true],
    ['the own operator', SO_OWN, true],
    ['a supervisor elsewhere', SUP_OTHER, false],
    ['a social worker', SW, false],
    ['an anonymous caller', ANONYMOUS, false],
  ])('is %s visible: %s', async (_n, principal, visible) => {
    const res = await call(principal as Principal, HISTORY, { code: 'HIST-1' });
    expect(res.errors).toBeUndefined();
    if (visible) expect(res.data!.structure.history).toHaveLength(4);
    else expect(res.data!.structure.history).toBeNull();
  });
});

describe('Structure.history batching (no N+1)', () => {
  it('loads the history of several structures in one statement', async () => {
    handle.counter.reset();
    const res = await call(ANALYST, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { code history { operation } } } }', {
      r: ['HIST-1', 'NOPE-1', 'HIST-1'].map((code) => ({ __typename: 'Structure', code })),
    });
    expect(res.errors).toBeUndefined();
    expect((res.data!._entities as unknown[])[1]).toBeNull();
    // structures, changes
    expect(handle.counter.value).toBe(2);
  });
});

describe('updateStructure refusals (nothing written)', () => {
  let before: number;
  beforeEach(async () => {
    before = await count();
  });
  afterEach(async () => {
    expect(await count()).toBe(before);
  });
  it('validates like the registration', async () => {
    expect(errorOf(await call(SUP, UPDATE, { input: { code: 'HIST-1', capacity: -1 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capacity' });
    expect(errorOf(await call(SUP, UPDATE, { input: { code: 'HIST-1', minAge: 15, maxAge: 10 } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(errorOf(await call(SUP, UPDATE, { input: { code: 'HIST-1', name: null } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(errorOf(await call(SUP, UPDATE, { input: { code: 'HIST-1', type: 'NOT-A-TYPE' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'type' });
  });
  it('answers NOT_FOUND for an unknown structure', async () => {
    expect(errorOf(await call(SUP, UPDATE, { input: { code: 'NOPE-1', capacity: 3 } }))).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
  });
  it('refuses a supervisor outside the territory, other roles and anonymous callers', async () => {
    expect(errorOf(await call(SUP_OTHER, UPDATE, { input: { code: 'HIST-1', capacity: 3 } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await call(ANALYST, UPDATE, { input: { code: 'HIST-1', capacity: 3 } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await call(ANONYMOUS, UPDATE, { input: { code: 'HIST-1', capacity: 3 } }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('managingEntityTaxCode (seed 002 §a point a)', () => {
  const REGISTER = 'mutation R($input: RegisterStructureInput!) { registerStructure(input: $input) { code managingEntityTaxCode } }';
  const type = () => getCodeList('STRUCTURE_TYPE').entries.filter((e) => !e.validTo || e.validTo >= '2024-06-15')[0].code;

  it('registers with a partita IVA and updates to a personal fiscal code (upper-cased), publicly readable', async () => {
    const reg = await call(SUP, REGISTER, { input: { code: 'TAX-1', name: 'Casa', type: type(), municipality: '058091', capacity: 4, managingEntityTaxCode: '12345678903' } });
    expect(reg.errors).toBeUndefined();
    expect(reg.data!.registerStructure.managingEntityTaxCode).toBe('12345678903');
    const upd = await call(SUP, 'mutation U($input: UpdateStructureInput!) { updateStructure(input: $input) { managingEntityTaxCode } }', {
      input: { code: 'TAX-1', managingEntityTaxCode: 'rssmra85t10a562s' },
    });
    expect(upd.errors).toBeUndefined();
    const read = await call(ANONYMOUS, 'query { structure(code: "TAX-1") { managingEntityTaxCode } }');
    expect(read.data!.structure.managingEntityTaxCode).toBe('RSSMRA85T10A562S');
  });

  it('refuses an invalid tax code on register and update, writing nothing', async () => {
    const before = await count();
    const reg = await call(SUP, REGISTER, { input: { code: 'TAX-2', name: 'Casa', type: type(), municipality: '058091', capacity: 4, managingEntityTaxCode: '12345678901' } });
    expect(errorOf(reg)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'managingEntityTaxCode' });
    const upd = await call(SUP, UPDATE, { input: { code: 'TAX-1', managingEntityTaxCode: 'RSSMRA85T10A562T' } });
    expect(errorOf(upd)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'managingEntityTaxCode' });
    expect(await count()).toBe(before);
  });
});
