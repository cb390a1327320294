/**
 * CARE_OBSERVATION (docs/privacy.md §2, §4, §5, §11) through the gateway:
 * the structure records what the prosecutor's list needs (relations with the
 * family, the parents' residence, the psycho-physical condition), reads it
 * back while it hosts the minor, the case holder reads it, nobody else does;
 * the prosecutor list carries it; bad input changes nothing.
 */
import { todayInRome, addDays } from '@shared/time';
import { parseCsv } from '../support/csv';
import { covers } from '../support/coverage';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, registerActiveStructure, registerMinorWithCase } from '../support/fixtures';

describe('care observations (docs/privacy.md §2 CARE_OBSERVATION)', () => {
  let hub: TestHub;
  let minorId: string;
  let placementId: string;
  const today = todayInRome();
  const so = (code = 'CO-A') => hub.token({ role: 'STRUCTURE_OPERATOR', sub: `op-${code}`, structure: code });
  const RECORD = 'mutation Observe($input: CareObservationInput!) { recordCareObservation(input: $input) { id date familyRelations parentsResidenceMunicipality psychophysicalCondition } }';
  const READ = 'query($id: ID!) { placement(id: $id) { id careObservations { date familyRelations parentsResidenceMunicipality psychophysicalCondition } } }';

  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'CO-A');
    await registerActiveStructure(hub, 'CO-B');
    ({ minorId } = await registerMinorWithCase(hub, 'S-CO', { firstName: 'Osservata' }));
    // The admission of a minor with an open case may need a placement request (docs/privacy.md §3a); inserting it directly keeps this test about observations.
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    try {
      placementId = (
        await admin.query(
          `INSERT INTO asmi.placement (minor_id, structure_code, admission_date, kind, minor_birth_date, minor_sex, minor_citizenship, minor_unaccompanied, structure_type, structure_province, referring_service, created_by, updated_by)
           VALUES ($1, 'CO-A', $2, 'ORDINARY', '2012-05-10', 'F', '100', false, 'CEM', '058', 'S-CO', 'test', 'test') RETURNING id`,
          [minorId, addDays(today, -60)],
        )
      ).rows[0].id;
    } finally {
      await admin.end();
    }
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('the hosting structure records an observation and reads it back; the write is audited', async () => {
    const res = await hub.gql(so(), RECORD, { input: { placementId, date: addDays(today, -1), familyRelations: 'SUPERVISED', parentsResidenceMunicipality: '058091', psychophysicalCondition: 'Buone condizioni generali' } });
    expect(covers('Mutation.recordCareObservation', 'STRUCTURE_OPERATOR', res)).toMatchObject({ familyRelations: 'SUPERVISED', parentsResidenceMunicipality: '058091', psychophysicalCondition: 'Buone condizioni generali' });
    const read = await hub.gql(so(), READ, { id: placementId });
    expectNoErrors(read);
    expect((read.data as any).placement.careObservations).toEqual([{ date: addDays(today, -1), familyRelations: 'SUPERVISED', parentsResidenceMunicipality: '058091', psychophysicalCondition: 'Buone condizioni generali' }]);
    const log = await hub.gql<{ accessLog: { operationName: string; action: string; outcome: string }[] }>(hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo' }), 'query($id: ID!) { accessLog(minorId: $id) { operationName action outcome } }', { id: minorId });
    expect(log.data!.accessLog).toContainEqual({ operationName: 'Observe', action: 'WRITE', outcome: 'ACCEPTED' });
  });

  it('the case holder reads it; another service, another structure and a supervisor do not', async () => {
    const q = 'query($id: ID!) { minor(id: $id) { placements { careObservations { psychophysicalCondition } } } }';
    const holder = await hub.gql(hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-co', service: 'S-CO' }), q, { id: minorId });
    expectNoErrors(holder);
    expect((holder.data as any).minor.placements[0].careObservations).toEqual([{ psychophysicalCondition: 'Buone condizioni generali' }]);
    for (const token of [hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-x', service: 'S-X' }), so('CO-B'), hub.token({ role: 'SUPERVISOR', sub: 'sup', territory: '058' })]) {
      const res = await hub.gql(token, q, { id: minorId });
      expect(res.text).not.toContain('Buone condizioni');
    }
  });

  it('another structure may not record one, and bad input changes nothing (field named)', async () => {
    const refused = await hub.gql(so('CO-B'), RECORD, { input: { placementId, date: today, familyRelations: 'REGULAR' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const [input, field] of [
      [{ placementId, date: today, familyRelations: 'SOMETIMES' }, 'familyRelations'],
      [{ placementId, date: today, familyRelations: 'REGULAR', parentsResidenceMunicipality: '999998' }, 'parentsResidenceMunicipality'],
      [{ placementId, date: addDays(today, 1), familyRelations: 'REGULAR' }, 'date'],
      [{ placementId, date: addDays(today, -90), familyRelations: 'REGULAR' }, 'date'],
    ] as const) {
      const res = await hub.gql(so(), RECORD, { input });
      expect({ field, got: res.errors?.[0].extensions?.field }).toEqual({ field, got: field });
    }
    const read = await hub.gql(so(), READ, { id: placementId });
    expect((read.data as any).placement.careObservations).toHaveLength(1);
  });

  it('the prosecutor list carries the latest observation', async () => {
    const year = Number(today.slice(0, 4));
    const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
    const res = await fetch(`${hub.url.replace(/\/graphql$/, '')}/reports/prosecutor-list/CO-A/${year}/${half}.csv`, { headers: { authorization: `Bearer ${so()}` } });
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text());
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    // The Italian document names what it shows: the relation's label and the municipality's name, not their codes.
    expect(row).toMatchObject({ 'Rapporti con la famiglia': 'Incontri protetti', 'Luogo di residenza dei genitori': 'Roma', 'Condizioni psicofisiche': 'Buone condizioni generali' });
  });
});
