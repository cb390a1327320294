import type { Principal } from '@shared/auth';
import { pseudonymOf } from '@shared/privacy';
import pino from 'pino';
import { callSubgraph } from '../../../../test/support/callSubgraph';
import { freePort } from '../../../../test/support/ports';
import { startAsmi } from '../server';
import { startThreeModules, type ThreeModules } from './support/threeModules';

/*
 * Computed data-quality flags (issue 7; docs/domain.md §6),
 * each positive and negative, and the region-level list with its role
 * scoping, against the real ASMI, ASSO and SINBA subgraphs.
 */
const TODAY = '2024-06-15';
// Moved by the day-change test only (and put back).
let today = TODAY;
const clock = () => today;

const SUP_058: Principal = { role: 'SUPERVISOR', sub: 'sup', territory: ['058'] };
const SUP_059: Principal = { role: 'SUPERVISOR', sub: 'sup9', territory: ['059'] };
const REGISTRAR: Principal = { role: 'SUPERVISOR', sub: 'registrar', territory: ['058', '059'] };
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'analyst' };
const SW: Principal = { role: 'SOCIAL_WORKER', sub: 'sw', serviceId: 'S1' };
const op = (structureCode: string): Principal => ({ role: 'STRUCTURE_OPERATOR', sub: `op-${structureCode}`, structureCode });

const ADMIT = 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }';
const FLAGS = 'query($id: ID!) { placement(id: $id) { qualityFlags } }';
const ISSUES = `query($filter: QualityIssueFilter, $first: Int, $after: String) { placementQualityIssues(filter: $filter, first: $first, after: $after) {
  nodes { placementId minorPseudonym structureCode flag since } pageInfo { endCursor hasNextPage } } }`;

interface Line {
  placementId: string;
  minorPseudonym: string;
  structureCode: string;
  flag: string;
  since: string;
}

