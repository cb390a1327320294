/**
 * Placement requests and the admission rules of docs/privacy.md §3a, through
 * the gateway on real PostgreSQL, as the roles concerned: the social worker
 * of the case-holding service requests, the requested structure reads only
 * the minor's identity and demographics while the request is pending,
 * declines or admits on it; expiry after 30 days; two admissions racing on
 * one request.
 */
import { addDays } from '@shared/time';
import { covers } from '../support/coverage';
import { expectNoErrors, registerActiveStructure, registerMinorWithCase, requestPlacement, nextFiscalCode } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/startHub';

let today = '2026-03-02';
let hub: TestHub;

const REQUEST = 'mutation($input: RequestPlacementInput!) { requestPlacement(input: $input) { id status requestedBy createdAt decidedAt structure { code } minor { id } } }';
const ADMIT = 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }';
const DECLINE = 'mutation($input: DeclinePlacementRequestInput!) { declinePlacementRequest(input: $input) { id status decidedAt } }';
const WITHDRAW = 'mutation($input: WithdrawPlacementRequestInput!) { withdrawPlacementRequest(input: $input) { id status } }';
const LIST = 'query($status: PlacementRequestStatus, $first: Int, $after: String) { placementRequests(status: $status, first: $first, after: $after) { nodes { id status kind requestedAdmissionDate minor { id firstName birthDate cases { id } } placement { id } } pageInfo { endCursor hasNextPage } } }';
const MINOR = 'query($id: ID!) { minor(id: $id) { id firstName lastName birthDate } }';

const sw = (service: string) => hub.token({ role: 'SOCIAL_WORKER', sub: `sw-${service}`, service });
const so = (structure: string, sub = `op-${structure}`) => hub.token({ role: 'STRUCTURE_OPERATOR', sub, structure });
const code = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;
const admitInput = (minorId: string, structureCode: string, requestId?: string) => ({ minorId, structureCode, admissionDate: '2026-03-01', kind: 'ORDINARY', ...(requestId ? { requestId } : {}) });

beforeAll(async () => {
  hub = await startTestHub({ clock: () => today, env: { NOTIFY_INTERVAL_MS: '100' } });
  for (const c of ['PR-C1', 'PR-C2', 'PR-C3']) await registerActiveStructure(hub, c);
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

beforeEach(() => {
  today = '2026-03-02';
});

describe('requestPlacement', () => {
  it('is for a social worker of a service holding an open case; the request is PENDING and addressed to the structure', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-PR-A');
    const other = await hub.gql(sw('S-PR-B'), REQUEST, { input: { minorId, structureCode: 'PR-C1', requestedAdmissionDate: '2026-03-01', kind: 'ORDINARY' } });
    expect(other.data?.requestPlacement ?? null).toBeNull();
    expect(code(other)).toBe('FORBIDDEN');

    const byStructure = await hub.gql(so('PR-C1'), REQUEST, { input: { minorId, structureCode: 'PR-C1', requestedAdmissionDate: '2026-03-01', kind: 'ORDINARY' } });
    expect(code(byStructure)).toBe('FORBIDDEN');

    const res = await hub.gql(sw('S-PR-A'), REQUEST, { input: { minorId, structureCode: 'PR-C1', requestedAdmissionDate: '2026-02-20', kind: 'ORDINARY', note: 'urgente' } });
    expectNoErrors(res);
    expect(covers('Mutation.requestPlacement', 'SOCIAL_WORKER', res)).toMatchObject({ status: 'PENDING', requestedBy: 'S-PR-A', decidedAt: null, structure: { code: 'PR-C1' }, minor: { id: minorId } });

    const unknown = await hub.gql(sw('S-PR-A'), REQUEST, { input: { minorId, structureCode: 'NOPE-1', requestedAdmissionDate: '2026-03-01', kind: 'ORDINARY' } });
    expect(code(unknown)).toBe('UNKNOWN_STRUCTURE');
    expect(unknown.errors![0].extensions!.field).toBe('structureCode');
  });

  it('REQUESTED: the requested structure reads identity and demographics while pending, nothing else; another structure reads nothing', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-PR-A', { firstName: 'Rita', lastName: 'Richiesta' });
    const mine = await hub.gql(so('PR-C1'), MINOR, { id: minorId });
    expect(mine.data!.minor.firstName).toBeNull(); // before the request: no relationship
    await requestPlacement(hub, 'S-PR-A', minorId, 'PR-C1');

    const inbox = await hub.gql(so('PR-C1'), LIST, { status: 'PENDING' });
    const node = inbox.data!.placementRequests.nodes.find((n: any) => n.minor?.id === minorId);
    expect(node).toMatchObject({ status: 'PENDING', kind: 'ORDINARY', minor: { firstName: 'Rita', birthDate: '2012-05-10', cases: null } });
    expect(inbox.errors?.some((e) => e.extensions?.dataClass === 'CASE')).toBe(true);
    const direct = await hub.gql(so('PR-C1'), MINOR, { id: minorId });
    expect(direct.data!.minor).toMatchObject({ firstName: 'Rita', lastName: 'Richiesta', birthDate: '2012-05-10' });

    const stranger = await hub.gql(so('PR-C2'), MINOR, { id: minorId });
    expect(stranger.data!.minor.firstName).toBeNull();
    const strangerList = await hub.gql(so('PR-C2'), LIST, {});
    expect(strangerList.data!.placementRequests.nodes.some((n: any) => n.minor?.id === minorId)).toBe(false);
  });

  it('lists are paginated by cursor, the caller\'s own only', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-PR-PAGE');
    const ids = [];
    for (const c of ['PR-C1', 'PR-C2', 'PR-C3']) ids.push(await requestPlacement(hub, 'S-PR-PAGE', minorId, c));
    const first = await hub.gql(sw('S-PR-PAGE'), LIST, { first: 2 });
    expectNoErrors(first);
    expect(first.data!.placementRequests.nodes.map((n: any) => n.id)).toEqual([ids[2], ids[1]]);
    expect(first.data!.placementRequests.pageInfo.hasNextPage).toBe(true);
    const second = await hub.gql(sw('S-PR-PAGE'), LIST, { first: 2, after: first.data!.placementRequests.pageInfo.endCursor });
    expect(second.data!.placementRequests.nodes.map((n: any) => n.id)).toEqual([ids[0]]);
    expect(second.data!.placementRequests.pageInfo.hasNextPage).toBe(false);
    const bad = await hub.gql(sw('S-PR-PAGE'), LIST, { after: 'bm90LWEtY3Vyc29y' });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const sup = await hub.gql(hub.token({ role: 'SUPERVISOR', sub: 'sup', territory: '058' }), LIST, {});
    expect(code(sup)).toBe('FORBIDDEN');
  });
});

