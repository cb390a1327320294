import pino from 'pino';
import { Client } from 'pg';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { callSubgraph, type GraphQLResponse, errorOf, ok } from '../../../../test/support/callSubgraph';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { startSinba } from '../server';

/**
 * Regressions found in review (real PostgreSQL): bad input reaching the
 * database as a 500, and seed 003 rules that a later write could undo.
 */
const logger = pino({ level: 'silent' });
jest.setTimeout(60_000);
const TODAY = '2024-06-15';
const SW_A: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-a', serviceId: 'SRV-A' };

const REGISTER = 'mutation R($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }';
const UNBORN = 'mutation U($input: RegisterUnbornInput!) { registerUnborn(input: $input) { id } }';
const BIRTH = 'mutation B($input: CompleteBirthInput!) { completeBirth(input: $input) { id } }';
const OPEN = 'mutation O($input: OpenCaseInput!) { openCase(input: $input) { id } }';
const TRANSFER = 'mutation T($input: TransferCaseInput!) { transferCase(input: $input) { id } }';
const ADD_INTERVENTION = 'mutation A($input: AddInterventionInput!) { addIntervention(input: $input) { id beneficiaryCount } }';
const ADD_PROBLEM = 'mutation P($input: AddMinorProblemInput!) { addMinorProblem(input: $input) { problems { id code endDate } } }';
const END_PROBLEM = 'mutation P($input: EndProblemInput!) { endMinorProblem(input: $input) { problems { id code endDate } } }';

let db: TestDatabase;
let handle: ModuleHandle;

function call<T = Record<string, any>>(principal: Principal, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return callSubgraph<T>({ url: handle.url, name: 'sinba', internalSecret: db.config.internalSecret }, principal, query, variables);
}

async function count(table: string): Promise<number> {
  const rows = (await handle.dataSource.query(`SELECT count(*)::int AS n FROM sinba.${table}`)) as { n: number }[];
  return rows[0].n;
}

/** Letters that do not compress, so the index entry keeps its size. */
function longName(length: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let s = '';
  let x = 12345;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += letters[x % 26];
  }
  return s;
}

beforeAll(async () => {
  db = await createTestDatabase();
  handle = await startSinba({ ...db.config, ports: { ...db.config.ports, sinba: 0 } }, logger, { clock: () => TODAY });
});

afterAll(async () => {
  await handle?.stop();
  await db?.drop();
});

