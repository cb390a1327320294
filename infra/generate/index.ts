/**
 * `npm run generate -- --minors 200000 [--seed 1] [--until YYYY-MM-DD] [--years 10] [--reset] [--dry-run] [--digest]`
 *
 * Fills the database named by DATABASE_URL (an admin connection; the
 * database is created if missing, then migrated) with a synthetic regional
 * data set (issue 8): N minors with their cases and 5N interventions (SINBA),
 * 2N placements (ASMI), 1,500 structures per 200,000 minors with their acts
 * (ASSO). Refuses a database that already holds data unless --reset (which
 * drops the hub's schemas and migrates again). Same options, same data
 * (--dry-run builds in memory and prints the counts and a digest of the rows,
 * --digest prints the digest of a real run too).
 * See docs/benchmarks.md.
 */
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@shared/config';
import { todayInRome } from '@shared/time';
import { migrateDatabase } from '../db/migrate';
import { SCHEMAS } from '../db/roles';
import { buildDataSet, structureCount } from './model';
import { isoToDay } from './random';
import { writeDataSet } from './write';

export interface GeneratorArgs {
  readonly minors: number;
  readonly seed: number;
  readonly until: string;
  readonly years: number;
  readonly reset: boolean;
  /** Build in memory and print the counts and a digest of every row; write nothing. */
  readonly dryRun: boolean;
  /** Also print the digest of the rows written (checks that a run is reproducible). */
  readonly digest: boolean;
}

export function parseGeneratorArgs(argv: readonly string[], today: string = todayInRome()): GeneratorArgs {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument "${a}"`);
    const [k, inline] = a.slice(2).split('=', 2);
    if (k === 'reset' || k === 'dry-run' || k === 'digest') out[k] = 'true';
    else out[k] = inline ?? argv[++i] ?? '';
  }
  for (const k of Object.keys(out)) if (!['minors', 'seed', 'until', 'years', 'reset', 'dry-run', 'digest'].includes(k)) throw new Error(`Unknown option --${k}`);
  const minors = Number(out.minors ?? 200_000);
  if (!Number.isInteger(minors) || minors < 1) throw new Error('--minors must be a positive integer');
  const seed = Number(out.seed ?? 1);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const until = out.until ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until > today) throw new Error('--until must be a date (YYYY-MM-DD) not after today');
  const years = Number(out.years ?? 10);
  if (!(years >= 2 && years <= 30)) throw new Error('--years must be between 2 and 30');
  return { minors, seed, until, years, reset: out.reset === 'true', dryRun: out['dry-run'] === 'true', digest: out.digest === 'true' };
}

/** Create the database of `url` if it does not exist (connecting to the cluster's `postgres` database). */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Database name "${name}" must be letters, digits and _`);
  const cluster = new URL(url);
  cluster.pathname = '/postgres';
  const admin = new Client({ connectionString: cluster.toString() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) {
      await admin.query(`CREATE DATABASE ${name}`);
      console.log(`created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Generate into `adminUrl`. Returns the timings (used by the integration test and the CLI). */
export async function generate(adminUrl: string, args: GeneratorArgs, options: { rolePassword: string; manageRoles: boolean; log?: (line: string) => void }) {
  const log = options.log ?? ((line: string) => console.log(line));
  const t0 = performance.now();
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    if (args.reset) {
      for (const schema of SCHEMAS) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      log('reset: dropped the hub schemas');
    }
    await migrateDatabase(adminUrl, { rolePassword: options.rolePassword, manageRoles: options.manageRoles });
    const existing = await client.query<{ n: string }>(
      'SELECT (SELECT count(*) FROM asso.structure) + (SELECT count(*) FROM sinba.minor) + (SELECT count(*) FROM asmi.placement) AS n',
    );
    if (Number(existing.rows[0].n) > 0) throw new Error('The database already holds data: pass --reset to replace it (drops every table of the hub)');
    log(`migrated in ${seconds(performance.now() - t0)}`);

    const tBuild = performance.now();
    const data = buildDataSet({ minors: args.minors, seed: args.seed, until: isoToDay(args.until), years: args.years });
    log(
      `built in memory in ${seconds(performance.now() - tBuild)}: ${data.structures.length} structures (${data.acts.length} acts), ${data.minors.length} minors, ${data.cases.length} cases, ` +
        `${data.interventions.length} interventions, ${data.placements.length} placements` +
        (data.capacityRaised ? ` (${data.capacityRaised} places added to full structures)` : ''),
    );
    const timings = await writeDataSet(client, data, (t) => log(`  ${t.table.padEnd(26)} ${String(t.rows).padStart(9)} rows  ${seconds(t.ms)}`));
    const totalMs = performance.now() - t0;
    log(`total ${seconds(totalMs)} (seed ${args.seed}, history ${args.years} years to ${args.until})`);
    if (args.digest) log(`digest ${digestOf(data)}`);
    return { data, timings, totalMs };
  } finally {
    await client.end();
  }
}

/** sha256 over every row of the data set, in order: two builds with the same options give the same digest. */
export function digestOf(data: ReturnType<typeof buildDataSet>): string {
  const hash = createHash('sha256');
  for (const table of [data.structures, data.acts, data.minors, data.cases, data.placements, data.interventions] as const) {
    for (const row of table as readonly object[]) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const args = parseGeneratorArgs(process.argv.slice(2));
  if (args.dryRun) {
    const t0 = performance.now();
    const data = buildDataSet({ minors: args.minors, seed: args.seed, until: isoToDay(args.until), years: args.years });
    console.log(JSON.stringify({ structures: data.structures.length, acts: data.acts.length, minors: data.minors.length, cases: data.cases.length, placements: data.placements.length, interventions: data.interventions.length, capacityRaised: data.capacityRaised, digest: digestOf(data), ms: Math.round(performance.now() - t0) }));
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required: the admin connection of the database to fill, e.g. postgres://postgres@127.0.0.1:5432/sirmi_bench');
  const config = loadConfig();
  if (config.production) throw new Error('The generator writes synthetic people: refused with NODE_ENV=production');
  console.log(`generate: ${args.minors} minors, ${structureCount(args.minors)} structures, seed ${args.seed}, until ${args.until} into ${new URL(url).pathname.slice(1)}`);
  await ensureDatabase(url);
  await generate(url, args, { rolePassword: config.database.rolePassword, manageRoles: config.database.manageRoles });
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`generate: ${(err as Error).message}`);
    process.exit(1);
  });
}