describe('data-quality flags against real PostgreSQL, ASSO and SINBA', () => {
  let hub: ThreeModules;
  const call = (principal: Principal, query: string, variables: Record<string, unknown> = {}) => hub.call('asmi', principal, query, variables);
  const ok = <T>(res: { data?: unknown; errors?: unknown[] }): T => {
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  };
  async function admit(structureCode: string, admissionDate: string, minorId?: string, kind = 'ORDINARY'): Promise<{ placementId: string; minorId: string }> {
    const m = minorId ?? (await hub.registerMinor());
    const data = ok<{ admitMinor: { id: string } }>(await call(op(structureCode), ADMIT, { input: { minorId: m, structureCode, admissionDate, kind, requestId: await hub.requestFor(m, structureCode) } }));
    return { placementId: data.admitMinor.id, minorId: m };
  }
  async function openCase(minorId: string, startDate: string) {
    ok(await hub.call('sinba', SW, 'mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }', { input: { minorId, startDate } }));
  }
  async function discharge(structureCode: string, placementId: string, dischargeDate: string, dischargeOutcome: string) {
    ok(await call(op(structureCode), 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', { input: { placementId, dischargeDate, dischargeOutcome } }));
  }
  const flags = async (placementId: string, principal: Principal) => ok<{ placement: { qualityFlags: string[] } }>(await call(principal, FLAGS, { id: placementId })).placement.qualityFlags;
  async function allLines(principal: Principal, filter: Record<string, unknown> | null = null, first = 100): Promise<Line[]> {
    const out: Line[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { placementQualityIssues: { nodes: Line[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } = ok(await call(principal, ISSUES, { filter, first, after }));
      out.push(...page.placementQualityIssues.nodes);
      if (!page.placementQualityIssues.pageInfo.hasNextPage) return out;
      after = page.placementQualityIssues.pageInfo.endCursor;
    }
  }

  const p: Record<string, { placementId: string; minorId: string }> = {};

  beforeAll(async () => {
    hub = await startThreeModules(clock);
    await hub.registerStructure('QF-A', { capacity: 3 });
    await hub.registerStructure('QF-CAP', { capacity: 2 });
    await hub.registerStructure('QF-SUSP', { capacity: 5 });
    await hub.registerStructure('QF-B', { capacity: 5, municipality: '059011' });
    // NO_OPEN_CASE: placed since 2024-03-01 without any case; the other one with a case opened during the placement.
    p.noCase = await admit('QF-A', '2024-03-01');
    p.withCase = await admit('QF-A', '2024-03-01');
    await openCase(p.withCase.minorId, '2024-03-20');
    p.recent = await admit('QF-A', '2024-06-01');
    // STRUCTURE_OVER_CAPACITY: two minors in two places, then the registry lowers the places to one.
    p.cap1 = await admit('QF-CAP', '2024-02-01');
    p.cap2 = await admit('QF-CAP', '2024-04-01');
    for (const x of [p.cap1, p.cap2]) await openCase(x.minorId, '2024-01-15');
    // STRUCTURE_NOT_ACTIVE: hosting a minor while suspended from 2024-05-01.
    p.susp = await admit('QF-SUSP', '2024-02-01');
    await openCase(p.susp.minorId, '2024-01-15');
    p.b = await admit('QF-B', '2024-01-10');
    // Episode consistency: a transfer out with no admission anywhere that day, one continued the same day, a placement after a death.
    await hub.registerStructure('QF-T');
    await hub.registerStructure('QF-U');
    p.gap = await admit('QF-T', '2024-02-01');
    p.cont = await admit('QF-T', '2024-02-01');
    p.dead = await admit('QF-T', '2024-01-05');
    for (const x of [p.gap, p.cont, p.dead]) await openCase(x.minorId, '2024-01-01');
    await discharge('QF-T', p.gap.placementId, '2024-04-01', 'OTHER_STRUCTURE');
    await discharge('QF-T', p.cont.placementId, '2024-04-01', 'OTHER_STRUCTURE');
    p.contIn = await admit('QF-U', '2024-04-01', p.cont.minorId);
    await discharge('QF-T', p.dead.placementId, '2024-02-01', 'DEATH');
    p.afterDeath = await admit('QF-U', '2024-03-01', p.dead.minorId);
  }, 60_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('flags NO_OPEN_CASE on a placement of more than 30 days without a case, not when a case is open nor before day 30', async () => {
    expect(await flags(p.noCase.placementId, op('QF-A'))).toEqual(['NO_OPEN_CASE']);
    expect(await flags(p.withCase.placementId, op('QF-A'))).toEqual([]);
    expect(await flags(p.recent.placementId, op('QF-A'))).toEqual([]);
  });

  it('flags STRUCTURE_OVER_CAPACITY once the registry lowers the places below the minors hosted, not before', async () => {
    expect(await flags(p.cap1.placementId, op('QF-CAP'))).toEqual([]);
    ok(await hub.call('asso', REGISTRAR, 'mutation($input: UpdateStructureInput!) { updateStructure(input: $input) { code } }', { input: { code: 'QF-CAP', capacity: 1 } }));
    expect(await flags(p.cap1.placementId, op('QF-CAP'))).toEqual(['STRUCTURE_OVER_CAPACITY']);
    expect(await flags(p.cap2.placementId, op('QF-CAP'))).toEqual(['STRUCTURE_OVER_CAPACITY']);
    const lines = await allLines(op('QF-CAP'), { flag: 'STRUCTURE_OVER_CAPACITY' });
    expect(lines.map((l) => l.since)).toEqual(['2024-04-01', '2024-04-01']);
  });

  it('flags STRUCTURE_NOT_ACTIVE once a suspension covers days the minor was hosted, not before', async () => {
    expect(await flags(p.susp.placementId, op('QF-SUSP'))).toEqual([]);
    ok(
      await hub.call('asso', REGISTRAR, 'mutation($input: RecordActInput!) { recordAct(input: $input) { id } }', {
        input: { structureCode: 'QF-SUSP', kind: 'SUSPENSION', number: 'S-QF', date: '2024-04-20', validFrom: '2024-05-01', validTo: '2024-05-31' },
      }),
    );
    expect(await flags(p.susp.placementId, op('QF-SUSP'))).toEqual(['STRUCTURE_NOT_ACTIVE']);
    const [line] = await allLines(op('QF-SUSP'), { flag: 'STRUCTURE_NOT_ACTIVE' });
    expect(line).toMatchObject({ placementId: p.susp.placementId, structureCode: 'QF-SUSP', since: '2024-05-01' });
  });

  it('flags a transfer with no admission that day (TRANSFER_GAP) and a placement after a death, for callers who see every placement', async () => {
    expect(await flags(p.gap.placementId, SW)).toEqual(['TRANSFER_GAP']);
    expect(await flags(p.cont.placementId, SW)).toEqual([]);
    expect(await flags(p.afterDeath.placementId, SW)).toEqual(['PLACEMENT_AFTER_FINAL_DISCHARGE']);
    expect(await flags(p.dead.placementId, SW)).toEqual([]);
    // A structure operator never learns from another structure's placements of the minor (nor reads its own once HOSTING has lapsed).
    const flagsOrNone = async (id: string, principal: Principal) => ok<{ placement: { qualityFlags: string[] } | null }>(await call(principal, FLAGS, { id })).placement?.qualityFlags ?? [];
    expect(await flagsOrNone(p.gap.placementId, op('QF-T'))).toEqual([]);
    expect(await flagsOrNone(p.afterDeath.placementId, op('QF-U'))).toEqual([]);
    const lines = await allLines(ANALYST, { structureCode: 'QF-T' });
    expect(lines).toEqual([expect.objectContaining({ placementId: p.gap.placementId, flag: 'TRANSFER_GAP', since: '2024-04-01' })]);
  });

  it('asks SINBA once (one statement) for the flags of many placements', async () => {
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Placement { id qualityFlags } } }';
    hub.sinba.counter.reset();
    const res = ok<{ _entities: { qualityFlags: string[] }[] }>(
      await call(REGISTRAR, q, { r: [p.noCase, p.withCase, p.recent, p.cap1, p.cap2, p.susp, p.b].map((x) => ({ __typename: 'Placement', id: x.placementId })) }),
    );
    expect(res._entities).toHaveLength(7);
    // One SQL statement in SINBA: one casePeriods call for the seven minors.
    expect(hub.sinba.counter.value).toBe(1);
  });

  it('reads case periods from SINBA as a module only (casePeriods: dates, no service)', async () => {
    const q = 'query($ids: [ID!]!) { casePeriods(minorIds: $ids) { minorId startDate endDate } }';
    const asmiService: Principal = { role: 'SERVICE', sub: 'service:asmi', service: 'asmi' };
    const res = ok<{ casePeriods: unknown[] }>(await hub.call('sinba', asmiService, q, { ids: [p.withCase.minorId, p.noCase.minorId, 'not-a-uuid'] }));
    expect(res.casePeriods).toEqual([{ minorId: p.withCase.minorId, startDate: '2024-03-20', endDate: null }]);
    for (const who of [SW, ANALYST, op('QF-A')]) expect((await hub.call('sinba', who, q, { ids: [p.withCase.minorId] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lists pseudonymous lines for the whole region to a regional analyst, with pagination', async () => {
    const lines = await allLines(ANALYST, null, 1);
    const byPlacement = new Map(lines.map((l) => [`${l.placementId}|${l.flag}`, l]));
    expect(byPlacement.get(`${p.noCase.placementId}|NO_OPEN_CASE`)).toEqual({
      placementId: p.noCase.placementId,
      minorPseudonym: pseudonymOf(p.noCase.minorId, hub.config.pseudonymKey),
      structureCode: 'QF-A',
      flag: 'NO_OPEN_CASE',
      since: '2024-03-31',
    });
    expect(byPlacement.has(`${p.b.placementId}|NO_OPEN_CASE`)).toBe(true);
    expect(new Set(lines.map((l) => l.structureCode))).toEqual(new Set(['QF-A', 'QF-CAP', 'QF-SUSP', 'QF-B', 'QF-T', 'QF-U']));
    expect(new Set(lines.map((l) => `${l.placementId}|${l.flag}`)).size).toBe(lines.length);
    expect(JSON.stringify(lines)).not.toContain(p.noCase.minorId);
  });

  it('scopes the list: a supervisor to its provinces, an operator to its structure, others FORBIDDEN', async () => {
    expect(new Set((await allLines(SUP_058)).map((l) => l.structureCode))).toEqual(new Set(['QF-A', 'QF-CAP', 'QF-SUSP']));
    expect((await allLines(SUP_059)).map((l) => l.structureCode)).toEqual(['QF-B']);
    expect(new Set((await allLines(op('QF-A'))).map((l) => l.placementId))).toEqual(new Set([p.noCase.placementId]));
    expect(await allLines(op('QF-A'), { structureCode: 'QF-B' })).toEqual([]);
    for (const who of [SW, { role: 'PRIVACY_OFFICER', sub: 'dpo' } as Principal]) {
      expect((await call(who, ISSUES, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await call({ role: 'ANONYMOUS' }, ISSUES, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await call(ANALYST, ISSUES, { first: 1, after: 'not-a-cursor' })).errors?.[0].extensions?.field).toBe('after');
  });

  it('reads every page, the first included, from the stored flags (no SINBA statement), and a second ASMI replica serves the same pages from the same cursors', async () => {
    type Page = { placementQualityIssues: { nodes: Line[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
    const whole = await allLines(ANALYST);
    expect(whole.length).toBeGreaterThan(2); // more than one page of 2
    const port = await freePort();
    const replica = await startAsmi({ ...hub.config, ports: { ...hub.config.ports, asmi: port } }, pino({ level: 'silent' }), { clock });
    try {
      const onReplica = (variables: Record<string, unknown>) => callSubgraph({ url: replica.url, name: 'asmi', internalSecret: hub.config.internalSecret }, ANALYST, ISSUES, variables);
      hub.sinba.counter.reset();
      const pages: Line[] = [];
      // Pages alternate between the two replicas, each following the other's cursor.
      for (let after: string | null = null, i = 0; ; i++) {
        const res = i % 2 === 0 ? await call(ANALYST, ISSUES, { first: 2, after }) : await onReplica({ first: 2, after });
        const page: Page['placementQualityIssues'] = ok<Page>(res).placementQualityIssues;
        pages.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toEqual(whole);
      expect(hub.sinba.counter.value).toBe(0);
    } finally {
      await replica.stop();
    }
  });

  it('stores the same flags the rules compute for each placement (Placement.qualityFlags, computed per request)', async () => {
    const lines = await allLines(ANALYST);
    for (const x of Object.values(p)) {
      const stored = lines.filter((l) => l.placementId === x.placementId).map((l) => l.flag).sort();
      expect([x.placementId, stored]).toEqual([x.placementId, [...(await flags(x.placementId, SW))].sort()]);
    }
  });

  it('keeps the stored list current when SINBA opens a case, ASMI discharges, and a new day begins', async () => {
    await hub.registerStructure('QF-N');
    const m = await admit('QF-N', '2024-04-01');
    const linesOf = async (structureCode: string, placementId: string) =>
      (await allLines(op(structureCode))).filter((l) => l.placementId === placementId).map((l) => [l.flag, l.since]);
    expect(await linesOf('QF-N', m.placementId)).toEqual([['NO_OPEN_CASE', '2024-05-01']]);
    await openCase(m.minorId, '2024-06-10'); // SINBA tells ASMI (refreshQualityFlags)
    expect(await linesOf('QF-N', m.placementId)).toEqual([]);
    // A discharge to another structure with no admission that day: TRANSFER_GAP, for the region's list only.
    await discharge('QF-N', m.placementId, '2024-06-12', 'OTHER_STRUCTURE');
    expect((await allLines(ANALYST, { structureCode: 'QF-N' })).map((l) => [l.placementId, l.flag])).toEqual([[m.placementId, 'TRANSFER_GAP']]);
    expect(await linesOf('QF-N', m.placementId)).toEqual([]);
    // p.recent (admitted 2024-06-01, no case) reaches day 30 on 2024-07-01: the next day's rewrite flags it.
    expect(await linesOf('QF-A', p.recent.placementId)).toEqual([]);
    today = '2024-07-15';
    try {
      expect(await linesOf('QF-A', p.recent.placementId)).toEqual([['NO_OPEN_CASE', '2024-07-01']]);
    } finally {
      today = TODAY;
    }
    expect(await linesOf('QF-A', p.recent.placementId)).toEqual([]);
  });
});
