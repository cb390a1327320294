/**
 * Co-management needs its fact (docs/privacy.md §3a, seed 003 §3.2), through
 * the gateway on real PostgreSQL as the social workers concerned: a second
 * service joins a minor's care only when the fact its reason names is
 * recorded; otherwise CO_MANAGEMENT_NOT_JUSTIFIED and nothing is stored.
 */
import { expectNoErrors, firstCode, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/startHub';

const OPEN = 'mutation($input: OpenCaseInput!) { openCase(input: $input) { id serviceId coManagementReason } }';

describe('co-management needs its fact', () => {
  let hub: TestHub;
  const sw = (service: string) => hub.token({ role: 'SOCIAL_WORKER', sub: `sw-${service}`, service });
  const join = (minorId: string, reason: string, service = 'S-CM-B') => hub.gql(sw(service), OPEN, { input: { minorId, startDate: '2024-06-01', coManagementReason: reason } });

  async function refused(minorId: string, reason: string) {
    const res = await join(minorId, reason);
    expect(res.data?.openCase ?? null).toBeNull();
    expect(res.errors![0].extensions).toMatchObject({ code: 'CO_MANAGEMENT_NOT_JUSTIFIED', field: 'coManagementReason' });
    // Nothing changed: the second service still reads nothing of the minor.
    const check = await hub.gql(sw('S-CM-B'), 'query($id: ID!) { minor(id: $id) { viewerIsCaseHolder } }', { id: minorId });
    expect(check.data!.minor.viewerIsCaseHolder).toBe(false);
  }

  async function intervention(caseId: string, type: string, startDate = '2024-05-01') {
    const res = await hub.gql(sw('S-CM-A'), 'mutation($input: AddInterventionInput!) { addIntervention(input: $input) { id } }', { input: { caseId, type, startDate } });
    expectNoErrors(res);
  }

  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'CM-C1');
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('ADOPTABILITY: refused without the fact; accepted with the adoptability problem', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-CM-A');
    await refused(minorId, 'ADOPTABILITY');
    expectNoErrors(await hub.gql(sw('S-CM-A'), 'mutation($input: AddMinorProblemInput!) { addMinorProblem(input: $input) { id } }', { input: { minorId, code: 'ADOPTABILITY', startDate: '2024-05-01' } }));
    const ok = await join(minorId, 'ADOPTABILITY');
    expectNoErrors(ok);
    expect(ok.data!.openCase).toMatchObject({ serviceId: 'S-CM-B', coManagementReason: 'ADOPTABILITY' });
  });

  it('ADOPTABILITY: accepted with an adoptability court order, or with an adoption intervention in progress', async () => {
    const byOrder = await registerMinorWithCase(hub, 'S-CM-A');
    const authority = await firstCode(hub, 'COURT_AUTHORITY');
    const kind = await firstCode(hub, 'COURT_ORDER_KIND');
    expectNoErrors(
      await hub.gql(sw('S-CM-A'), 'mutation($input: RecordCourtOrderInput!) { recordCourtOrder(input: $input) { id } }', {
        input: { minorId: byOrder.minorId, authority, kind, number: 'TM-1/2024', date: '2024-05-02', effects: ['ADOPTABILITY'] },
      }),
    );
    expectNoErrors(await join(byOrder.minorId, 'ADOPTABILITY'));

    const byIntervention = await registerMinorWithCase(hub, 'S-CM-A');
    await intervention(byIntervention.caseId, 'FAMILY_FOSTER_CARE_CONSENSUAL');
    await refused(byIntervention.minorId, 'ADOPTABILITY');
    await intervention(byIntervention.caseId, 'NATIONAL_ADOPTION');
    expectNoErrors(await join(byIntervention.minorId, 'ADOPTABILITY'));
  });

  it('FOSTER_CARE: needs a foster-care intervention in progress', async () => {
    const { minorId, caseId } = await registerMinorWithCase(hub, 'S-CM-A');
    await refused(minorId, 'FOSTER_CARE');
    await intervention(caseId, 'KINSHIP_FOSTER_CARE_CONSENSUAL');
    expectNoErrors(await join(minorId, 'FOSTER_CARE'));
  });

  it('COMMUNITY_PLACEMENT: needs a placement intervention or a placement active in a structure (asked to ASMI)', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-CM-A');
    await refused(minorId, 'COMMUNITY_PLACEMENT');
    const requestId = await requestPlacement(hub, 'S-CM-A', minorId, 'CM-C1');
    const op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op', structure: 'CM-C1' });
    expectNoErrors(await hub.gql(op, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', { input: { minorId, structureCode: 'CM-C1', admissionDate: '2024-05-15', kind: 'ORDINARY', requestId } }));
    expectNoErrors(await join(minorId, 'COMMUNITY_PLACEMENT'));
  });

  it('a first case needs no fact: the reason is checked only when another service holds the minor', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-CM-A');
    const closedElsewhere = await hub.gql(sw('S-CM-A'), 'query($id: ID!) { minor(id: $id) { cases { id } } }', { id: minorId });
    const caseId = closedElsewhere.data!.minor.cases[0].id;
    expectNoErrors(await hub.gql(sw('S-CM-A'), 'mutation($input: CloseCaseInput!) { closeCase(input: $input) { id } }', { input: { caseId, endDate: '2024-05-01', closureReason: await firstCode(hub, 'CASE_CLOSURE_REASON') } }));
    expectNoErrors(await join(minorId, 'FOSTER_CARE'));
  });
});
