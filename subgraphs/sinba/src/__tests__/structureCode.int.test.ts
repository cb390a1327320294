import pino from 'pino';
import { getCodeList } from '@shared/codes';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { callSubgraph, errorOf } from '../../../../test/support/callSubgraph';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { startAsso } from '../../../asso/src/server';
import { startSinba } from '../server';

/**
 * addIntervention against a real ASSO (seed 003 §3.9.6): a placement's
 * structure code must be in the regional registry, or 888888 / 999999.
 * SINBA asks ASSO as a SERVICE principal, before opening its transaction.
 */
const logger = pino({ level: 'silent' });
const TODAY = '2024-06-15';

const SW_A: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-a', serviceId: 'SRV-A' };
const SW_B: Principal = { role: 'SOCIAL_WORKER', sub: 'sw-b', serviceId: 'SRV-B' };
const SUP: Principal = { role: 'SUPERVISOR', sub: 'sup-1', territory: ['058'] };
const STRUCTURE_CODE = 'RER-SINBA-0001';

const validNow = <T extends { validTo?: string }>(e: T) => !e.validTo || e.validTo >= TODAY;
const placementType = getCodeList('INTERVENTION_TYPE').entries.find((e) => e.attributes?.structurePlacement === true && validNow(e))!.code;
const structureType = getCodeList('STRUCTURE_TYPE').entries.find(validNow)!.code;

const ADD = 'mutation A($input: AddInterventionInput!) { addIntervention(input: $input) { id structureCode structure { code } } }';

let db: TestDatabase;
let asso: ModuleHandle;
let sinba: ModuleHandle;
let caseId: string;

const callSinba = (p: Principal, q: string, v: Record<string, unknown> = {}) =>
  callSubgraph<Record<string, any>>({ url: sinba.url, name: 'sinba', internalSecret: db.config.internalSecret }, p, q, v);
const callAsso = (p: Principal, q: string, v: Record<string, unknown> = {}) =>
  callSubgraph<Record<string, any>>({ url: asso.url, name: 'asso', internalSecret: db.config.internalSecret }, p, q, v);

async function interventionCount(): Promise<number> {
  const rows = (await sinba.dataSource.query('SELECT count(*)::int AS n FROM sinba.intervention')) as { n: number }[];
  return rows[0].n;
}

beforeAll(async () => {
  db = await createTestDatabase();
  asso = await startAsso({ ...db.config, ports: { ...db.config.ports, asso: 0 } }, logger, { clock: () => TODAY });
  sinba = await startSinba(
    { ...db.config, ports: { ...db.config.ports, sinba: 0 }, subgraphUrls: { ...db.config.subgraphUrls, asso: asso.url } },
    logger,
    { clock: () => TODAY },
  );

  // The registry entry, as a supervisor in territory keeps it.
  const registered = await callAsso(SUP, 'mutation R($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', {
    input: { code: STRUCTURE_CODE, name: 'Comunità educativa di prova', type: structureType, municipality: '058091', capacity: 8 },
  });
  expect(registered.errors).toBeUndefined();
  const act = await callAsso(SUP, 'mutation A($input: RecordActInput!) { recordAct(input: $input) { id } }', {
    input: { structureCode: STRUCTURE_CODE, kind: 'AUTHORISATION', number: 'AUT-1', date: '2023-01-10', validFrom: '2023-01-10' },
  });
  expect(act.errors).toBeUndefined();

  const minor = await callSinba(SW_A, 'mutation R($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
    input: { firstName: 'Nome', lastName: 'Cognome', birthDate: '2012-08-05', sex: 'M', citizenship: '100' },
  });
  expect(minor.errors).toBeUndefined();
  const opened = await callSinba(SW_A, 'mutation O($input: OpenCaseInput!) { openCase(input: $input) { id } }', {
    input: { minorId: minor.data!.registerMinor.id, startDate: '2024-01-10' },
  });
  expect(opened.errors).toBeUndefined();
  caseId = opened.data!.openCase.id;
});

afterAll(async () => {
  await sinba?.stop();
  await asso?.stop();
  await db?.drop();
});

describe('addIntervention with a structure of the regional registry', () => {
  it('accepts a placement in a registered structure and references it for ASSO to resolve', async () => {
    const res = await callSinba(SW_A, ADD, { input: { caseId, type: placementType, startDate: '2024-02-01', structureCode: STRUCTURE_CODE } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addIntervention).toMatchObject({ structureCode: STRUCTURE_CODE, structure: { code: STRUCTURE_CODE } });
  });

  it('refuses a code that is not in the registry with UNKNOWN_STRUCTURE, storing nothing', async () => {
    const before = await interventionCount();
    const res = await callSinba(SW_A, ADD, { input: { caseId, type: placementType, startDate: '2024-02-01', structureCode: 'RER-NOPE-9999' } });
    expect(res.data?.addIntervention ?? null).toBeNull();
    expect(errorOf(res)).toMatchObject({ code: 'UNKNOWN_STRUCTURE', field: 'structureCode' });
    expect(await interventionCount()).toBe(before);
  });

  it('does not ask ASSO for 888888 / 999999, nor for a request refused on the case', async () => {
    asso.counter.reset();
    for (const structureCode of ['888888', '999999']) {
      const res = await callSinba(SW_A, ADD, { input: { caseId, type: placementType, startDate: '2024-02-01', structureCode } });
      expect(res.errors).toBeUndefined();
    }
    const refused = await callSinba(SW_B, ADD, { input: { caseId, type: placementType, startDate: '2024-02-01', structureCode: STRUCTURE_CODE } });
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    expect(asso.counter.value).toBe(0);
  });
});