describe('structure picker', () => {
  it('gives the social worker each structure\'s type, municipality and free places (ordinary plus emergency places minus the minors hosted)', async () => {
    await registerActiveStructure(hub, 'PR-PICK', { capacity: 3, emergencyCapacity: 1 });
    const { minorId } = await registerMinorWithCase(hub, 'S-PR-PICK');
    const requestId = await requestPlacement(hub, 'S-PR-PICK', minorId, 'PR-PICK');
    expectNoErrors(await hub.gql(so('PR-PICK'), ADMIT, { input: admitInput(minorId, 'PR-PICK', requestId) }));
    const res = await hub.gql(sw('S-PR-PICK'), 'query { structures(filter: { province: "058" }, first: 100) { nodes { code type municipality municipalityName freePlaces } } }');
    expectNoErrors(res);
    const pick = res.data!.structures.nodes.find((n: any) => n.code === 'PR-PICK');
    expect(pick).toMatchObject({ type: expect.any(String), municipality: '058091', freePlaces: 3 });
    // Another structure's operator does not read this structure's occupancy (REGISTRY, own structure only).
    const other = await hub.gql(so('PR-C1'), 'query { structure(code: "PR-PICK") { freePlaces } }');
    expect(other.data!.structure.freePlaces).toBeNull();
  });
});

