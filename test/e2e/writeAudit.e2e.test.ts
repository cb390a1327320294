/**
 * docs/privacy.md §7 through the gateway: every mutation that touches a
 * minor's record leaves one WRITE entry per minor, whatever the response
 * selects, accepted or refused alike; a write that cannot be audited does not
 * run, or returns nothing (AUDIT_UNAVAILABLE, HTTP 503).
 */
import { Client } from 'pg';
import { todayInRome } from '@shared/time';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, nextFiscalCode, registerActiveStructure, registerMinorWithCase } from '../support/fixtures';

type Entry = { at: string; subject: string; role: string; action: string; outcome: string | null; operationName: string | null; dataClasses: string[] };

describe('every write is audited (docs/privacy.md §7)', () => {
  let hub: TestHub;
  const po = () => hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo-1' });
  const sw = () => hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-wa', service: 'S-WA' });
  const so = () => hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-wa', structure: 'WA-C001' });

  beforeAll(async () => {
    hub = await startTestHub();
    await registerActiveStructure(hub, 'WA-C001');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const admin = async (sql: string) => {
    const c = new Client({ connectionString: hub.db.adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };

  const writesOf = async (minorId: string): Promise<Entry[]> => {
    const res = await hub.gql<{ accessLog: Entry[] }>(po(), 'query($id: ID!) { accessLog(minorId: $id) { at subject role action outcome operationName dataClasses } }', { id: minorId });
    expectNoErrors(res);
    return res.data!.accessLog.filter((e) => e.action === 'WRITE');
  };

  it('a case holder recording health data with only { __typename } leaves an ACCEPTED WRITE entry', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-WA');
    const before = (await writesOf(minorId)).length;
    const res = await hub.gql(sw(), 'mutation Health($input: HealthDataInput!) { recordHealthData(input: $input) { __typename } }', { input: { minorId, law104: true } });
    expectNoErrors(res);
    const after = await writesOf(minorId);
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1]).toMatchObject({ subject: 'sw-wa', role: 'SOCIAL_WORKER', action: 'WRITE', outcome: 'ACCEPTED', operationName: 'Health' });
  });

  it('a structure admitting a minor with only { id } leaves an ACCEPTED WRITE entry', async () => {
    const reg = await hub.gql<{ registerMinor: { id: string } }>(so(), 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
      input: { fiscalCode: nextFiscalCode('2011-03-03', 'M'), firstName: 'Piero', lastName: 'Prova', birthDate: '2011-03-03', sex: 'M', citizenship: '100' },
    });
    expectNoErrors(reg);
    const minorId = reg.data!.registerMinor.id;
    expect(await writesOf(minorId)).toEqual([expect.objectContaining({ outcome: 'ACCEPTED', role: 'STRUCTURE_OPERATOR' })]);
    const adm = await hub.gql(so(), 'mutation Admit($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
      input: { minorId, structureCode: 'WA-C001', admissionDate: todayInRome(), kind: 'EMERGENCY' },
    });
    expectNoErrors(adm);
    const entries = await writesOf(minorId);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ operationName: 'Admit', outcome: 'ACCEPTED', subject: 'op-wa' });

    // A write naming only the placement is traced to its minor: refused for another structure, accepted for its own.
    const placementId = (adm.data as any).admitMinor.id;
    const other = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-other', structure: 'WA-C999' });
    const input = { placementId, dischargeDate: todayInRome(), dischargeOutcome: 'RETURN_TO_FAMILY' };
    const refused = await hub.gql(other, 'mutation Discharge($input: DischargeMinorInput!) { dischargeMinor(input: $input) { __typename } }', { input });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expectNoErrors(await hub.gql(so(), 'mutation Discharge($input: DischargeMinorInput!) { dischargeMinor(input: $input) { __typename } }', { input }));
    const last = (await writesOf(minorId)).slice(2);
    expect(last).toEqual([expect.objectContaining({ subject: 'op-other', outcome: 'REFUSED' }), expect.objectContaining({ subject: 'op-wa', outcome: 'ACCEPTED' })]);
  });

  it('a refused mutation leaves a REFUSED WRITE entry', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-WA-OTHER');
    const res = await hub.gql(sw(), 'mutation Snoop($input: HealthDataInput!) { recordHealthData(input: $input) { __typename } }', { input: { minorId, law104: true } });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const entries = await writesOf(minorId);
    expect(entries[entries.length - 1]).toMatchObject({ subject: 'sw-wa', operationName: 'Snoop', outcome: 'REFUSED' });
  });

  it('a mutation does not run when its entry cannot be written (AUDIT_UNAVAILABLE, 503)', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-WA');
    await admin('REVOKE INSERT ON audit.access_log FROM sirmi_gateway');
    let res;
    try {
      res = await hub.gql(sw(), 'mutation($input: HealthDataInput!) { recordHealthData(input: $input) { law104 } }', { input: { minorId, law104: true } });
    } finally {
      await admin('GRANT INSERT ON audit.access_log TO sirmi_gateway');
    }
    expect(res.status).toBe(503);
    expect(res.errors?.[0].extensions?.code).toBe('AUDIT_UNAVAILABLE');
    expect(res.data ?? null).toBeNull();
    const read = await hub.gql(sw(), 'query($id: ID!) { minor(id: $id) { healthData { law104 } } }', { id: minorId });
    expectNoErrors(read);
    expect((read.data as any).minor.healthData?.law104 ?? null).not.toBe(true);
  });

  it('a mutation whose entry fails after it ran returns no data (AUDIT_UNAVAILABLE, 503)', async () => {
    const { minorId } = await registerMinorWithCase(hub, 'S-WA');
    await admin(`CREATE FUNCTION audit.test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'down'; END $$`);
    await admin('CREATE TRIGGER test_fail BEFORE INSERT ON audit.access_log FOR EACH STATEMENT EXECUTE FUNCTION audit.test_fail()');
    let res;
    try {
      res = await hub.gql(sw(), 'mutation($input: HealthDataInput!) { recordHealthData(input: $input) { law104 } }', { input: { minorId, law104: true } });
    } finally {
      await admin('DROP TRIGGER test_fail ON audit.access_log; DROP FUNCTION audit.test_fail()');
    }
    expect(res.status).toBe(503);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(res.data ?? null).toBeNull();
  });
});
