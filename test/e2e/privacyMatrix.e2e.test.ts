/**
 * docs/privacy.md §4 through the gateway: for every role × relationship × data
 * class that has a field today, real data is created and the response is
 * checked field by field (readable → value, denied → null with
 * UNAUTHORIZED_FIELD_OR_TYPE and the class). The raw response text never
 * contains a denied minor's name or fiscal code.
 */
import { addDays, todayInRome } from '@shared/time';
import type { DataClass } from '@shared/privacy';
import { startTestHub, type GatewayResponse, type TestHub } from '../support/startHub';
import { expectNoErrors, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';

const PROBE = `query Probe($id: ID!) {
  minor(id: $id) {
    id pseudonym firstName birthDate
    cases { id }
    healthData { law104 }
    placements { admissionDate courtOrderReference structure { name inspections { outcome } } }
  }
}`;

/** The field of the probe that carries each class, as a path under `minor`. */
const FIELD: Partial<Record<DataClass, string>> = {
  PSEUDONYM: 'pseudonym',
  IDENTITY: 'firstName',
  DEMOGRAPHIC: 'birthDate',
  CASE: 'cases',
  HEALTH: 'healthData',
  PLACEMENT: 'placements',
};

type Minor = { id: string; fiscalCode: string; name: string };

function deniedPaths(res: GatewayResponse): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of res.errors ?? []) {
    if (e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE') out.set((e.path ?? []).join('.'), e.extensions.dataClass);
  }
  return out;
}

