/**
 * docs/privacy.md §9 defence in depth: a valid internal token for a principal
 * with no relationship yields no identity from SINBA (single lookup and
 * `_entities`) and no placement from ASMI, even when the gateway is bypassed.
 */
import { addDays, todayInRome } from '@shared/time';
import { callSubgraph } from '../support/callSubgraph';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, nextFiscalCode, registerActiveStructure, registerMinorWithCase } from '../support/fixtures';

describe('subgraphs enforce single lookups too (docs/privacy.md §9)', () => {
  let hub: TestHub;
  let minorId: string;
  let fiscalCode: string;
  let placementId: string;
  const today = todayInRome();
  const sinba = () => ({ url: hub.handle.modules.sinba.url, name: 'sinba', internalSecret: hub.config.internalSecret });
  const asmi = () => ({ url: hub.handle.modules.asmi.url, name: 'asmi', internalSecret: hub.config.internalSecret });
  const MINOR = 'query($id: ID!) { minor(id: $id) { id firstName lastName fiscalCode birthDate healthData { law104 } cases { id } } }';
  const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Minor { id firstName fiscalCode birthDate } } }';

  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'SD-A');
    ({ minorId, fiscalCode } = await registerMinorWithCase(hub, 'S-SD', { firstName: 'Difesa' }));
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-sd', service: 'S-SD' });
    expectNoErrors(await hub.gql(sw, 'mutation($input: HealthDataInput!) { recordHealthData(input: $input) { law104 } }', { input: { minorId, law104: true } }));
    // A minor with no open case, hosted by SD-A until 40 days ago.
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-sd', structure: 'SD-A' });
    const reg = await hub.gql<{ registerMinor: { id: string } }>(so, 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { fiscalCode: nextFiscalCode('2010-10-10', 'M'), firstName: 'Passato', lastName: 'Ospite', birthDate: '2010-10-10', sex: 'M', citizenship: '100' },
    });
    expectNoErrors(reg);
    const adm = await hub.gql<{ admitMinor: { id: string } }>(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
      input: { minorId: reg.data!.registerMinor.id, structureCode: 'SD-A', admissionDate: addDays(today, -100), kind: 'EMERGENCY' },
    });
    expectNoErrors(adm);
    placementId = adm.data!.admitMinor.id;
    expectNoErrors(await hub.gql(so, 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', { input: { placementId, dischargeDate: addDays(today, -40), dischargeOutcome: 'RETURN_TO_FAMILY' } }));
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('SINBA gives the case holder the minor, and an unrelated social worker no identity, case or health data', async () => {
    const holder = await callSubgraph<any>(sinba(), { role: 'SOCIAL_WORKER', sub: 'sw-sd', serviceId: 'S-SD' }, MINOR, { id: minorId });
    expect(holder.data.minor).toMatchObject({ firstName: 'Difesa', fiscalCode, healthData: { law104: true }, cases: [expect.any(Object)] });
    const stranger = await callSubgraph<any>(sinba(), { role: 'SOCIAL_WORKER', sub: 'sw-x', serviceId: 'S-OTHER' }, MINOR, { id: minorId });
    expect(stranger.data.minor).toEqual({ id: minorId, firstName: null, lastName: null, fiscalCode: null, birthDate: null, healthData: null, cases: [] });
    expect(JSON.stringify(stranger)).not.toContain('Difesa');
  });

  it('SINBA gives no identity through _entities to a structure that does not host the minor, a supervisor or an analyst', async () => {
    for (const principal of [
      { role: 'STRUCTURE_OPERATOR' as const, sub: 'op-x', structureCode: 'SD-A' },
      { role: 'SUPERVISOR' as const, sub: 'sup', territory: ['058'] },
      { role: 'REGIONAL_ANALYST' as const, sub: 'an' },
    ]) {
      const res = await callSubgraph<any>(sinba(), principal, ENTITIES, { r: [{ __typename: 'Minor', id: minorId }] });
      expect(res.data._entities).toEqual([{ id: minorId, firstName: null, fiscalCode: null, birthDate: null }]);
    }
  });

  it('ASMI gives a structure no placement of a minor it no longer hosts, by id or through _entities', async () => {
    const op = { role: 'STRUCTURE_OPERATOR' as const, sub: 'op-sd', structureCode: 'SD-A' };
    const byId = await callSubgraph<any>(asmi(), op, 'query($id: ID!) { placement(id: $id) { id admissionDate } }', { id: placementId });
    expect(byId.data.placement).toBeNull();
    const ent = await callSubgraph<any>(asmi(), op, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Placement { id admissionDate } } }', { r: [{ __typename: 'Placement', id: placementId }] });
    expect(ent.data._entities).toEqual([null]);
  });
});
