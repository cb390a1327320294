import { Client } from 'pg';
import pino from 'pino';
import type { Principal } from '@shared/auth';
import { getCodeList } from '@shared/codes';
import type { ModuleHandle } from '@shared/graphql';
import { pseudonymOf } from '@shared/privacy';
import { callSubgraph, errorOf, ok } from '../../../../test/support/callSubgraph';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { startSinba } from '../server';

/**
 * caseQualityIssues (issue 8): open cases without any intervention after a
 * 30-day grace period, pseudonymous lines, role scoping as caseStock plus the
 * social worker's own service, keyset pages of one SQL statement, against a
 * real PostgreSQL through SINBA's own GraphQL endpoint.
 */
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
jest.setTimeout(30_000);
const TODAY = '2024-06-15';
// TODAY - 30 days: a case started on it is flagged from TODAY.
const GRACE_START = '2024-05-16';

const SW_A: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-a', serviceId: 'SRV-QA' };
const SW_B: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-b', serviceId: 'SRV-QB' };
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'analyst-q' };
const SUP_058: Principal = { role: 'SUPERVISOR', sub: 'sup-058', territory: ['058'] };
const SUP_059: Principal = { role: 'SUPERVISOR', sub: 'sup-059', territory: ['059'] };
const OPERATOR: Principal = { role: 'STRUCTURE_OPERATOR', sub: 'op-q', structureCode: 'Q-1' };
const DPO: Principal = { role: 'PRIVACY_OFFICER', sub: 'dpo-q' };
const ANONYMOUS: Principal = { role: 'ANONYMOUS' };

const ISSUES = `query Q($filter: CaseQualityIssueFilter, $first: Int, $after: String) { caseQualityIssues(filter: $filter, first: $first, after: $after) {
  nodes { minorPseudonym serviceId flag since } pageInfo { endCursor hasNextPage } } }`;
const ADD = 'mutation A($input: AddInterventionInput!) { addIntervention(input: $input) { id } }';

interface Line {
  minorPseudonym: string;
  serviceId: string;
  flag: string;
  since: string;
}
type Page = { caseQualityIssues: { nodes: Line[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };

let db: TestDatabase;
let sinba: ModuleHandle;

const call = <T = Record<string, any>>(p: Principal, q: string, v: Record<string, unknown> = {}) =>
  callSubgraph<T>({ url: sinba.url, name: 'sinba', internalSecret: db.config.internalSecret }, p, q, v);

let seq = 0;
async function minorWithCase(sw: Principal, startDate: string, residenceMunicipality = '058091'): Promise<{ minorId: string; caseId: string }> {
  seq += 1;
  const reg = ok(
    await call(sw, 'mutation R($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { firstName: `Qualita${seq}`, lastName: 'Cognome', birthDate: '2012-08-05', sex: 'F', citizenship: '100', residenceMunicipality },
    }),
  );
  const minorId = reg.registerMinor.id as string;
  const open = ok(await call(sw, 'mutation O($input: OpenCaseInput!) { openCase(input: $input) { id } }', { input: { minorId, startDate } }));
  return { minorId, caseId: open.openCase.id as string };
}

async function allLines(p: Principal, first = 100, filter: Record<string, unknown> | null = null): Promise<Line[]> {
  const out: Line[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = ok<Page>(await call<Page>(p, ISSUES, { first, after, filter }));
    out.push(...page.caseQualityIssues.nodes);
    if (!page.caseQualityIssues.pageInfo.hasNextPage) return out;
    after = page.caseQualityIssues.pageInfo.endCursor;
  }
}

const line = (minorId: string, serviceId: string, since: string): Line => ({ minorPseudonym: pseudonymOf(minorId, db.config.pseudonymKey), serviceId, flag: 'CASE_WITHOUT_INTERVENTIONS', since });
const sorted = (lines: Line[]) => [...lines].sort((a, b) => (a.minorPseudonym + a.serviceId < b.minorPseudonym + b.serviceId ? -1 : 1));

const c: Record<string, { minorId: string; caseId: string }> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  sinba = await startSinba({ ...db.config, ports: { ...db.config.ports, sinba: 0 } }, logger, { clock: () => TODAY });
  // Listed: no intervention, started exactly 30 days ago (boundary) and well before.
  c.old = await minorWithCase(SW_A, GRACE_START);
  c.older = await minorWithCase(SW_A, '2024-01-10');
  // Not listed: within the grace period (29 days).
  c.young = await minorWithCase(SW_A, '2024-05-17');
  // Not listed: an intervention on the case (ended long ago still counts).
  c.withIntervention = await minorWithCase(SW_A, '2024-01-10');
  const i = ok(await call(SW_A, ADD, { input: { caseId: c.withIntervention.caseId, type: 'HOME_CARE', startDate: '2024-02-01' } })).addIntervention.id as string;
  ok(await call(SW_A, 'mutation E($input: EndInterventionInput!) { endIntervention(input: $input) { id } }', { input: { interventionId: i, endDate: '2024-03-01' } }));
  // Not listed: the minor is a sibling beneficiary of an intervention recorded on its brother's case (seed 003 §3.9.10).
  c.brother = await minorWithCase(SW_A, '2024-01-10');
  c.sibling = await minorWithCase(SW_A, '2024-01-10');
  ok(await call(SW_A, ADD, { input: { caseId: c.brother.caseId, type: 'HOME_CARE', startDate: '2024-03-01', siblingMinorIds: [c.sibling.minorId] } }));
  // Not listed: closed before today.
  c.closed = await minorWithCase(SW_A, '2024-01-10');
  ok(await call(SW_A, 'mutation C($input: CloseCaseInput!) { closeCase(input: $input) { id } }', { input: { caseId: c.closed.caseId, endDate: '2024-06-01', closureReason: 'PROJECT_COMPLETED' } }));
  // Another service, a minor resident in province 059: listed for the analyst and SUP_059 only.
  c.otherService = await minorWithCase(SW_B, '2024-02-01', '059011');
  // The same minor as c.old held by a second service too: one line per case.
  // docs/privacy.md §3a: the reason's fact (ADOPTABILITY: the minor's adoptability problem) must be recorded first.
  const admin = new Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(`INSERT INTO sinba.minor_problem (minor_id, code, start_date, created_by) VALUES ($1, 'ADOPTABILITY', '2020-01-01', 'test')`, [c.old.minorId]).finally(() => admin.end());
  ok(await call(SW_B, 'mutation O($input: OpenCaseInput!) { openCase(input: $input) { id } }', { input: { minorId: c.old.minorId, startDate: '2024-03-01', coManagementReason: getCodeList('CO_MANAGEMENT_REASON').entries[0].code } }));
}, 60_000);

