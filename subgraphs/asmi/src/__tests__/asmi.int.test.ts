import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { startThreeModules, type ThreeModules } from './support/threeModules';

const TODAY = '2024-06-15';
const clock = () => TODAY;

const SUP: Principal = { role: 'SUPERVISOR', sub: 'sup', territory: ['058'] };
/** Registers the test structures in ASSO (provinces 058 and 059). */
const SW: Principal = { role: 'SOCIAL_WORKER', sub: 'sw', serviceId: 'S1' };
const op = (structureCode: string): Principal => ({ role: 'STRUCTURE_OPERATOR', sub: `op-${structureCode}`, structureCode });
const GATEWAY: Principal = { role: 'SERVICE', sub: 'service:gateway', service: 'gateway' };

const ADMIT = 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id admissionDate kind minor { id } structure { code } } }';
const DISCHARGE = 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id dischargeDate dischargeOutcome } }';

describe('ASMI subgraph against real PostgreSQL, ASSO and SINBA', () => {
  let hub: ThreeModules;
  let asmi: ModuleHandle;

  const asmiCall = (principal: Principal, query: string, variables: Record<string, unknown> = {}) => hub.call('asmi', principal, query, variables);
  const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
  const structure = (code: string, capacity: number, emergencyCapacity = 0, extra: Record<string, unknown> = {}, authorise = true) =>
    hub.registerStructure(code, { capacity, emergencyCapacity, ...extra }, authorise);
  const minor = (birthDate = '2012-01-01') => hub.registerMinor(birthDate);
  const admit = (structureCode: string, minorId: string, admissionDate: string, kind = 'ORDINARY', extra: Record<string, unknown> = {}) =>
    asmiCall(op(structureCode), ADMIT, { input: { minorId, structureCode, admissionDate, kind, ...extra } });

  beforeAll(async () => {
    hub = await startThreeModules(clock);
    ({ asmi } = hub);

  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('admits a minor and keeps the quasi-identifiers and the structure attributes, never the identity', async () => {
    await structure('AS-1', 5);
    const m = await minor('2010-03-04');
    const res = await admit('AS-1', m, '2024-01-10');
    expect(res.errors).toBeUndefined();
    expect((res.data as any).admitMinor).toMatchObject({ admissionDate: '2024-01-10', kind: 'ORDINARY', minor: { id: m }, structure: { code: 'AS-1' } });
    const rows = await asmi.dataSource.query('SELECT * FROM asmi.placement WHERE minor_id = $1', [m]);
    expect(rows[0]).toMatchObject({ minor_sex: 'M', minor_citizenship: '100', structure_type: 'CEM', structure_province: '058' });
    expect(Object.keys(rows[0]).some((k) => /name|fiscal/.test(k))).toBe(false);
  });

  it('accepts exactly the free places under 12 concurrent admissions (capacity 3 + 2 emergency)', async () => {
    await structure('AS-FULL', 3, 2);
    const minors = await Promise.all(Array.from({ length: 12 }, (_, i) => minor(`2011-02-${String(i + 1).padStart(2, '0')}`)));
    const results = await Promise.all(minors.map((m) => admit('AS-FULL', m, '2024-05-01')));
    const ok = results.filter((r) => !r.errors);
    const full = results.filter((r) => code(r) === 'STRUCTURE_FULL');
    expect(ok).toHaveLength(5);
    expect(full).toHaveLength(7);
    const [{ n }] = await asmi.dataSource.query("SELECT count(*)::int AS n FROM asmi.placement WHERE structure_code = 'AS-FULL'");
    expect(n).toBe(5);
  });

  it('allows a transfer: discharge on day D and admission elsewhere on day D', async () => {
    await structure('AS-T1', 5);
    await structure('AS-T2', 5);
    const m = await minor();
    const first = await admit('AS-T1', m, '2024-02-01');
    const id = (first.data as any).admitMinor.id;
    const d = await asmiCall(op('AS-T1'), DISCHARGE, { input: { placementId: id, dischargeDate: '2024-03-01', dischargeOutcome: 'OTHER_STRUCTURE' } });
    expect(d.errors).toBeUndefined();
    const second = await admit('AS-T2', m, '2024-03-01');
    expect(second.errors).toBeUndefined();
  });

  it('refuses a second open placement with PLACEMENT_OVERLAP and writes nothing', async () => {
    await structure('AS-O1', 5);
    await structure('AS-O2', 5);
    const m = await minor();
    expect((await admit('AS-O1', m, '2024-02-01')).errors).toBeUndefined();
    const res = await admit('AS-O2', m, '2024-04-01');
    expect(code(res)).toBe('PLACEMENT_OVERLAP');
    expect(res.errors?.[0].extensions?.field).toBe('admissionDate');
    const [{ n }] = await asmi.dataSource.query('SELECT count(*)::int AS n FROM asmi.placement WHERE minor_id = $1', [m]);
    expect(n).toBe(1);
  });

  it('refuses an unknown structure, a structure without authorisation and a suspended one', async () => {
    const m = await minor();
    expect(code(await asmiCall(op('NOPE-1'), ADMIT, { input: { minorId: m, structureCode: 'NOPE-1', admissionDate: '2024-02-01', kind: 'ORDINARY' } }))).toBe('UNKNOWN_STRUCTURE');
    await structure('AS-NA', 5, 0, {}, false);
    expect(code(await admit('AS-NA', m, '2024-02-01'))).toBe('STRUCTURE_NOT_AUTHORISED');
    await structure('AS-SUSP', 5);
    const susp = await hub.call('asso', SUP, 'mutation($input: RecordActInput!) { recordAct(input: $input) { id } }', {
      input: { structureCode: 'AS-SUSP', kind: 'SUSPENSION', number: 'S-1', date: '2024-01-01', validFrom: '2024-01-01', validTo: '2024-03-31' },
    });
    expect(susp.errors).toBeUndefined();
    expect(code(await admit('AS-SUSP', m, '2024-02-01'))).toBe('STRUCTURE_NOT_AUTHORISED');
    expect((await admit('AS-SUSP', m, '2024-04-01')).errors).toBeUndefined();
  });

  it('refuses another structure operator, other roles and anonymous callers', async () => {
    await structure('AS-P', 5);
    const m = await minor();
    expect(code(await asmiCall(op('AS-OTHER'), ADMIT, { input: { minorId: m, structureCode: 'AS-P', admissionDate: '2024-02-01', kind: 'ORDINARY' } }))).toBe('FORBIDDEN');
    expect(code(await asmiCall(SW, ADMIT, { input: { minorId: m, structureCode: 'AS-P', admissionDate: '2024-02-01', kind: 'ORDINARY' } }))).toBe('FORBIDDEN');
    expect(code(await asmiCall({ role: 'ANONYMOUS' }, ADMIT, { input: { minorId: m, structureCode: 'AS-P', admissionDate: '2024-02-01', kind: 'ORDINARY' } }))).toBe('UNAUTHENTICATED');
    const placed = await admit('AS-P', m, '2024-02-01');
    const id = (placed.data as any).admitMinor.id;
    expect(code(await asmiCall(op('AS-OTHER'), DISCHARGE, { input: { placementId: id, dischargeDate: '2024-03-01', dischargeOutcome: 'RETURN_TO_FAMILY' } }))).toBe('FORBIDDEN');
  });

  it('validates inputs: unknown minor, future date, age range, codes, discharge dates', async () => {
    await structure('AS-V', 5, 0, { minAge: 6, maxAge: 13 });
    const m = await minor('2005-01-01');
    expect(code(await admit('AS-V', '00000000-0000-4000-8000-000000000000', '2024-02-01'))).toBe('NOT_FOUND');
    expect(code(await admit('AS-V', 'not-a-uuid', '2024-02-01'))).toBe('BAD_USER_INPUT');
    expect(code(await admit('AS-V', m, '2024-07-01'))).toBe('INVALID_DATE_RANGE');
    const age = await admit('AS-V', m, '2024-02-01');
    expect(code(age)).toBe('BAD_USER_INPUT');
    expect(age.errors?.[0].extensions?.field).toBe('minorId');
    const young = await minor('2015-01-01');
    expect(code(await admit('AS-V', young, '2024-02-01', 'ORDINARY', { legalBasis: 'NOT_A_BASIS' }))).toBe('INVALID_CODE');
    const court = await admit('AS-V', young, '2024-02-01', 'ORDINARY', { legalBasis: 'COURT_ORDER' });
    expect(court.errors?.[0].extensions?.field).toBe('courtOrderReference');
    const placed = await admit('AS-V', young, '2024-02-01', 'ORDINARY', { legalBasis: 'COURT_ORDER', courtOrderReference: 'TM-2024-1' });
    const id = (placed.data as any).admitMinor.id;
    const before = await asmiCall(op('AS-V'), DISCHARGE, { input: { placementId: id, dischargeDate: '2024-01-31', dischargeOutcome: 'RETURN_TO_FAMILY' } });
    expect(code(before)).toBe('INVALID_DATE_RANGE');
    expect(code(await asmiCall(op('AS-V'), DISCHARGE, { input: { placementId: id, dischargeDate: '2024-03-01', dischargeOutcome: 'NOWHERE' } }))).toBe('INVALID_CODE');
    expect((await asmiCall(op('AS-V'), DISCHARGE, { input: { placementId: id, dischargeDate: '2024-03-01', dischargeOutcome: 'RETURN_TO_FAMILY' } })).errors).toBeUndefined();
    expect(code(await asmiCall(op('AS-V'), DISCHARGE, { input: { placementId: id, dischargeDate: '2024-03-02', dischargeOutcome: 'RETURN_TO_FAMILY' } }))).toBe('PLACEMENT_CLOSED');
  });

  it("shows a structure operator only its own structure's placements of a minor placed in two structures", async () => {
    await structure('AS-H1', 5);
    await structure('AS-H2', 5);
    const m = await minor();
    const p1 = (await admit('AS-H1', m, '2023-01-01')).data as any;
    await asmiCall(op('AS-H1'), DISCHARGE, { input: { placementId: p1.admitMinor.id, dischargeDate: '2023-06-01', dischargeOutcome: 'OTHER_STRUCTURE' } });
    expect((await admit('AS-H2', m, '2023-06-01')).errors).toBeUndefined();
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Minor { placements { structure { code } } } } }';
    const reps = { r: [{ __typename: 'Minor', id: m }] };
    const own = await asmiCall(op('AS-H2'), q, reps);
    expect((own.data as any)._entities[0].placements).toEqual([{ structure: { code: 'AS-H2' } }]);
    const all = await asmiCall(SW, q, reps);
    expect((all.data as any)._entities[0].placements).toHaveLength(2);
    const analyst = await asmiCall({ role: 'REGIONAL_ANALYST', sub: 'an' }, q, reps);
    expect((analyst.data as any)._entities[0].placements).toEqual([]);
  });

  it('resolves 10 Minor references with their placements in one statement', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, () => minor()));
    asmi.counter.reset();
    const res = await asmiCall(SW, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Minor { placements { id admissionDate } } } }', {
      r: ids.map((id) => ({ __typename: 'Minor', id })),
    });
    expect(res.errors).toBeUndefined();
    expect(asmi.counter.value).toBe(1);
  });

  it("answers a structure operator's viewerHosts of its guests from the placement rows already read: one statement, and a lookup only for minors those rows do not settle", async () => {
    await structure('AS-VH', 5);
    const guests = await Promise.all([minor(), minor(), minor()]);
    for (const g of guests) expect((await admit('AS-VH', g, '2024-05-02')).errors).toBeUndefined();
    // A guest discharged 40 days ago (past the 30-day grace) is no longer hosted: its row does not make it so.
    const old = await minor();
    const gone = (await admit('AS-VH', old, '2024-01-02')).data as any;
    expect((await asmiCall(op('AS-VH'), DISCHARGE, { input: { placementId: gone.admitMinor.id, dischargeDate: '2024-05-06', dischargeOutcome: 'RETURN_TO_FAMILY' } })).errors).toBeUndefined();
    const q = 'query($r: [_Any!]!, $on: Date) { _entities(representations: $r) { ... on Structure { placements(activeOn: $on) { minor { id viewerHosts } } } } }';
    asmi.counter.reset();
    const today = await asmiCall(op('AS-VH'), q, { r: [{ __typename: 'Structure', code: 'AS-VH' }], on: TODAY });
    expect(today.errors).toBeUndefined();
    const hosted = (today.data as any)._entities[0].placements.map((p: any) => p.minor);
    expect(hosted).toHaveLength(3);
    expect(hosted.every((m: any) => m.viewerHosts === true)).toBe(true);
    expect(asmi.counter.value).toBe(1);
    // A minor reached without a placement row (a Minor reference) is looked up: one statement settles them all.
    asmi.counter.reset();
    const refs = await asmiCall(op('AS-VH'), 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Minor { id viewerHosts } } }', {
      r: [old, guests[0]].map((id) => ({ __typename: 'Minor', id })),
    });
    expect(refs.errors).toBeUndefined();
    expect((refs.data as any)._entities).toEqual([
      { id: old, viewerHosts: false },
      { id: guests[0], viewerHosts: true },
    ]);
    expect(asmi.counter.value).toBe(1);
  });

  it('answers occupancy on a date and the HOSTING lookup for the gateway only', async () => {
    const occ = await asmiCall(op('AS-FULL'), 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { occupancy(on: "2024-05-01") } } }', { r: [{ __typename: 'Structure', code: 'AS-FULL' }] });
    expect((occ.data as any)._entities[0].occupancy).toBe(5);
    const other = await asmiCall(op('AS-1'), 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { occupancy } } }', { r: [{ __typename: 'Structure', code: 'AS-FULL' }] });
    expect((other.data as any)._entities[0].occupancy).toBeNull();
    const m = await minor();
    await structure('AS-HOST', 5);
    const p = (await admit('AS-HOST', m, '2024-01-01')).data as any;
    await asmiCall(op('AS-HOST'), DISCHARGE, { input: { placementId: p.admitMinor.id, dischargeDate: '2024-05-20', dischargeOutcome: 'RETURN_TO_FAMILY' } });
    const hosted = (on: string) => asmiCall(GATEWAY, 'query($ids: [ID!]!, $s: ID!, $on: Date!) { hostedMinors(minorIds: $ids, structureCode: $s, on: $on) }', { ids: [m], s: 'AS-HOST', on });
    expect((await hosted('2024-06-15')).data).toEqual({ hostedMinors: [m] }); // discharged 26 days before
    expect((await hosted('2024-06-25')).data).toEqual({ hostedMinors: [] }); // 36 days after
    expect(code(await asmiCall(SW, 'query($ids: [ID!]!) { hostedMinors(minorIds: $ids, structureCode: "AS-HOST", on: "2024-06-15") }', { ids: [m] }))).toBe('FORBIDDEN');
    // The same for many minors at once (SINBA's PLACEMENT_WITHOUT_ADMISSION check, issue 15).
    const hosting = (on: string) => asmiCall(GATEWAY, 'query($ids: [ID!]!, $on: Date!) { hostingStructures(minorIds: $ids, on: $on) { minorId structureCode } }', { ids: [m], on });
    expect((await hosting('2024-06-15')).data).toEqual({ hostingStructures: [{ minorId: m, structureCode: 'AS-HOST' }] });
    expect((await hosting('2024-06-25')).data).toEqual({ hostingStructures: [] });
    expect(code(await asmiCall(SW, 'query($ids: [ID!]!) { hostingStructures(minorIds: $ids, on: "2024-06-15") { minorId } }', { ids: [m] }))).toBe('FORBIDDEN');
  });

  it('refuses a discharge of an unknown or malformed placement, a future discharge, and callers who are not its operator; a refusal changes nothing', async () => {
    await structure('AS-DX', 5);
    const m = await minor();
    const id = ((await admit('AS-DX', m, '2024-02-01')).data as any).admitMinor.id;
    const discharge = (principal: Principal, input: Record<string, unknown>) =>
      asmiCall(principal, DISCHARGE, { input: { placementId: id, dischargeDate: '2024-03-01', dischargeOutcome: 'RETURN_TO_FAMILY', ...input } });
    const missing = await discharge(op('AS-DX'), { placementId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'placementId' });
    expect((await discharge(op('AS-DX'), { placementId: 'nope' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'placementId' });
    expect((await discharge(op('AS-DX'), { dischargeDate: '2024-06-16' })).errors?.[0].extensions).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'dischargeDate' });
    expect((await discharge(op('AS-DX'), { dischargeOutcome: 'NOWHERE' })).errors?.[0].extensions).toMatchObject({ code: 'INVALID_CODE', field: 'dischargeOutcome' });
    expect(code(await discharge({ role: 'ANONYMOUS' }, {}))).toBe('UNAUTHENTICATED');
    expect(code(await discharge(SW, {}))).toBe('FORBIDDEN');
    expect(code(await discharge(SUP, {}))).toBe('FORBIDDEN');
    const [row] = await asmi.dataSource.query('SELECT discharge_date, discharge_outcome FROM asmi.placement WHERE id = $1', [id]);
    expect(row).toEqual({ discharge_date: null, discharge_outcome: null });
    expect((await discharge(op('AS-DX'), {})).data).toEqual({ dischargeMinor: { id, dischargeDate: '2024-03-01', dischargeOutcome: 'RETURN_TO_FAMILY' } });
  });

  it('records a same-day placement (discharged on its admission day): transfers on that day work, a placement spanning it is refused', async () => {
    await structure('AS-SD1', 5);
    await structure('AS-SD2', 5);
    await structure('AS-SD3', 5);
    const m = await minor();
    const id = ((await admit('AS-SD1', m, '2024-04-10', 'EMERGENCY')).data as any).admitMinor.id;
    const d = await asmiCall(op('AS-SD1'), DISCHARGE, { input: { placementId: id, dischargeDate: '2024-04-10', dischargeOutcome: 'RETURN_TO_FAMILY' } });
    expect(d.errors).toBeUndefined();
    const [row] = await asmi.dataSource.query(`SELECT to_char(admission_date, 'YYYY-MM-DD') AS a, to_char(discharge_date, 'YYYY-MM-DD') AS d FROM asmi.placement WHERE id = $1`, [id]);
    expect(row).toEqual({ a: '2024-04-10', d: '2024-04-10' });
    const spanning = await admit('AS-SD2', m, '2024-04-01');
    expect(spanning.errors?.[0].extensions).toMatchObject({ code: 'PLACEMENT_OVERLAP', field: 'admissionDate' });
    expect((await admit('AS-SD3', m, '2024-04-10')).errors).toBeUndefined();
    const occ = await asmiCall(SW, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { occupancy(on: "2024-04-10") } } }', {
      r: [{ __typename: 'Structure', code: 'AS-SD1' }, { __typename: 'Structure', code: 'AS-SD3' }],
    });
    expect((occ.data as any)._entities).toEqual([{ occupancy: 0 }, { occupancy: 1 }]);
  });

  it('refuses a retroactive admission when a later day of its period is full', async () => {
    await structure('AS-R', 1);
    const [a, b] = await Promise.all([minor(), minor()]);
    expect((await admit('AS-R', a, '2024-03-01')).errors).toBeUndefined();
    const late = await admit('AS-R', b, '2024-01-01');
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'STRUCTURE_FULL', field: 'structureCode' });
  });

  describe('reads filtered by principal', () => {
    let m: string;
    let inA: string;
    let inB: string;
    const PLACEMENT = 'query($id: ID!) { placement(id: $id) { id structure { code } } }';
    const STRUCTURES = 'query($r: [_Any!]!, $on: Date) { _entities(representations: $r) { ... on Structure { placements(activeOn: $on) { id } } } }';
    beforeAll(async () => {
      await structure('AS-RA', 5);
      await structure('AS-RB', 5, 0, { municipality: '059011' });
      m = await minor();
      inA = ((await admit('AS-RA', m, '2023-01-01')).data as any).admitMinor.id;
      await asmiCall(op('AS-RA'), DISCHARGE, { input: { placementId: inA, dischargeDate: '2023-06-01', dischargeOutcome: 'OTHER_STRUCTURE' } });
      inB = ((await admit('AS-RB', m, '2023-06-01')).data as any).admitMinor.id;
    });

    it.each<[string, Principal, boolean, boolean]>([
      // docs/privacy.md §9: ASMI applies HOSTING itself; AS-RA discharged the minor in 2023, AS-RB hosts it today.
      ["the operator of the placement's structure, no longer hosting the minor", op('AS-RA'), false, false],
      ['the operator of the structure hosting the minor today', op('AS-RB'), false, true],
      ["a supervisor of the structure's province", SUP, true, false],
      ['a supervisor of another province', { role: 'SUPERVISOR', sub: 'sup2', territory: ['059'] }, false, true],
      ['a social worker (the gateway masks minors without a case)', SW, true, true],
      ['a regional analyst', { role: 'REGIONAL_ANALYST', sub: 'an' }, false, false],
      ['a privacy officer', { role: 'PRIVACY_OFFICER', sub: 'dpo' }, false, false],
      ['anonymous', { role: 'ANONYMOUS' }, false, false],
    ])('placement(id) and Structure.placements for %s', async (_who, principal, seesA, seesB) => {
      const a = await asmiCall(principal, PLACEMENT, { id: inA });
      expect(a.errors).toBeUndefined();
      expect((a.data as any).placement?.id ?? null).toBe(seesA ? inA : null);
      const b = await asmiCall(principal, PLACEMENT, { id: inB });
      expect((b.data as any).placement?.id ?? null).toBe(seesB ? inB : null);
      const list = await asmiCall(principal, STRUCTURES, { r: [{ __typename: 'Structure', code: 'AS-RA' }, { __typename: 'Structure', code: 'AS-RB' }] });
      expect((list.data as any)._entities).toEqual([{ placements: seesA ? [{ id: inA }] : [] }, { placements: seesB ? [{ id: inB }] : [] }]);
    });

    it('restricts Structure.placements to a date with activeOn', async () => {
      const at = (on: string) => asmiCall(SW, STRUCTURES, { r: [{ __typename: 'Structure', code: 'AS-RA' }, { __typename: 'Structure', code: 'AS-RB' }], on });
      expect(((await at('2023-05-31')).data as any)._entities).toEqual([{ placements: [{ id: inA }] }, { placements: [] }]);
      expect(((await at('2023-06-01')).data as any)._entities).toEqual([{ placements: [] }, { placements: [{ id: inB }] }]);
    });

    it('answers occupancy to the roles of docs/privacy.md §4 REGISTRY only, supervisors by territory even for a structure without placements', async () => {
      await structure('AS-EMPTY', 5); // province 058, never hosted anyone
      const OCC = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { occupancy(on: "2023-07-01") } } }';
      const reps = { r: ['AS-RA', 'AS-RB', 'AS-EMPTY', 'AS-UNKNOWN'].map((c) => ({ __typename: 'Structure', code: c })) };
      const occ = async (principal: Principal) => ((await asmiCall(principal, OCC, reps)).data as any)._entities.map((e: { occupancy: number | null }) => e.occupancy);
      expect(await occ(SW)).toEqual([0, 1, 0, 0]);
      expect(await occ({ role: 'REGIONAL_ANALYST', sub: 'an' })).toEqual([0, 1, 0, 0]);
      expect(await occ(op('AS-RB'))).toEqual([null, 1, null, null]);
      expect(await occ(SUP)).toEqual([0, null, 0, null]);
      expect(await occ({ role: 'SUPERVISOR', sub: 'sup2', territory: ['059'] })).toEqual([null, 1, null, null]);
      expect(await occ({ role: 'PRIVACY_OFFICER', sub: 'dpo' })).toEqual([null, null, null, null]);
      expect(await occ(GATEWAY)).toEqual([null, null, null, null]);
      expect(await occ({ role: 'ANONYMOUS' })).toEqual([null, null, null, null]);
    });

    it('counts occupancy on today by default', async () => {
      const res = await asmiCall(SW, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { occupancy } } }', { r: [{ __typename: 'Structure', code: 'AS-RB' }] });
      expect((res.data as any)._entities).toEqual([{ occupancy: 1 }]);
    });
  });

  it('resolves Placement and Structure references in one statement per loader', async () => {
    const ids = (await asmi.dataSource.query('SELECT id FROM asmi.placement ORDER BY id LIMIT 8')).map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(8);
    asmi.counter.reset();
    const placements = await asmiCall(SW, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Placement { id admissionDate minor { id } structure { code } } } }', {
      r: ids.map((id: string) => ({ __typename: 'Placement', id })),
    });
    expect(placements.errors).toBeUndefined();
    expect((placements.data as any)._entities.map((p: { id: string }) => p.id)).toEqual(ids);
    expect(asmi.counter.value).toBe(1);
    const codes = ['AS-1', 'AS-FULL', 'AS-T1', 'AS-T2', 'AS-O1', 'AS-P'];
    asmi.counter.reset();
    const structures = await asmiCall(SW, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Structure { placements { id } occupancy(on: "2024-05-01") } } }', {
      r: codes.map((c) => ({ __typename: 'Structure', code: c })),
    });
    expect(structures.errors).toBeUndefined();
    expect(asmi.counter.value).toBe(2);
  });

  it('refuses requests without the internal token with 401', async () => {
    const res = await fetch(asmi.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(401);
  });
});
