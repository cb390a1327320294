/**
 * docs/privacy.md §2, §4, §6 through the gateway for the minor's record of seed
 * 003 §3.3–§3.8, §3.11 and court orders: ABUSE (violence records), JUDICIAL
 * (court orders), HEALTH (health-related problems), CASE (family, problems,
 * co-planning) and IDENTITY (names of family members) are readable by the
 * case holder, and masked, with UNAUTHORIZED_FIELD_OR_TYPE and their class,
 * for a social worker of another service and for a structure operator,
 * hosting the minor or not. The raw response never carries the masked values.
 */
import { covers } from '../support/coverage';
import { startTestHub, type GatewayResponse, type TestHub } from '../support/startHub';
import { expectNoErrors, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';

// The machine is shared: starting the hub and the single requests may take longer than Jest's 5 s default.
jest.setTimeout(60_000);

const PROBE = `query Record($id: ID!) {
  minor(id: $id) {
    id firstName
    violenceRecords { knowledgeDate types detectedBy }
    courtOrders { authority kind number date effects }
    familyMembers { relation firstName lastName }
    familyUnit { name singleParent }
    problems { code startDate }
    healthProblems { code startDate }
    familyProblems { code }
    coPlanning { partners outcome }
    additionalData { schoolingLevel }
  }
}`;

/** The class each list of the probe must be masked with. */
const EXPECTED_CLASS: Record<string, string> = {
  'minor.violenceRecords': 'ABUSE',
  'minor.courtOrders': 'JUDICIAL',
  'minor.familyMembers': 'CASE',
  'minor.familyUnit': 'CASE',
  'minor.problems': 'CASE',
  'minor.healthProblems': 'HEALTH',
  'minor.familyProblems': 'CASE',
  'minor.coPlanning': 'CASE',
  'minor.additionalData': 'CASE',
};

const COURT_NUMBER = 'RG-4471/2023';
const MOTHER_NAME = 'Ermenegilda';

function deniedPaths(res: GatewayResponse): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of res.errors ?? []) {
    if (e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE') out.set((e.path ?? []).join('.'), e.extensions.dataClass);
  }
  return out;
}

