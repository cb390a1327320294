import pino from 'pino';
import { Client } from 'pg';
import { getCodeList } from '@shared/codes';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { addDays } from '@shared/time';
import { callSubgraph, type GraphQLResponse, errorOf } from '../../../../test/support/callSubgraph';
import { freePort } from '../../../../test/support/ports';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { fiscalCodeCheckCharacter } from '@shared/rules';
import { startSinba } from '../server';

const logger = pino({ level: 'silent' });
/** "Today" of the subgraph, fixed so the tests do not depend on the calendar. */
const TODAY = '2024-06-15';

const SW_A: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-a', serviceId: 'SRV-A' };
const SW_B: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-b', serviceId: 'SRV-B' };
const SW_C: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-c', serviceId: 'SRV-C' };
const SO: Principal = { role: 'STRUCTURE_OPERATOR', sub: 'so-1', structureCode: 'STR-1' };
const SUPERVISOR: Principal = { role: 'SUPERVISOR', sub: 'sup-1', territory: ['058'] };
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'an-1' };
const PRIVACY_OFFICER: Principal = { role: 'PRIVACY_OFFICER', sub: 'po-1' };
const ANONYMOUS: Principal = { role: 'ANONYMOUS' };
const ASMI: Principal = { role: 'SERVICE', sub: 'service:asmi', service: 'asmi' };
const GATEWAY: Principal = { role: 'SERVICE', sub: 'service:gateway', service: 'gateway' };

// Codes taken from the reference lists, so the test follows the lists.
const closureReason = () => getCodeList('CASE_CLOSURE_REASON').entries[0].code;
const coManagementReason = () => getCodeList('CO_MANAGEMENT_REASON').entries[0].code;
const placementType = () => {
  const e = getCodeList('INTERVENTION_TYPE').entries.find((x) => (x as { attributes?: { structurePlacement?: unknown } }).attributes?.structurePlacement === true);
  if (!e) throw new Error('INTERVENTION_TYPE has no structure placement type');
  return e.code;
};
const otherType = () => {
  const e = getCodeList('INTERVENTION_TYPE').entries.find((x) => !(x as { attributes?: { structurePlacement?: unknown } }).attributes?.structurePlacement && !x.validTo);
  if (!e) throw new Error('INTERVENTION_TYPE has no non-placement type');
  return e.code;
};

/** A valid fiscal code for a birth date and sex (surname/name letters vary with `seed`). */
function fiscalCodeFor(birthDate: string, sex: 'M' | 'F', seed: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const name = Array.from({ length: 6 }, (_, i) => letters[(seed * 7 + i * 3) % 26]).join('');
  const [y, m, d] = birthDate.split('-').map(Number);
  const day = sex === 'F' ? d + 40 : d;
  const first15 = `${name}${String(y % 100).padStart(2, '0')}${'ABCDEHLMPRST'[m - 1]}${String(day).padStart(2, '0')}H501`;
  return first15 + fiscalCodeCheckCharacter(first15);
}

function wrongCheckCharacter(code: string): string {
  return code.slice(0, 15) + (code[15] === 'A' ? 'B' : 'A');
}

const MINOR_FIELDS = 'id pseudonym fiscalCode firstName lastName birthDate sex citizenship birthMunicipality residenceMunicipality unaccompanied';
const REGISTER = `mutation R($input: RegisterMinorInput!) { registerMinor(input: $input) { ${MINOR_FIELDS} } }`;
const OPEN = 'mutation O($input: OpenCaseInput!) { openCase(input: $input) { id serviceId startDate endDate coManagementReason minor { id } } }';
const CLOSE = 'mutation C($input: CloseCaseInput!) { closeCase(input: $input) { id endDate closureReason } }';
const ADD = 'mutation A($input: AddInterventionInput!) { addIntervention(input: $input) { id caseId type startDate endDate structureCode structure { code } } }';
const HEALTH = 'mutation H($input: HealthDataInput!) { recordHealthData(input: $input) { npiaFollowUp invalidity law104 law104Severe updatedAt } }';

let db: TestDatabase;
let handle: ModuleHandle;
let assoPort: number;
let seq = 0;

function call<T = Record<string, any>>(principal: Principal, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return callSubgraph<T>({ url: handle.url, name: 'sinba', internalSecret: db.config.internalSecret }, principal, query, variables);
}

function minorInput(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return { firstName: `Nome${seq}`, lastName: `Cognome${seq}`, birthDate: '2012-08-05', sex: 'M', citizenship: '100', birthMunicipality: '058091', ...overrides };
}

async function registerMinor(overrides: Record<string, unknown> = {}, principal: Principal = SW_A): Promise<string> {
  const res = await call(principal, REGISTER, { input: minorInput(overrides) });
  expect(res.errors).toBeUndefined();
  return res.data!.registerMinor.id as string;
}

/** docs/privacy.md §3a: co-management needs its fact; the reason used here (ADOPTABILITY) is justified by the minor's adoptability problem. */
async function recordAdoptability(minorId: string): Promise<void> {
  const admin = new Client({ connectionString: db.adminUrl });
  await admin.connect();
  try {
    await admin.query(`INSERT INTO sinba.minor_problem (minor_id, code, start_date, created_by) VALUES ($1, 'ADOPTABILITY', '2020-01-01', 'test') ON CONFLICT DO NOTHING`, [minorId]);
  } finally {
    await admin.end();
  }
}

async function openCase(principal: Principal, minorId: string, startDate = '2024-01-10', reason?: string): Promise<string> {
  if (reason) await recordAdoptability(minorId);
  const res = await call(principal, OPEN, { input: { minorId, startDate, coManagementReason: reason } });
  expect(res.errors).toBeUndefined();
  return res.data!.openCase.id as string;
}

/** Wait until another session is blocked on a lock (a concurrent statement waiting on ours). */
async function waitForLockWait(client: Client): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no session waited on a lock');
}

async function count(table: string): Promise<number> {
  const rows = (await handle.dataSource.query(`SELECT count(*)::int AS n FROM sinba.${table}`)) as { n: number }[];
  return rows[0].n;
}

beforeAll(async () => {
  db = await createTestDatabase();
  assoPort = await freePort(); // nothing listens there until ASSO is started (UPSTREAM_UNAVAILABLE test first)
  handle = await startSinba(
    { ...db.config, ports: { ...db.config.ports, sinba: 0 }, subgraphUrls: { ...db.config.subgraphUrls, asso: `http://127.0.0.1:${assoPort}/graphql` } },
    logger,
    { clock: () => TODAY },
  );
});

afterAll(async () => {
  await handle?.stop();
  await db?.drop();
});

