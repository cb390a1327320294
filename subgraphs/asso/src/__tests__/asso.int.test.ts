import pino from 'pino';
import jwt from 'jsonwebtoken';
import { getCodeList, type CodeListName } from '@shared/codes';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@shared/auth';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { addDays } from '@shared/time';
import { callSubgraph, type GraphQLResponse, errorOf } from '../../../../test/support/callSubgraph';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { startAsso } from '../server';

const logger = pino({ level: 'silent' });
/** "Today" of the subgraph, fixed so the tests do not depend on the calendar. */
const TODAY = '2024-06-15';

const SUP: Principal = { role: 'SUPERVISOR', sub: 'sup-rm', territory: ['058'] };
const SUP_OTHER: Principal = { role: 'SUPERVISOR', sub: 'sup-lt', territory: ['059'] };
const SW: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-1', serviceId: 'SRV-A' };
const SO_OWN: Principal = { role: 'STRUCTURE_OPERATOR', sub: 'so-1', structureCode: 'RM-REG-1' };
const SO_OTHER: Principal = { role: 'STRUCTURE_OPERATOR', sub: 'so-2', structureCode: 'RM-OTHER' };
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'an-1' };
const PRIVACY_OFFICER: Principal = { role: 'PRIVACY_OFFICER', sub: 'po-1' };
const ANONYMOUS: Principal = { role: 'ANONYMOUS' };
const ASMI: Principal = { role: 'SERVICE', sub: 'service:asmi', service: 'asmi' };

/** A currently valid code of a reference list, so the test follows the lists. */
function validCode(list: CodeListName, index = 0): string {
  const entries = getCodeList(list).entries.filter((e) => !e.validTo || e.validTo >= TODAY);
  if (entries.length <= index) throw new Error(`${list} has fewer than ${index + 1} valid codes`);
  return entries[index].code;
}
const structureType = (index = 0) => validCode('STRUCTURE_TYPE', index);

const STRUCTURE_FIELDS = 'code name type municipality province address managingEntity capacity emergencyCapacity minAge maxAge status acts { kind } contactEmail inspections { id }';
const REGISTER = `mutation R($input: RegisterStructureInput!) { registerStructure(input: $input) { ${STRUCTURE_FIELDS} } }`;
const RECORD_ACT = 'mutation A($input: RecordActInput!) { recordAct(input: $input) { id kind number date validFrom validTo issuingBody } }';
const RECORD_INSPECTION = 'mutation I($input: RecordInspectionInput!) { recordInspection(input: $input) { id date authority outcome findings } }';
const STRUCTURE = 'query S($code: ID!) { structure(code: $code) { code name status contactEmail inspections { id authority outcome findings } } }';
const LIST = `query L($filter: StructureFilter, $first: Int, $after: String) {
  structures(filter: $filter, first: $first, after: $after) { nodes { code status } pageInfo { endCursor hasNextPage } } }`;
/** The query other modules send as a SERVICE principal (ASMI at admission, SINBA for interventions). */
const SERVICE_QUERY =
  'query($code: ID!, $date: Date!) { structure(code: $code) { code type province capacity emergencyCapacity minAge maxAge statusOn(date: $date) } }';

let db: TestDatabase;
let handle: ModuleHandle;
let seq = 0;

function call<T = Record<string, any>>(principal: Principal, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return callSubgraph<T>({ url: handle.url, name: 'asso', internalSecret: db.config.internalSecret }, principal, query, variables);
}

function nextCode(prefix = 'T'): string {
  seq += 1;
  return `${prefix}-${String(seq).padStart(4, '0')}`;
}

function structureInput(overrides: Record<string, unknown> = {}) {
  return {
    code: nextCode(),
    name: 'Comunità educativa di prova',
    type: structureType(),
    municipality: '058091',
    address: 'Via di Prova 1',
    managingEntity: 'Cooperativa di prova',
    capacity: 8,
    emergencyCapacity: 2,
    minAge: 6,
    maxAge: 17,
    contactEmail: 'comunita@example.org',
    ...overrides,
  };
}

