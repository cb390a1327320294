import pino from 'pino';
import { getCodeList } from '@shared/codes';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { callSubgraph, type GraphQLResponse, errorOf } from '../../../../test/support/callSubgraph';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { startAsso } from '../server';

// Issue 6: municipality checked against the ISTAT list, the structure's ASL
// (seed 002 Allegato A §a point c, "ASL di riferimento"), gender, target and
// public contacts; history and as-of reads of the new fields.
const logger = pino({ level: 'silent' });
let today = '2024-03-01';

const SUP: Principal = { role: 'SUPERVISOR', sub: 'sup-lazio', territory: ['058', '059'] };
const ANONYMOUS: Principal = { role: 'ANONYMOUS' };

const PROFILE = 'code municipality municipalityName province healthAuthority gender target phone publicEmail contactEmail';
const REGISTER = `mutation R($input: RegisterStructureInput!) { registerStructure(input: $input) { ${PROFILE} } }`;
const UPDATE = `mutation U($input: UpdateStructureInput!) { updateStructure(input: $input) { ${PROFILE} } }`;
const STRUCTURE = `query S($code: ID!) { structure(code: $code) { ${PROFILE} } }`;
const AS_OF = 'query A($code: ID!, $date: Date!) { structureAsOf(code: $code, date: $date) { municipality municipalityName healthAuthority gender target phone publicEmail } }';
const HISTORY = 'query H($code: ID!) { structure(code: $code) { history { entity operation effectiveDate changes } } }';
const LIST = 'query L($filter: StructureFilter) { structures(filter: $filter, first: 100) { nodes { code } } }';

let db: TestDatabase;
let handle: ModuleHandle;
const type = () => getCodeList('STRUCTURE_TYPE').entries.filter((e) => !e.validTo || e.validTo >= today)[0].code;

function call<T = Record<string, any>>(principal: Principal, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return callSubgraph<T>({ url: handle.url, name: 'asso', internalSecret: db.config.internalSecret }, principal, query, variables);
}
function input(code: string, overrides: Record<string, unknown> = {}) {
  return { code, name: `Casa ${code}`, type: type(), municipality: '058091', capacity: 6, ...overrides };
}

/** Every structure row and every change, to show a refused mutation wrote nothing. */
async function snapshot(): Promise<unknown> {
  return {
    rows: await handle.dataSource.query(`SELECT * FROM asso.structure ORDER BY code`),
    changes: ((await handle.dataSource.query(`SELECT count(*)::int AS n FROM asso.structure_change`)) as { n: number }[])[0].n,
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  handle = await startAsso({ ...db.config, ports: { ...db.config.ports, asso: 0 } }, logger, { clock: () => today });
  const reg = await call(SUP, REGISTER, {
    input: input('PROF-1', { healthAuthority: ' ROMA_1 ', gender: 'MIXED', target: 'MOTHER_AND_CHILD', phone: ' +39 06 1234567 ', publicEmail: 'info@casa.example.org', contactEmail: 'interno@example.org' }),
  });
  expect(reg.errors).toBeUndefined();
});

afterAll(async () => {
  await handle?.stop();
  await db?.drop();
});