describe('privacy matrix through the gateway (docs/privacy.md §4)', () => {
  let hub: TestHub;
  const today = todayInRome();
  const m: Record<string, Minor> = {};

  const soToken = (structure: string) => hub.token({ role: 'STRUCTURE_OPERATOR', sub: `op-${structure}`, structure });
  /** The service holding each minor's case, which requests the placement (docs/privacy.md §3a). */
  const serviceOf = new Map<string, string>();
  const admit = async (minorId: string, structureCode: string, admissionDate: string, extra: Record<string, unknown> = {}) => {
    const requestId = await requestPlacement(hub, serviceOf.get(minorId)!, minorId, structureCode);
    const res = await hub.gql<{ admitMinor: { id: string } }>(soToken(structureCode), 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
      input: { minorId, structureCode, admissionDate, kind: 'ORDINARY', requestId, ...extra },
    });
    expectNoErrors(res);
    return res.data!.admitMinor.id;
  };
  const discharge = async (structureCode: string, placementId: string, dischargeDate: string) => {
    const res = await hub.gql(soToken(structureCode), 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', {
      input: { placementId, dischargeDate, dischargeOutcome: 'RETURN_TO_FAMILY' },
    });
    expectNoErrors(res);
  };

  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'MX-A'); // province 058
    const sup059 = hub.token({ role: 'SUPERVISOR', sub: 'sup-059', territory: '059' });
    await registerActiveStructure(hub, 'MX-B', { municipality: '059011' }).catch(async () => {
      // registerActiveStructure signs as a 058 supervisor: register MX-B with its own supervisor.
      const reg = await hub.gql(sup059, 'mutation($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', {
        input: { code: 'MX-B', name: 'Comunità MX-B', type: (await hub.gql<{ codes: { code: string }[] }>(undefined, '{ codes(list: "STRUCTURE_TYPE") { code } }')).data!.codes[0].code, municipality: '059011', capacity: 10, minAge: 0, maxAge: 17 },
      });
      expectNoErrors(reg);
      expectNoErrors(await hub.gql(sup059, 'mutation($input: RecordActInput!) { recordAct(input: $input) { id } }', { input: { structureCode: 'MX-B', kind: 'AUTHORISATION', number: 'AUT-B', date: '2020-01-01', validFrom: '2020-01-01' } }));
    });
    const sup058 = hub.token({ role: 'SUPERVISOR', sub: 'sup-058', territory: '058' });
    expectNoErrors(await hub.gql(sup058, 'mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }', { input: { structureCode: 'MX-A', date: '2024-05-01', authority: 'ASL', outcome: 'COMPLIANT' } }).catch(() => ({ errors: [], text: '' })));

    for (const [key, service, first] of [
      ['held', 'S-A', 'Heldina'],
      ['closing', 'S-B', 'Closina'],
      ['hosted10', 'S-C', 'Decima'],
      ['hosted40', 'S-C', 'Quarantina'],
      ['elsewhere', 'S-C', 'Altrove'],
    ] as const) {
      const r = await registerMinorWithCase(hub, service, { firstName: first, lastName: 'Matrice' });
      m[key] = { id: r.minorId, fiscalCode: r.fiscalCode, name: first };
      serviceOf.set(r.minorId, service);
    }
    const swA = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-a', service: 'S-A' });
    expectNoErrors(await hub.gql(swA, 'mutation($input: HealthDataInput!) { recordHealthData(input: $input) { law104 } }', { input: { minorId: m.held.id, law104: true } }));
    await admit(m.held.id, 'MX-A', '2024-01-01', { legalBasis: 'COURT_ORDER', courtOrderReference: 'TM-2024-17' });
    const p10 = await admit(m.hosted10.id, 'MX-A', '2024-01-01');
    await discharge('MX-A', p10, addDays(today, -10));
    const p40 = await admit(m.hosted40.id, 'MX-A', '2023-01-01');
    await discharge('MX-A', p40, addDays(today, -40));
    await admit(m.elsewhere.id, 'MX-B', '2024-01-01');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const ALL: DataClass[] = ['PSEUDONYM', 'IDENTITY', 'DEMOGRAPHIC', 'CASE', 'HEALTH', 'PLACEMENT'];
  const cases: [string, () => string, string, DataClass[]][] = [
    ['SOCIAL_WORKER, CASE_HOLDER', () => hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-a', service: 'S-A' }), 'held', ALL],
    ['SOCIAL_WORKER, otherwise', () => hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-z', service: 'S-Z' }), 'held', []],
    ['STRUCTURE_OPERATOR, HOSTING (active)', () => hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op', structure: 'MX-A' }), 'held', ['PSEUDONYM', 'IDENTITY', 'DEMOGRAPHIC', 'PLACEMENT']],
    ['STRUCTURE_OPERATOR, HOSTING (discharged 10 days ago)', () => hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op', structure: 'MX-A' }), 'hosted10', ['PSEUDONYM', 'IDENTITY', 'DEMOGRAPHIC', 'PLACEMENT']],
    ['STRUCTURE_OPERATOR, discharged 40 days ago', () => hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op', structure: 'MX-A' }), 'hosted40', []],
    ['STRUCTURE_OPERATOR, otherwise', () => hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-b', structure: 'MX-B' }), 'held', []],
    // docs/privacy.md §4: no Minor object for supervisors and analysts (minor(id) is null); they read placements
    // with minorPseudonym through the structures (test/e2e/listsAndReceipts.e2e.test.ts).
    ['SUPERVISOR, IN_TERRITORY', () => hub.token({ role: 'SUPERVISOR', sub: 'sup', territory: '058' }), 'held', []],
    ['SUPERVISOR, outside territory', () => hub.token({ role: 'SUPERVISOR', sub: 'sup', territory: '059' }), 'held', []],
    ['REGIONAL_ANALYST', () => hub.token({ role: 'REGIONAL_ANALYST', sub: 'an' }), 'held', []],
    ['PRIVACY_OFFICER', () => hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo' }), 'held', []],
  ];

  it.each(cases)('%s', async (_name, token, who, readable) => {
    const minor = m[who];
    const res = await hub.gql(token(), PROBE, { id: minor.id });
    const denied = deniedPaths(res);
    const data = (res.data?.minor ?? {}) as Record<string, unknown>;
    for (const c of ALL) {
      const path = `minor.${FIELD[c]}`;
      const placementsDeniedPerElement = c === 'PLACEMENT' && [...denied.keys()].some((p) => p.startsWith('minor.placements.'));
      if (readable.includes(c)) {
        expect({ c, denied: denied.get(path) }).toEqual({ c, denied: undefined });
        expect({ c, value: data[FIELD[c]!] === null }).toEqual({ c, value: false });
        if (c === 'PLACEMENT') expect({ c, perElement: placementsDeniedPerElement && !(data.placements as unknown[]).length }).toEqual({ c, perElement: false });
      } else {
        const value = data[FIELD[c]!];
        const hidden = value === null || value === undefined || (Array.isArray(value) && value.every((p) => p === null || Object.values(p as object).every((v) => v === null)));
        expect({ c, hidden }).toEqual({ c, hidden: true });
        if (value === null && denied.has(path)) expect(denied.get(path)).toBe(c);
      }
    }
    if (!readable.includes('IDENTITY')) {
      expect(res.text).not.toContain(minor.name);
      expect(res.text).not.toContain(minor.fiscalCode);
    }
    for (const e of res.errors ?? []) expect(['UNAUTHORIZED_FIELD_OR_TYPE', 'UNAUTHENTICATED']).toContain(e.extensions?.code);
  });

  it('PLACEMENT: the court order reference a structure typed at admission is shown back to it while it hosts the minor, and to the case holder (docs/privacy.md §2)', async () => {
    const holder = await hub.gql(hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-a', service: 'S-A' }), PROBE, { id: m.held.id });
    expect((holder.data!.minor as any).placements[0].courtOrderReference).toBe('TM-2024-17');
    const op = await hub.gql(soToken('MX-A'), PROBE, { id: m.held.id });
    expect((op.data!.minor as any).placements[0].courtOrderReference).toBe('TM-2024-17');
    const other = await hub.gql(soToken('MX-B'), PROBE, { id: m.held.id });
    expect(other.text).not.toContain('TM-2024-17');
  });

  it('REGISTRY: inspections of a structure are read by its own operator and the supervisor of its territory, not by another structure', async () => {
    const q = '{ structure(code: "MX-A") { name inspections { outcome } } }';
    const own = await hub.gql(soToken('MX-A'), q);
    expect(own.errors ?? []).toEqual([]);
    expect((own.data!.structure as any).inspections).not.toBeNull();
    const other = await hub.gql(soToken('MX-B'), q);
    expect((other.data!.structure as any).name).toBe('Comunità MX-A');
    expect((other.data!.structure as any).inspections).toBeNull();
    expect(deniedPaths(other).get('structure.inspections')).toBe('REGISTRY');
    const anon = await hub.gql(undefined, q);
    expect((anon.data!.structure as any).name).toBe('Comunità MX-A');
    expect((anon.data!.structure as any).inspections).toBeNull();
  });

  it('a service reads its case before closing it and no longer after (closed today is not open)', async () => {
    const swB = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-b', service: 'S-B' });
    const before = await hub.gql(swB, '{ minor(id: "' + m.closing.id + '") { firstName cases { id } } }');
    expect((before.data!.minor as any).firstName).toBe('Closina');
    const caseId = (before.data!.minor as any).cases[0].id;
    expectNoErrors(await hub.gql(swB, 'mutation($input: CloseCaseInput!) { closeCase(input: $input) { id } }', { input: { caseId, endDate: today, closureReason: (await hub.gql<{ codes: { code: string }[] }>(undefined, '{ codes(list: "CASE_CLOSURE_REASON") { code } }')).data!.codes[0].code } }));
    const after = await hub.gql(swB, '{ minor(id: "' + m.closing.id + '") { firstName cases { id } } }');
    expect((after.data!.minor as any).firstName).toBeNull();
    expect(after.text).not.toContain('Closina');
  });

  it('masks through aliases and fragments, one error per path', async () => {
    const q = 'query($id: ID!) { minor(id: $id) { a: firstName ...Who n2: firstName } } fragment Who on Minor { firstName }';
    const res = await hub.gql(hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-z', service: 'S-Z' }), q, { id: m.held.id });
    expect(res.data!.minor).toEqual({ a: null, firstName: null, n2: null });
    expect([...deniedPaths(res).entries()].sort()).toEqual([
      ['minor.a', 'IDENTITY'],
      ['minor.firstName', 'IDENTITY'],
      ['minor.n2', 'IDENTITY'],
    ]);
    expect(res.text).not.toContain('Heldina');
  });

  it('leaves out the elements of Structure.placements the caller may not read, and masks Placement.minor per minor (docs/privacy.md §6)', async () => {
    const q = `query { structure(code: "MX-A") { name placements { when: admissionDate minor { ...Who n2: firstName } } } } fragment Who on Minor { firstName }`;
    const res = await hub.gql(hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-a', service: 'S-A' }), q);
    const placements = (res.data!.structure as any).placements as any[];
    // Only the placement of the minor whose case the service holds: the others are left out, not returned as nulls.
    expect(placements).toHaveLength(1);
    expect(placements[0].minor).toEqual({ firstName: 'Heldina', n2: 'Heldina' });
    for (const other of ['Decima', 'Quarantina']) expect(res.text).not.toContain(other);
    expect([...deniedPaths(res).entries()]).toEqual([]);
  });

  it('never reuses a query plan built for one role for another: a field the role can never read is not fetched', async () => {
    const q = '{ minor(id: "' + m.held.id + '") { firstName healthData { law104 } } }';
    const plans: string[] = [];
    const unsubscribe = hub.handle.gateway.onQueryPlan((p) => plans.push(p));
    const holder = await hub.gql(hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-a', service: 'S-A' }), q);
    expect((holder.data!.minor as any).healthData).toEqual({ law104: true });
    const op = await hub.gql(soToken('MX-A'), q);
    unsubscribe();
    expect(plans).toHaveLength(2);
    expect(plans[0]).toContain('law104');
    expect(plans[1]).not.toContain('law104');
    expect(plans[1]).toContain('healthData: __typename');
    expect((op.data!.minor as any).healthData).toBeNull();
    expect(deniedPaths(op).get('minor.healthData')).toBe('HEALTH');
    const again = await hub.gql(hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-a', service: 'S-A' }), q);
    expect((again.data!.minor as any).healthData).toEqual({ law104: true });
  });

  it('writes one audit entry per minor per response and serves them through accessLog', async () => {
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-audit', service: 'S-A' });
    expectNoErrors(await hub.gql(sw, 'query AuditProbe($id: ID!) { minor(id: $id) { firstName } }', { id: m.held.id }));
    const dpo = hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo' });
    const log = await hub.gql<{ accessLog: any[] }>(dpo, 'query($id: ID!) { accessLog(minorId: $id) { subject role organisation operationName action dataClasses } }', { id: m.held.id });
    expectNoErrors(log);
    expect(log.data!.accessLog).toContainEqual({ subject: 'sw-audit', role: 'SOCIAL_WORKER', organisation: 'S-A', operationName: 'AuditProbe', action: 'READ', dataClasses: ['IDENTITY'] });
    expect(log.data!.accessLog.some((e) => e.action === 'WRITE')).toBe(true);
    const other = await hub.gql(hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-z', service: 'S-Z' }), 'query($id: ID!) { accessLog(minorId: $id) { subject } }', { id: m.held.id });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const holder = await hub.gql(hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-a', service: 'S-A' }), 'query($id: ID!) { accessLog(minorId: $id) { subject } }', { id: m.held.id });
    expectNoErrors(holder);
  });
});