describe('internal token (docs/privacy.md §9)', () => {
  it('answers 401 UNAUTHENTICATED without the gateway token', async () => {
    const res = await fetch(handle.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ minors { nodes { id } } }' }) });
    expect(res.status).toBe(401);
    const body = (await res.json()) as GraphQLResponse;
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to _entities without the gateway token', async () => {
    const res = await fetch(handle.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sirmi-internal-token': 'forged' },
      body: JSON.stringify({ query: '{ _entities(representations: [{__typename: "Minor", id: "x"}]) { ... on Minor { firstName } } }' }),
    });
    expect(res.status).toBe(401);
  });
});

describe('registerMinor', () => {
  it('registers a minor for a social worker, normalising the fiscal code', async () => {
    const fiscalCode = fiscalCodeFor('2012-08-05', 'M', 1);
    const res = await call(SW_A, REGISTER, { input: minorInput({ fiscalCode: ` ${fiscalCode.toLowerCase()} `, residenceMunicipality: '058091', unaccompanied: true }) });
    expect(res.errors).toBeUndefined();
    const m = res.data!.registerMinor;
    expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(m).toMatchObject({ fiscalCode, birthDate: '2012-08-05', sex: 'M', citizenship: '100', birthMunicipality: '058091', residenceMunicipality: '058091', unaccompanied: true });
    expect(m.pseudonym).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('registers a foreign minor without a fiscal code, for a structure operator', async () => {
    const res = await call(SO, REGISTER, { input: minorInput({ citizenship: '404', birthMunicipality: null, unaccompanied: true }) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerMinor).toMatchObject({ fiscalCode: null, unaccompanied: true, citizenship: '404' });
  });

  it.each([
    ['SUPERVISOR', SUPERVISOR, 'FORBIDDEN'],
    ['REGIONAL_ANALYST', ANALYST, 'FORBIDDEN'],
    ['PRIVACY_OFFICER', PRIVACY_OFFICER, 'FORBIDDEN'],
    ['SERVICE', ASMI, 'FORBIDDEN'],
    ['anonymous', ANONYMOUS, 'UNAUTHENTICATED'],
  ])('refuses %s with %s and registers nothing', async (_name, principal, code) => {
    const before = await count('minor');
    const res = await call(principal, REGISTER, { input: minorInput() });
    expect(res.data?.registerMinor ?? null).toBeNull();
    expect(errorOf(res).code).toBe(code);
    expect(await count('minor')).toBe(before);
  });

  it.each([
    ['an empty first name', { firstName: '  ' }, 'BAD_USER_INPUT', 'firstName'],
    ['an empty last name', { lastName: '' }, 'BAD_USER_INPUT', 'lastName'],
    ['a birth date in the future', { birthDate: addDays(TODAY, 1) }, 'INVALID_DATE_RANGE', 'birthDate'],
    ['a citizenship that is not an ISTAT code', { citizenship: 'IT' }, 'BAD_USER_INPUT', 'citizenship'],
    ['a birth municipality that is not an ISTAT code', { birthMunicipality: '58091' }, 'BAD_USER_INPUT', 'birthMunicipality'],
    ['a residence municipality that is not an ISTAT code', { residenceMunicipality: 'ROMA' }, 'BAD_USER_INPUT', 'residenceMunicipality'],
    ['a malformed fiscal code', { fiscalCode: 'ABC' }, 'BAD_USER_INPUT', 'fiscalCode'],
    ['a wrong check character', { fiscalCode: wrongCheckCharacter(fiscalCodeFor('2012-08-05', 'M', 2)) }, 'BAD_USER_INPUT', 'fiscalCode'],
  ])('refuses %s', async (_what, overrides, code, field) => {
    const before = await count('minor');
    const res = await call(SW_A, REGISTER, { input: minorInput(overrides) });
    expect(errorOf(res)).toMatchObject({ code, field });
    expect(await count('minor')).toBe(before);
  });

  it('says when the fiscal code does not match the birth date', async () => {
    const res = await call(SW_A, REGISTER, { input: minorInput({ fiscalCode: fiscalCodeFor('2012-08-06', 'M', 3) }) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fiscalCode' });
    expect(res.errors![0].message).toMatch(/birth date/);
  });

  it('says when the fiscal code does not match the sex', async () => {
    const res = await call(SW_A, REGISTER, { input: minorInput({ fiscalCode: fiscalCodeFor('2012-08-05', 'F', 4) }) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fiscalCode' });
    expect(res.errors![0].message).toMatch(/sex/);
    expect(res.errors![0].message).not.toMatch(/birth date/);
  });

  it('refuses a fiscal code already registered with DUPLICATE_MINOR and the existing id', async () => {
    const fiscalCode = fiscalCodeFor('2010-03-12', 'F', 5);
    const id = await registerMinor({ fiscalCode, birthDate: '2010-03-12', sex: 'F' });
    const res = await call(SO, REGISTER, { input: minorInput({ fiscalCode: fiscalCode.toLowerCase(), birthDate: '2010-03-12', sex: 'F' }) });
    expect(errorOf(res)).toMatchObject({ code: 'DUPLICATE_MINOR', minorId: id, field: 'fiscalCode' });
    // no personal data in the error
    expect(JSON.stringify(res.errors)).not.toContain(fiscalCode);
  });

  it('reports DUPLICATE_MINOR with the winner id when registrations race', async () => {
    const fiscalCode = fiscalCodeFor('2011-04-20', 'M', 6);
    const input = minorInput({ fiscalCode, birthDate: '2011-04-20' });
    const results = await Promise.all(Array.from({ length: 6 }, () => call(SW_A, REGISTER, { input })));
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    const winner = ok[0].data!.registerMinor.id;
    for (const r of results.filter((x) => x.errors)) expect(errorOf(r)).toMatchObject({ code: 'DUPLICATE_MINOR', minorId: winner });
  });

  it('maps the unique index to DUPLICATE_MINOR when a concurrent registration commits first', async () => {
    const fiscalCode = fiscalCodeFor('2009-09-09', 'M', 7);
    const other = new Client({ connectionString: db.adminUrl });
    await other.connect();
    try {
      // A concurrent registration holds the fiscal code, not yet committed: ours passes its check and waits on the index.
      await other.query('BEGIN');
      const [{ id: winner }] = (await other.query(`INSERT INTO sinba.minor (fiscal_code, first_name, last_name, birth_date, sex, created_by) VALUES ($1, 'X', 'Y', '2009-09-09', 'M', 'other') RETURNING id`, [fiscalCode])).rows;
      const pending = call(SW_A, REGISTER, { input: minorInput({ fiscalCode, birthDate: '2009-09-09' }) });
      await waitForLockWait(other);
      await other.query('COMMIT');
      expect(errorOf(await pending)).toMatchObject({ code: 'DUPLICATE_MINOR', minorId: winner });
    } finally {
      await other.end();
    }
  });
});

describe('foreign minors without a codice fiscale (issue 5, seed 003 §3.2 anagrafica)', () => {
  const WITH_OTHER = `mutation R($input: RegisterMinorInput!) { registerMinor(input: $input) { id fiscalCode otherIdentifier { kind value issuingCountry } } }`;

  it('registers a temporary 11-digit fiscal code with a correct check digit, upper case without spaces', async () => {
    const res = await call(SW_A, WITH_OTHER, { input: minorInput({ citizenship: '404', otherIdentifier: { kind: 'TEMPORARY_FISCAL_CODE', value: '1234567 8903' } }) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerMinor).toMatchObject({ fiscalCode: null, otherIdentifier: { kind: 'TEMPORARY_FISCAL_CODE', value: '12345678903', issuingCountry: null } });
  });

  it('refuses a temporary code with a wrong check digit, naming the field, and writes nothing', async () => {
    const before = await count('minor');
    const res = await call(SW_A, WITH_OTHER, { input: minorInput({ otherIdentifier: { kind: 'TEMPORARY_FISCAL_CODE', value: '12345678901' } }) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'otherIdentifier.value' });
    expect(await count('minor')).toBe(before);
  });

  it('needs the issuing country of a passport', async () => {
    const res = await call(SO, WITH_OTHER, { input: minorInput({ otherIdentifier: { kind: 'PASSPORT', value: 'AB123456' } }) });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'otherIdentifier.issuingCountry' });
  });

  it('refuses the same document of the same state twice with DUPLICATE_MINOR and the existing id; another state is another document', async () => {
    const passport = { kind: 'PASSPORT', value: 'XY9876543', issuingCountry: '235' };
    const first = await call(SW_A, WITH_OTHER, { input: minorInput({ otherIdentifier: passport }) });
    expect(first.errors).toBeUndefined();
    const again = await call(SO, WITH_OTHER, { input: minorInput({ otherIdentifier: { ...passport, value: 'xy 9876543' } }) });
    expect(errorOf(again)).toMatchObject({ code: 'DUPLICATE_MINOR', field: 'otherIdentifier.value', minorId: first.data!.registerMinor.id });
    expect(JSON.stringify(again.errors)).not.toContain('9876543');
    const elsewhere = await call(SW_A, WITH_OTHER, { input: minorInput({ otherIdentifier: { ...passport, issuingCountry: '404' } }) });
    expect(elsewhere.errors).toBeUndefined();
  });
});

describe('openCase (seed 003 §3.2)', () => {
  it('opens a case for the token service', async () => {
    const minorId = await registerMinor();
    const res = await call(SW_A, OPEN, { input: { minorId, startDate: '2024-01-10' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.openCase).toMatchObject({ serviceId: 'SRV-A', startDate: '2024-01-10', endDate: null, coManagementReason: null, minor: { id: minorId } });
  });

  it.each([
    ['STRUCTURE_OPERATOR', SO, 'FORBIDDEN'],
    ['SUPERVISOR', SUPERVISOR, 'FORBIDDEN'],
    ['anonymous', ANONYMOUS, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_n, principal, code) => {
    const minorId = await registerMinor();
    const res = await call(principal, OPEN, { input: { minorId, startDate: '2024-01-10' } });
    expect(errorOf(res).code).toBe(code);
  });

  it('refuses an unknown minor with NOT_FOUND on minorId', async () => {
    for (const minorId of ['6f1c4d1e-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await call(SW_A, OPEN, { input: { minorId, startDate: '2024-01-10' } });
      expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', field: 'minorId' });
    }
  });

  it('refuses a start date after today', async () => {
    const minorId = await registerMinor();
    const res = await call(SW_A, OPEN, { input: { minorId, startDate: addDays(TODAY, 1) } });
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
  });

  it('refuses a second open case of the same service, even with a co-management reason', async () => {
    const minorId = await registerMinor();
    await openCase(SW_A, minorId);
    const again = await call(SW_A, OPEN, { input: { minorId, startDate: '2024-02-01', coManagementReason: coManagementReason() } });
    expect(errorOf(again).code).toBe('CASE_ALREADY_OPEN');
  });

  it('refuses another service without a co-management reason, accepts it with one, refuses a third', async () => {
    const minorId = await registerMinor();
    await openCase(SW_A, minorId);
    const before = await count('"case"');
    const refused = await call(SW_B, OPEN, { input: { minorId, startDate: '2024-02-01' } });
    expect(errorOf(refused).code).toBe('CASE_ALREADY_OPEN');
    const badCode = await call(SW_B, OPEN, { input: { minorId, startDate: '2024-02-01', coManagementReason: 'NOT-A-REASON' } });
    expect(errorOf(badCode)).toMatchObject({ code: 'INVALID_CODE', field: 'coManagementReason' });
    expect(await count('"case"')).toBe(before);

    const unjustified = await call(SW_B, OPEN, { input: { minorId, startDate: '2024-02-01', coManagementReason: coManagementReason() } });
    expect(errorOf(unjustified)).toMatchObject({ code: 'CO_MANAGEMENT_NOT_JUSTIFIED', field: 'coManagementReason' });
    expect(await count('"case"')).toBe(before);
    await recordAdoptability(minorId);
    const shared = await call(SW_B, OPEN, { input: { minorId, startDate: '2024-02-01', coManagementReason: coManagementReason() } });
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.openCase).toMatchObject({ serviceId: 'SRV-B', coManagementReason: coManagementReason() });

    const third = await call(SW_C, OPEN, { input: { minorId, startDate: '2024-03-01', coManagementReason: coManagementReason() } });
    expect(errorOf(third).code).toBe('CASE_ALREADY_OPEN');
  });

  it('lets another service take over on the day the previous case closes', async () => {
    const minorId = await registerMinor();
    const caseId = await openCase(SW_A, minorId, '2024-01-10');
    const closed = await call(SW_A, CLOSE, { input: { caseId, endDate: '2024-03-01', closureReason: closureReason() } });
    expect(closed.errors).toBeUndefined();
    const res = await call(SW_B, OPEN, { input: { minorId, startDate: '2024-03-01' } });
    expect(res.errors).toBeUndefined();
  });

  it('refuses a case starting before another service\'s case closes', async () => {
    const minorId = await registerMinor();
    const caseId = await openCase(SW_A, minorId, '2024-01-10');
    await call(SW_A, CLOSE, { input: { caseId, endDate: '2024-03-01', closureReason: closureReason() } });
    const res = await call(SW_B, OPEN, { input: { minorId, startDate: '2024-02-28' } });
    expect(errorOf(res).code).toBe('CASE_ALREADY_OPEN');
  });

  it('lets exactly one of several concurrent services open a case (row lock on the minor)', async () => {
    const minorId = await registerMinor();
    const services = Array.from({ length: 6 }, (_, i): Principal => ({ role: 'SOCIAL_WORKER', sub: `sw-${i}`, serviceId: `SRV-RACE-${i}` }));
    const results = await Promise.all(services.map((p) => call(p, OPEN, { input: { minorId, startDate: '2024-01-10' } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expect(errorOf(r).code).toBe('CASE_ALREADY_OPEN');
  });

  it('lets exactly one of several concurrent requests of the same service open a case', async () => {
    const minorId = await registerMinor();
    const results = await Promise.all(Array.from({ length: 6 }, () => call(SW_A, OPEN, { input: { minorId, startDate: '2024-01-10' } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(await handle.dataSource.query('SELECT count(*)::int AS n FROM sinba."case" WHERE minor_id = $1', [minorId])).toEqual([{ n: 1 }]);
  });
});

describe('closeCase', () => {
  it('closes the case of the holding service with a coded reason', async () => {
    const minorId = await registerMinor();
    const caseId = await openCase(SW_A, minorId, '2024-01-10');
    const res = await call(SW_A, CLOSE, { input: { caseId, endDate: '2024-05-31', closureReason: closureReason() } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.closeCase).toEqual({ id: caseId, endDate: '2024-05-31', closureReason: closureReason() });
  });

  it('refuses a date that does not exist (30 February) with BAD_USER_INPUT naming the field, and keeps the case open', async () => {
    const minorId = await registerMinor();
    const caseId = await openCase(SW_A, minorId, '2024-01-10');
    const res = await call(SW_A, CLOSE, { input: { caseId, endDate: '2024-02-30', closureReason: closureReason() } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
    expect(await handle.dataSource.query('SELECT end_date FROM sinba."case" WHERE id = $1', [caseId])).toEqual([{ end_date: null }]);
  });

  it('refuses other services and roles with FORBIDDEN', async () => {
    const minorId = await registerMinor();
    const caseId = await openCase(SW_A, minorId);
    for (const p of [SW_B, SO, SUPERVISOR]) {
      const res = await call(p, CLOSE, { input: { caseId, endDate: '2024-05-31', closureReason: closureReason() } });
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    expect(errorOf(await call(ANONYMOUS, CLOSE, { input: { caseId, endDate: '2024-05-31', closureReason: closureReason() } })).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown case', async () => {
    const res = await call(SW_A, CLOSE, { input: { caseId: '6f1c4d1e-0000-4000-8000-000000000001', endDate: '2024-05-31', closureReason: closureReason() } });
    expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
  });

  it('refuses a closure reason outside CASE_CLOSURE_REASON and an end before the start, changing nothing', async () => {
    const minorId = await registerMinor();
    const caseId = await openCase(SW_A, minorId, '2024-01-10');
    const bad = await call(SW_A, CLOSE, { input: { caseId, endDate: '2024-05-31', closureReason: 'NOPE' } });
    expect(errorOf(bad)).toMatchObject({ code: 'INVALID_CODE', field: 'closureReason', list: 'CASE_CLOSURE_REASON' });
    const early = await call(SW_A, CLOSE, { input: { caseId, endDate: '2024-01-09', closureReason: closureReason() } });
    expect(errorOf(early)).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect(await handle.dataSource.query('SELECT end_date FROM sinba."case" WHERE id = $1', [caseId])).toEqual([{ end_date: null }]);
  });

  it('refuses to close a closed case with CASE_CLOSED', async () => {
    const minorId = await registerMinor();
    const caseId = await openCase(SW_A, minorId, '2024-01-10');
    await call(SW_A, CLOSE, { input: { caseId, endDate: '2024-05-31', closureReason: closureReason() } });
    const again = await call(SW_A, CLOSE, { input: { caseId, endDate: '2024-06-01', closureReason: closureReason() } });
    expect(errorOf(again).code).toBe('CASE_CLOSED');
  });
});

describe('addIntervention (seed 003 §3.9)', () => {
  let minorId: string;
  let caseId: string;
  beforeAll(async () => {
    minorId = await registerMinor();
    caseId = await openCase(SW_A, minorId, '2024-01-10');
  });

  it('adds a coded intervention to the open case', async () => {
    const res = await call(SW_A, ADD, { input: { caseId, type: otherType(), startDate: '2024-02-01', endDate: '2024-04-01' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addIntervention).toMatchObject({ caseId, type: otherType(), startDate: '2024-02-01', endDate: '2024-04-01', structureCode: null, structure: null });
  });

  it.each(['888888', '999999'])('accepts the conventional structure code %s without asking ASSO', async (structureCode) => {
    const res = await call(SW_A, ADD, { input: { caseId, type: placementType(), startDate: '2024-02-01', structureCode } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addIntervention).toMatchObject({ structureCode, structure: null });
  });

  it('requires a structure code for a placement in a structure', async () => {
    const res = await call(SW_A, ADD, { input: { caseId, type: placementType(), startDate: '2024-02-01' } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'structureCode' });
  });

  it.each([
    ['an unknown type', () => ({ type: 'NOT-A-TYPE', startDate: '2024-02-01' }), 'INVALID_CODE', 'type'],
    ['an end before the start', () => ({ type: otherType(), startDate: '2024-02-01', endDate: '2024-01-31' }), 'INVALID_DATE_RANGE', 'endDate'],
    ['a start before the case', () => ({ type: otherType(), startDate: '2024-01-09' }), 'INVALID_DATE_RANGE', 'startDate'],
  ])('refuses %s', async (_what, input, code, field) => {
    const before = await count('intervention');
    const res = await call(SW_A, ADD, { input: { caseId, ...input() } });
    expect(errorOf(res)).toMatchObject({ code, field });
    expect(await count('intervention')).toBe(before);
  });

  it('refuses a service that does not hold the case, and other roles', async () => {
    for (const p of [SW_B, SO]) {
      const res = await call(p, ADD, { input: { caseId, type: otherType(), startDate: '2024-02-01' } });
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
  });

  it('refuses an unknown case and a closed case', async () => {
    const unknown = await call(SW_A, ADD, { input: { caseId: '6f1c4d1e-0000-4000-8000-000000000002', type: otherType(), startDate: '2024-02-01' } });
    expect(errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
    const m = await registerMinor();
    const closedCase = await openCase(SW_A, m, '2024-01-10');
    await call(SW_A, CLOSE, { input: { caseId: closedCase, endDate: '2024-03-01', closureReason: closureReason() } });
    const closed = await call(SW_A, ADD, { input: { caseId: closedCase, type: otherType(), startDate: '2024-02-01' } });
    expect(errorOf(closed).code).toBe('CASE_CLOSED');
  });

  it('answers UPSTREAM_UNAVAILABLE when ASSO cannot check a registry code, storing nothing', async () => {
    const before = await count('intervention');
    const res = await call(SW_A, ADD, { input: { caseId, type: placementType(), startDate: '2024-02-01', structureCode: 'RER-0001' } });
    expect(errorOf(res).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(await count('intervention')).toBe(before);
  });
});

describe('recordHealthData (seed 003 §3.4, §3.7)', () => {
  let minorId: string;
  beforeAll(async () => {
    minorId = await registerMinor();
    await openCase(SW_A, minorId, '2024-01-10');
  });

  it('records health data for the case holder, and updates only the fields given', async () => {
    const first = await call(SW_A, HEALTH, { input: { minorId, npiaFollowUp: true, invalidity: false, law104: true, law104Severe: true } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordHealthData).toMatchObject({ npiaFollowUp: true, invalidity: false, law104: true, law104Severe: true });
    expect(Date.parse(first.data!.recordHealthData.updatedAt)).not.toBeNaN();
    const second = await call(SW_A, HEALTH, { input: { minorId, invalidity: true } });
    expect(second.data!.recordHealthData).toMatchObject({ npiaFollowUp: true, invalidity: true, law104: true, law104Severe: true });
    expect(await count('health_data')).toBeGreaterThanOrEqual(1);
  });

  it('refuses a severe L. 104 recognition without L. 104', async () => {
    const res = await call(SW_A, HEALTH, { input: { minorId, law104: false, law104Severe: true } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'law104Severe' });
  });

  it('refuses a service without an open case today, other roles and unknown minors', async () => {
    expect(errorOf(await call(SW_B, HEALTH, { input: { minorId, invalidity: true } })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(SO, HEALTH, { input: { minorId, invalidity: true } })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(ANONYMOUS, HEALTH, { input: { minorId, invalidity: true } })).code).toBe('UNAUTHENTICATED');
    const unknown = await call(SW_A, HEALTH, { input: { minorId: '6f1c4d1e-0000-4000-8000-000000000003', invalidity: true } });
    expect(errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND', field: 'minorId' });
  });

  it('refuses a service whose case closed today (CASE_HOLDER ends on the end date)', async () => {
    const m = await registerMinor();
    const c = await openCase(SW_B, m, '2024-01-10');
    await call(SW_B, CLOSE, { input: { caseId: c, endDate: TODAY, closureReason: closureReason() } });
    expect(errorOf(await call(SW_B, HEALTH, { input: { minorId: m, invalidity: true } })).code).toBe('FORBIDDEN');
  });
});

describe('reads', () => {
  let held: string;
  let notHeld: string;
  beforeAll(async () => {
    held = await registerMinor({ unaccompanied: true, citizenship: '404' });
    await openCase(SW_A, held, '2024-01-10');
    const caseB = await openCase(SW_B, held, '2024-02-01', coManagementReason());
    await call(SW_B, ADD, { input: { caseId: caseB, type: otherType(), startDate: '2024-02-02' } });
    notHeld = await registerMinor();
    await openCase(SW_C, notHeld, '2024-01-10');
  });

  it('minor(id) returns the row to any identified principal and refuses anonymous callers', async () => {
    const q = 'query M($id: ID!) { minor(id: $id) { id firstName } }';
    for (const p of [SW_A, SW_C, SO, SUPERVISOR]) expect((await call(p, q, { id: held })).data!.minor.id).toBe(held);
    expect(errorOf(await call(ANONYMOUS, q, { id: held })).code).toBe('UNAUTHENTICATED');
    expect((await call(SW_A, q, { id: 'not-a-uuid' })).data!.minor).toBeNull();
    expect((await call(SW_A, q, { id: '6f1c4d1e-0000-4000-8000-000000000004' })).data!.minor).toBeNull();
  });

  it('lets ASMI read the demographic fields it needs at admission', async () => {
    const res = await call(ASMI, 'query($id: ID!){ minor(id: $id) { id birthDate sex citizenship unaccompanied } }', { id: held });
    expect(res.data!.minor).toEqual({ id: held, birthDate: '2012-08-05', sex: 'M', citizenship: '404', unaccompanied: true });
  });

  it('shows cases, interventions and health data only to a case holder, with the minor\'s whole history', async () => {
    const q = 'query M($id: ID!) { minor(id: $id) { cases { serviceId interventions { type } minor { id } } interventions { type } healthData { law104 } } }';
    const holder = await call(SW_A, q, { id: held });
    expect(holder.errors).toBeUndefined();
    expect(holder.data!.minor.cases.map((c: { serviceId: string }) => c.serviceId).sort()).toEqual(['SRV-A', 'SRV-B']);
    expect(holder.data!.minor.interventions).toHaveLength(1);
    expect(holder.data!.minor.cases.every((c: { minor: { id: string } }) => c.minor.id === held)).toBe(true);
    for (const p of [SW_C, SO, SUPERVISOR, ASMI]) {
      const other = await call(p, q, { id: held });
      expect(other.data!.minor).toEqual({ cases: [], interventions: [], healthData: null });
    }
  });

  it('minors lists only the minors whose case the service holds today', async () => {
    const q = 'query L($first: Int, $after: String) { minors(first: $first, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }';
    const listA = await call(SW_A, q, { first: 100 });
    const idsA: string[] = listA.data!.minors.nodes.map((n: { id: string }) => n.id);
    expect(idsA).toContain(held);
    expect(idsA).not.toContain(notHeld);
    // every listed minor has a case of SRV-A open today
    const rows = (await handle.dataSource.query(
      `SELECT DISTINCT minor_id FROM sinba."case" WHERE service_id = 'SRV-A' AND start_date <= $1 AND (end_date IS NULL OR end_date > $1) ORDER BY minor_id`,
      [TODAY],
    )) as { minor_id: string }[];
    expect([...idsA].sort()).toEqual(rows.map((r) => r.minor_id));
    expect((await call(SW_C, q, {})).data!.minors.nodes.map((n: { id: string }) => n.id)).toEqual([notHeld]);
    for (const p of [SO, SUPERVISOR, ANALYST, PRIVACY_OFFICER, ASMI]) {
      expect((await call(p, q, {})).data!.minors).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false } });
    }
    expect(errorOf(await call(ANONYMOUS, q, {})).code).toBe('UNAUTHENTICATED');
  });

  it('paginates minors with an opaque cursor', async () => {
    const q = 'query L($first: Int, $after: String) { minors(first: $first, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }';
    const all: string[] = (await call(SW_A, q, { first: 100 })).data!.minors.nodes.map((n: { id: string }) => n.id);
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse = await call(SW_A, q, { first: 2, after });
      const conn = page.data!.minors as { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
      seen.push(...conn.nodes.map((n) => n.id));
      expect(conn.pageInfo.endCursor).not.toContain('-'); // opaque, not the raw id
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'garbage' }, 'after'],
  ])('refuses minors(%j)', async (vars, field) => {
    const q = 'query L($first: Int, $after: String) { minors(first: $first, after: $after) { nodes { id } } }';
    expect(errorOf(await call(SW_A, q, vars))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers the gateway\'s CASE_HOLDER lookup, only to SERVICE principals', async () => {
    const q = 'query H($ids: [ID!]!, $serviceId: String!, $on: Date!) { caseHeldMinors(minorIds: $ids, serviceId: $serviceId, on: $on) }';
    const res = await call(GATEWAY, q, { ids: [held, notHeld, 'junk'], serviceId: 'SRV-A', on: TODAY });
    expect(res.data!.caseHeldMinors).toEqual([held]);
    expect((await call(GATEWAY, q, { ids: [held], serviceId: 'SRV-A', on: '2024-01-09' })).data!.caseHeldMinors).toEqual([]);
    expect(errorOf(await call(SW_A, q, { ids: [held], serviceId: 'SRV-A', on: TODAY })).code).toBe('FORBIDDEN');
  });

  it('resolves Case and Intervention references for the case holder only', async () => {
    const caseRow = (await handle.dataSource.query('SELECT id FROM sinba."case" WHERE minor_id = $1 AND service_id = $2', [held, 'SRV-B'])) as { id: string }[];
    const q = 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id serviceId minor { id } } } }';
    const holder = await call(SW_B, q, { r: [{ __typename: 'Case', id: caseRow[0].id }] });
    expect(holder.data!._entities).toEqual([{ id: caseRow[0].id, serviceId: 'SRV-B', minor: { id: held } }]);
    const other = await call(SW_C, q, { r: [{ __typename: 'Case', id: caseRow[0].id }] });
    expect(other.data!._entities).toEqual([null]);
  });
});

describe('_entities batching (one statement per loader per request)', () => {
  const Q = 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Minor { id firstName cases { id } interventions { id } } } }';
  let ids: string[];
  beforeAll(async () => {
    ids = [];
    for (let i = 0; i < 10; i++) {
      const id = await registerMinor();
      const c = await openCase(SW_A, id, '2024-01-10');
      await call(SW_A, ADD, { input: { caseId: c, type: otherType(), startDate: '2024-02-01' } });
      ids.push(id);
    }
  });

  // 4 = minors, cases, interventions, and SINBA's own CASE_HOLDER check before it returns a name (docs/privacy.md §9).
  it('resolves 10 Minor references with 4 statements', async () => {
    handle.counter.reset();
    const res = await call(SW_A, Q, { r: ids.map((id) => ({ __typename: 'Minor', id })) });
    const statements = handle.counter.value;
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toHaveLength(10);
    expect(res.data!._entities.map((m: { id: string }) => m.id)).toEqual(ids);
    for (const m of res.data!._entities) {
      expect(m.cases).toHaveLength(1);
      expect(m.interventions).toHaveLength(1);
    }
    expect(statements).toBe(4);
  });

  it('resolves 1 Minor reference with 4 statements', async () => {
    handle.counter.reset();
    const res = await call(SW_A, Q, { r: [{ __typename: 'Minor', id: ids[0] }] });
    expect(res.errors).toBeUndefined();
    expect(handle.counter.value).toBe(4);
  });

  it('refuses anonymous references', async () => {
    const res = await call(ANONYMOUS, Q, { r: [{ __typename: 'Minor', id: ids[0] }] });
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
  });
});

describe('unborn minors (seed 003 §3.2.1)', () => {
  const UNBORN = 'mutation U($input: RegisterUnbornInput!) { registerUnborn(input: $input) { id firstName lastName birthDate sex fiscalCode citizenship birthMunicipality residenceMunicipality unborn expectedBirthDate } }';
  const BIRTH = `mutation B($input: CompleteBirthInput!) { completeBirth(input: $input) { ${MINOR_FIELDS} unborn expectedBirthDate } }`;

  async function registerUnborn(expectedBirthDate = '2024-09-10', principal: Principal = SW_A): Promise<string> {
    const res = await call(principal, UNBORN, { input: { expectedBirthDate } });
    expect(res.errors).toBeUndefined();
    return res.data!.registerUnborn.id as string;
  }

  function birthInput(minorId: string, overrides: Record<string, unknown> = {}) {
    return { minorId, firstName: 'Nuovo', lastName: 'Nato', birthDate: '2024-06-01', sex: 'F', birthMunicipality: '058091', residenceMunicipality: '058091', ...overrides };
  }

  it('§3.2.1 registers an unborn minor as NASCITURO with no birth date, sex or fiscal code and municipalities 999999', async () => {
    const res = await call(SW_A, UNBORN, { input: { expectedBirthDate: '2024-09-10', citizenship: '100' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerUnborn).toMatchObject({
      firstName: 'NASCITURO', lastName: 'NASCITURO', birthDate: null, sex: null, fiscalCode: null, citizenship: '100',
      birthMunicipality: '999999', residenceMunicipality: '999999', unborn: true, expectedBirthDate: '2024-09-10',
    });
    await registerUnborn('2024-10-01', SO);
  });

  it('§3.2.1 registerUnborn is for social workers and structure operators only, with a valid citizenship', async () => {
    expect(errorOf(await call(SUPERVISOR, UNBORN, { input: { expectedBirthDate: '2024-09-10' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(ANONYMOUS, UNBORN, { input: { expectedBirthDate: '2024-09-10' } })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await call(SW_A, UNBORN, { input: { expectedBirthDate: '2024-09-10', citizenship: 'IT' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'citizenship' });
  });

  it('§3.2.1 a case may start up to 10 months before the birth date', async () => {
    const id = await registerUnborn('2024-09-10');
    const before = await count('"case"');
    const early = await call(SW_A, OPEN, { input: { minorId: id, startDate: '2023-11-09' } });
    expect(errorOf(early)).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
    expect(await count('"case"')).toBe(before);
    await openCase(SW_A, id, '2023-11-10');
  });

  it('§3.2.1 the 10 months count from the birth date once born', async () => {
    const id = await registerMinor({ birthDate: '2024-05-20', sex: 'M' });
    expect(errorOf(await call(SW_A, OPEN, { input: { minorId: id, startDate: '2023-07-19' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
    await openCase(SW_A, id, '2023-07-20');
  });

  it('§3.2.1 completeBirth records the birth for the case holder; the minor is then an ordinary minor', async () => {
    const id = await registerUnborn('2024-06-10');
    await openCase(SW_A, id, '2024-01-10');
    const fiscalCode = fiscalCodeFor('2024-06-01', 'F', 101);
    const res = await call(SW_A, BIRTH, { input: birthInput(id, { fiscalCode: fiscalCode.toLowerCase() }) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.completeBirth).toMatchObject({
      id, fiscalCode, firstName: 'Nuovo', lastName: 'Nato', birthDate: '2024-06-01', sex: 'F',
      birthMunicipality: '058091', residenceMunicipality: '058091', unborn: false, expectedBirthDate: '2024-06-10',
    });
    // recorded once: a born minor is not unborn any more
    expect(errorOf(await call(SW_A, BIRTH, { input: birthInput(id) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minorId' });
    // and the fiscal code is now taken
    const dup = await registerUnborn('2024-07-01');
    await openCase(SW_A, dup, '2024-01-10');
    expect(errorOf(await call(SW_A, BIRTH, { input: birthInput(dup, { fiscalCode }) }))).toMatchObject({ code: 'DUPLICATE_MINOR', field: 'fiscalCode', minorId: id });
  });

  it('§3.2.1 completeBirth is refused to services without an open case, other roles and unknown minors', async () => {
    const id = await registerUnborn('2024-07-10');
    await openCase(SW_A, id, '2024-01-10');
    expect(errorOf(await call(SW_B, BIRTH, { input: birthInput(id) })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(SO, BIRTH, { input: birthInput(id) })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(SW_A, BIRTH, { input: birthInput('00000000-0000-4000-8000-000000000000') }))).toMatchObject({ code: 'NOT_FOUND', field: 'minorId' });
    const res = await call(SW_A, 'query M($id: ID!) { minor(id: $id) { unborn } }', { id });
    expect(res.data!.minor.unborn).toBe(true);
  });

  it('§3.2.1 completeBirth validates the fiscal code, the birth date and the municipalities, changing nothing', async () => {
    const id = await registerUnborn('2024-07-20');
    await openCase(SW_A, id, '2024-01-10');
    const fiscalCode = fiscalCodeFor('2024-06-01', 'F', 102);
    expect(errorOf(await call(SW_A, BIRTH, { input: birthInput(id, { fiscalCode: wrongCheckCharacter(fiscalCode) }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fiscalCode' });
    expect(errorOf(await call(SW_A, BIRTH, { input: birthInput(id, { fiscalCode, sex: 'M' }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fiscalCode' });
    expect(errorOf(await call(SW_A, BIRTH, { input: birthInput(id, { birthDate: '2024-06-16' }) }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'birthDate' });
    expect(errorOf(await call(SW_A, BIRTH, { input: birthInput(id, { residenceMunicipality: '58091' }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'residenceMunicipality' });
    expect(errorOf(await call(SW_A, BIRTH, { input: birthInput(id, { firstName: ' ' }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'firstName' });
    const res = await call(SW_A, 'query M($id: ID!) { minor(id: $id) { unborn firstName birthDate } }', { id });
    expect(res.data!.minor).toEqual({ unborn: true, firstName: 'NASCITURO', birthDate: null });
  });
});

describe('minorByFiscalCode: duplicate check that reveals nothing more', () => {
  const LOOKUP = 'query L($fc: String!) { minorByFiscalCode(fiscalCode: $fc) { minorId hasOpenCase minor { id } } }';
  let fiscalCode: string;
  let id: string;

  beforeAll(async () => {
    fiscalCode = fiscalCodeFor('2013-02-14', 'F', 201);
    id = await registerMinor({ fiscalCode, birthDate: '2013-02-14', sex: 'F' });
    await openCase(SW_A, id, '2024-01-10');
  });

  it('gives the case holder the id and that the case is open', async () => {
    const res = await call(SW_A, LOOKUP, { fc: fiscalCode.toLowerCase() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.minorByFiscalCode).toEqual({ minorId: id, hasOpenCase: true, minor: { id } });
  });

  it('gives a structure operator not hosting the minor the id to admit them, and nothing about the case', async () => {
    const res = await call(SO, LOOKUP, { fc: fiscalCode });
    expect(res.errors).toBeUndefined();
    expect(res.data!.minorByFiscalCode).toEqual({ minorId: id, hasOpenCase: null, minor: { id } });
  });

  it('gives a social worker of another service the id only (hasOpenCase is CASE data)', async () => {
    const res = await call(SW_B, LOOKUP, { fc: fiscalCode });
    expect(res.data!.minorByFiscalCode).toEqual({ minorId: id, hasOpenCase: null, minor: { id } });
  });

  it('answers null for a fiscal code not registered', async () => {
    const res = await call(SO, LOOKUP, { fc: fiscalCodeFor('2013-02-14', 'F', 202) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.minorByFiscalCode).toBeNull();
  });

  it('refuses an invalid fiscal code with BAD_USER_INPUT on fiscalCode', async () => {
    expect(errorOf(await call(SW_A, LOOKUP, { fc: wrongCheckCharacter(fiscalCode) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fiscalCode' });
    expect(errorOf(await call(SW_A, LOOKUP, { fc: 'NOTAFISCALCODE' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fiscalCode' });
  });

  it('is FORBIDDEN to every other role', async () => {
    for (const p of [SUPERVISOR, ANALYST, PRIVACY_OFFICER, ASMI]) {
      const res = await call(p, LOOKUP, { fc: fiscalCode });
      expect(errorOf(res).code).toBe('FORBIDDEN');
      expect(res.data?.minorByFiscalCode ?? null).toBeNull();
    }
    expect(errorOf(await call(ANONYMOUS, LOOKUP, { fc: fiscalCode })).code).toBe('UNAUTHENTICATED');
  });
});

describe('recordReferral (seed 003 §3.1)', () => {
  const REFER = 'mutation F($input: RecordReferralInput!) { recordReferral(input: $input) { id date source duringPregnancy serviceId minor { id } } }';
  const REFERRALS = 'query M($id: ID!) { minor(id: $id) { referrals { id date source duringPregnancy serviceId } } }';
  const source = () => getCodeList('REFERRAL_SOURCE').entries[0].code;

  it('§3.1 a social worker records a referral before any case; it becomes visible to the case holder', async () => {
    const id = await registerMinor();
    const res = await call(SW_B, REFER, { input: { minorId: id, date: '2024-01-05', source: source(), duringPregnancy: false } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordReferral).toMatchObject({ date: '2024-01-05', source: source(), duringPregnancy: false, serviceId: 'SRV-B', minor: { id } });
    // no case yet: CASE rows stay hidden, also from the recording service
    expect((await call(SW_B, REFERRALS, { id })).data!.minor.referrals).toEqual([]);
    await openCase(SW_A, id, '2024-01-10');
    const seen = await call(SW_A, REFERRALS, { id });
    expect(seen.data!.minor.referrals).toEqual([{ id: res.data!.recordReferral.id, date: '2024-01-05', source: source(), duringPregnancy: false, serviceId: 'SRV-B' }]);
    expect((await call(SO, REFERRALS, { id })).data!.minor.referrals).toEqual([]);
  });

  it('§3.1 a referral may happen during the pregnancy (unborn minor)', async () => {
    const res = await call(SW_A, 'mutation U { registerUnborn(input: { expectedBirthDate: "2024-09-01" }) { id } }');
    const id = res.data!.registerUnborn.id as string;
    const ok = await call(SW_A, REFER, { input: { minorId: id, date: '2024-03-01', source: source(), duringPregnancy: true } });
    expect(ok.errors).toBeUndefined();
    expect(errorOf(await call(SW_A, REFER, { input: { minorId: id, date: '2024-03-01', source: source(), duringPregnancy: false } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duringPregnancy' });
  });

  it('§3.1 refuses a source outside REFERRAL_SOURCE, a future date, an inconsistent pregnancy flag and unknown minors, changing nothing', async () => {
    const id = await registerMinor({ birthDate: '2012-08-05' });
    const before = await count('referral');
    const input = { minorId: id, date: '2024-01-05', source: source(), duringPregnancy: false };
    expect(errorOf(await call(SW_A, REFER, { input: { ...input, source: 'NOPE' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'source', list: 'REFERRAL_SOURCE' });
    expect(errorOf(await call(SW_A, REFER, { input: { ...input, date: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'date' });
    expect(errorOf(await call(SW_A, REFER, { input: { ...input, duringPregnancy: true } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duringPregnancy' });
    expect(errorOf(await call(SW_A, REFER, { input: { ...input, minorId: '00000000-0000-4000-8000-000000000000' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'minorId' });
    expect(await count('referral')).toBe(before);
  });

  it('§3.1 only social workers record referrals', async () => {
    const id = await registerMinor();
    const input = { minorId: id, date: '2024-01-05', source: source(), duringPregnancy: false };
    for (const p of [SO, SUPERVISOR, ANALYST, ASMI]) expect(errorOf(await call(p, REFER, { input })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(ANONYMOUS, REFER, { input })).code).toBe('UNAUTHENTICATED');
  });

  it('§3.1 loads the referrals of 5 minors with 2 statements (minors, referrals)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await registerMinor();
      await openCase(SW_C, id, '2024-01-10');
      await call(SW_C, REFER, { input: { minorId: id, date: '2024-01-05', source: source(), duringPregnancy: false } });
      ids.push(id);
    }
    const Q = 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Minor { id referrals { id } } } }';
    handle.counter.reset();
    const res = await call(SW_C, Q, { r: ids.map((id) => ({ __typename: 'Minor', id })) });
    expect(res.errors).toBeUndefined();
    for (const m of res.data!._entities) expect(m.referrals).toHaveLength(1);
    // minors + referrals
    expect(handle.counter.value).toBe(2);
  });
});

describe('transferCase (seed 003 §3.2 transfer of competence)', () => {
  const TRANSFER = 'mutation T($input: TransferCaseInput!) { transferCase(input: $input) { id serviceId startDate endDate coManagementReason minor { id } } }';
  const CASES = 'query M($id: ID!) { minor(id: $id) { cases { id serviceId startDate endDate closureReason } } }';

  it('§3.2 closes the case on the transfer date and opens the receiving service\'s case the same day, keeping history', async () => {
    const id = await registerMinor();
    const caseId = await openCase(SW_A, id, '2024-01-10');
    const res = await call(SW_A, TRANSFER, { input: { caseId, toServiceId: 'SRV-B', transferDate: '2024-05-01' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.transferCase).toMatchObject({ serviceId: 'SRV-B', startDate: '2024-05-01', endDate: null, coManagementReason: null, minor: { id } });
    const cases = (await call(SW_B, CASES, { id })).data!.minor.cases;
    expect(cases).toEqual([
      { id: caseId, serviceId: 'SRV-A', startDate: '2024-01-10', endDate: '2024-05-01', closureReason: 'TRANSFER_TO_OTHER_SERVICE' },
      { id: res.data!.transferCase.id, serviceId: 'SRV-B', startDate: '2024-05-01', endDate: null, closureReason: null },
    ]);
    // the transferring service no longer holds the case
    expect((await call(SW_A, CASES, { id })).data!.minor.cases).toEqual([]);
  });

  it('§3.2 keeps the co-management reason of a co-managed case', async () => {
    const id = await registerMinor();
    await openCase(SW_A, id, '2024-01-10');
    const coCase = await openCase(SW_B, id, '2024-02-10', coManagementReason());
    const res = await call(SW_B, TRANSFER, { input: { caseId: coCase, toServiceId: 'SRV-C', transferDate: '2024-03-01' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.transferCase).toMatchObject({ serviceId: 'SRV-C', coManagementReason: coManagementReason() });
  });

  it('§3.2 refuses a receiving service that already holds an open case with CASE_ALREADY_OPEN, changing nothing', async () => {
    const id = await registerMinor();
    const caseId = await openCase(SW_A, id, '2024-01-10');
    await openCase(SW_B, id, '2024-02-10', coManagementReason());
    const before = await count('"case"');
    expect(errorOf(await call(SW_A, TRANSFER, { input: { caseId, toServiceId: 'SRV-B', transferDate: '2024-05-01' } }))).toMatchObject({ code: 'CASE_ALREADY_OPEN', field: 'toServiceId' });
    expect(await count('"case"')).toBe(before);
    const cases = (await call(SW_A, CASES, { id })).data!.minor.cases;
    expect(cases.find((c: { id: string }) => c.id === caseId).endDate).toBeNull();
  });

  it('§3.2 a transfer racing with the receiving service opening its own case changes nothing (one transaction)', async () => {
    const id = await registerMinor();
    const caseId = await openCase(SW_A, id, '2024-01-10');
    const other = new Client({ connectionString: db.adminUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`INSERT INTO sinba."case" (minor_id, service_id, start_date, co_management_reason, created_by) VALUES ($1, 'SRV-B', '2024-02-01', $2, 'other')`, [id, coManagementReason()]);
      const pending = call(SW_A, TRANSFER, { input: { caseId, toServiceId: 'SRV-B', transferDate: '2024-05-01' } });
      await waitForLockWait(other);
      await other.query('COMMIT');
      expect(errorOf(await pending)).toMatchObject({ code: 'CASE_ALREADY_OPEN', field: 'toServiceId' });
    } finally {
      await other.end();
    }
    const rows = (await handle.dataSource.query(`SELECT service_id, end_date FROM sinba."case" WHERE minor_id = $1 ORDER BY service_id`, [id])) as { service_id: string; end_date: string | null }[];
    expect(rows).toEqual([{ service_id: 'SRV-A', end_date: null }, { service_id: 'SRV-B', end_date: null }]);
  });

  it('§3.2 only the holding service transfers an open case, on a date within the case', async () => {
    const id = await registerMinor();
    const caseId = await openCase(SW_A, id, '2024-01-10');
    const input = { caseId, toServiceId: 'SRV-C', transferDate: '2024-05-01' };
    expect(errorOf(await call(SW_B, TRANSFER, { input })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(SO, TRANSFER, { input })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(SW_A, TRANSFER, { input: { ...input, toServiceId: 'SRV-A' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toServiceId' });
    expect(errorOf(await call(SW_A, TRANSFER, { input: { ...input, transferDate: '2024-01-09' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'transferDate' });
    expect(errorOf(await call(SW_A, TRANSFER, { input: { ...input, transferDate: '2024-06-16' } }))).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'transferDate' });
    expect(errorOf(await call(SW_A, TRANSFER, { input: { ...input, closureReason: 'NOPE' } }))).toMatchObject({ code: 'INVALID_CODE', field: 'closureReason' });
    expect(errorOf(await call(SW_A, TRANSFER, { input: { ...input, caseId: '00000000-0000-4000-8000-000000000000' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
    await call(SW_A, CLOSE, { input: { caseId, endDate: '2024-03-01', closureReason: closureReason() } });
    expect(errorOf(await call(SW_A, TRANSFER, { input })).code).toBe('CASE_CLOSED');
  });
});
