import { INTERNAL_TOKEN_HEADER } from '@shared/auth';
import { covers } from '../support/coverage';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, firstCode, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';
import { addDays } from '@shared/time';

const HISTORY = `query History($id: ID!) {
  minor(id: $id) {
    id firstName lastName fiscalCode birthDate
    cases { serviceId startDate endDate }
    interventions { type startDate }
    placements { admissionDate dischargeDate kind structure { name status } }
  }
}`;

describe('the hub end to end (issue: foundation)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('answers /health with the state of each subgraph and of the database', async () => {
    const res = await fetch(hub.url.replace(/graphql$/, 'health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'up', checks: { sinba: 'up', asso: 'up', asmi: 'up', database: 'up' } });
  });

  it('serves the public code lists without a token', async () => {
    const res = await hub.gql<{ codes: { code: string }[] }>(undefined, '{ codes(list: "ACT_KIND") { code label } }');
    expect(covers<{ code: string }[]>('Query.codes', 'ANONYMOUS', res).map((c) => c.code)).toEqual(expect.arrayContaining(['AUTHORISATION', 'SUSPENSION', 'REVOCATION']));
    const lists = covers<string[]>('Query.codeLists', 'ANONYMOUS', await hub.gql(undefined, '{ codeLists }'));
    expect(lists).toEqual(expect.arrayContaining(['ACT_KIND', 'STRUCTURE_TYPE', 'ABSENCE_KIND']));
  });

  it('social worker registers a minor and opens a case, supervisor authorises a structure, the structure admits the minor, and one query returns the whole history', async () => {
    await registerActiveStructure(hub, 'E2E-C001');
    const { minorId, fiscalCode } = await registerMinorWithCase(hub, 'S-E2E-1', { firstName: 'Giulia', lastName: 'Storia' });
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-1', structure: 'E2E-C001' });
    const admit = await hub.gql<{ admitMinor: { id: string; kind: string } }>(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id kind admissionDate } }', {
      input: { minorId, structureCode: 'E2E-C001', admissionDate: '2024-03-01', kind: 'ORDINARY', referringService: 'S-E2E-1', requestId: await requestPlacement(hub, 'S-E2E-1', minorId, 'E2E-C001') },
    });
    expect(covers('Mutation.admitMinor', 'STRUCTURE_OPERATOR', admit)).toMatchObject({ id: expect.any(String), kind: 'ORDINARY', admissionDate: '2024-03-01' });

    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-1', service: 'S-E2E-1' });
    const res = await hub.gql(sw, HISTORY, { id: minorId });
    expectNoErrors(res);
    expect(res.data!.minor).toMatchObject({
      id: minorId,
      firstName: 'Giulia',
      lastName: 'Storia',
      fiscalCode,
      cases: [{ serviceId: 'S-E2E-1', startDate: '2021-01-01', endDate: null }],
      placements: [{ admissionDate: '2024-03-01', dischargeDate: null, kind: 'ORDINARY', structure: { name: 'Comunità E2E-C001', status: 'ACTIVE' } }],
    });
  });

  it('issues the same number of SQL statements for the history of a minor with 1 placement and with 20 placements and interventions (no N+1)', async () => {
    await registerActiveStructure(hub, 'E2E-C002', { capacity: 30 });
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-2', structure: 'E2E-C002' });
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-2', service: 'S-E2E-2' });
    const type = await firstCode(hub, 'INTERVENTION_TYPE', (c) => c.group === '3.9.8');

    const small = await registerMinorWithCase(hub, 'S-E2E-2');
    const big = await registerMinorWithCase(hub, 'S-E2E-2');
    const admit = async (minorId: string, date: string) =>
      hub.gql<{ admitMinor: { id: string } }>(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', { input: { minorId, structureCode: 'E2E-C002', admissionDate: date, kind: 'ORDINARY', requestId: await requestPlacement(hub, 'S-E2E-2', minorId, 'E2E-C002') } });
    expectNoErrors(await admit(small.minorId, '2022-01-10'));
    let date = '2022-01-10';
    for (let i = 0; i < 20; i++) {
      const a = await admit(big.minorId, date);
      expectNoErrors(a);
      if (i < 19) {
        const d = await hub.gql(so, 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', {
          input: { placementId: a.data!.admitMinor.id, dischargeDate: addDays(date, 10), dischargeOutcome: 'RETURN_TO_FAMILY' },
        });
        expectNoErrors(d);
        date = addDays(date, 20);
      }
      const iv = await hub.gql(sw, 'mutation($input: AddInterventionInput!) { addIntervention(input: $input) { id } }', { input: { caseId: big.caseId, type, startDate: addDays('2021-02-01', i) } });
      expectNoErrors(iv);
    }

    const { sinba, asso, asmi } = hub.handle.modules;
    const count = async (minorId: string) => {
      for (const m of [sinba, asso, asmi]) m.counter.reset();
      const res = await hub.gql(sw, HISTORY, { id: minorId });
      expectNoErrors(res);
      return { res, statements: { sinba: sinba.counter.value, asso: asso.counter.value, asmi: asmi.counter.value } };
    };
    const one = await count(small.minorId);
    const twenty = await count(big.minorId);
    expect((twenty.res.data!.minor as { placements: unknown[] }).placements).toHaveLength(20);
    expect((twenty.res.data!.minor as { interventions: unknown[] }).interventions).toHaveLength(20);
    expect(twenty.statements).toEqual(one.statements);
    // Closing note figures: statements per module for the history query.
    console.log(`history query statements (1 vs 20 placements): ${JSON.stringify(one.statements)} vs ${JSON.stringify(twenty.statements)}`);
  });

  it('refuses an invalid token with HTTP 401 UNAUTHENTICATED, never as anonymous', async () => {
    const res = await hub.gql('not-a-jwt', '{ codes(list: "ACT_KIND") { code } }');
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses operations the role may not run with FORBIDDEN and changes nothing', async () => {
    const analyst = hub.token({ role: 'REGIONAL_ANALYST', sub: 'an-1' });
    const res = await hub.gql(analyst, 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { firstName: 'X', lastName: 'Y', birthDate: '2015-01-01', sex: 'M', citizenship: '100' },
    });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
    const anon = await hub.gql(undefined, 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { firstName: 'X', lastName: 'Y', birthDate: '2015-01-01', sex: 'M', citizenship: '100' },
    });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(['sinba', 'asso', 'asmi'] as const)('refuses a direct request to the %s subgraph without the gateway signature, or with the user JWT, with 401', async (name) => {
    const url = hub.config.subgraphUrls[name];
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const bare = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(bare.status).toBe(401);
    const userJwt = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw', service: 'S1' });
    const withUserJwt = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${userJwt}`, [INTERNAL_TOKEN_HEADER]: userJwt }, body });
    expect(withUserJwt.status).toBe(401);
    const entities = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Minor', id: '00000000-0000-0000-0000-000000000000' }] } }),
    });
    expect(entities.status).toBe(401);
  });

  // Last: it stops a subgraph.
  it('answers /health with 503 and the failing part when a subgraph is down', async () => {
    await hub.handle.modules.asmi.stop();
    const res = await fetch(hub.url.replace(/graphql$/, 'health'));
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'down', checks: { sinba: 'up', asso: 'up', asmi: 'down', database: 'up' } });
  });
});