describe('seed 003 §3.3–§3.11 record through the gateway (docs/privacy.md §4: ABUSE, JUDICIAL, HEALTH, CASE)', () => {
  let hub: TestHub;
  let minorId: string;
  let holder: string;

  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'REC-1');
    const m = await registerMinorWithCase(hub, 'S-REC', { firstName: 'Violetta' });
    minorId = m.minorId;
    holder = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-S-REC', service: 'S-REC' });
    const w = (mutation: string, input: Record<string, unknown>) => hub.gql(holder, mutation, { input });
    covers('Mutation.recordViolence', 'SOCIAL_WORKER', await w('mutation($input: RecordViolenceInput!) { recordViolence(input: $input) { id } }', { minorId, knowledgeDate: '2023-03-03', types: ['SEXUAL_VIOLENCE'], detectedBy: 'TEACHER' }));
    covers('Mutation.recordCourtOrder', 'SOCIAL_WORKER', await w('mutation($input: RecordCourtOrderInput!) { recordCourtOrder(input: $input) { id } }', {
      minorId, caseId: m.caseId, authority: 'JUVENILE_COURT', kind: 'DECREE', number: COURT_NUMBER, date: '2023-04-01', effects: ['PARENTAL_RESPONSIBILITY_LIMITED', 'COMMUNITY_PLACEMENT'],
    }));
    covers('Mutation.addFamilyMember', 'SOCIAL_WORKER', await w('mutation($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { id } }', { minorId, relation: 'MOTHER', firstName: MOTHER_NAME, lastName: 'Rossi', cohabiting: true }));
    covers('Mutation.recordHealthData', 'SOCIAL_WORKER', await w('mutation($input: HealthDataInput!) { recordHealthData(input: $input) { law104 } }', { minorId, law104: true, law104Date: '2022-09-01' }));
    covers('Mutation.addMinorProblem', 'SOCIAL_WORKER', await w('mutation($input: AddMinorProblemInput!) { addMinorProblem(input: $input) { id } }', { minorId, code: 'MENTAL_DISABILITY', startDate: '2022-10-01' }));
    covers('Mutation.addMinorProblem', 'SOCIAL_WORKER', await w('mutation($input: AddMinorProblemInput!) { addMinorProblem(input: $input) { id } }', { minorId, code: 'CONFIRMED_VIOLENCE_VICTIM', startDate: '2023-03-10' }));
    covers('Mutation.addFamilyProblem', 'SOCIAL_WORKER', await w('mutation($input: AddFamilyProblemInput!) { addFamilyProblem(input: $input) { id } }', { minorId, code: 'ABUSING', startDate: '2023-03-10' }));
    covers('Mutation.recordCoPlanning', 'SOCIAL_WORKER', await w('mutation($input: RecordCoPlanningInput!) { recordCoPlanning(input: $input) { id } }', { minorId, startDate: '2023-05-01', partners: ['NPIA', 'SCHOOL'], outcome: 'MALTREATMENT_VICTIM' }));
    covers('Mutation.recordAdditionalData', 'SOCIAL_WORKER', await w('mutation($input: AdditionalDataInput!) { recordAdditionalData(input: $input) { minor { id } } }', { minorId, schoolingLevel: 'PRIMARY' }));
    // the minor is hosted by REC-1 (HOSTING for its operator)
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-rec', structure: 'REC-1' });
    expectNoErrors(await hub.gql(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', { input: { minorId, structureCode: 'REC-1', admissionDate: '2023-04-02', kind: 'ORDINARY', requestId: await requestPlacement(hub, 'S-REC', minorId, 'REC-1') } }));
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
  }, 60_000);

  it('the case holder reads violence records (ABUSE), court orders (JUDICIAL) and the whole record', async () => {
    const res = await hub.gql(holder, PROBE, { id: minorId });
    expect(covers('Query.minor', 'SOCIAL_WORKER', res)).toEqual({
      id: minorId,
      firstName: 'Violetta',
      violenceRecords: [{ knowledgeDate: '2023-03-03', types: ['SEXUAL_VIOLENCE'], detectedBy: 'TEACHER' }],
      courtOrders: [{ authority: 'JUVENILE_COURT', kind: 'DECREE', number: COURT_NUMBER, date: '2023-04-01', effects: ['PARENTAL_RESPONSIBILITY_LIMITED', 'COMMUNITY_PLACEMENT'] }],
      familyMembers: [{ relation: 'MOTHER', firstName: MOTHER_NAME, lastName: 'Rossi' }],
      familyUnit: { name: `Rossi ${MOTHER_NAME}`, singleParent: true },
      problems: [{ code: 'CONFIRMED_VIOLENCE_VICTIM', startDate: '2023-03-10' }],
      healthProblems: [{ code: 'MENTAL_DISABILITY', startDate: '2022-10-01' }],
      familyProblems: [{ code: 'ABUSING' }],
      coPlanning: [{ partners: ['NPIA', 'SCHOOL'], outcome: 'MALTREATMENT_VICTIM' }],
      additionalData: { schoolingLevel: 'PRIMARY' },
    });
  });

  it('docs/privacy.md §7 audits the ABUSE and JUDICIAL classes returned to the case holder', async () => {
    expectNoErrors(await hub.gql(holder, 'query AbuseProbe($id: ID!) { minor(id: $id) { violenceRecords { types } courtOrders { number } } }', { id: minorId }));
    const dpo = hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo-rec' });
    const log = await hub.gql<{ accessLog: { operationName: string; action: string; dataClasses: string[] }[] }>(dpo, 'query($id: ID!) { accessLog(minorId: $id) { operationName action dataClasses } }', { id: minorId });
    const entry = covers<{ operationName: string; action: string; dataClasses: string[] }[]>('Query.accessLog', 'PRIVACY_OFFICER', log).find((e) => e.operationName === 'AbuseProbe');
    expect(entry).toMatchObject({ action: 'READ' });
    expect([...entry!.dataClasses].sort()).toEqual(['ABUSE', 'JUDICIAL']);
  });

  it.each([
    ['a social worker of another service', { role: 'SOCIAL_WORKER', sub: 'sw-other', service: 'S-OTHER' }, null],
    ['the operator of the hosting structure', { role: 'STRUCTURE_OPERATOR', sub: 'op-rec', structure: 'REC-1' }, 'Violetta'],
    ['the operator of another structure', { role: 'STRUCTURE_OPERATOR', sub: 'op-x', structure: 'REC-X' }, null],
  ])('%s gets ABUSE, JUDICIAL, HEALTH and CASE masked with their class', async (_who, claims, firstName) => {
    const res = await hub.gql(hub.token(claims), PROBE, { id: minorId });
    const minor = res.data!.minor as Record<string, unknown>;
    expect(minor.firstName).toBe(firstName);
    const denied = deniedPaths(res);
    for (const [path, dataClass] of Object.entries(EXPECTED_CLASS)) {
      expect(minor[path.slice('minor.'.length)]).toBeNull();
      expect(denied.get(path)).toBe(dataClass);
    }
    expect(res.text).not.toContain(COURT_NUMBER);
    expect(res.text).not.toContain(MOTHER_NAME);
    expect(res.text).not.toContain('SEXUAL_VIOLENCE');
  });

  it('a structure operator cannot write violence records or court orders (FORBIDDEN, nothing stored)', async () => {
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-rec', structure: 'REC-1' });
    const res = await hub.gql(so, 'mutation($input: RecordViolenceInput!) { recordViolence(input: $input) { id } }', { input: { minorId, knowledgeDate: '2023-05-05', types: ['PROSTITUTION'] } });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const again = await hub.gql(holder, '{ minor(id: "' + minorId + '") { violenceRecords { types } } }');
    expect(again.data!.minor.violenceRecords).toHaveLength(1);
  });
});