async function register(overrides: Record<string, unknown> = {}): Promise<string> {
  const input = structureInput(overrides);
  const res = await call(SUP, REGISTER, { input });
  expect(res.errors).toBeUndefined();
  return input.code as string;
}

async function recordAct(structureCode: string, kind: string, validFrom: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call(SUP, RECORD_ACT, { input: { structureCode, kind, number: `N-${kind}-${validFrom}`, date: validFrom <= TODAY ? validFrom : TODAY, validFrom, ...extra } });
  expect(res.errors).toBeUndefined();
  return res.data!.recordAct.id as string;
}

async function count(table: string): Promise<number> {
  const rows = (await handle.dataSource.query(`SELECT count(*)::int AS n FROM asso.${table}`)) as { n: number }[];
  return rows[0].n;
}

beforeAll(async () => {
  db = await createTestDatabase();
  handle = await startAsso({ ...db.config, ports: { ...db.config.ports, asso: 0 } }, logger, { clock: () => TODAY });
});

afterAll(async () => {
  await handle?.stop();
  await db?.drop();
});

describe('internal token (docs/privacy.md §9)', () => {
  it('answers 401 UNAUTHENTICATED without the gateway token', async () => {
    const res = await fetch(handle.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ structures { nodes { code } } }' }) });
    expect(res.status).toBe(401);
    const body = (await res.json()) as GraphQLResponse;
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to a token signed for another subgraph (sinba)', async () => {
    const token = signInternalToken(SUP, { secret: db.config.internalSecret, audience: 'sinba', ttlSeconds: 60 });
    const res = await fetch(handle.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body: JSON.stringify({ query: '{ _entities(representations: [{__typename: "Structure", code: "RM-1"}]) { ... on Structure { contactEmail } } }' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as GraphQLResponse;
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to a token signed with another secret', async () => {
    const token = jwt.sign({ role: 'SERVICE', sub: 'service:x', service: 'x' }, 'not-the-secret', { algorithm: 'HS256', issuer: 'sirmi-hub', audience: 'asso', expiresIn: 60 });
    const res = await fetch(handle.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body: JSON.stringify({ query: '{ structures { nodes { code } } }' }),
    });
    expect(res.status).toBe(401);
  });

  it('reports its database on /health', async () => {
    const res = await fetch(handle.url.replace('/graphql', '/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'up', service: 'asso', checks: { database: 'up' } });
  });
});

describe('registerStructure', () => {
  it('registers a structure for a supervisor in territory, deriving the province', async () => {
    const input = structureInput({ code: 'RM-REG-1', address: '  Via Roma 1 ', contactEmail: ' info@example.org ' });
    const res = await call(SUP, REGISTER, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerStructure).toEqual({
      code: 'RM-REG-1',
      name: input.name,
      type: input.type,
      municipality: '058091',
      province: '058',
      address: 'Via Roma 1',
      managingEntity: input.managingEntity,
      capacity: 8,
      emergencyCapacity: 2,
      minAge: 6,
      maxAge: 17,
      status: 'NOT_AUTHORISED',
      acts: [],
      contactEmail: 'info@example.org',
      inspections: [],
    });
  });

  it('defaults the emergency capacity to 0 and leaves optional fields empty', async () => {
    const res = await call(SUP, REGISTER, {
      input: { code: nextCode(), name: 'Casa famiglia', type: structureType(), municipality: '058091', capacity: 1, address: '  ' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerStructure).toMatchObject({ emergencyCapacity: 0, minAge: null, maxAge: null, address: null, contactEmail: null });
  });

  it('records who registered it in the structure history', async () => {
    const code = await register();
    const rows = (await handle.dataSource.query(`SELECT entity, operation, changed_by, changes FROM asso.structure_change WHERE structure_code = $1`, [code])) as {
      entity: string;
      operation: string;
      changed_by: string;
      changes: Record<string, { from: unknown; to: unknown }>;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'structure', operation: 'INSERT', changed_by: SUP.sub });
    expect(rows[0].changes.capacity).toEqual({ from: null, to: 8 });
  });

  it.each<[string, string, Principal]>([
    ['anonymous', 'UNAUTHENTICATED', ANONYMOUS],
    ['a social worker', 'FORBIDDEN', SW],
    ['a structure operator', 'FORBIDDEN', SO_OWN],
    ['a regional analyst', 'FORBIDDEN', ANALYST],
    ['another module', 'FORBIDDEN', ASMI],
    ['a supervisor out of territory', 'FORBIDDEN', SUP_OTHER],
  ])('refuses %s with %s and registers nothing', async (_who, code, principal) => {
    const before = await count('structure');
    const res = await call(principal, REGISTER, { input: structureInput() });
    expect(res.data?.registerStructure ?? null).toBeNull();
    expect(errorOf(res).code).toBe(code);
    expect(await count('structure')).toBe(before);
  });

  it.each([
    ['an empty code', { code: '  ' }, 'BAD_USER_INPUT', 'code'],
    ['a malformed code', { code: 'rm c/1' }, 'BAD_USER_INPUT', 'code'],
    ['a reserved code', { code: '999999' }, 'BAD_USER_INPUT', 'code'],
    ['an empty name', { name: ' ' }, 'BAD_USER_INPUT', 'name'],
    ['a type not in STRUCTURE_TYPE', { type: 'NOT-A-TYPE' }, 'INVALID_CODE', 'type'],
    ['a municipality that is not an ISTAT code', { municipality: '58091' }, 'BAD_USER_INPUT', 'municipality'],
    ['no places', { capacity: 0 }, 'BAD_USER_INPUT', 'capacity'],
    ['negative emergency places', { emergencyCapacity: -1 }, 'BAD_USER_INPUT', 'emergencyCapacity'],
    ['a negative minimum age', { minAge: -1 }, 'BAD_USER_INPUT', 'minAge'],
    ['a maximum age above 21', { maxAge: 22 }, 'BAD_USER_INPUT', 'maxAge'],
    ['a minimum age above the maximum', { minAge: 14, maxAge: 10 }, 'BAD_USER_INPUT', 'maxAge'],
    ['an implausible contact e-mail', { contactEmail: 'not an address' }, 'BAD_USER_INPUT', 'contactEmail'],
  ])('refuses %s', async (_what, overrides, code, field) => {
    const before = await count('structure');
    const res = await call(SUP, REGISTER, { input: structureInput(overrides) });
    expect(res.data?.registerStructure ?? null).toBeNull();
    expect(errorOf(res)).toMatchObject({ code, field });
    expect(await count('structure')).toBe(before);
  });

  it('names the code list of an invalid type', async () => {
    const res = await call(SUP, REGISTER, { input: structureInput({ type: 'NOT-A-TYPE' }) });
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_CODE', field: 'type', list: 'STRUCTURE_TYPE' });
  });

  it('refuses a code already registered with DUPLICATE_STRUCTURE', async () => {
    const code = await register();
    const before = await count('structure');
    const res = await call(SUP, REGISTER, { input: structureInput({ code, name: 'Altra' }) });
    expect(errorOf(res)).toMatchObject({ code: 'DUPLICATE_STRUCTURE', field: 'code' });
    expect(await count('structure')).toBe(before);
  });

  it('lets only one of three racing registrations of the same code win', async () => {
    const code = nextCode('RACE');
    const results = await Promise.all([0, 1, 2].map(() => call(SUP, REGISTER, { input: structureInput({ code }) })));
    const ok = results.filter((r) => !r.errors);
    const failed = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(2);
    for (const f of failed) expect(errorOf(f)).toMatchObject({ code: 'DUPLICATE_STRUCTURE', field: 'code' });
    const rows = (await handle.dataSource.query('SELECT count(*)::int AS n FROM asso.structure WHERE code = $1', [code])) as { n: number }[];
    expect(rows[0].n).toBe(1);
  });
});

describe('recordAct', () => {
  let code: string;
  beforeAll(async () => {
    code = await register();
  });

  it('records an act for a supervisor in territory', async () => {
    const res = await call(SUP, RECORD_ACT, {
      input: { structureCode: code, kind: 'AUTHORISATION', number: ' DD 12/2020 ', date: '2020-01-10', validFrom: '2020-01-10', validTo: '2030-01-09', issuingBody: 'Roma Capitale' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordAct).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kind: 'AUTHORISATION',
      number: 'DD 12/2020',
      date: '2020-01-10',
      validFrom: '2020-01-10',
      validTo: '2030-01-09',
      issuingBody: 'Roma Capitale',
    });
    const s = await call(ANONYMOUS, 'query($code: ID!) { structure(code: $code) { status acts { id kind } } }', { code });
    expect(s.data!.structure).toEqual({ status: 'ACTIVE', acts: [{ id: res.data!.recordAct.id, kind: 'AUTHORISATION' }] });
  });

  it('accepts an act issued today whose validity starts in the future', async () => {
    const other = await register();
    const res = await call(SUP, RECORD_ACT, { input: { structureCode: other, kind: 'AUTHORISATION', number: '1', date: TODAY, validFrom: addDays(TODAY, 30) } });
    expect(res.errors).toBeUndefined();
    const s = await call(ANONYMOUS, 'query($code: ID!, $d: Date!) { structure(code: $code) { status statusOn(date: $d) } }', { code: other, d: addDays(TODAY, 30) });
    expect(s.data!.structure).toEqual({ status: 'NOT_AUTHORISED', statusOn: 'ACTIVE' });
  });

  it.each<[string, string, Principal]>([
    ['anonymous', 'UNAUTHENTICATED', ANONYMOUS],
    ['a social worker', 'FORBIDDEN', SW],
    ['a regional analyst', 'FORBIDDEN', ANALYST],
    ['another module', 'FORBIDDEN', ASMI],
    ['a supervisor out of territory', 'FORBIDDEN', SUP_OTHER],
  ])('refuses %s with %s and records nothing', async (_who, errorCode, principal) => {
    const before = await count('act');
    const res = await call(principal, RECORD_ACT, { input: { structureCode: code, kind: 'WARNING', number: 'W-1', date: TODAY, validFrom: TODAY } });
    expect(res.data?.recordAct ?? null).toBeNull();
    expect(errorOf(res).code).toBe(errorCode);
    expect(await count('act')).toBe(before);
  });

  it.each([
    ['an unknown structure', { structureCode: 'NO-SUCH-1' }, 'UNKNOWN_STRUCTURE', 'structureCode'],
    ['an empty number', { number: '   ' }, 'BAD_USER_INPUT', 'number'],
    ['a validity ending before it starts', { validFrom: '2024-01-10', validTo: '2024-01-09' }, 'INVALID_DATE_RANGE', 'validTo'],
    ['an act dated in the future', { date: addDays(TODAY, 1), validFrom: addDays(TODAY, 1) }, 'INVALID_DATE_RANGE', 'date'],
  ])('refuses %s', async (_what, overrides, errorCode, field) => {
    const before = await count('act');
    const res = await call(SUP, RECORD_ACT, { input: { structureCode: code, kind: 'SUSPENSION', number: 'S-1', date: '2024-01-10', validFrom: '2024-01-10', ...overrides } });
    expect(res.data?.recordAct ?? null).toBeNull();
    expect(errorOf(res)).toMatchObject({ code: errorCode, field });
    expect(await count('act')).toBe(before);
  });
});

describe('recordInspection', () => {
  let code: string;
  beforeAll(async () => {
    code = await register();
  });

  function inspection(overrides: Record<string, unknown> = {}) {
    return { structureCode: code, date: '2024-03-01', authority: validCode('INSPECTION_AUTHORITY'), outcome: validCode('INSPECTION_OUTCOME'), findings: 'Nessun rilievo', ...overrides };
  }

  it('records an inspection for a supervisor in territory', async () => {
    const input = inspection();
    const res = await call(SUP, RECORD_INSPECTION, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordInspection).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), date: '2024-03-01', authority: input.authority, outcome: input.outcome, findings: 'Nessun rilievo' });
    const s = await call(SUP, STRUCTURE, { code });
    expect(s.data!.structure.inspections).toEqual([{ id: res.data!.recordInspection.id, authority: input.authority, outcome: input.outcome, findings: 'Nessun rilievo' }]);
  });

  it.each<[string, string, Principal]>([
    ['anonymous', 'UNAUTHENTICATED', ANONYMOUS],
    ['a structure operator', 'FORBIDDEN', SO_OWN],
    ['a regional analyst', 'FORBIDDEN', ANALYST],
    ['a supervisor out of territory', 'FORBIDDEN', SUP_OTHER],
  ])('refuses %s with %s and records nothing', async (_who, errorCode, principal) => {
    const before = await count('inspection');
    const res = await call(principal, RECORD_INSPECTION, { input: inspection() });
    expect(res.data?.recordInspection ?? null).toBeNull();
    expect(errorOf(res).code).toBe(errorCode);
    expect(await count('inspection')).toBe(before);
  });

  it.each([
    ['an unknown structure', { structureCode: 'NO-SUCH-1' }, 'UNKNOWN_STRUCTURE', 'structureCode'],
    ['an authority not in INSPECTION_AUTHORITY', { authority: 'NOT-AN-AUTHORITY' }, 'INVALID_CODE', 'authority'],
    ['an outcome not in INSPECTION_OUTCOME', { outcome: 'NOT-AN-OUTCOME' }, 'INVALID_CODE', 'outcome'],
    ['an inspection dated in the future', { date: addDays(TODAY, 1) }, 'INVALID_DATE_RANGE', 'date'],
  ])('refuses %s', async (_what, overrides, errorCode, field) => {
    const before = await count('inspection');
    const res = await call(SUP, RECORD_INSPECTION, { input: inspection(overrides) });
    expect(res.data?.recordInspection ?? null).toBeNull();
    expect(errorOf(res)).toMatchObject({ code: errorCode, field });
    expect(await count('inspection')).toBe(before);
  });
});

describe('public reads and REGISTRY fields (docs/privacy.md §4)', () => {
  const code = 'RM-PUB-1';
  beforeAll(async () => {
    await register({ code, contactEmail: 'interno@example.org' });
    await recordAct(code, 'AUTHORISATION', '2020-01-01');
    const res = await call(SUP, RECORD_INSPECTION, {
      input: { structureCode: code, date: '2024-02-01', authority: validCode('INSPECTION_AUTHORITY'), outcome: validCode('INSPECTION_OUTCOME'), findings: 'Rilievi' },
    });
    expect(res.errors).toBeUndefined();
  });

  it('serves the public registry to anonymous callers', async () => {
    const res = await call(ANONYMOUS, 'query($code: ID!) { structure(code: $code) { code name type municipality province capacity emergencyCapacity status acts { kind number validFrom } } }', { code });
    expect(res.errors).toBeUndefined();
    expect(res.data!.structure).toMatchObject({ code, province: '058', capacity: 8, status: 'ACTIVE', acts: [{ kind: 'AUTHORISATION', validFrom: '2020-01-01' }] });
  });

  it('answers null for an unknown code', async () => {
    const res = await call(ANONYMOUS, STRUCTURE, { code: 'NO-SUCH-9' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.structure).toBeNull();
  });

  it.each<[string, Principal]>([
    ['anonymous', ANONYMOUS],
    ['the privacy officer', PRIVACY_OFFICER],
    ['the operator of another structure', SO_OTHER],
    ['a supervisor out of territory', SUP_OTHER],
  ])('returns null REGISTRY fields to %s', async (_who, principal) => {
    const res = await call(principal, STRUCTURE, { code });
    expect(res.errors).toBeUndefined();
    expect(res.data!.structure).toMatchObject({ code, status: 'ACTIVE', contactEmail: null, inspections: null });
  });

  it.each<[string, Principal]>([
    ['a social worker', SW],
    ['a supervisor in territory', SUP],
    ['a regional analyst', ANALYST],
    ['another module (SERVICE)', ASMI],
    ['the operator of the structure', { role: 'STRUCTURE_OPERATOR', sub: 'so-pub', structureCode: code }],
  ])('returns the REGISTRY fields to %s', async (_who, principal) => {
    const res = await call(principal, STRUCTURE, { code });
    expect(res.errors).toBeUndefined();
    expect(res.data!.structure).toMatchObject({ contactEmail: 'interno@example.org', inspections: [{ findings: 'Rilievi' }] });
  });

  it('masks the REGISTRY fields in _entities as well', async () => {
    const res = await call(ANONYMOUS, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { code contactEmail inspections { id } } } }', {
      r: [{ __typename: 'Structure', code }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([{ code, contactEmail: null, inspections: null }]);
  });
});

describe('status derived from the acts, end to end (seed 002)', () => {
  const code = 'RM-STAT-1';
  beforeAll(async () => {
    await register({ code });
    await recordAct(code, 'AUTHORISATION', '2020-01-10');
    await recordAct(code, 'WARNING', '2020-11-01');
    await recordAct(code, 'SUSPENSION', '2021-03-01', { validTo: '2021-05-31' });
    await recordAct(code, 'SUSPENSION', '2022-02-01');
    await recordAct(code, 'REACTIVATION', '2022-04-01');
    // Announced today, in force next month.
    await recordAct(code, 'REVOCATION', addDays(TODAY, 16), { date: TODAY });
  });

  it.each([
    ['2020-01-09', 'NOT_AUTHORISED'],
    ['2020-01-10', 'ACTIVE'],
    ['2021-03-01', 'SUSPENDED'],
    ['2021-05-31', 'SUSPENDED'],
    ['2021-06-01', 'ACTIVE'],
    ['2022-03-15', 'SUSPENDED'],
    ['2022-04-01', 'ACTIVE'],
    [TODAY, 'ACTIVE'],
    [addDays(TODAY, 16), 'REVOKED'],
  ])('on %s is %s', async (date, expected) => {
    const res = await call(ANONYMOUS, 'query($code: ID!, $d: Date!) { structure(code: $code) { statusOn(date: $d) } }', { code, d: date });
    expect(res.errors).toBeUndefined();
    expect(res.data!.structure.statusOn).toBe(expected);
  });

  it('is ACTIVE today, with every act listed in the order they apply', async () => {
    const res = await call(ANONYMOUS, 'query($code: ID!) { structure(code: $code) { status acts { kind validFrom validTo } } }', { code });
    expect(res.data!.structure.status).toBe('ACTIVE');
    expect(res.data!.structure.acts.map((a: { kind: string }) => a.kind)).toEqual(['AUTHORISATION', 'WARNING', 'SUSPENSION', 'SUSPENSION', 'REACTIVATION', 'REVOCATION']);
  });

  it('answers the SERVICE query other modules send', async () => {
    handle.counter.reset();
    const res = await call(ASMI, SERVICE_QUERY, { code, date: '2022-03-15' });
    expect(handle.counter.value).toBe(2); // the structure, its acts
    expect(res.errors).toBeUndefined();
    expect(res.data!.structure).toEqual({ code, type: structureType(), province: '058', capacity: 8, emergencyCapacity: 2, minAge: 6, maxAge: 17, statusOn: 'SUSPENDED' });
    const missing = await call(ASMI, SERVICE_QUERY, { code: 'NO-SUCH-2', date: TODAY });
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.structure).toBeNull();
  });

  it('refuses a statusOn date that is not a calendar date', async () => {
    const res = await call(ASMI, SERVICE_QUERY, { code, date: '2024-02-30' });
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data?.structure ?? null).toBeNull();
  });
});

describe('structures(filter, first, after)', () => {
  // A province of its own so the other tests' structures do not interfere.
  const P = '060';
  const SUP_FR: Principal = { role: 'SUPERVISOR', sub: 'sup-fr', territory: [P] };
  const codes = ['FR-A01', 'FR-A02', 'FR-A03', 'FR-A04', 'FR-A05'];

  beforeAll(async () => {
    const names = ['Casa del Sole', 'Casa 100% Famiglia', 'Casa_Verde', 'Comunità Aurora', 'casa del mare'];
    for (const [i, code] of codes.entries()) {
      const res = await call(SUP_FR, REGISTER, {
        input: structureInput({ code, name: names[i], municipality: i < 3 ? '060038' : '060019', type: structureType(i % 2 === 0 ? 0 : Math.min(1, getCodeList('STRUCTURE_TYPE').entries.length - 1)) }),
      });
      expect(res.errors).toBeUndefined();
    }
    const act = async (code: string, kind: string, validFrom: string) => {
      const res = await call(SUP_FR, RECORD_ACT, { input: { structureCode: code, kind, number: 'X', date: validFrom, validFrom } });
      expect(res.errors).toBeUndefined();
    };
    // A01, A03, A05 ACTIVE; A02 SUSPENDED; A04 NOT_AUTHORISED.
    for (const c of ['FR-A01', 'FR-A02', 'FR-A03', 'FR-A05']) await act(c, 'AUTHORISATION', '2020-01-01');
    await act('FR-A02', 'SUSPENSION', '2024-01-01');
  });

  async function list(principal: Principal, variables: Record<string, unknown>) {
    const res = await call<{ structures: { nodes: { code: string; status: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }>(principal, LIST, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.structures;
  }

  it('lists the registry to anonymous callers, by code', async () => {
    const page = await list(ANONYMOUS, { filter: { province: P } });
    expect(page.nodes.map((n) => n.code)).toEqual(codes);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by municipality and type', async () => {
    expect((await list(ANONYMOUS, { filter: { municipality: '060019' } })).nodes.map((n) => n.code)).toEqual(['FR-A04', 'FR-A05']);
    const byType = await list(ANONYMOUS, { filter: { province: P, type: structureType(0) } });
    expect(byType.nodes.map((n) => n.code)).toEqual(expect.arrayContaining(['FR-A01', 'FR-A03', 'FR-A05']));
  });

  it('filters by a case-insensitive substring of the name, with % and _ taken literally', async () => {
    expect((await list(ANONYMOUS, { filter: { province: P, name: 'CASA DEL' } })).nodes.map((n) => n.code)).toEqual(['FR-A01', 'FR-A05']);
    expect((await list(ANONYMOUS, { filter: { province: P, name: '100%' } })).nodes.map((n) => n.code)).toEqual(['FR-A02']);
    expect((await list(ANONYMOUS, { filter: { province: P, name: '%' } })).nodes.map((n) => n.code)).toEqual(['FR-A02']);
    expect((await list(ANONYMOUS, { filter: { province: P, name: 'a_v' } })).nodes.map((n) => n.code)).toEqual(['FR-A03']);
  });

  it('filters by the status derived today', async () => {
    expect((await list(ANONYMOUS, { filter: { province: P, status: 'ACTIVE' } })).nodes).toEqual([
      { code: 'FR-A01', status: 'ACTIVE' },
      { code: 'FR-A03', status: 'ACTIVE' },
      { code: 'FR-A05', status: 'ACTIVE' },
    ]);
    expect((await list(ANONYMOUS, { filter: { province: P, status: 'SUSPENDED' } })).nodes.map((n) => n.code)).toEqual(['FR-A02']);
    expect((await list(ANONYMOUS, { filter: { province: P, status: 'NOT_AUTHORISED' } })).nodes.map((n) => n.code)).toEqual(['FR-A04']);
    expect((await list(ANONYMOUS, { filter: { province: P, status: 'REVOKED' } })).nodes).toEqual([]);
  });

  it('pages with an opaque cursor', async () => {
    const first = await list(ANONYMOUS, { filter: { province: P }, first: 2 });
    expect(first.nodes.map((n) => n.code)).toEqual(['FR-A01', 'FR-A02']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pageInfo.endCursor).not.toContain('FR-A02');
    const second = await list(ANONYMOUS, { filter: { province: P }, first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((n) => n.code)).toEqual(['FR-A03', 'FR-A04']);
    const third = await list(ANONYMOUS, { filter: { province: P }, first: 2, after: second.pageInfo.endCursor });
    expect(third.nodes.map((n) => n.code)).toEqual(['FR-A05']);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it('pages through a status filter', async () => {
    const first = await list(ANONYMOUS, { filter: { province: P, status: 'ACTIVE' }, first: 2 });
    expect(first.nodes.map((n) => n.code)).toEqual(['FR-A01', 'FR-A03']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(ANONYMOUS, { filter: { province: P, status: 'ACTIVE' }, first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((n) => n.code)).toEqual(['FR-A05']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('answers an empty page with a null cursor', async () => {
    const page = await list(ANONYMOUS, { filter: { province: '999' } });
    expect(page).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false } });
  });

  it.each([
    ['first = 0', { first: 0 }, 'first'],
    ['first above 100', { first: 101 }, 'first'],
    ['a negative first', { first: -5 }, 'first'],
    ['a cursor that is not ours', { after: 'not-a-cursor' }, 'after'],
    ['a province that is not an ISTAT code', { filter: { province: 'RM' } }, 'province'],
    ['a municipality that is not an ISTAT code', { filter: { municipality: '58091' } }, 'municipality'],
  ])('refuses %s with BAD_USER_INPUT', async (_what, variables, field) => {
    const res = await call(ANONYMOUS, LIST, variables);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('lists a page and the status of every node in 2 statements', async () => {
    handle.counter.reset();
    await list(ANONYMOUS, { filter: { province: P } });
    expect(handle.counter.value).toBe(2);
  });
});

describe('_entities batching (no N+1)', () => {
  const codes = Array.from({ length: 10 }, (_, i) => `BATCH-${String(i).padStart(2, '0')}`);
  beforeAll(async () => {
    for (const code of codes) {
      await register({ code });
      await recordAct(code, 'AUTHORISATION', '2020-01-01');
    }
  });

  const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { code name status acts { kind } } } }';

  it('resolves 10 structure references with name, status and acts in exactly 2 statements', async () => {
    handle.counter.reset();
    const res = await call(ANONYMOUS, ENTITIES, { r: codes.map((code) => ({ __typename: 'Structure', code })) });
    const statements = handle.counter.value;
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toHaveLength(10);
    expect(res.data!._entities[3]).toEqual({ code: codes[3], name: 'Comunità educativa di prova', status: 'ACTIVE', acts: [{ kind: 'AUTHORISATION' }] });
    expect(statements).toBe(2);
  });

  it('answers null, in place, for unknown references (structures, acts, inspections: 3 statements)', async () => {
    handle.counter.reset();
    const reps = [codes[0], 'NO-SUCH-3', codes[1], 'bad code'].map((code) => ({ __typename: 'Structure', code }));
    const res = await call(ASMI, ENTITIES.replace('acts { kind }', 'acts { kind } statusOn(date: "2019-01-01") inspections { id }'), { r: reps });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((e: { code: string } | null) => e?.code ?? null)).toEqual([codes[0], null, codes[1], null]);
    expect(res.data!._entities[0]).toMatchObject({ statusOn: 'NOT_AUTHORISED', inspections: [] });
    // structures, acts, inspections: one statement each.
    expect(handle.counter.value).toBe(3);
  });
});

describe('overlapping acts, end to end (seed 002)', () => {
  const code = 'RM-OVL-1';
  beforeAll(async () => {
    await register({ code });
    // The first authorisation lapses on 2022-12-31; its renewal overlaps it from 2022-06-01.
    await recordAct(code, 'AUTHORISATION', '2020-01-01', { validTo: '2022-12-31' });
    await recordAct(code, 'AUTHORISATION', '2022-06-01');
    // Two suspensions overlapping from 2023-03-01 to 2023-06-30.
    await recordAct(code, 'SUSPENSION', '2023-01-01', { validTo: '2023-06-30' });
    await recordAct(code, 'SUSPENSION', '2023-03-01', { validTo: '2023-09-30' });
  });

  it.each([
    ['2022-12-31', 'ACTIVE'],
    ['2023-01-01', 'SUSPENDED'],
    ['2023-06-30', 'SUSPENDED'],
    // the first suspension ended, the second is still in force
    ['2023-07-15', 'SUSPENDED'],
    // both ended: the renewed authorisation applies again
    ['2023-10-01', 'ACTIVE'],
    [TODAY, 'ACTIVE'],
  ])('on %s is %s', async (date, expected) => {
    const res = await call(ANONYMOUS, 'query($code: ID!, $d: Date!) { structure(code: $code) { statusOn(date: $d) } }', { code, d: date });
    expect(res.errors).toBeUndefined();
    expect(res.data!.structure.statusOn).toBe(expected);
  });
});
