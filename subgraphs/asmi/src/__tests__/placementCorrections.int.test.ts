import { Client } from 'pg';
import type { Principal } from '@shared/auth';
import { startThreeModules, type ThreeModules } from './support/threeModules';

/**
 * Corrections of a placement's admission facts (issue 18 item 5) in ASMI
 * against real PostgreSQL, ASSO and SINBA: the capacity rule holds under
 * concurrent corrections (the structure's lock), a refused correction writes
 * nothing (no history row, no notification intent), and one request at a
 * time per placement even when two arrive together. Today is 2024-06-15.
 */
const TODAY = '2024-06-15';
const op = (structureCode: string): Principal => ({ role: 'STRUCTURE_OPERATOR', sub: `op-${structureCode}`, structureCode });
const ADMIT = 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }';
const DISCHARGE = 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }';
const CORRECT = 'mutation($input: CorrectPlacementInput!) { correctPlacement(input: $input) { id admissionDate } }';
const REQUEST = 'mutation($input: CorrectPlacementInput!) { requestPlacementCorrection(input: $input) { id status } }';

describe('placement corrections in ASMI', () => {
  let hub: ThreeModules;
  let admin: Client;
  const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

  async function admitted(structureCode: string, admissionDate: string): Promise<string> {
    const m = await hub.registerMinor('2012-01-01');
    const res = await hub.call('asmi', op(structureCode), ADMIT, { input: { minorId: m, structureCode, admissionDate, kind: 'ORDINARY' } });
    expect(res.errors).toBeUndefined();
    return (res.data as { admitMinor: { id: string } }).admitMinor.id;
  }

  beforeAll(async () => {
    hub = await startThreeModules(() => TODAY);
    admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await hub?.stop();
  });

  it('keeps capacity under concurrent corrections: of two guests moved into the one free day, exactly one is', async () => {
    // Two places: guest a from 06-01 to 06-05, guests b from 06-05 and c from 06-06.
    await hub.registerStructure('PCI-1', { capacity: 2, emergencyCapacity: 0 });
    const a = await admitted('PCI-1', '2024-06-01');
    expect((await hub.call('asmi', op('PCI-1'), DISCHARGE, { input: { placementId: a, dischargeDate: '2024-06-05', dischargeOutcome: 'RETURN_TO_FAMILY' } })).errors).toBeUndefined();
    const b = await admitted('PCI-1', '2024-06-05');
    const c = await admitted('PCI-1', '2024-06-06');
    // On 06-03 guest a is there: one place left; b and c both ask to move to 06-03 at once.
    const results = await Promise.all([b, c].map((id) => hub.call('asmi', op('PCI-1'), CORRECT, { input: { placementId: id, admissionDate: '2024-06-03', reason: 'Data sbagliata' } })));
    expect(results.map(code).sort()).toEqual(['STRUCTURE_FULL', undefined].sort());
    const { rows } = await admin.query(`SELECT to_char(admission_date, 'YYYY-MM-DD') AS d FROM asmi.placement WHERE id = ANY($1::uuid[]) ORDER BY 1`, [[b, c]]);
    expect(rows.map((r: { d: string }) => r.d).filter((d: string) => d === '2024-06-03')).toHaveLength(1);
  });

  it('a refused correction writes nothing: no history row, no notification intent, the placement unchanged', async () => {
    await hub.registerStructure('PCI-2', { capacity: 1, emergencyCapacity: 0 });
    const a = await admitted('PCI-2', '2024-06-01');
    expect((await hub.call('asmi', op('PCI-2'), DISCHARGE, { input: { placementId: a, dischargeDate: '2024-06-08', dischargeOutcome: 'RETURN_TO_FAMILY' } })).errors).toBeUndefined();
    const b = await admitted('PCI-2', '2024-06-08');
    const res = await hub.call('asmi', op('PCI-2'), CORRECT, { input: { placementId: b, admissionDate: '2024-06-07', kind: 'EMERGENCY', reason: 'Data sbagliata' } });
    expect(code(res)).toBe('STRUCTURE_FULL');
    const history = await admin.query('SELECT count(*)::int AS n FROM asmi.placement_correction WHERE placement_id = $1', [b]);
    const outbox = await admin.query(`SELECT count(*)::int AS n FROM asmi.notification_outbox WHERE placement_id = $1 AND kind = 'PLACEMENT_CORRECTED'`, [b]);
    const row = await admin.query(`SELECT to_char(admission_date, 'YYYY-MM-DD') AS d, kind FROM asmi.placement WHERE id = $1`, [b]);
    expect([history.rows[0].n, outbox.rows[0].n, row.rows[0]]).toEqual([0, 0, { d: '2024-06-08', kind: 'ORDINARY' }]);

    // The same correction on a free day is applied, with its history row and its notification intent, in one go.
    const ok = await hub.call('asmi', op('PCI-2'), CORRECT, { input: { placementId: b, kind: 'EMERGENCY', reason: 'Era una pronta accoglienza' } });
    expect(ok.errors).toBeUndefined();
    const after = await admin.query(`SELECT c.status, c.before, c.after, (SELECT count(*)::int FROM asmi.notification_outbox o WHERE o.placement_id = c.placement_id AND o.kind = 'PLACEMENT_CORRECTED') AS n FROM asmi.placement_correction c WHERE c.placement_id = $1`, [b]);
    expect(after.rows).toEqual([{ status: 'APPLIED', before: { kind: 'ORDINARY' }, after: { kind: 'EMERGENCY' }, n: 1 }]);
  });

  it('one pending request per placement, even when two arrive together', async () => {
    await hub.registerStructure('PCI-3', { capacity: 5, emergencyCapacity: 0 });
    const a = await admitted('PCI-3', '2024-03-01');
    const results = await Promise.all(['CONSENSUAL', 'URGENT_ART_403'].map((legalBasis) => hub.call('asmi', op('PCI-3'), REQUEST, { input: { placementId: a, legalBasis, reason: 'Base giuridica' } })));
    expect(results.map(code).sort()).toEqual(['CORRECTION_ALREADY_REQUESTED', undefined].sort());
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM asmi.placement_correction WHERE placement_id = $1 AND status = 'PENDING'`, [a]);
    expect(rows[0].n).toBe(1);
  });
});