describe('registerStructure with the profile fields', () => {
  it('stores the ASL, gender, target and public contacts, and names the municipality', async () => {
    const res = await call(SUP, STRUCTURE, { code: 'PROF-1' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.structure).toEqual({
      code: 'PROF-1',
      municipality: '058091',
      municipalityName: 'Roma',
      province: '058',
      healthAuthority: 'ROMA_1',
      gender: 'MIXED',
      target: 'MOTHER_AND_CHILD',
      phone: '+39 06 1234567',
      publicEmail: 'info@casa.example.org',
      contactEmail: 'interno@example.org',
    });
  });

  it('serves them publicly: anonymous callers read the public contacts, not the internal one', async () => {
    const res = await call(ANONYMOUS, STRUCTURE, { code: 'PROF-1' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.structure).toMatchObject({ municipalityName: 'Roma', healthAuthority: 'ROMA_1', gender: 'MIXED', target: 'MOTHER_AND_CHILD', phone: '+39 06 1234567', publicEmail: 'info@casa.example.org', contactEmail: null });
  });

  it('leaves them null when not given, and accepts the ASL of another province of the territory', async () => {
    const res = await call(SUP, REGISTER, { input: input('PROF-LT', { municipality: '059011', healthAuthority: 'LATINA' }) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerStructure).toMatchObject({ municipalityName: 'Latina', province: '059', healthAuthority: 'LATINA', gender: null, target: null, phone: null, publicEmail: null });
  });

  it.each([
    ['an unknown municipality code', { municipality: '058999' }, { code: 'INVALID_CODE', field: 'municipality', list: 'MUNICIPALITY' }],
    ['a municipality code that is not 6 digits', { municipality: '58091' }, { code: 'BAD_USER_INPUT', field: 'municipality' }],
    ['an ASL not in HEALTH_AUTHORITY', { healthAuthority: 'ROMA_9' }, { code: 'INVALID_CODE', field: 'healthAuthority', list: 'HEALTH_AUTHORITY' }],
    ['the ASL of another province (Rome ASL in Latina)', { municipality: '059011', healthAuthority: 'ROMA_1' }, { code: 'BAD_USER_INPUT', field: 'healthAuthority' }],
    ['the ASL of another province (Latina ASL in Rome)', { healthAuthority: 'LATINA' }, { code: 'BAD_USER_INPUT', field: 'healthAuthority' }],
    ['a gender not in STRUCTURE_GENDER', { gender: 'X' }, { code: 'INVALID_CODE', field: 'gender', list: 'STRUCTURE_GENDER' }],
    ['a target not in STRUCTURE_TARGET', { target: 'ADULTS' }, { code: 'INVALID_CODE', field: 'target', list: 'STRUCTURE_TARGET' }],
    ['a phone number with letters', { phone: '06 CALL ME' }, { code: 'BAD_USER_INPUT', field: 'phone' }],
    ['a phone number too short', { phone: '06 12' }, { code: 'BAD_USER_INPUT', field: 'phone' }],
    ['an implausible public e-mail', { publicEmail: 'info at casa' }, { code: 'BAD_USER_INPUT', field: 'publicEmail' }],
  ])('refuses %s and writes nothing', async (_what, overrides, expected) => {
    const before = await snapshot();
    const res = await call(SUP, REGISTER, { input: input('PROF-BAD', overrides) });
    expect(res.data?.registerStructure ?? null).toBeNull();
    expect(errorOf(res)).toMatchObject(expected);
    expect(await snapshot()).toEqual(before);
  });
});

describe('updateStructure with the profile fields', () => {
  it.each([
    ['an ASL not in HEALTH_AUTHORITY', { healthAuthority: 'RM1' }, { code: 'INVALID_CODE', field: 'healthAuthority', list: 'HEALTH_AUTHORITY' }],
    ['the ASL of another province', { healthAuthority: 'FROSINONE' }, { code: 'BAD_USER_INPUT', field: 'healthAuthority' }],
    ['a gender not in STRUCTURE_GENDER', { gender: 'MALE' }, { code: 'INVALID_CODE', field: 'gender', list: 'STRUCTURE_GENDER' }],
    ['a target not in STRUCTURE_TARGET', { target: 'ELDERLY' }, { code: 'INVALID_CODE', field: 'target', list: 'STRUCTURE_TARGET' }],
    ['an invalid phone', { phone: '+' }, { code: 'BAD_USER_INPUT', field: 'phone' }],
    ['an invalid public e-mail', { publicEmail: '@' }, { code: 'BAD_USER_INPUT', field: 'publicEmail' }],
    ['a valid change together with an invalid one', { gender: 'F', target: 'NOPE' }, { code: 'INVALID_CODE', field: 'target' }],
  ])('refuses %s and writes nothing', async (_what, overrides, expected) => {
    const before = await snapshot();
    const res = await call(SUP, UPDATE, { input: { code: 'PROF-1', ...overrides } });
    expect(res.data?.updateStructure ?? null).toBeNull();
    expect(errorOf(res)).toMatchObject(expected);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a structure whose municipality the list does not know updatable (the municipality cannot change)', async () => {
    // A row older than the list check, written directly.
    await handle.dataSource.query(`INSERT INTO asso.structure (code, name, type, municipality, capacity, created_by) VALUES ('LEGACY-1', 'Vecchia', 'CEM', '058998', 4, 'migration')`);
    const read = await call(ANONYMOUS, STRUCTURE, { code: 'LEGACY-1' });
    expect(read.data!.structure).toMatchObject({ municipality: '058998', municipalityName: null, province: '058' });
    const res = await call(SUP, UPDATE, { input: { code: 'LEGACY-1', target: 'GENERAL', healthAuthority: 'ROMA_2' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateStructure).toMatchObject({ target: 'GENERAL', healthAuthority: 'ROMA_2' });
  });
});

describe('history and as-of reads of the profile fields (seed 002 Allegato A §a point d)', () => {
  beforeAll(async () => {
    today = '2024-04-15';
    const res = await call(SUP, UPDATE, { input: { code: 'PROF-1', healthAuthority: 'ROMA_2', gender: 'F', target: 'UNACCOMPANIED_FOREIGN_MINORS', phone: null, publicEmail: 'nuova@casa.example.org' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateStructure).toMatchObject({ healthAuthority: 'ROMA_2', gender: 'F', target: 'UNACCOMPANIED_FOREIGN_MINORS', phone: null, publicEmail: 'nuova@casa.example.org' });
  });

  it('records the change of each field, from and to', async () => {
    const res = await call(SUP, HISTORY, { code: 'PROF-1' });
    expect(res.errors).toBeUndefined();
    const history = res.data!.structure.history as { entity: string; operation: string; effectiveDate: string; changes: string }[];
    expect(history.map((h) => [h.entity, h.operation, h.effectiveDate])).toEqual([
      ['structure', 'INSERT', '2024-03-01'],
      ['structure', 'UPDATE', '2024-04-15'],
    ]);
    expect(JSON.parse(history[0].changes)).toMatchObject({ health_authority: { from: null, to: 'ROMA_1' }, gender: { from: null, to: 'MIXED' }, target: { from: null, to: 'MOTHER_AND_CHILD' } });
    expect(JSON.parse(history[1].changes)).toEqual({
      health_authority: { from: 'ROMA_1', to: 'ROMA_2' },
      gender: { from: 'MIXED', to: 'F' },
      target: { from: 'MOTHER_AND_CHILD', to: 'UNACCOMPANIED_FOREIGN_MINORS' },
      phone: { from: '+39 06 1234567', to: null },
      public_email: { from: 'info@casa.example.org', to: 'nuova@casa.example.org' },
    });
  });

  it.each([
    ['2024-04-14', { healthAuthority: 'ROMA_1', gender: 'MIXED', target: 'MOTHER_AND_CHILD', phone: '+39 06 1234567', publicEmail: 'info@casa.example.org' }],
    ['2024-04-15', { healthAuthority: 'ROMA_2', gender: 'F', target: 'UNACCOMPANIED_FOREIGN_MINORS', phone: null, publicEmail: 'nuova@casa.example.org' }],
  ])('rebuilds them as they were at the end of %s', async (date, expected) => {
    const res = await call(ANONYMOUS, AS_OF, { code: 'PROF-1', date });
    expect(res.errors).toBeUndefined();
    expect(res.data!.structureAsOf).toEqual({ municipality: '058091', municipalityName: 'Roma', ...expected });
  });
});

describe('public filters by target and gender', () => {
  beforeAll(async () => {
    for (const [code, target, gender] of [
      ['TGT-1', 'MOTHER_AND_CHILD', 'F'],
      ['TGT-2', 'MOTHER_AND_CHILD', 'MIXED'],
      ['TGT-3', 'GENERAL', 'M'],
    ] as const) {
      const res = await call(SUP, REGISTER, { input: input(code, { municipality: '058047', target, gender }) });
      expect(res.errors).toBeUndefined();
    }
  });

  it('finds the mother-and-child structures, anonymously', async () => {
    const res = await call(ANONYMOUS, LIST, { filter: { municipality: '058047', target: 'MOTHER_AND_CHILD' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.structures.nodes).toEqual([{ code: 'TGT-1' }, { code: 'TGT-2' }]);
  });

  it('filters by gender exactly, and combines with the target', async () => {
    expect((await call(ANONYMOUS, LIST, { filter: { municipality: '058047', gender: 'M' } })).data!.structures.nodes).toEqual([{ code: 'TGT-3' }]);
    expect((await call(ANONYMOUS, LIST, { filter: { municipality: '058047', gender: 'MIXED', target: 'MOTHER_AND_CHILD' } })).data!.structures.nodes).toEqual([{ code: 'TGT-2' }]);
    expect((await call(ANONYMOUS, LIST, { filter: { municipality: '058047', target: 'NOT-A-TARGET' } })).data!.structures.nodes).toEqual([]);
  });
});
