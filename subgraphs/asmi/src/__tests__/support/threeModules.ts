import pino from 'pino';
import type { Principal } from '@shared/auth';
import type { HubConfig } from '@shared/config';
import type { ModuleHandle } from '@shared/graphql';
import type { Clock } from '@shared/time';
import { callSubgraph, type GraphQLResponse } from '../../../../../test/support/callSubgraph';
import { nextFiscalCode } from '../../../../../test/support/fixtures';
import { freePorts } from '../../../../../test/support/ports';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/testDatabase';
import { startAsso } from '../../../../asso/src/server';
import { startSinba } from '../../../../sinba/src/server';
import { startAsmi } from '../../server';

const REGISTRAR: Principal = { role: 'SUPERVISOR', sub: 'registrar', territory: ['058', '059'] };
const SOCIAL_WORKER: Principal = { role: 'SOCIAL_WORKER', sub: 'sw', serviceId: 'S1' };

export interface ThreeModules {
  readonly db: TestDatabase;
  readonly config: HubConfig;
  readonly asso: ModuleHandle;
  readonly sinba: ModuleHandle;
  readonly asmi: ModuleHandle;
  call(target: 'asso' | 'sinba' | 'asmi', principal: Principal, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** A supervisor registers the structure in province 058 (10 places, ages 0-17 unless overridden) and, unless told not to, authorises it from 2020-01-01. */
  registerStructure(code: string, input?: Record<string, unknown>, authorise?: boolean): Promise<void>;
  /** A social worker registers a minor; returns the id. */
  registerMinor(birthDate?: string, sex?: 'M' | 'F'): Promise<string>;
  /**
   * docs/privacy.md §3a: when a service holds an open case for the minor today, that service requests a placement in the
   * structure and the request id is returned (for admitMinor's requestId); undefined for a minor with no open case.
   */
  requestFor(minorId: string, structureCode: string): Promise<string | undefined>;
  stop(): Promise<void>;
}

/** ASMI's integration tests run against real ASSO and SINBA subgraphs on free ports, one fresh database, a fixed clock. */
export async function startThreeModules(clock: Clock): Promise<ThreeModules> {
  const logger = pino({ level: 'silent' });
  const db = await createTestDatabase();
  const [ps, pa, pm] = await freePorts(3);
  const url = (p: number) => `http://127.0.0.1:${p}/graphql`;
  const config: HubConfig = { ...db.config, ports: { sinba: ps, asso: pa, asmi: pm }, subgraphUrls: { sinba: url(ps), asso: url(pa), asmi: url(pm) } };
  const asso = await startAsso(config, logger, { clock });
  const sinba = await startSinba(config, logger, { clock });
  const asmi = await startAsmi(config, logger, { clock });
  const handles = { asso, sinba, asmi };
  const call: ThreeModules['call'] = (target, principal, query, variables = {}) =>
    callSubgraph({ url: handles[target].url, name: target, internalSecret: config.internalSecret }, principal, query, variables);
  const ok = (res: GraphQLResponse) => {
    if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return res;
  };
  return {
    db,
    config,
    asso,
    sinba,
    asmi,
    call,
    async registerStructure(code, input = {}, authorise = true) {
      ok(
        await call('asso', REGISTRAR, 'mutation($input: RegisterStructureInput!) { registerStructure(input: $input) { code } }', {
          input: { code, name: `Comunità ${code}`, type: 'CEM', municipality: '058091', capacity: 10, emergencyCapacity: 0, minAge: 0, maxAge: 17, ...input },
        }),
      );
      if (authorise) {
        ok(
          await call('asso', REGISTRAR, 'mutation($input: RecordActInput!) { recordAct(input: $input) { id } }', {
            input: { structureCode: code, kind: 'AUTHORISATION', number: `A-${code}`, date: '2020-01-01', validFrom: '2020-01-01' },
          }),
        );
      }
    },
    async registerMinor(birthDate = '2012-01-01', sex = 'M') {
      const res = ok(
        await call('sinba', SOCIAL_WORKER, 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
          input: { fiscalCode: nextFiscalCode(birthDate, sex), firstName: 'Test', lastName: 'Minore', birthDate, sex, citizenship: '100' },
        }),
      );
      return (res.data as { registerMinor: { id: string } }).registerMinor.id;
    },
    async requestFor(minorId, structureCode) {
      const holders = ok(
        await call('sinba', { role: 'SERVICE', sub: 'service:test', service: 'test' } as Principal, 'query($ids: [ID!]!, $on: Date!) { caseHolders(minorIds: $ids, on: $on) { serviceId } }', { ids: [minorId], on: clock() }),
      );
      const serviceId = (holders.data as { caseHolders: { serviceId: string }[] }).caseHolders[0]?.serviceId;
      if (!serviceId) return undefined;
      const res = ok(
        await call('asmi', { role: 'SOCIAL_WORKER', sub: `sw-${serviceId}`, serviceId } as Principal, 'mutation($input: RequestPlacementInput!) { requestPlacement(input: $input) { id } }', {
          input: { minorId, structureCode, requestedAdmissionDate: '2021-01-01', kind: 'ORDINARY' },
        }),
      );
      return (res.data as { requestPlacement: { id: string } }).requestPlacement.id;
    },
    async stop() {
      await asmi.stop();
      await sinba.stop();
      await asso.stop();
      await db.drop();
    },
  };
}