describe('decline and withdraw', () => {
  it('only the requested structure declines, with a reason; then the relationship ends and the request cannot be used', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-PR-A', { firstName: 'Dora' });
    const requestId = await requestPlacement(hub, 'S-PR-A', minorId, 'PR-C1');
    const wrong = await hub.gql(so('PR-C2'), DECLINE, { input: { requestId, reason: 'pieni' } });
    expect(code(wrong)).toBe('FORBIDDEN');
    const noReason = await hub.gql(so('PR-C1'), DECLINE, { input: { requestId, reason: '  ' } });
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors![0].extensions!.field).toBe('reason');

    const ok = await hub.gql(so('PR-C1'), DECLINE, { input: { requestId, reason: 'Nessun posto adatto' } });
    expectNoErrors(ok);
    expect(covers('Mutation.declinePlacementRequest', 'STRUCTURE_OPERATOR', ok).status).toBe('DECLINED');
    expect(ok.data!.declinePlacementRequest.decidedAt).toEqual(expect.any(String));

    const after = await hub.gql(so('PR-C1'), MINOR, { id: minorId });
    expect(after.data!.minor.firstName).toBeNull();
    const again = await hub.gql(so('PR-C1'), DECLINE, { input: { requestId, reason: 'x' } });
    expect(code(again)).toBe('REQUEST_NOT_PENDING');
    const admit = await hub.gql(so('PR-C1'), ADMIT, { input: admitInput(minorId, 'PR-C1', requestId) });
    expect(code(admit)).toBe('REQUEST_NOT_PENDING');

    const service = await hub.gql(sw('S-PR-A'), 'query { placementRequests(status: DECLINED) { nodes { id status declineReason } } }');
    expect(covers('Query.placementRequests', 'SOCIAL_WORKER', service).nodes).toContainEqual({ id: requestId, status: 'DECLINED', declineReason: 'Nessun posto adatto' });
  });

  it('only the requesting service withdraws, while pending', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-PR-A');
    const requestId = await requestPlacement(hub, 'S-PR-A', minorId, 'PR-C1');
    expect(code(await hub.gql(sw('S-PR-B'), WITHDRAW, { input: { requestId } }))).toBe('FORBIDDEN');
    expect(code(await hub.gql(so('PR-C1'), WITHDRAW, { input: { requestId } }))).toBe('FORBIDDEN');
    const ok = await hub.gql(sw('S-PR-A'), WITHDRAW, { input: { requestId, reason: 'rientro in famiglia' } });
    expectNoErrors(ok);
    expect(covers('Mutation.withdrawPlacementRequest', 'SOCIAL_WORKER', ok).status).toBe('WITHDRAWN');
    expect(code(await hub.gql(sw('S-PR-A'), WITHDRAW, { input: { requestId } }))).toBe('REQUEST_NOT_PENDING');
    expect(code(await hub.gql(so('PR-C1'), ADMIT, { input: admitInput(minorId, 'PR-C1', requestId) }))).toBe('REQUEST_NOT_PENDING');
  });
});

