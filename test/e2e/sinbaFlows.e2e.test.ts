import { Client } from 'pg';
import { pseudonymOf } from '@shared/privacy';
import { covers } from '../support/coverage';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, nextFiscalCode, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';

/**
 * The main SINBA flows end to end through the gateway (issue 5): three
 * subgraphs and the gateway on free ports, real PostgreSQL, no mocks.
 * Today is fixed at 2024-06-15 (Europe/Rome).
 */
const TODAY = '2024-06-15';

const REGISTER = 'mutation R($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }';
const OPEN = 'mutation O($input: OpenCaseInput!) { openCase(input: $input) { id serviceId startDate coManagementReason } }';
const CLOSE = 'mutation C($input: CloseCaseInput!) { closeCase(input: $input) { id } }';
// Only the id: a referral may precede the case, and its CASE fields are then masked for the recording service (docs/privacy.md §3).
const REFERRAL = 'mutation F($input: RecordReferralInput!) { recordReferral(input: $input) { id } }';
const ADD = `mutation A($input: AddInterventionInput!) { addIntervention(input: $input) {
  id type group startDate endDate structureCode structureEntryDate beneficiaryCount structure { code name } } }`;
const END = 'mutation E($input: EndInterventionInput!) { endIntervention(input: $input) { id endDate } }';
const HISTORY = `query H($id: ID!) { minor(id: $id) {
  id firstName lastName fiscalCode birthDate unborn expectedBirthDate
  referrals { date source duringPregnancy serviceId }
  cases { serviceId startDate endDate closureReason coManagementReason }
  interventions { type group startDate endDate structureCode beneficiaryCount siblings { id } }
} }`;
const SEARCH = 'query S($filter: MinorSearchFilter) { searchMinors(filter: $filter, first: 50) { nodes { id firstName lastName } pageInfo { hasNextPage } } }';