afterAll(async () => {
  await sinba?.stop();
  await db?.drop();
});

describe('caseQualityIssues: which cases', () => {
  it('lists open cases without interventions from start + 30 days; not the young one, nor those with an own or a sibling intervention, nor closed ones', async () => {
    const lines = await allLines(ANALYST);
    expect(sorted(lines)).toEqual(
      sorted([line(c.old.minorId, 'SRV-QA', TODAY), line(c.older.minorId, 'SRV-QA', '2024-02-09'), line(c.otherService.minorId, 'SRV-QB', '2024-03-02'), line(c.old.minorId, 'SRV-QB', '2024-03-31')]),
    );
    for (const key of ['young', 'withIntervention', 'brother', 'sibling', 'closed']) {
      expect(lines.map((l) => l.minorPseudonym)).not.toContain(pseudonymOf(c[key].minorId, db.config.pseudonymKey));
    }
  });

  it('lines are pseudonymous: no minor id nor case id anywhere in the answer, cursors included', async () => {
    const res = await call<Page>(ANALYST, ISSUES, { first: 1 });
    const text = JSON.stringify(res);
    for (const x of Object.values(c)) {
      expect(text).not.toContain(x.minorId);
      expect(text).not.toContain(x.caseId);
    }
    const cursor = ok<Page>(res).caseQualityIssues.pageInfo.endCursor!;
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    for (const x of Object.values(c)) expect(decoded).not.toContain(x.caseId);
  });
});

describe('caseQualityIssues: role scoping', () => {
  it('analyst the region, supervisor the minors resident in its provinces, social worker its own service', async () => {
    const all = await allLines(ANALYST);
    expect(sorted(await allLines(SUP_058))).toEqual(sorted(all.filter((l) => l.minorPseudonym !== pseudonymOf(c.otherService.minorId, db.config.pseudonymKey))));
    expect(await allLines(SUP_059)).toEqual([line(c.otherService.minorId, 'SRV-QB', '2024-03-02')]);
    expect(sorted(await allLines(SW_A))).toEqual(sorted(all.filter((l) => l.serviceId === 'SRV-QA')));
    expect(sorted(await allLines(SW_B))).toEqual(sorted(all.filter((l) => l.serviceId === 'SRV-QB')));
    expect(await allLines(ANALYST, 100, { serviceId: 'SRV-QB' })).toHaveLength(2);
    expect(await allLines(ANALYST, 100, { flag: 'CASE_WITHOUT_INTERVENTIONS' })).toHaveLength(all.length);
  });

  it('FORBIDDEN for structure operators, privacy officers and another service named in the filter; UNAUTHENTICATED anonymous', async () => {
    expect(errorOf(await call(OPERATOR, ISSUES)).code).toBe('FORBIDDEN');
    expect(errorOf(await call(DPO, ISSUES)).code).toBe('FORBIDDEN');
    expect(errorOf(await call(SW_A, ISSUES, { filter: { serviceId: 'SRV-QB' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await call(ANONYMOUS, ISSUES)).code).toBe('UNAUTHENTICATED');
  });
});

describe('caseQualityIssues: pagination', () => {
  it('pages of 1 give the same lines as one page, each line once; bad first and after are BAD_USER_INPUT', async () => {
    const one = await allLines(ANALYST, 100);
    const paged = await allLines(ANALYST, 1);
    expect(paged).toEqual(one);
    expect(new Set(paged.map((l) => `${l.minorPseudonym}|${l.serviceId}`)).size).toBe(paged.length);
    expect(errorOf(await call(ANALYST, ISSUES, { first: 101 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(await call(ANALYST, ISSUES, { after: Buffer.from('sinba-export:CASE:00000000-0000-4000-8000-000000000000').toString('base64url') }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('reads one SQL statement per page, whatever the page size and the role', async () => {
    const first = ok<Page>(await call(ANALYST, ISSUES, { first: 2 })).caseQualityIssues.pageInfo.endCursor;
    for (const [p, size, after] of [
      [ANALYST, 2, first],
      [ANALYST, 100, null],
      [SUP_058, 1, null],
      [SW_A, 100, null],
    ] as const) {
      sinba.counter.reset();
      ok(await call(p, ISSUES, { first: size, after }));
      expect(sinba.counter.value).toBe(1);
    }
  });
});
