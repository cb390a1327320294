import { covers } from '../support/coverage';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, nextFiscalCode, registerActiveStructure } from '../support/fixtures';

/**
 * Issue 18 item 5 through the gateway: a structure cancels its own discharge
 * within 30 days (the placement is open again, the minor traced for the
 * audit trail); after that, or for another structure, FORBIDDEN; a minor
 * placed again since cannot be reopened. Today is 2024-06-15.
 */
const TODAY = '2024-06-15';
const ADMIT = 'mutation A($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }';
const DISCHARGE = 'mutation D($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }';
const DISCHARGE_READ = 'mutation D($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id dischargeDate } }';
const CANCEL = 'mutation CancelDischarge($input: CancelDischargeInput!) { cancelDischarge(input: $input) { id admissionDate kind dischargeDate dischargeOutcome } }';
const READ = 'query P($id: ID!) { placement(id: $id) { id dischargeDate dischargeOutcome } }';

describe('cancelDischarge (issue 18)', () => {
  let hub: TestHub;
  const op = (structure: string) => hub.token({ role: 'STRUCTURE_OPERATOR', sub: `op-${structure}`, structure });

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => TODAY });
    await registerActiveStructure(hub, 'CD-1');
    await registerActiveStructure(hub, 'CD-2');
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  /** A minor registered by the structure itself (no social service's case, so no placement request is needed). */
  async function minor(): Promise<string> {
    const r = await hub.gql<{ registerMinor: { id: string } }>(op('CD-1'), 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { fiscalCode: nextFiscalCode('2012-05-10', 'F'), firstName: 'Anna', lastName: 'Esempio', birthDate: '2012-05-10', sex: 'F', citizenship: '100' },
    });
    expectNoErrors(r);
    return r.data!.registerMinor.id;
  }

  async function placed(structure: string, admissionDate: string, dischargeDate: string, outcome = 'RETURN_TO_FAMILY'): Promise<{ minorId: string; placementId: string }> {
    const minorId = await minor();
    const a = await hub.gql<{ admitMinor: { id: string } }>(op(structure), ADMIT, { input: { minorId, structureCode: structure, admissionDate, kind: 'ORDINARY' } });
    expectNoErrors(a);
    const placementId = a.data!.admitMinor.id;
    expectNoErrors(await hub.gql(op(structure), DISCHARGE, { input: { placementId, dischargeDate, dischargeOutcome: outcome } }));
    return { minorId, placementId };
  }

  it('reopens a placement discharged 10 days ago; the discharge can then be recorded again', async () => {
    const { minorId, placementId } = await placed('CD-1', '2024-03-01', '2024-06-05');
    const r = await hub.gql(op('CD-1'), CANCEL, { input: { placementId } });
    expect(covers('Mutation.cancelDischarge', 'STRUCTURE_OPERATOR', r)).toEqual({ id: placementId, admissionDate: '2024-03-01', kind: 'ORDINARY', dischargeDate: null, dischargeOutcome: null });
    const again = await hub.gql<{ dischargeMinor: { dischargeDate: string } }>(op('CD-1'), DISCHARGE_READ, { input: { placementId, dischargeDate: '2024-06-07', dischargeOutcome: 'RETURN_TO_FAMILY' } });
    expectNoErrors(again);
    expect(again.data!.dischargeMinor.dischargeDate).toBe('2024-06-07');
    // The write is traced for the audit trail (touchMinor in the service; the gateway turns sirmiWrites into WRITE entries, issue 13).
    expect(minorId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses after 30 days (FORBIDDEN, ask the supervisor), to another structure, and on an open placement; nothing changes', async () => {
    const old = await placed('CD-1', '2024-01-10', '2024-05-01');
    const late = await hub.gql(op('CD-1'), CANCEL, { input: { placementId: old.placementId } });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'placementId', correction: 'ASK_SUPERVISOR' });

    const recent = await placed('CD-1', '2024-02-01', '2024-06-10');
    const other = await hub.gql(op('CD-2'), CANCEL, { input: { placementId: recent.placementId } });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const still = await hub.gql<{ placement: { dischargeDate: string } }>(op('CD-1'), READ, { id: recent.placementId });
    expect(still.data!.placement.dischargeDate).toBe('2024-06-10');

    const minorId = await minor();
    const open = await hub.gql<{ admitMinor: { id: string } }>(op('CD-1'), ADMIT, { input: { minorId, structureCode: 'CD-1', admissionDate: '2024-06-01', kind: 'ORDINARY' } });
    const notDischarged = await hub.gql(op('CD-1'), CANCEL, { input: { placementId: open.data!.admitMinor.id } });
    expect(notDischarged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'placementId' });
  });

  it('cannot reopen a transfer once the other structure has admitted the minor (PLACEMENT_OVERLAP)', async () => {
    const t = await placed('CD-1', '2024-03-01', '2024-06-12', 'OTHER_STRUCTURE');
    expectNoErrors(await hub.gql(op('CD-2'), ADMIT, { input: { minorId: t.minorId, structureCode: 'CD-2', admissionDate: '2024-06-12', kind: 'ORDINARY' } }));
    const r = await hub.gql(op('CD-1'), CANCEL, { input: { placementId: t.placementId } });
    expect(r.errors?.[0]?.extensions?.code).toBe('PLACEMENT_OVERLAP');
    const still = await hub.gql<{ placement: { dischargeDate: string } }>(op('CD-1'), READ, { id: t.placementId });
    expect(still.data!.placement.dischargeDate).toBe('2024-06-12');
  });
});
