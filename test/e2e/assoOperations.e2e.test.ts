import { startTestHub, type TestHub } from '../support/startHub';
import { covers } from '../support/coverage';
import { firstCode } from '../support/fixtures';

/**
 * ASSO's registry operations through the gateway as the supervisor of the
 * structure's territory, and the public reads (issue 20, item 7: no
 * operation without an end-to-end test asserting on its data).
 */
const TODAY = '2024-06-15';

describe('ASSO registry operations through the gateway', () => {
  let hub: TestHub;
  let sup: string;
  let type: string;

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => TODAY });
    sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-asso', territory: '058' });
    type = await firstCode(hub, 'STRUCTURE_TYPE');
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('registers a structure, authorises it, changes it, and shows it as it was on a past day', async () => {
    const registered = covers('Mutation.registerStructure', 'SUPERVISOR', await hub.gql(sup, 'mutation($input: RegisterStructureInput!) { registerStructure(input: $input) { code name type province capacity status } }', {
      input: { code: 'ASSO-1', name: 'Casa Uno', type, municipality: '058091', capacity: 6, emergencyCapacity: 1, minAge: 0, maxAge: 17 },
    }));
    expect(registered).toEqual({ code: 'ASSO-1', name: 'Casa Uno', type, province: '058', capacity: 6, status: expect.any(String) });

    const act = covers('Mutation.recordAct', 'SUPERVISOR', await hub.gql(sup, 'mutation($input: RecordActInput!) { recordAct(input: $input) { id kind number validFrom validTo } }', {
      input: { structureCode: 'ASSO-1', kind: 'AUTHORISATION', number: 'AUT-ASSO-1', date: '2020-01-01', validFrom: '2020-01-01' },
    }));
    expect(act).toEqual({ id: expect.any(String), kind: 'AUTHORISATION', number: 'AUT-ASSO-1', validFrom: '2020-01-01', validTo: null });

    const updated = covers('Mutation.updateStructure', 'SUPERVISOR', await hub.gql(sup, 'mutation($input: UpdateStructureInput!) { updateStructure(input: $input) { code name capacity status } }', {
      input: { code: 'ASSO-1', name: 'Casa Uno Nuova', capacity: 9 },
    }));
    expect(updated).toEqual({ code: 'ASSO-1', name: 'Casa Uno Nuova', capacity: 9, status: 'ACTIVE' });

    const SNAPSHOT = 'query($code: ID!, $date: Date!) { structureAsOf(code: $code, date: $date) { code asOf name capacity status } }';
    // Registered and changed today (the module's today), authorised since 2020: in valid time (seed 002
    // interrogazioni storiche, issue 15) the day before it was in force with its registered values, as statusOn says;
    // the registry as recorded on that day did not hold it yet (recordedOn, the recording axis).
    const now = covers('Query.structureAsOf', 'ANONYMOUS', await hub.gql(undefined, SNAPSHOT, { code: 'ASSO-1', date: TODAY }));
    expect(now).toEqual({ code: 'ASSO-1', asOf: TODAY, name: 'Casa Uno Nuova', capacity: 9, status: 'ACTIVE' });
    const before = await hub.gql(sup, SNAPSHOT, { code: 'ASSO-1', date: '2024-06-14' });
    expect(before.errors).toBeUndefined();
    expect(before.data!.structureAsOf).toEqual({ code: 'ASSO-1', asOf: '2024-06-14', name: 'Casa Uno', capacity: 6, status: 'ACTIVE' });
    const recorded = await hub.gql(sup, 'query($code: ID!, $date: Date!) { structureAsOf(code: $code, date: $date, recordedOn: $date) { code } }', { code: 'ASSO-1', date: '2024-06-14' });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.structureAsOf).toBeNull();
  });

  it('records inspections, lists those whose follow-up is overdue, and records the follow-up', async () => {
    const INSPECT = 'mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id date authority outcome prescriptions followUpDueDate followUpDoneDate structure { code } } }';
    const overdue = covers<{ id: string }>('Mutation.recordInspection', 'SUPERVISOR', await hub.gql(sup, INSPECT, {
      input: { structureCode: 'ASSO-1', date: '2024-03-01', authority: 'ASL', outcome: 'COMPLIANT', prescriptions: 'adeguare uscite', followUpDueDate: '2024-05-01' },
    }));
    expect(overdue).toEqual({ id: expect.any(String), date: '2024-03-01', authority: 'ASL', outcome: 'COMPLIANT', prescriptions: 'adeguare uscite', followUpDueDate: '2024-05-01', followUpDoneDate: null, structure: { code: 'ASSO-1' } });
    // The inspection is anchored to its structure (Inspection.structure): without it the supervisor got nulls (issue 20).
    // Due after today: not overdue.
    covers('Mutation.recordInspection', 'SUPERVISOR', await hub.gql(sup, INSPECT, { input: { structureCode: 'ASSO-1', date: '2024-06-01', authority: 'ASL', outcome: 'COMPLIANT', followUpDueDate: '2024-07-01' } }));

    const OVERDUE = '{ overdueFollowUps(first: 10) { nodes { id date authority followUpDueDate followUpDoneDate } pageInfo { hasNextPage } } }';
    const listed = covers('Query.overdueFollowUps', 'SUPERVISOR', await hub.gql(sup, OVERDUE));
    expect(listed).toEqual({ nodes: [{ id: overdue.id, date: '2024-03-01', authority: 'ASL', followUpDueDate: '2024-05-01', followUpDoneDate: null }], pageInfo: { hasNextPage: false } });

    const done = covers('Mutation.recordInspectionFollowUp', 'SUPERVISOR', await hub.gql(sup, 'mutation($input: RecordInspectionFollowUpInput!) { recordInspectionFollowUp(input: $input) { id followUpDueDate followUpDoneDate } }', {
      input: { inspectionId: overdue.id, doneDate: '2024-06-10' },
    }));
    expect(done).toEqual({ id: overdue.id, followUpDueDate: '2024-05-01', followUpDoneDate: '2024-06-10' });
    const after = await hub.gql<{ overdueFollowUps: { nodes: unknown[] } }>(sup, OVERDUE);
    expect(after.errors).toBeUndefined();
    expect(after.data!.overdueFollowUps.nodes).toEqual([]);
  });

  it('serves the document of an act to anyone (acts are public)', async () => {
    const acts = await hub.gql<{ structure: { acts: { id: string }[] } }>(undefined, '{ structure(code: "ASSO-1") { acts { id } } }');
    const actId = acts.data!.structure.acts[0].id;
    const pdf = Buffer.from('%PDF-1.4\nasso e2e\n%%EOF\n');
    covers('Mutation.recordActDocument', 'SUPERVISOR', await hub.gql(sup, 'mutation($input: RecordActDocumentInput!) { recordActDocument(input: $input) { sha256 } }', {
      input: { actId, filename: 'aut.pdf', contentBase64: pdf.toString('base64') },
    }));
    const doc = covers('Query.actDocument', 'ANONYMOUS', await hub.gql(undefined, 'query($id: ID!) { actDocument(actId: $id) { filename sizeBytes contentBase64 } }', { id: actId }));
    expect(doc).toEqual({ filename: 'aut.pdf', sizeBytes: pdf.length, contentBase64: pdf.toString('base64') });
  });
});
