import { startTestHub, type TestHub } from '../support/startHub';
import { covers } from '../support/coverage';
import { expectNoErrors, firstCode, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';

/**
 * ASMI's structure-side writes through the gateway as the operator of the
 * hosting structure (issue 20, item 7: no operation without an end-to-end
 * test asserting on its data): absences, activities, the event feed and the
 * discharge.
 */
const TODAY = '2024-06-15';

const ABSENCE = 'mutation($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id kind startDate endDate notes } }';
const END_ABSENCE = 'mutation($input: EndAbsenceInput!) { endAbsence(input: $input) { id kind startDate endDate } }';
const ACTIVITY = 'mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id type date endDate notes } }';
const EVENTS = 'mutation($e: [StructureEventInput!]!) { submitEvents(events: $e) { clientEventId status replayed code field message placementId recordId } }';
const PLACEMENT = 'query($id: ID!) { placement(id: $id) { id admissionDate absences { id kind startDate endDate } activities { id type date endDate } } }';

describe('ASMI structure writes through the gateway (absences, activities, events)', () => {
  let hub: TestHub;
  let op: string;
  let placementId: string;
  let absenceKind: string;
  let activityType: string;

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => TODAY });
    await registerActiveStructure(hub, 'ASMI-OPS');
    op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-asmi', structure: 'ASMI-OPS' });
    const { minorId } = await registerMinorWithCase(hub, 'S-ASMI-OPS');
    // The minor is in the service's care: the admission fulfils its placement request (docs/privacy.md §3a).
    const requestId = await requestPlacement(hub, 'S-ASMI-OPS', minorId, 'ASMI-OPS', { requestedAdmissionDate: '2024-03-01' });
    const admit = await hub.gql<{ admitMinor: { id: string } }>(op, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
      input: { minorId, structureCode: 'ASMI-OPS', admissionDate: '2024-03-01', kind: 'ORDINARY', requestId },
    });
    expectNoErrors(admit);
    placementId = admit.data!.admitMinor.id;
    absenceKind = await firstCode(hub, 'ABSENCE_KIND');
    activityType = await firstCode(hub, 'ACTIVITY_TYPE');
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('records an absence, ends it, records an activity, and the placement shows both', async () => {
    const absenceId = (await hub.gql<{ recordAbsence: { id: string } }>(op, ABSENCE, { input: { placementId, kind: absenceKind, startDate: '2024-04-02', notes: 'rientro previsto' } })).data!.recordAbsence.id;
    expect((await hub.gql(op, END_ABSENCE, { input: { absenceId, endDate: '2024-04-04' } })).data!.endAbsence.id).toBe(absenceId);
    const activityId = (await hub.gql<{ recordActivity: { id: string } }>(op, ACTIVITY, { input: { placementId, type: activityType, date: '2024-05-10', endDate: '2024-05-12' } })).data!.recordActivity.id;

    const placement = covers('Query.placement', 'STRUCTURE_OPERATOR', await hub.gql(op, PLACEMENT, { id: placementId }));
    expect(placement).toEqual({
      id: placementId,
      admissionDate: '2024-03-01',
      absences: [{ id: absenceId, kind: absenceKind, startDate: '2024-04-02', endDate: '2024-04-04' }],
      activities: [{ id: activityId, type: activityType, date: '2024-05-10', endDate: '2024-05-12' }],
    });
  });

  // Absence and Activity carry no minor or structure anchor: in a mutation's answer they are the operator's
  // receipt of the write its module accepted (docs/privacy.md §6), so it reads them back.
  it('returns the absence and the activity it recorded to the operator', async () => {
    // The writes first, the assertions after: the absence is closed whatever they find.
    const recorded = await hub.gql<{ recordAbsence: { id: string } }>(op, ABSENCE, { input: { placementId, kind: absenceKind, startDate: '2024-04-20', notes: 'rientro previsto' } });
    const closed = await hub.gql(op, END_ABSENCE, { input: { absenceId: recorded.data!.recordAbsence.id, endDate: '2024-04-21' } });
    const recordedActivity = await hub.gql(op, ACTIVITY, { input: { placementId, type: activityType, date: '2024-05-20' } });
    const absence = covers<{ id: string }>('Mutation.recordAbsence', 'STRUCTURE_OPERATOR', recorded);
    expect(absence).toEqual({ id: expect.any(String), kind: absenceKind, startDate: '2024-04-20', endDate: null, notes: 'rientro previsto' });
    expect(covers('Mutation.endAbsence', 'STRUCTURE_OPERATOR', closed)).toEqual({ id: absence.id, kind: absenceKind, startDate: '2024-04-20', endDate: '2024-04-21' });
    const activity = covers('Mutation.recordActivity', 'STRUCTURE_OPERATOR', recordedActivity);
    expect(activity).toEqual({ id: expect.any(String), type: activityType, date: '2024-05-20', endDate: null, notes: null });
  });

  const events = () => [
    { clientEventId: 'ev-1', type: 'ABSENCE', absence: { placementId, kind: absenceKind, startDate: '2024-06-01', endDate: '2024-06-02' } },
    { clientEventId: 'ev-2', type: 'ACTIVITY', activity: { placementId, type: activityType, date: '2024-06-03' } },
    { clientEventId: 'ev-3', type: 'ACTIVITY', activity: { placementId, type: 'NOT_A_TYPE', date: '2024-06-03' } },
  ];

  it('applies a batch of events in order and only the valid ones', async () => {
    const res = await hub.gql<{ submitEvents: unknown[] }>(op, EVENTS, { e: events() });
    expect(res.data!.submitEvents).toHaveLength(3);
    const placement = await hub.gql<{ placement: { absences: { startDate: string }[]; activities: { date: string }[] } }>(op, PLACEMENT, { id: placementId });
    expectNoErrors(placement);
    expect(placement.data!.placement.absences.map((a) => a.startDate)).toEqual(['2024-04-02', '2024-04-20', '2024-06-01']);
    expect(placement.data!.placement.activities.map((a) => a.date)).toEqual(['2024-05-10', '2024-05-20', '2024-06-03']);
  });

  // The per-event results of a batch are the sender's receipts (docs/privacy.md §6).
  it('returns each event\'s result to the operator, and the earlier result for a resent event', async () => {
    const again = covers<Record<string, unknown>[]>('Mutation.submitEvents', 'STRUCTURE_OPERATOR', await hub.gql(op, EVENTS, { e: events() }));
    expect(again).toEqual([
      { clientEventId: 'ev-1', status: 'REPLAYED', replayed: true, code: null, field: null, message: null, placementId, recordId: expect.any(String) },
      { clientEventId: 'ev-2', status: 'REPLAYED', replayed: true, code: null, field: null, message: null, placementId, recordId: expect.any(String) },
      { clientEventId: 'ev-3', status: 'REJECTED', replayed: false, code: expect.any(String), field: expect.stringMatching(/type$/), message: expect.any(String), placementId: expect.anything(), recordId: null },
    ]);
  });

  // Last: it ends the placement. Discharged today, the structure still hosts the minor (privacy rules §3: HOSTING lasts 30 days after the discharge).
  it('discharges the minor and returns the ended placement', async () => {
    const discharged = covers('Mutation.dischargeMinor', 'STRUCTURE_OPERATOR', await hub.gql(op, 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id admissionDate dischargeDate dischargeOutcome } }', {
      input: { placementId, dischargeDate: TODAY, dischargeOutcome: 'RETURN_TO_FAMILY' },
    }));
    expect(discharged).toEqual({ id: placementId, admissionDate: '2024-03-01', dischargeDate: TODAY, dischargeOutcome: 'RETURN_TO_FAMILY' });
  });
});
