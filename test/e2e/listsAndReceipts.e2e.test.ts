/**
 * docs/privacy.md §4 and §6 through the gateway: nested lists leave out the
 * elements the principal may not read; supervisors and analysts never
 * receive a minor (Placement.minor is null, rows carry minorPseudonym); what
 * a principal gets back about its own operation, and rows meant for its role,
 * are readable.
 */
import { pseudonymOf } from '@shared/privacy';
import { addDays, todayInRome } from '@shared/time';
import { startTestHub, type GatewayResponse, type TestHub } from '../support/startHub';
import { expectNoErrors, firstCode, nextFiscalCode, registerActiveStructure, registerMinorWithCase } from '../support/fixtures';

const codesOf = (res: GatewayResponse) => (res.errors ?? []).map((e) => `${(e.path ?? []).join('.')}:${e.extensions?.code}:${e.extensions?.dataClass ?? ''}`);

describe('nested lists, pseudonymous rows and receipts (docs/privacy.md §4, §6)', () => {
  let hub: TestHub;
  const today = todayInRome();
  const so = (code: string) => hub.token({ role: 'STRUCTURE_OPERATOR', sub: `op-${code}`, structure: code });
  const sup = (territory = '058') => hub.token({ role: 'SUPERVISOR', sub: 'sup-lr', territory });
  let held: { minorId: string; placementA: string; placementB: string };

  /** A minor with no open case, admitted by a structure as an emergency (no placement request needed). */
  const admitNew = async (structure: string, admissionDate: string) => {
    const reg = await hub.gql<{ registerMinor: { id: string } }>(so(structure), 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { fiscalCode: nextFiscalCode('2012-02-02', 'F'), firstName: 'Lia', lastName: 'Lista', birthDate: '2012-02-02', sex: 'F', citizenship: '100' },
    });
    expectNoErrors(reg);
    const minorId = reg.data!.registerMinor.id;
    return { minorId, placementId: await admit(structure, minorId, admissionDate) };
  };
  const admit = async (structure: string, minorId: string, admissionDate: string) => {
    const adm = await hub.gql<{ admitMinor: { id: string } }>(so(structure), 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
      input: { minorId, structureCode: structure, admissionDate, kind: 'EMERGENCY' },
    });
    expectNoErrors(adm);
    return adm.data!.admitMinor.id;
  };

  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'LR-A');
    await registerActiveStructure(hub, 'LR-B');
    // One minor: first in LR-B (discharged), then in LR-A (active today).
    const first = await admitNew('LR-B', addDays(today, -100));
    const dis = await hub.gql(so('LR-B'), 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', {
      input: { placementId: first.placementId, dischargeDate: addDays(today, -90), dischargeOutcome: 'RETURN_TO_FAMILY' },
    });
    expectNoErrors(dis);
    const placementA = await admit('LR-A', first.minorId, addDays(today, -10));
    held = { minorId: first.minorId, placementA, placementB: first.placementId };
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('a social worker with no relationship gets no element of a structure\'s placements (with or without activeOn)', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-LR');
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-lr', service: 'S-LR' });
    for (const q of ['{ structure(code: "LR-A") { placements { id } } }', `{ structure(code: "LR-A") { placements(activeOn: "${today}") { id admissionDate } } }`]) {
      const res = await hub.gql(sw, q);
      expect(codesOf(res)).toEqual([]);
      expect((res.data as any).structure.placements).toEqual([]);
    }
    expect(minorId).toBeDefined();
  });

  it('a structure operator reads only its own structure\'s placements of a minor it hosts (Minor.placements filtered)', async () => {
    const res = await hub.gql(so('LR-A'), 'query($id: ID!) { minor(id: $id) { firstName placements { id structure { code } admissionDate } } }', { id: held.minorId });
    expect(codesOf(res)).toEqual([]);
    expect((res.data as any).minor.placements).toEqual([{ id: held.placementA, structure: { code: 'LR-A' }, admissionDate: addDays(today, -10) }]);
    // The structure it discharged the minor from 90 days ago sees none of them through its own list either.
    const other = await hub.gql(so('LR-B'), '{ structure(code: "LR-B") { placements { id } } }');
    expect(codesOf(other)).toEqual([]);
    expect((other.data as any).structure.placements).toEqual([]);
  });

  it('a supervisor never receives a minor: Placement.minor is null, rows carry minorPseudonym', async () => {
    const res = await hub.gql(sup(), '{ structure(code: "LR-A") { placements { id admissionDate minorPseudonym minor { id } } } }');
    const placements = (res.data as any).structure.placements;
    expect(placements).toEqual([{ id: held.placementA, admissionDate: addDays(today, -10), minorPseudonym: pseudonymOf(held.minorId, hub.config.pseudonymKey), minor: null }]);
    expect(codesOf(res)).toEqual(['structure.placements.0.minor:UNAUTHORIZED_FIELD_OR_TYPE:PLACEMENT']);
    expect(res.text).not.toContain(held.minorId);
    const direct = await hub.gql(sup(), 'query($id: ID!) { minor(id: $id) { id pseudonym } }', { id: held.minorId });
    expect(direct.data?.minor ?? null).toBeNull();
    expect(codesOf(direct)).toEqual(['minor:UNAUTHORIZED_FIELD_OR_TYPE:IDENTITY']);
    expect(direct.text).not.toContain(held.minorId);
    const analyst = await hub.gql(hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-lr' }), '{ structure(code: "LR-A") { placements { minor { id } } } }');
    expect(analyst.text).not.toContain(held.minorId);
  });

  it('an event batch\'s results are readable by the structure that sent it (APPLIED, REPLAYED, REJECTED)', async () => {
    const reg = await hub.gql<{ registerMinor: { id: string } }>(so('LR-A'), 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { fiscalCode: nextFiscalCode('2013-03-03', 'M'), firstName: 'Evento', lastName: 'Prova', birthDate: '2013-03-03', sex: 'M', citizenship: '100' },
    });
    expectNoErrors(reg);
    const SUBMIT = 'mutation($events: [StructureEventInput!]!) { submitEvents(events: $events) { clientEventId status replayed code placementId } }';
    const events = [
      { clientEventId: 'ev-1', type: 'ADMISSION', admission: { minorId: reg.data!.registerMinor.id, structureCode: 'LR-A', admissionDate: today, kind: 'EMERGENCY' } },
      { clientEventId: 'ev-2', type: 'DISCHARGE', discharge: { placementId: held.placementB, dischargeDate: today, dischargeOutcome: 'RETURN_TO_FAMILY' } },
    ];
    const res = await hub.gql(so('LR-A'), SUBMIT, { events });
    expect(codesOf(res)).toEqual([]);
    const out = (res.data as any).submitEvents;
    expect(out[0]).toMatchObject({ clientEventId: 'ev-1', status: 'APPLIED', replayed: false, placementId: expect.any(String) });
    expect(out[1]).toMatchObject({ clientEventId: 'ev-2', status: 'REJECTED', code: 'FORBIDDEN' });
    const again = await hub.gql(so('LR-A'), SUBMIT, { events: [events[0]] });
    expect((again.data as any).submitEvents[0]).toMatchObject({ status: 'REPLAYED', replayed: true, placementId: out[0].placementId });
  });

  it('a supervisor reads the inspection it recorded, and its overdue follow-ups, not rows of nulls', async () => {
    const authority = await firstCode(hub, 'INSPECTION_AUTHORITY');
    const outcome = await firstCode(hub, 'INSPECTION_OUTCOME');
    const rec = await hub.gql(sup(), 'mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id date outcome followUpDueDate } }', {
      input: { structureCode: 'LR-A', date: addDays(today, -20), authority, outcome, prescriptions: 'adeguare le uscite', followUpDueDate: addDays(today, -5) },
    });
    expect(codesOf(rec)).toEqual([]);
    expect((rec.data as any).recordInspection).toMatchObject({ date: addDays(today, -20), outcome, followUpDueDate: addDays(today, -5) });
    const overdue = await hub.gql(sup(), '{ overdueFollowUps { nodes { id date followUpDueDate } } }');
    expect(codesOf(overdue)).toEqual([]);
    expect((overdue.data as any).overdueFollowUps.nodes).toEqual([{ id: (rec.data as any).recordInspection.id, date: addDays(today, -20), followUpDueDate: addDays(today, -5) }]);
  });
});
