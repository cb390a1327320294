import { startTestHub, type TestHub } from '../support/startHub';
import { covers } from '../support/coverage';
import { registerMinorWithCase } from '../support/fixtures';

/**
 * The changes to a minor's SINBA record through the gateway as the social
 * worker holding the case (seed 003 §3.3–§3.10), the lists and the
 * duplicate check, and the pseudonymous regional flow as the regional
 * analyst (issue 20, item 7: no operation without an end-to-end test
 * asserting on its data). Today is fixed at 2024-06-15.
 */
const TODAY = '2024-06-15';

describe('SINBA record changes, lists and export through the gateway', () => {
  let hub: TestHub;
  let sw: string;
  let minorId: string;
  let caseId: string;
  let fiscalCode: string;

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => TODAY });
    ({ minorId, caseId, fiscalCode } = await registerMinorWithCase(hub, 'S-REC-OPS', { firstName: 'Marta', lastName: 'Registro' }));
    sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-S-REC-OPS', service: 'S-REC-OPS' });
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('changes a family member and records that they left the unit (seed 003 §3.4)', async () => {
    const MEMBER = 'id relation firstName cohabiting until';
    const added = covers<{ id: string }>('Mutation.addFamilyMember', 'SOCIAL_WORKER', await hub.gql(sw, `mutation($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { ${MEMBER} } }`, {
      input: { minorId, relation: 'FATHER', firstName: 'Luca', lastName: 'Registro', cohabiting: false },
    }));
    const updated = covers('Mutation.updateFamilyMember', 'SOCIAL_WORKER', await hub.gql(sw, `mutation($input: UpdateFamilyMemberInput!) { updateFamilyMember(input: $input) { ${MEMBER} } }`, {
      input: { familyMemberId: added.id, cohabiting: true },
    }));
    expect(updated).toEqual({ id: added.id, relation: 'FATHER', firstName: 'Luca', cohabiting: true, until: null });
    const removed = covers('Mutation.removeFamilyMember', 'SOCIAL_WORKER', await hub.gql(sw, `mutation($input: RemoveFamilyMemberInput!) { removeFamilyMember(input: $input) { ${MEMBER} } }`, {
      input: { familyMemberId: added.id, leftOn: '2024-05-01' },
    }));
    expect(removed).toEqual({ id: added.id, relation: 'FATHER', firstName: 'Luca', cohabiting: true, until: '2024-05-01' });
  });

  it('ends a health-related problem of the minor and a problem of the family (seed 003 §3.5, §3.8)', async () => {
    covers('Mutation.recordHealthData', 'SOCIAL_WORKER', await hub.gql(sw, 'mutation($input: HealthDataInput!) { recordHealthData(input: $input) { law104 } }', { input: { minorId, law104: true } }));
    const withProblem = covers<{ healthProblems: { id: string }[] }>('Mutation.addMinorProblem', 'SOCIAL_WORKER', await hub.gql(sw, 'mutation($input: AddMinorProblemInput!) { addMinorProblem(input: $input) { id healthProblems { id code endDate } } }', {
      input: { minorId, code: 'HEARING_DISABILITY', startDate: '2024-02-01' },
    }));
    const problemId = withProblem.healthProblems[0].id;
    const ended = covers('Mutation.endMinorProblem', 'SOCIAL_WORKER', await hub.gql(sw, 'mutation($input: EndProblemInput!) { endMinorProblem(input: $input) { id healthProblems { id code endDate } } }', {
      input: { problemId, endDate: '2024-05-31' },
    }));
    expect(ended).toEqual({ id: minorId, healthProblems: [{ id: problemId, code: 'HEARING_DISABILITY', endDate: '2024-05-31' }] });

    const family = covers<{ id: string }>('Mutation.addFamilyProblem', 'SOCIAL_WORKER', await hub.gql(sw, 'mutation($input: AddFamilyProblemInput!) { addFamilyProblem(input: $input) { id code startDate endDate } }', {
      input: { minorId, code: 'ECONOMIC', startDate: '2024-01-15' },
    }));
    const familyEnded = covers('Mutation.endFamilyProblem', 'SOCIAL_WORKER', await hub.gql(sw, 'mutation($input: EndProblemInput!) { endFamilyProblem(input: $input) { id code startDate endDate } }', {
      input: { problemId: family.id, endDate: '2024-04-30' },
    }));
    expect(familyEnded).toEqual({ id: family.id, code: 'ECONOMIC', startDate: '2024-01-15', endDate: '2024-04-30' });
  });

  it('records the outcome of co-planning (seed 003 §3.6)', async () => {
    const recorded = covers<{ id: string }>('Mutation.recordCoPlanning', 'SOCIAL_WORKER', await hub.gql(sw, 'mutation($input: RecordCoPlanningInput!) { recordCoPlanning(input: $input) { id partners outcome } }', {
      input: { minorId, startDate: '2024-02-01', partners: ['SCHOOL', 'NPIA'] },
    }));
    const updated = covers('Mutation.updateCoPlanning', 'SOCIAL_WORKER', await hub.gql(sw, 'mutation($input: UpdateCoPlanningInput!) { updateCoPlanning(input: $input) { id startDate endDate partners outcome } }', {
      input: { coPlanningId: recorded.id, outcome: 'COMPLEX_CASE', endDate: '2024-05-01' },
    }));
    expect(updated).toEqual({ id: recorded.id, startDate: '2024-02-01', endDate: '2024-05-01', partners: ['SCHOOL', 'NPIA'], outcome: 'COMPLEX_CASE' });
  });

  it('records and concludes a foster-care assessment (seed 003 §3.10)', async () => {
    const recorded = covers<{ id: string }>('Mutation.recordAssessment', 'SOCIAL_WORKER', await hub.gql(sw, 'mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id caseId type startDate endDate outcome renewed minor { id } } }', {
      input: { caseId, type: 'FOSTER_CARE', startDate: '2024-02-01' },
    }));
    expect(recorded).toEqual({ id: expect.any(String), caseId, type: 'FOSTER_CARE', startDate: '2024-02-01', endDate: null, outcome: null, renewed: false, minor: { id: minorId } });
    const updated = covers('Mutation.updateAssessment', 'SOCIAL_WORKER', await hub.gql(sw, 'mutation($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id type endDate outcome } }', {
      input: { assessmentId: recorded.id, endDate: '2024-03-01', outcome: 'NEGATIVE' },
    }));
    expect(updated).toEqual({ id: recorded.id, type: 'FOSTER_CARE', endDate: '2024-03-01', outcome: 'NEGATIVE' });
  });

  it('lists the minors of the service and finds a registered minor by fiscal code', async () => {
    const list = covers('Query.minors', 'SOCIAL_WORKER', await hub.gql(sw, '{ minors(first: 10) { nodes { id firstName lastName } pageInfo { hasNextPage } } }'));
    expect(list).toEqual({ nodes: [{ id: minorId, firstName: 'Marta', lastName: 'Registro' }], pageInfo: { hasNextPage: false } });

    const MATCH = 'query($fc: String!) { minorByFiscalCode(fiscalCode: $fc) { minorId hasOpenCase minor { id firstName } } }';
    const match = covers('Query.minorByFiscalCode', 'SOCIAL_WORKER', await hub.gql(sw, MATCH, { fc: fiscalCode }));
    expect(match).toEqual({ minorId, hasOpenCase: true, minor: { id: minorId, firstName: 'Marta' } });
    // An operator about to admit the minor gets the id, not the case data.
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-rec-ops', structure: 'REC-OPS' });
    const byOperator = covers('Query.minorByFiscalCode', 'STRUCTURE_OPERATOR', await hub.gql(so, MATCH, { fc: fiscalCode }));
    expect(byOperator).toMatchObject({ minorId, hasOpenCase: null });
  });

  it('pages the pseudonymous regional flow for the analyst (docs/sinba-export.md)', async () => {
    const analyst = hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-rec-ops' });
    const page = covers<{ columns: string[]; rows: string[][]; pageInfo: { hasNextPage: boolean } }>('Query.sinbaExport', 'REGIONAL_ANALYST', await hub.gql(analyst, '{ sinbaExport(record: CASE, first: 10) { columns rows pageInfo { hasNextPage } } }'));
    expect(page.columns).toContain('case_pseudonym');
    expect(page.rows).toHaveLength(1);
    const row = Object.fromEntries(page.columns.map((c, i) => [c, page.rows[0][i]]));
    expect(row).toMatchObject({ case_pseudonym: expect.stringMatching(/^[A-Z2-7]{32}$/), minor_pseudonym: expect.stringMatching(/^[A-Z2-7]{32}$/), start_date: '2021-01-01' });
    expect(JSON.stringify(page)).not.toContain(minorId);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });
});
