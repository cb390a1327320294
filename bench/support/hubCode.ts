import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type * as Audit from '../../gateway/audit/auditStore';
import type * as DataSources from '../../gateway/dataSources';
import type * as Server from '../../gateway/server';
import type * as Asmi from '../../subgraphs/asmi/src/server';
import type * as Asso from '../../subgraphs/asso/src/server';
import type * as Sinba from '../../subgraphs/sinba/src/server';

const ROOT = path.resolve(__dirname, '..', '..');

/** Which code the benchmarks run: the compiled build (dist/, what production runs) unless BENCH_BUILD=tsx. */
export const BENCH_BUILD: 'dist' | 'tsx' = process.env.BENCH_BUILD === 'tsx' ? 'tsx' : 'dist';

/** `npm run build`, when the benchmarks run the compiled build. */
export function buildIfCompiled(): void {
  if (BENCH_BUILD !== 'dist') return;
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

export interface HubCode {
  readonly startGateway: typeof Server.startGateway;
  readonly InternalTokenDataSource: typeof DataSources.InternalTokenDataSource;
  readonly AuditStore: typeof Audit.AuditStore;
  readonly startSinba: typeof Sinba.startSinba;
  readonly startAsso: typeof Asso.startAsso;
  readonly startAsmi: typeof Asmi.startAsmi;
}

/** The gateway's and the modules' entry points (and the audit store, for the bench's sirmi-noaudit), from dist/ (compiled) or from the sources (BENCH_BUILD=tsx). */
export async function hubCode(): Promise<HubCode> {
  const load = async <T>(source: () => Promise<T>, compiled: string): Promise<T> => (BENCH_BUILD === 'tsx' ? source() : ((await import(path.join(ROOT, 'dist', compiled))) as T));
  const server = await load(() => import('../../gateway/server'), 'gateway/server.js');
  const dataSources = await load(() => import('../../gateway/dataSources'), 'gateway/dataSources.js');
  const audit = await load(() => import('../../gateway/audit/auditStore'), 'gateway/audit/auditStore.js');
  const sinba = await load(() => import('../../subgraphs/sinba/src/server'), 'subgraphs/sinba/src/server.js');
  const asso = await load(() => import('../../subgraphs/asso/src/server'), 'subgraphs/asso/src/server.js');
  const asmi = await load(() => import('../../subgraphs/asmi/src/server'), 'subgraphs/asmi/src/server.js');
  return { startGateway: server.startGateway, InternalTokenDataSource: dataSources.InternalTokenDataSource, AuditStore: audit.AuditStore, startSinba: sinba.startSinba, startAsso: asso.startAsso, startAsmi: asmi.startAsmi };
}