describe('names too long for the search index', () => {
  it('registerMinor refuses a 5,000-letter last name with BAD_USER_INPUT on lastName (not a 500), writing nothing', async () => {
    const before = await count('minor');
    const res = await call(SW_A, REGISTER, { input: { firstName: 'Anna', lastName: longName(5000), birthDate: '2012-08-05', sex: 'F', citizenship: '100' } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lastName' });
    expect(await count('minor')).toBe(before);
    expect(errorOf(await call(SW_A, REGISTER, { input: { firstName: longName(5000), lastName: 'Rossi', birthDate: '2012-08-05', sex: 'F', citizenship: '100' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'firstName',
    });
    // a long but ordinary name still goes through
    ok(await call(SW_A, REGISTER, { input: { firstName: 'Maria Giovanna Francesca', lastName: longName(100), birthDate: '2012-08-05', sex: 'F', citizenship: '100' } }));
  });

  it('completeBirth refuses the same with BAD_USER_INPUT on lastName, leaving the minor unborn', async () => {
    const id = ok(await call(SW_A, UNBORN, { input: { expectedBirthDate: '2024-06-01' } })).registerUnborn.id as string;
    ok(await call(SW_A, OPEN, { input: { minorId: id, startDate: '2024-01-10' } }));
    const res = await call(SW_A, BIRTH, { input: { minorId: id, firstName: 'Anna', lastName: longName(5000), birthDate: '2024-06-01', sex: 'F', birthMunicipality: '037006', residenceMunicipality: '037006' } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lastName' });
    const rows = (await handle.dataSource.query('SELECT unborn FROM sinba.minor WHERE id = $1', [id])) as { unborn: boolean }[];
    expect(rows[0].unborn).toBe(true);
  });
});

describe('service ids too long for the case index', () => {
  it('transferCase refuses a 5,000-letter receiving service with BAD_USER_INPUT on toServiceId (not a 500), the case staying open', async () => {
    const id = ok(await call(SW_A, REGISTER, { input: { firstName: 'Anna', lastName: 'Rossi', birthDate: '2012-08-05', sex: 'F', citizenship: '100' } })).registerMinor.id as string;
    const caseId = ok(await call(SW_A, OPEN, { input: { minorId: id, startDate: '2024-01-10' } })).openCase.id as string;
    const res = await call(SW_A, TRANSFER, { input: { caseId, toServiceId: longName(5000), transferDate: '2024-06-01' } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toServiceId' });
    const rows = (await handle.dataSource.query('SELECT end_date FROM sinba."case" WHERE minor_id = $1', [id])) as { end_date: string | null }[];
    expect(rows).toEqual([{ end_date: null }]);
  });
});

/** Wait until another session is blocked on a lock (a concurrent statement waiting on ours). */
async function waitForLockWait(client: Client): Promise<void> {
  for (let i = 0; i < 250; i++) {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no session waited on a lock');
}

describe('seed 003 §3.9.10 interventions on several siblings lock their cases in one order', () => {
  it('does not deadlock with a writer that locks the same two cases in id order', async () => {
    const minors: string[] = [];
    const cases: string[] = [];
    for (const n of [1, 2]) {
      const id = ok(await call(SW_A, REGISTER, { input: { firstName: `Sib${n}`, lastName: 'Bianchi', birthDate: '2014-03-03', sex: 'M', citizenship: '100' } })).registerMinor.id as string;
      minors.push(id);
      cases.push(ok(await call(SW_A, OPEN, { input: { minorId: id, startDate: '2024-01-10' } })).openCase.id as string);
    }
    // The intervention is recorded on the case with the higher id; the sibling's case has the lower one.
    const hi = cases[0] > cases[1] ? 0 : 1;
    const lo = 1 - hi;
    const other = new Client({ connectionString: db.adminUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM sinba."case" WHERE id = $1 FOR UPDATE', [cases[lo]]);
      const pending = call(SW_A, ADD_INTERVENTION, { input: { caseId: cases[hi], type: 'FAMILY_FOSTER_CARE_CONSENSUAL', startDate: '2024-02-01', siblingMinorIds: [minors[lo]] } });
      await waitForLockWait(other);
      // The other writer goes on in id order: it must get the higher case, not be a deadlock victim.
      await other.query('SELECT 1 FROM sinba."case" WHERE id = $1 FOR UPDATE', [cases[hi]]);
      await other.query('COMMIT');
      expect(ok(await pending).addIntervention).toMatchObject({ beneficiaryCount: 2 });
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
  });
});

describe('seed 003 §3.2.1 problems of the unborn stay anchored', () => {
  it("endMinorProblem refuses to end the only 'Intervento erogato fuori dal PAI/PEI' while other problems of the unborn stay open", async () => {
    const id = ok(await call(SW_A, UNBORN, { input: { expectedBirthDate: '2024-09-10' } })).registerUnborn.id as string;
    ok(await call(SW_A, OPEN, { input: { minorId: id, startDate: '2024-01-10' } }));
    ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'INTERVENTION_OUTSIDE_PLAN', startDate: '2024-02-01' } }));
    const problems = ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'RISK_OF_DEVIANCE', startDate: '2024-02-01' } })).addMinorProblem.problems as { id: string; code: string }[];
    const anchor = problems.find((p) => p.code === 'INTERVENTION_OUTSIDE_PLAN')!.id;
    const other = problems.find((p) => p.code === 'RISK_OF_DEVIANCE')!.id;

    expect(errorOf(await call(SW_A, END_PROBLEM, { input: { problemId: anchor, endDate: '2024-03-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'problemId' });
    const stored = (await handle.dataSource.query('SELECT end_date FROM sinba.minor_problem WHERE id = $1', [anchor])) as { end_date: string | null }[];
    expect(stored[0].end_date).toBeNull();

    // once the other problem has ended, the anchor can end too (nothing left open without it)
    ok(await call(SW_A, END_PROBLEM, { input: { problemId: other, endDate: '2024-03-01' } }));
    ok(await call(SW_A, END_PROBLEM, { input: { problemId: anchor, endDate: '2024-03-01' } }));
  });

  it('the other anchor (Nucleo problematico) keeps the problems anchored, so the first one may end', async () => {
    const id = ok(await call(SW_A, UNBORN, { input: { expectedBirthDate: '2024-09-10' } })).registerUnborn.id as string;
    ok(await call(SW_A, OPEN, { input: { minorId: id, startDate: '2024-01-10' } }));
    await handle.dataSource.query(
      `INSERT INTO sinba.additional_data (minor_id, nomad, updated_at, updated_by) VALUES ($1, false, now(), 'test')`,
      [id],
    );
    ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'INTERVENTION_OUTSIDE_PLAN', startDate: '2024-02-01' } }));
    ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'PROBLEMATIC_FAMILY', startDate: '2024-02-01' } }));
    const problems = ok(await call(SW_A, ADD_PROBLEM, { input: { minorId: id, code: 'RISK_OF_DEVIANCE', startDate: '2024-02-01' } })).addMinorProblem.problems as { id: string; code: string }[];
    const first = problems.find((p) => p.code === 'INTERVENTION_OUTSIDE_PLAN')!.id;
    ok(await call(SW_A, END_PROBLEM, { input: { problemId: first, endDate: '2024-03-01' } }));
  });
});