describe('SINBA flows end to end (issue 5)', () => {
  let hub: TestHub;
  const sw = (service: string) => hub.token({ role: 'SOCIAL_WORKER', sub: `sw-${service}`, service });

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => TODAY });
    await registerActiveStructure(hub, 'E2E-SF01');
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  async function register(token: string, person: { firstName: string; lastName: string; birthDate?: string; sex?: 'M' | 'F' }): Promise<string> {
    const birthDate = person.birthDate ?? '2014-02-03';
    const sex = person.sex ?? 'F';
    const res = await hub.gql<{ registerMinor: { id: string } }>(token, REGISTER, {
      input: { fiscalCode: nextFiscalCode(birthDate, sex), firstName: person.firstName, lastName: person.lastName, birthDate, sex, citizenship: '100' },
    });
    return covers<{ id: string }>('Mutation.registerMinor', 'SOCIAL_WORKER', res).id;
  }

  it('referral → case → interventions (placement, siblings) → end → closure', async () => {
    const token = sw('S-FLOW-1');
    const minorId = await register(token, { firstName: 'Sara', lastName: 'Percorso' });
    const siblingId = await register(token, { firstName: 'Elia', lastName: 'Percorso', sex: 'M' });
    expect(covers('Mutation.recordReferral', 'SOCIAL_WORKER', await hub.gql(token, REFERRAL, { input: { minorId, date: '2024-01-05', source: 'SCHOOL', duringPregnancy: false } })).id).toEqual(expect.any(String));
    const opened = await hub.gql<{ openCase: { id: string } }>(token, OPEN, { input: { minorId, startDate: '2024-01-10' } });
    expect(covers('Mutation.openCase', 'SOCIAL_WORKER', opened)).toMatchObject({ serviceId: 'S-FLOW-1', startDate: '2024-01-10', coManagementReason: null });
    const caseId = opened.data!.openCase.id;
    expectNoErrors(await hub.gql(token, OPEN, { input: { minorId: siblingId, startDate: '2024-01-10' } }));

    const placement = await hub.gql<{ addIntervention: { id: string } }>(token, ADD, { input: { caseId, type: 'FAMILY_COMMUNITY', startDate: '2024-02-01', structureCode: 'E2E-SF01' } });
    expect(covers('Mutation.addIntervention', 'SOCIAL_WORKER', placement)).toMatchObject({ group: '3.9.6', structureEntryDate: '2024-02-01', structure: { code: 'E2E-SF01', name: 'Comunità E2E-SF01' } });
    const family = await hub.gql<{ addIntervention: { id: string; beneficiaryCount: number } }>(token, ADD, {
      input: { caseId, type: 'FAMILY_RELATIONSHIP_SUPPORT', startDate: '2024-02-15', siblingMinorIds: [siblingId] },
    });
    expectNoErrors(family);
    expect(family.data!.addIntervention.beneficiaryCount).toBe(2);
    expect(covers('Mutation.endIntervention', 'SOCIAL_WORKER', await hub.gql(token, END, { input: { interventionId: placement.data!.addIntervention.id, endDate: '2024-05-31' } }))).toEqual({ id: placement.data!.addIntervention.id, endDate: '2024-05-31' });

    const history = await hub.gql(token, HISTORY, { id: minorId });
    expect(covers('Query.minor', 'SOCIAL_WORKER', history)).toMatchObject({
      firstName: 'Sara',
      referrals: [{ date: '2024-01-05', source: 'SCHOOL', duringPregnancy: false, serviceId: 'S-FLOW-1' }],
      cases: [{ serviceId: 'S-FLOW-1', startDate: '2024-01-10', endDate: null }],
      interventions: [
        { type: 'FAMILY_COMMUNITY', group: '3.9.6', startDate: '2024-02-01', endDate: '2024-05-31', structureCode: 'E2E-SF01', beneficiaryCount: 1, siblings: [] },
        { type: 'FAMILY_RELATIONSHIP_SUPPORT', group: '3.9.8', endDate: null, beneficiaryCount: 2, siblings: [{ id: siblingId }] },
      ],
    });

    // Another service may not end the intervention nor close the case.
    const other = sw('S-FLOW-OTHER');
    const refused = await hub.gql(other, END, { input: { interventionId: family.data!.addIntervention.id, endDate: '2024-06-01' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expectNoErrors(await hub.gql(token, END, { input: { interventionId: family.data!.addIntervention.id, endDate: '2024-06-01' } }));
    const closed = await hub.gql(token, CLOSE, { input: { caseId, endDate: '2024-06-10', closureReason: 'PROJECT_COMPLETED' } });
    expect(covers('Mutation.closeCase', 'SOCIAL_WORKER', closed).id).toBe(caseId);
    const late = await hub.gql(token, ADD, { input: { caseId, type: 'HOME_CARE', startDate: '2024-06-11' } });
    expect(late.errors?.[0]?.extensions?.code).toBe('CASE_CLOSED');
    // Closed before today: no longer CASE_HOLDER, the record is masked (docs/privacy.md §3).
    const after = await hub.gql(token, HISTORY, { id: minorId });
    expect(after.data!.minor.firstName).toBeNull();
    expect(after.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  it('unborn child registered, case opened before birth, identity completed at birth (seed 003 §3.2.1)', async () => {
    const token = sw('S-FLOW-2');
    const unborn = await hub.gql<{ registerUnborn: { id: string } }>(token, 'mutation U($input: RegisterUnbornInput!) { registerUnborn(input: $input) { id } }', { input: { expectedBirthDate: '2024-08-01' } });
    const minorId = covers<{ id: string }>('Mutation.registerUnborn', 'SOCIAL_WORKER', unborn).id;
    expectNoErrors(await hub.gql(token, REFERRAL, { input: { minorId, date: '2024-02-20', source: 'HEALTH_SERVICE', duringPregnancy: true } }));
    const tooEarly = await hub.gql(token, OPEN, { input: { minorId, startDate: '2023-09-30' } });
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
    expectNoErrors(await hub.gql(token, OPEN, { input: { minorId, startDate: '2024-03-01' } }));

    const before = await hub.gql(token, HISTORY, { id: minorId });
    expectNoErrors(before);
    expect(before.data!.minor).toMatchObject({ firstName: 'NASCITURO', lastName: 'NASCITURO', fiscalCode: null, birthDate: null, unborn: true, expectedBirthDate: '2024-08-01' });

    const fiscalCode = nextFiscalCode('2024-06-10', 'M');
    const born = await hub.gql(token, 'mutation B($input: CompleteBirthInput!) { completeBirth(input: $input) { id } }', {
      input: { minorId, firstName: 'Nuovo', lastName: 'Nato', birthDate: '2024-06-10', sex: 'M', fiscalCode, birthMunicipality: '058091', residenceMunicipality: '058091' },
    });
    expect(covers('Mutation.completeBirth', 'SOCIAL_WORKER', born)).toEqual({ id: minorId });
    const afterBirth = await hub.gql(token, HISTORY, { id: minorId });
    expectNoErrors(afterBirth);
    expect(afterBirth.data!.minor).toMatchObject({
      firstName: 'Nuovo',
      lastName: 'Nato',
      fiscalCode,
      birthDate: '2024-06-10',
      unborn: false,
      expectedBirthDate: '2024-08-01',
      referrals: [{ duringPregnancy: true }],
      cases: [{ serviceId: 'S-FLOW-2', startDate: '2024-03-01', endDate: null }],
    });
  });

  it('transfer of competence: one case closes and the next opens the same day, history kept', async () => {
    const { minorId, caseId } = await registerMinorWithCase(hub, 'S-TR-A', { firstName: 'Teo', lastName: 'Trasferito' });
    const from = sw('S-TR-A');
    const to = sw('S-TR-B');
    expectNoErrors(await hub.gql(from, ADD, { input: { caseId, type: 'HOME_EDUCATIONAL', startDate: '2023-03-01' } }));
    // The new case belongs to the receiving service: the sender gets its id only.
    const moved = await hub.gql<{ transferCase: { id: string } }>(from, 'mutation T($input: TransferCaseInput!) { transferCase(input: $input) { id } }', {
      input: { caseId, toServiceId: 'S-TR-B', transferDate: '2024-06-01' },
    });
    expect(covers('Mutation.transferCase', 'SOCIAL_WORKER', moved).id).toEqual(expect.any(String));

    const seen = await hub.gql(to, HISTORY, { id: minorId });
    expectNoErrors(seen);
    expect(seen.data!.minor).toMatchObject({
      firstName: 'Teo',
      cases: [
        { serviceId: 'S-TR-A', startDate: '2021-01-01', endDate: '2024-06-01', closureReason: 'TRANSFER_TO_OTHER_SERVICE' },
        { serviceId: 'S-TR-B', startDate: '2024-06-01', endDate: null },
      ],
      interventions: [{ type: 'HOME_EDUCATIONAL', startDate: '2023-03-01' }],
    });
    const former = await hub.gql(from, HISTORY, { id: minorId });
    expect(former.data!.minor.firstName).toBeNull();
    // The old case's interventions are history: closed for the former service, not the receiver's to change.
    const intervention = await hub.gql<{ minor: { interventions: { id: string }[] } }>(to, 'query I($id: ID!) { minor(id: $id) { interventions { id } } }', { id: minorId });
    const interventionId = intervention.data!.minor.interventions[0].id;
    expect((await hub.gql(from, END, { input: { interventionId, endDate: '2024-06-05' } })).errors?.[0]?.extensions?.code).toBe('CASE_CLOSED');
    expect((await hub.gql(to, END, { input: { interventionId, endDate: '2024-06-05' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('co-managed case: a second service joins with a co-management reason, a third is refused', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-CO-A', { firstName: 'Cora', lastName: 'Condivisa' });
    const second = sw('S-CO-B');
    const refused = await hub.gql(second, OPEN, { input: { minorId, startDate: '2024-03-01' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CASE_ALREADY_OPEN', field: 'coManagementReason' });
    // docs/privacy.md §3a: the reason's fact must be recorded — here an active placement.
    const unjustified = await hub.gql(second, OPEN, { input: { minorId, startDate: '2024-03-01', coManagementReason: 'COMMUNITY_PLACEMENT' } });
    expect(unjustified.errors?.[0]?.extensions?.code).toBe('CO_MANAGEMENT_NOT_JUSTIFIED');
    await registerActiveStructure(hub, 'E2E-CO01');
    const requestId = await requestPlacement(hub, 'S-CO-A', minorId, 'E2E-CO01');
    const op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-co', structure: 'E2E-CO01' });
    expectNoErrors(await hub.gql(op, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', { input: { minorId, structureCode: 'E2E-CO01', admissionDate: '2024-02-01', kind: 'ORDINARY', requestId } }));
    const joined = await hub.gql(second, OPEN, { input: { minorId, startDate: '2024-03-01', coManagementReason: 'COMMUNITY_PLACEMENT' } });
    expectNoErrors(joined);
    for (const token of [sw('S-CO-A'), second]) {
      const res = await hub.gql(token, HISTORY, { id: minorId });
      expectNoErrors(res);
      expect(res.data!.minor.cases).toEqual([
        expect.objectContaining({ serviceId: 'S-CO-A', endDate: null, coManagementReason: null }),
        expect.objectContaining({ serviceId: 'S-CO-B', endDate: null, coManagementReason: 'COMMUNITY_PLACEMENT' }),
      ]);
    }
    const third = await hub.gql(sw('S-CO-C'), OPEN, { input: { minorId, startDate: '2024-04-01', coManagementReason: 'FOSTER_CARE' } });
    expect(third.errors?.[0]?.extensions?.code).toBe('CASE_ALREADY_OPEN');
  });

  it('searchMinors returns only minors in a relationship: the service\'s cases, the structure\'s guests (HOSTING through ASMI)', async () => {
    const hosted = await registerMinorWithCase(hub, 'S-SR-A', { firstName: 'Greta', lastName: 'Cercata' });
    const notHosted = await registerMinorWithCase(hub, 'S-SR-A', { firstName: 'Greta', lastName: 'Altrove' });
    await registerMinorWithCase(hub, 'S-SR-B', { firstName: 'Greta', lastName: 'Estranea' });
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-sr', structure: 'E2E-SF01' });
    expectNoErrors(await hub.gql(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', { input: { minorId: hosted.minorId, structureCode: 'E2E-SF01', admissionDate: '2024-05-01', kind: 'ORDINARY', requestId: await requestPlacement(hub, 'S-SR-A', hosted.minorId, 'E2E-SF01') } }));

    const bySw = await hub.gql<{ searchMinors: { nodes: { id: string; lastName: string }[] } }>(sw('S-SR-A'), SEARCH, { filter: { name: 'GRETA' } });
    expect(covers<{ nodes: { lastName: string }[] }>('Query.searchMinors', 'SOCIAL_WORKER', bySw).nodes.map((n) => n.lastName).sort()).toEqual(['Altrove', 'Cercata']);

    const bySo = await hub.gql<{ searchMinors: { nodes: { id: string; firstName: string; lastName: string }[] } }>(so, SEARCH, { filter: { name: 'greta' } });
    expect(covers('Query.searchMinors', 'STRUCTURE_OPERATOR', bySo).nodes).toEqual([{ id: hosted.minorId, firstName: 'Greta', lastName: 'Cercata' }]);
    expect(bySo.data!.searchMinors.nodes.map((n) => n.id)).not.toContain(notHosted.minorId);

    const byAnalyst = await hub.gql<{ searchMinors: { nodes: unknown[] } }>(hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-1' }), SEARCH, { filter: { name: 'greta' } });
    // docs/privacy.md §4: an analyst never receives a minor, not even a list of them.
    expect(byAnalyst.data?.searchMinors?.nodes ?? null).toBeNull();
    expect(byAnalyst.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
  });

  describe('GET /exports/sinba/:record.csv, the pseudonymous regional flow', () => {
    const download = (path: string, token?: string) => fetch(hub.url.replace(/graphql$/, `exports/sinba/${path}`), { headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('streams every minor to the regional analyst, page after page, with pseudonyms and no identity', async () => {
      // 2,500 minors more than the flows above, written straight into SINBA's table: three pages of 1000.
      const admin = new Client({ connectionString: hub.db.adminUrl });
      await admin.connect();
      try {
        await admin.query(`INSERT INTO sinba.minor (first_name, last_name, birth_date, sex, citizenship, residence_municipality, created_by)
                           SELECT 'Bulk' || g, 'Export', DATE '2010-01-01' + g, 'M', '100', '037006', 'e2e' FROM generate_series(1, 2500) g`);
        const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM sinba.minor');
        const total = rows[0].n;
        const { rows: fc } = await admin.query<{ fiscal_code: string; id: string }>('SELECT id, fiscal_code FROM sinba.minor WHERE fiscal_code IS NOT NULL LIMIT 1');

        const res = await download('minors.csv', hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-1' }));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
        const lines = (await res.text()).trimEnd().split('\r\n');
        expect(lines[0]).toBe('minor_pseudonym,sex,age_years,unborn,citizenship,unaccompanied,residence_province');
        expect(lines).toHaveLength(total + 1);
        expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(total);
        const text = lines.join('\n');
        for (const identity of ['Bulk1', 'Export', 'Sara', fc[0].fiscal_code, '037006', '2010-01-02', fc[0].id]) expect(text).not.toContain(identity);
        expect(text).toContain(pseudonymOf(fc[0].id, hub.config.pseudonymKey));
      } finally {
        await admin.end();
      }
    }, 120_000);

    it('serves interventions with the case and minor pseudonyms and the number of beneficiaries', async () => {
      const res = await download('interventions.csv', hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-1' }));
      expect(res.status).toBe(200);
      const [header, ...rows] = (await res.text()).trimEnd().split('\r\n');
      expect(header.split(',')).toEqual(['intervention_pseudonym', 'case_pseudonym', 'minor_pseudonym', 'group', 'type', 'start_date', 'end_date', 'structure_code', 'structure_entry_date', 'foster_care_schedule', 'beneficiary_count', 'adoption_disruption', 'emergency_limit_exceeded', 'end_situation']);
      expect(rows.some((r) => r.includes(',FAMILY_RELATIONSHIP_SUPPORT,') && r.split(',')[10] === '2')).toBe(true);
    });

    it('refuses every other role (403 FORBIDDEN), no or invalid token (401), and unknown files (404)', async () => {
      for (const token of [sw('S-FLOW-1'), hub.token({ role: 'SUPERVISOR', sub: 'sup', territory: '058' }), hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo' })]) {
        const res = await download('cases.csv', token);
        expect(res.status).toBe(403);
        expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('FORBIDDEN');
      }
      expect((await download('cases.csv')).status).toBe(401);
      expect((await download('cases.csv', 'not-a-token')).status).toBe(401);
      expect((await download('people.csv', hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-1' }))).status).toBe(404);
    });
  });
});