describe('admission (docs/privacy.md §3a)', () => {
  it('a minor with an open case needs a pending request to the structure; the admission fulfils it', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-PR-A', { firstName: 'Ada' });
    const none = await hub.gql(so('PR-C1'), ADMIT, { input: admitInput(minorId, 'PR-C1') });
    expect(none.data?.admitMinor ?? null).toBeNull();
    expect(code(none)).toBe('PLACEMENT_NOT_REQUESTED');
    expect(none.errors![0].extensions!.field).toBe('requestId');

    const toOther = await requestPlacement(hub, 'S-PR-A', minorId, 'PR-C2');
    const wrong = await hub.gql(so('PR-C1'), ADMIT, { input: admitInput(minorId, 'PR-C1', toOther) });
    expect(code(wrong)).toBe('PLACEMENT_NOT_REQUESTED');

    const requestId = await requestPlacement(hub, 'S-PR-A', minorId, 'PR-C1');
    const ok = await hub.gql(so('PR-C1'), ADMIT, { input: admitInput(minorId, 'PR-C1', requestId) });
    expectNoErrors(ok);
    const placementId = ok.data!.admitMinor.id;

    const requests = await hub.gql(sw('S-PR-A'), 'query { placementRequests { nodes { id status placement { id admissionDate } } } }');
    expectNoErrors(requests);
    const nodes = requests.data!.placementRequests.nodes;
    expect(nodes).toContainEqual({ id: requestId, status: 'ACCEPTED', placement: { id: placementId, admissionDate: '2026-03-01' } });
    // The minor's other pending request is withdrawn: the other structure's REQUESTED ends.
    expect(nodes.find((n: any) => n.id === toOther).status).toBe('WITHDRAWN');
    // The service's timeline of the minor: requests and placements with their structures.
    const timeline = await hub.gql(sw('S-PR-A'), 'query($id: ID!) { minor(id: $id) { placementRequests { id status structure { code } } placements { id structure { code } } } }', { id: minorId });
    expectNoErrors(timeline);
    expect(timeline.data!.minor.placementRequests.map((r: any) => [r.id, r.status])).toEqual([[requestId, 'ACCEPTED'], [toOther, 'WITHDRAWN']]);
    expect(timeline.data!.minor.placements).toEqual([{ id: placementId, structure: { code: 'PR-C1' } }]);
    // The structure sees only the request to itself.
    const own = await hub.gql(so('PR-C1'), 'query($id: ID!) { minor(id: $id) { placementRequests { id } } }', { id: minorId });
    expect(own.data!.minor.placementRequests).toEqual([{ id: requestId }]);
    const structure = await hub.gql(so('PR-C1'), 'query { structure(code: "PR-C1") { placementRequests(status: ACCEPTED) { id minor { firstName } } } }');
    expectNoErrors(structure);
    expect(structure.data!.structure.placementRequests).toContainEqual({ id: requestId, minor: { firstName: 'Ada' } });
  });

  it('emergency admission without a request only for a minor with no open case anywhere', async () => {
    const op = so('PR-C3');
    const fiscalCode = nextFiscalCode('2011-01-01', 'M');
    const reg = await hub.gql(op, 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { fiscalCode, firstName: 'Omar', lastName: 'Trovato', birthDate: '2011-01-01', sex: 'M', citizenship: '100' },
    });
    expectNoErrors(reg);
    const ok = await hub.gql(op, ADMIT, { input: { ...admitInput(reg.data!.registerMinor.id, 'PR-C3'), kind: 'EMERGENCY' } });
    expectNoErrors(ok);
  });

  it('two admissions racing on one request: exactly one wins', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-PR-A');
    const requestId = await requestPlacement(hub, 'S-PR-A', minorId, 'PR-C1');
    const results = await Promise.all([so('PR-C1', 'op-a'), so('PR-C1', 'op-b'), so('PR-C1', 'op-c')].map((t) => hub.gql(t, ADMIT, { input: admitInput(minorId, 'PR-C1', requestId) })));
    const won = results.filter((r) => r.data?.admitMinor);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => !r.data?.admitMinor)) expect(code(lost)).toBe('REQUEST_NOT_PENDING');
    const placements = await hub.gql(sw('S-PR-A'), 'query($id: ID!) { minor(id: $id) { placements { id } } }', { id: minorId });
    expect(placements.data!.minor.placements).toHaveLength(1);
  });

  it('two structures racing, each on its own request for the same minor: exactly one placement', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-PR-A');
    const r1 = await requestPlacement(hub, 'S-PR-A', minorId, 'PR-C1');
    const r2 = await requestPlacement(hub, 'S-PR-A', minorId, 'PR-C2');
    const results = await Promise.all([
      hub.gql(so('PR-C1'), ADMIT, { input: admitInput(minorId, 'PR-C1', r1) }),
      hub.gql(so('PR-C2'), ADMIT, { input: admitInput(minorId, 'PR-C2', r2) }),
    ]);
    expect(results.filter((r) => r.data?.admitMinor)).toHaveLength(1);
    expect(['REQUEST_NOT_PENDING', 'PLACEMENT_OVERLAP']).toContain(code(results.find((r) => !r.data?.admitMinor)!));
  });
});

describe('expiry', () => {
  it('a pending request reads EXPIRED 30 days after it was made and can no longer be used', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-PR-EXP', { firstName: 'Tea' });
    today = '2026-03-02';
    const requestId = await requestPlacement(hub, 'S-PR-EXP', minorId, 'PR-C1', { requestedAdmissionDate: '2026-02-27' });
    today = addDays('2026-03-02', 29);
    const still = await hub.gql(sw('S-PR-EXP'), 'query { placementRequests { nodes { id status } } }');
    expect(still.data!.placementRequests.nodes).toContainEqual({ id: requestId, status: 'PENDING' });
    expect((await hub.gql(so('PR-C1'), MINOR, { id: minorId })).data!.minor.firstName).toBe('Tea');

    today = addDays('2026-03-02', 30);
    const expired = await hub.gql(sw('S-PR-EXP'), 'query { placementRequests(status: EXPIRED) { nodes { id status } } }');
    expect(expired.data!.placementRequests.nodes).toContainEqual({ id: requestId, status: 'EXPIRED' });
    expect((await hub.gql(so('PR-C1'), MINOR, { id: minorId })).data!.minor.firstName).toBeNull();
    const admit = await hub.gql(so('PR-C1'), ADMIT, { input: { ...admitInput(minorId, 'PR-C1', requestId), admissionDate: '2026-03-20' } });
    expect(code(admit)).toBe('REQUEST_NOT_PENDING');
    expect(admit.errors![0].extensions!.status).toBe('EXPIRED');
  });
});
