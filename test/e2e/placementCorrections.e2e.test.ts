import { covers } from '../support/coverage';
import { startTestHub, type TestHub } from '../support/startHub';
import { eventually, expectNoErrors, nextFiscalCode, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';

/**
 * Issue 18 item 5 through the gateway (docs/domain.md "Correcting a
 * placement"): within 30 days of the admission the structure corrects the
 * admission facts itself (every admission rule still holds, the old and new
 * values kept in Placement.corrections, the write audited); later it asks a
 * supervisor of the territory, who applies or rejects the request, and the
 * structure is notified. Bad input and other parties change nothing. Today is
 * 2024-06-15; the structures are in province 058 (fixtures).
 */
const TODAY = '2024-06-15';
const ADMIT = 'mutation A($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }';
const CORRECT =
  'mutation Correct($input: CorrectPlacementInput!) { correctPlacement(input: $input) { id admissionDate kind legalBasis courtOrderReference corrections { path status reason before { admissionDate kind legalBasis } after { admissionDate kind legalBasis } } } }';
const REQUEST =
  'mutation Ask($input: CorrectPlacementInput!) { requestPlacementCorrection(input: $input) { id path status reason before { admissionDate kind } after { admissionDate kind } placement { id } } }';
const DECIDE = 'mutation Decide($input: DecidePlacementCorrectionInput!) { decidePlacementCorrection(input: $input) { id status decisionReason decidedAt after { admissionDate } } }';
const LIST = 'query L($status: PlacementCorrectionStatus) { placementCorrections(status: $status, first: 50) { nodes { id status path reason before { admissionDate } after { admissionDate } placement { id minorPseudonym } } pageInfo { hasNextPage } } }';
const READ = 'query P($id: ID!) { placement(id: $id) { id admissionDate kind legalBasis courtOrderReference } }';
const NOTES = 'query { notifications(first: 100) { nodes { kind placement { id } } } }';

describe('placement corrections (issue 18)', () => {
  let hub: TestHub;
  const op = (structure: string) => hub.token({ role: 'STRUCTURE_OPERATOR', sub: `op-${structure}`, structure });
  const sup = (territory = '058') => hub.token({ role: 'SUPERVISOR', sub: `sup-${territory}`, territory });
  const po = () => hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo-pc' });

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => TODAY });
    await registerActiveStructure(hub, 'PC-1');
    await registerActiveStructure(hub, 'PC-2');
    await registerActiveStructure(hub, 'PC-SMALL', { capacity: 1, emergencyCapacity: 0 });
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  /** A minor registered by the structure itself (no social service's case, so no placement request is needed). */
  async function minor(structure = 'PC-1'): Promise<string> {
    const r = await hub.gql<{ registerMinor: { id: string } }>(op(structure), 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { fiscalCode: nextFiscalCode('2012-05-10', 'F'), firstName: 'Anna', lastName: 'Esempio', birthDate: '2012-05-10', sex: 'F', citizenship: '100' },
    });
    expectNoErrors(r);
    return r.data!.registerMinor.id;
  }

  async function admitted(structure: string, admissionDate: string, extra: Record<string, unknown> = {}): Promise<{ minorId: string; placementId: string }> {
    const minorId = await minor(structure);
    const a = await hub.gql<{ admitMinor: { id: string } }>(op(structure), ADMIT, { input: { minorId, structureCode: structure, admissionDate, kind: 'ORDINARY', ...extra } });
    expectNoErrors(a);
    return { minorId, placementId: a.data!.admitMinor.id };
  }

  async function read(structure: string, id: string) {
    const r = await hub.gql<{ placement: Record<string, unknown> }>(op(structure), READ, { id });
    expectNoErrors(r);
    return r.data!.placement;
  }

  it('the structure corrects the admission date and kind within 30 days; the history keeps old and new values; the write is audited', async () => {
    const { minorId, placementId } = await admitted('PC-1', '2024-06-01');
    const r = await hub.gql(op('PC-1'), CORRECT, { input: { placementId, admissionDate: '2024-05-30', kind: 'EMERGENCY', reason: 'Data di ingresso digitata male' } });
    expect(covers('Mutation.correctPlacement', 'STRUCTURE_OPERATOR', r)).toEqual({
      id: placementId,
      admissionDate: '2024-05-30',
      kind: 'EMERGENCY',
      legalBasis: null,
      courtOrderReference: null,
      corrections: [
        {
          path: 'STRUCTURE',
          status: 'APPLIED',
          reason: 'Data di ingresso digitata male',
          before: { admissionDate: '2024-06-01', kind: 'ORDINARY', legalBasis: null },
          after: { admissionDate: '2024-05-30', kind: 'EMERGENCY', legalBasis: null },
        },
      ],
    });
    const log = await hub.gql<{ accessLog: { action: string; outcome: string; operationName: string }[] }>(po(), 'query($id: ID!) { accessLog(minorId: $id) { action outcome operationName } }', { id: minorId });
    expectNoErrors(log);
    expect(log.data!.accessLog.filter((e) => e.action === 'WRITE')).toEqual(expect.arrayContaining([expect.objectContaining({ outcome: 'ACCEPTED', operationName: 'Correct' })]));
  });

  it('refuses bad input with the rule\'s code and changes nothing: codes, dates, court order, overlap, capacity, nothing to change', async () => {
    const { placementId } = await admitted('PC-1', '2024-06-05');
    const before = await read('PC-1', placementId);
    const attempt = async (input: Record<string, unknown>) => (await hub.gql(op('PC-1'), CORRECT, { input: { placementId, reason: 'Correzione', ...input } })).errors?.[0]?.extensions;
    expect(await attempt({ legalBasis: 'NOT_A_BASIS' })).toMatchObject({ code: 'INVALID_CODE', field: 'legalBasis', list: 'LEGAL_BASIS' });
    expect(await attempt({ admissionDate: '2024-06-20' })).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'admissionDate' });
    expect(await attempt({ legalBasis: 'COURT_ORDER' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'courtOrderReference' });
    expect(await attempt({ kind: 'ORDINARY' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'placementId' });
    expect(await attempt({ kind: 'EMERGENCY', reason: '  ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await read('PC-1', placementId)).toEqual(before);

    // Overlap: the minor's earlier placement elsewhere ended on 2024-06-03; the admission cannot move before it.
    const minorId = await minor('PC-2');
    const first = await hub.gql<{ admitMinor: { id: string } }>(op('PC-2'), ADMIT, { input: { minorId, structureCode: 'PC-2', admissionDate: '2024-05-20', kind: 'ORDINARY' } });
    expectNoErrors(first);
    expectNoErrors(await hub.gql(op('PC-2'), 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', { input: { placementId: first.data!.admitMinor.id, dischargeDate: '2024-06-03', dischargeOutcome: 'OTHER_STRUCTURE' } }));
    const second = await hub.gql<{ admitMinor: { id: string } }>(op('PC-1'), ADMIT, { input: { minorId, structureCode: 'PC-1', admissionDate: '2024-06-03', kind: 'ORDINARY' } });
    expectNoErrors(second);
    const overlap = await hub.gql(op('PC-1'), CORRECT, { input: { placementId: second.data!.admitMinor.id, admissionDate: '2024-06-01', reason: 'Correzione' } });
    expect(overlap.errors?.[0]?.extensions?.code).toBe('PLACEMENT_OVERLAP');
    expect((await read('PC-1', second.data!.admitMinor.id)).admissionDate).toBe('2024-06-03');

    // Capacity: one place; the guest admitted on 06-10 was discharged on 06-12, so a guest admitted on 06-12 cannot be moved to 06-11.
    const a = await admitted('PC-SMALL', '2024-06-10');
    expectNoErrors(await hub.gql(op('PC-SMALL'), 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', { input: { placementId: a.placementId, dischargeDate: '2024-06-12', dischargeOutcome: 'RETURN_TO_FAMILY' } }));
    const b = await admitted('PC-SMALL', '2024-06-12');
    const full = await hub.gql(op('PC-SMALL'), CORRECT, { input: { placementId: b.placementId, admissionDate: '2024-06-11', reason: 'Correzione' } });
    expect(full.errors?.[0]?.extensions?.code).toBe('STRUCTURE_FULL');
    expect((await read('PC-SMALL', b.placementId)).admissionDate).toBe('2024-06-12');
  });

  it('after 30 days: CORRECTION_WINDOW_CLOSED; the structure asks the supervisor, who applies it; the structure is notified', async () => {
    const { placementId } = await admitted('PC-1', '2024-03-01');
    const late = await hub.gql(op('PC-1'), CORRECT, { input: { placementId, admissionDate: '2024-02-28', reason: 'Correzione' } });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CORRECTION_WINDOW_CLOSED', field: 'placementId', correction: 'ASK_SUPERVISOR', windowDays: 30 });
    // Another structure cannot ask for it.
    const other = await hub.gql(op('PC-2'), REQUEST, { input: { placementId, admissionDate: '2024-02-28', reason: 'Correzione' } });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const asked = await hub.gql(op('PC-1'), REQUEST, { input: { placementId, admissionDate: '2024-02-28', reason: 'Ingresso il giorno prima' } });
    const request = covers('Mutation.requestPlacementCorrection', 'STRUCTURE_OPERATOR', asked);
    expect(request).toMatchObject({ path: 'SUPERVISOR', status: 'PENDING', reason: 'Ingresso il giorno prima', before: { admissionDate: '2024-03-01', kind: null }, after: { admissionDate: '2024-02-28', kind: null }, placement: { id: placementId } });
    const again = await hub.gql(op('PC-1'), REQUEST, { input: { placementId, kind: 'EMERGENCY', reason: 'Altro' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CORRECTION_ALREADY_REQUESTED', correctionId: request.id });
    expect((await read('PC-1', placementId)).admissionDate).toBe('2024-03-01');

    // The structure's list, and the supervisor's inbox of pending requests (pseudonymous: no minor).
    const mine = covers('Query.placementCorrections', 'STRUCTURE_OPERATOR', await hub.gql(op('PC-1'), LIST, { status: 'PENDING' }));
    expect(mine.nodes.map((n: { id: string }) => n.id)).toContain(request.id);
    const inbox = covers('Query.placementCorrections', 'SUPERVISOR', await hub.gql(sup(), LIST, { status: 'PENDING' }));
    expect(inbox.nodes.find((n: { id: string }) => n.id === request.id)).toMatchObject({ status: 'PENDING', reason: 'Ingresso il giorno prima', after: { admissionDate: '2024-02-28' }, placement: { id: placementId, minorPseudonym: expect.any(String) } });

    // A supervisor of another territory neither sees nor decides it; rejecting needs a reason; nothing changes.
    const outside = await hub.gql(sup('082'), LIST, { status: 'PENDING' });
    expectNoErrors(outside);
    expect(outside.data!.placementCorrections.nodes).toEqual([]);
    const refused = await hub.gql(sup('082'), DECIDE, { input: { correctionId: request.id, approve: true } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await hub.gql(sup(), DECIDE, { input: { correctionId: request.id, approve: false } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await read('PC-1', placementId)).admissionDate).toBe('2024-03-01');

    const applied = await hub.gql(sup(), DECIDE, { input: { correctionId: request.id, approve: true, reason: 'Verificato sul verbale' } });
    expect(covers('Mutation.decidePlacementCorrection', 'SUPERVISOR', applied)).toMatchObject({ id: request.id, status: 'APPLIED', decisionReason: 'Verificato sul verbale', after: { admissionDate: '2024-02-28' } });
    expect((await read('PC-1', placementId)).admissionDate).toBe('2024-02-28');
    const twice = await hub.gql(sup(), DECIDE, { input: { correctionId: request.id, approve: false, reason: 'No' } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CORRECTION_NOT_PENDING', status: 'APPLIED' });
    await eventually(async () => (await hub.gql<{ notifications: { nodes: { kind: string; placement: { id: string } | null }[] } }>(op('PC-1'), NOTES)).data?.notifications.nodes.find((n) => n.kind === 'CORRECTION_APPLIED' && n.placement?.id === placementId));
  });

  it('the supervisor rejects a request with a reason: the placement stays as it was, the structure is notified', async () => {
    const { placementId } = await admitted('PC-2', '2024-04-01', { legalBasis: 'COURT_ORDER', courtOrderReference: 'TM 1/2024' });
    const asked = await hub.gql<{ requestPlacementCorrection: { id: string } }>(op('PC-2'), REQUEST, { input: { placementId, courtOrderReference: 'TM 2/2024', reason: 'Numero del decreto' } });
    expectNoErrors(asked);
    const rejected = await hub.gql(sup(), DECIDE, { input: { correctionId: asked.data!.requestPlacementCorrection.id, approve: false, reason: 'Il decreto è il n. 1' } });
    expect(covers('Mutation.decidePlacementCorrection', 'SUPERVISOR', rejected)).toMatchObject({ status: 'REJECTED', decisionReason: 'Il decreto è il n. 1' });
    expect((await read('PC-2', placementId)).courtOrderReference).toBe('TM 1/2024');
    await eventually(async () => (await hub.gql<{ notifications: { nodes: { kind: string; placement: { id: string } | null }[] } }>(op('PC-2'), NOTES)).data?.notifications.nodes.find((n) => n.kind === 'CORRECTION_REJECTED' && n.placement?.id === placementId));
  });

  it('notifies the social service holding the case of a correction, and a social worker reads no correction history', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-PC');
    const requestId = await requestPlacement(hub, 'S-PC', minorId, 'PC-1');
    const a = await hub.gql<{ admitMinor: { id: string } }>(op('PC-1'), ADMIT, { input: { minorId, structureCode: 'PC-1', admissionDate: '2024-06-10', kind: 'ORDINARY', requestId } });
    expectNoErrors(a);
    const placementId = a.data!.admitMinor.id;
    expectNoErrors(await hub.gql(op('PC-1'), CORRECT, { input: { placementId, referringService: 'S-PC', reason: 'Servizio inviante mancante' } }));
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-S-PC', service: 'S-PC' });
    await eventually(async () => (await hub.gql<{ notifications: { nodes: { kind: string; placement: { id: string } | null }[] } }>(sw, NOTES)).data?.notifications.nodes.find((n) => n.kind === 'PLACEMENT_CORRECTED' && n.placement?.id === placementId));
    const read = await hub.gql<{ placement: { referringService: string; corrections: unknown[] } }>(sw, 'query($id: ID!) { placement(id: $id) { referringService corrections { id } } }', { id: placementId });
    expectNoErrors(read);
    expect(read.data!.placement).toEqual({ referringService: 'S-PC', corrections: [] });
  });

  it('refuses a citizenship that is not an ISTAT country (INVALID_CODE naming the list COUNTRY); nothing is registered', async () => {
    const fiscalCode = nextFiscalCode('2012-05-10', 'F');
    const input = { fiscalCode, firstName: 'Anna', lastName: 'Esempio', birthDate: '2012-05-10', sex: 'F', citizenship: '998' };
    const r = await hub.gql(op('PC-1'), 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', { input });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_CODE', field: 'citizenship', list: 'COUNTRY' });
    const again = await hub.gql<{ registerMinor: { id: string } }>(op('PC-1'), 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', { input: { ...input, citizenship: '419' } });
    expectNoErrors(again);
  });
});
