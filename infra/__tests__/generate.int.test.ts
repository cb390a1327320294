import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/support/testDatabase';
import { fiscalCodeMismatches, parseFiscalCode } from '@shared/rules';
import type { DataSource } from 'typeorm';
import { findCode, getCodeList, isValidCode } from '@shared/codes';
import { ageBandOf } from '@shared/reporting/dimensions';
import { ageOn } from '@shared/time';
import { createInterventionReports } from '../../subgraphs/sinba/src/reporting/interventionReports';
import { isFullTimePlacement, periodsOverlap, placementAgeFits } from '../../subgraphs/sinba/src/rules/placementInterventions';
import { deriveStatus, type ActKind } from '../../subgraphs/asso/src/rules/deriveStatus';
import { scaledTimeout } from '../../test/support/timeouts';

/*
 * The regional-scale generator (issue 8) on a small data set, run as users
 * run it (`tsx infra/generate/index.ts`, a child process: faker is an ES
 * module that jest's CommonJS runtime cannot load): the requested counts, and
 * the rules the services would have enforced, checked in SQL on what was
 * written.
 */
const ROOT = path.resolve(__dirname, '../..');
const ARGS = ['--minors', '300', '--seed', '7', '--until', '2025-06-30', '--years', '6'];
let writtenDigest = '';

async function runGenerator(args: readonly string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'infra/generate/index.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let db: TestDatabase;
let sql: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  const run = await runGenerator([...ARGS, '--digest'], db.adminUrl);
  if (run.code !== 0) throw new Error(`generator failed: ${run.stderr}${run.stdout}`);
  writtenDigest = /digest ([0-9a-f]{64})/.exec(run.stdout)?.[1] ?? '';
  sql = new Client({ connectionString: db.adminUrl });
  await sql.connect();
}, scaledTimeout(90_000));

afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

async function rows<T = Record<string, unknown>>(query: string): Promise<T[]> {
  return (await sql.query(query)).rows as T[];
}

describe('generator (npm run generate)', () => {
  it('writes N minors with one case each, 2N placements, 5N interventions and at least 30 structures', async () => {
    const [c] = await rows<Record<string, string>>(`SELECT
      (SELECT count(*) FROM sinba.minor) AS minors, (SELECT count(*) FROM sinba."case") AS cases,
      (SELECT count(*) FROM asmi.placement) AS placements, (SELECT count(*) FROM sinba.intervention) AS interventions,
      (SELECT count(*) FROM asso.structure) AS structures,
      (SELECT count(*) FROM asso.structure s WHERE NOT EXISTS (SELECT 1 FROM asso.act a WHERE a.structure_code = s.code AND a.kind = 'AUTHORISATION')) AS unauthorised`);
    expect(c).toEqual({ minors: '300', cases: '300', placements: '600', interventions: '1500', structures: '30', unauthorised: '0' });
  });

  it('gives every minor a valid fiscal code that matches the birth date and sex', async () => {
    const minors = await rows<{ fiscal_code: string; birth_date: string; sex: 'M' | 'F' }>(`SELECT fiscal_code, birth_date::text, sex FROM sinba.minor`);
    const bad = minors.filter((m) => {
      const parsed = parseFiscalCode(m.fiscal_code);
      return !parsed.ok || fiscalCodeMismatches(parsed.birth, { birthDate: m.birth_date, sex: m.sex }).length > 0;
    });
    expect(bad).toEqual([]);
  });

  it('never overlaps two placements of a minor (a transfer discharges and admits on the same day)', async () => {
    const overlaps = await rows(`SELECT a.id FROM asmi.placement a JOIN asmi.placement b ON a.minor_id = b.minor_id AND a.id < b.id
      WHERE daterange(a.admission_date, a.discharge_date, '[)') && daterange(b.admission_date, b.discharge_date, '[)')`);
    expect(overlaps).toEqual([]);
    const [t] = await rows<{ n: string }>(`SELECT count(*) AS n FROM asmi.placement a JOIN asmi.placement b ON a.minor_id = b.minor_id AND b.admission_date = a.discharge_date AND a.discharge_outcome = 'OTHER_STRUCTURE'`);
    expect(Number(t.n)).toBeGreaterThan(0);
  });

  it('never exceeds a structure\'s places (capacity + emergency places) on any day', async () => {
    const over = await rows(`
      WITH days AS (SELECT generate_series(min(admission_date), max(coalesce(discharge_date, admission_date)), '1 day')::date AS day FROM asmi.placement)
      SELECT s.code, d.day, count(*) AS hosted, s.capacity + s.emergency_capacity AS places
        FROM days d JOIN asmi.placement p ON p.admission_date <= d.day AND (p.discharge_date IS NULL OR p.discharge_date > d.day)
        JOIN asso.structure s ON s.code = p.structure_code
       GROUP BY s.code, d.day, s.capacity, s.emergency_capacity
      HAVING count(*) > s.capacity + s.emergency_capacity`);
    expect(over).toEqual([]);
  });

  it('hosts minors only while the structure is authorised, within its ages, and within an open case of the minor', async () => {
    const notActive = await rows(`SELECT p.id FROM asmi.placement p JOIN asso.act a ON a.structure_code = p.structure_code
      WHERE (a.kind = 'SUSPENSION' AND daterange(a.valid_from, a.valid_to, '[]') && daterange(p.admission_date, CASE WHEN p.discharge_date = p.admission_date THEN p.admission_date + 1 ELSE p.discharge_date END, '[)'))
         OR (a.kind = 'REVOCATION' AND a.valid_from < coalesce(p.discharge_date, 'infinity'::date))
         OR (a.kind = 'AUTHORISATION' AND a.valid_from > p.admission_date)`);
    expect(notActive).toEqual([]);
    // and with ASSO's own status rule, on the admission day (what admitMinor checks)
    const acts = await rows<{ structure_code: string; kind: ActKind; date: string; valid_from: string; valid_to: string | null }>(
      `SELECT structure_code, kind, date::text, valid_from::text, valid_to::text FROM asso.act ORDER BY seq`,
    );
    const placements = await rows<{ id: string; structure_code: string; admission_date: string }>(`SELECT id, structure_code, admission_date::text FROM asmi.placement`);
    const actsOf = (code: string) => acts.filter((a) => a.structure_code === code).map((a) => ({ kind: a.kind, date: a.date, validFrom: a.valid_from, validTo: a.valid_to }));
    expect(placements.filter((p) => deriveStatus(actsOf(p.structure_code), p.admission_date) !== 'ACTIVE')).toEqual([]);
    const outsideAges = await rows(`SELECT p.id FROM asmi.placement p JOIN asso.structure s ON s.code = p.structure_code
      WHERE extract(year FROM age(p.admission_date, p.minor_birth_date)) NOT BETWEEN s.min_age AND s.max_age`);
    expect(outsideAges).toEqual([]);
    const withoutCase = await rows(`SELECT p.id FROM asmi.placement p WHERE NOT EXISTS (
      SELECT 1 FROM sinba."case" c WHERE c.minor_id = p.minor_id AND c.service_id = p.referring_service AND c.start_date <= p.admission_date
         AND (c.end_date IS NULL OR (p.discharge_date IS NOT NULL AND c.end_date >= p.discharge_date)))`);
    expect(withoutCase).toEqual([]);
    const caseWithoutInterventions = await rows(`SELECT c.id FROM sinba."case" c WHERE NOT EXISTS (SELECT 1 FROM sinba.intervention i WHERE i.case_id = c.id)`);
    expect(caseWithoutInterventions).toEqual([]);
  });

  it('respects the placement rules of seed 003 §3.9.6 (ages by type) and §3.9.1/§3.9.6 (one full-time placement at a time)', async () => {
    const interventions = await rows<{ id: string; minor_id: string; type: string; start_date: string; end_date: string | null; foster_care_schedule: string | null; birth_date: string | null; unborn: boolean }>(
      `SELECT i.id, i.minor_id, i.type, i.start_date::text, i.end_date::text, i.foster_care_schedule, m.birth_date::text, m.unborn
         FROM sinba.intervention i JOIN sinba.minor m ON m.id = i.minor_id`,
    );
    const typeOf = (code: string) => findCode('INTERVENTION_TYPE', code)!;
    expect(interventions.filter((i) => placementAgeFits(typeOf(i.type), { birthDate: i.birth_date, unborn: i.unborn }, i.start_date) !== null)).toEqual([]);
    const fullTime = interventions.filter((i) => isFullTimePlacement(typeOf(i.type), i.foster_care_schedule));
    expect(fullTime.length).toBeGreaterThan(0);
    const overlapping = fullTime.filter((a) => fullTime.some((b) => b.id !== a.id && b.minor_id === a.minor_id && periodsOverlap({ startDate: a.start_date, endDate: a.end_date }, { startDate: b.start_date, endDate: b.end_date })));
    expect(overlapping).toEqual([]);
  });

  it('reports interventions by INTERVENTION_GROUP as SQL counts them (seeds 000/004 national tables, issue 15)', async () => {
    const reports = createInterventionReports({ dataSource: { manager: { query: async (q: string, p: unknown[]) => (await sql.query(q, p)).rows } } as unknown as DataSource, minCellSize: 2 });
    const analyst = { role: 'REGIONAL_ANALYST', sub: 'an' } as const;
    const on = '2025-06-30';
    const stock = await reports.interventionStock(analyst, { on, groupBy: ['INTERVENTION_GROUP', 'AGE_BAND'] });
    const units = await rows<{ type: string; minor_id: string; birth: string | null }>(`
      SELECT i.type, i.minor_id, m.birth_date::text AS birth FROM sinba.intervention i JOIN sinba.minor m ON m.id = i.minor_id
       WHERE i.start_date <= '${on}' AND (i.end_date IS NULL OR i.end_date > '${on}')
      UNION ALL
      SELECT i.type, b.minor_id, m.birth_date::text FROM sinba.intervention i JOIN sinba.intervention_beneficiary b ON b.intervention_id = i.id JOIN sinba.minor m ON m.id = b.minor_id
       WHERE i.start_date <= '${on}' AND (i.end_date IS NULL OR i.end_date > '${on}')`);
    const cells = new Map<string, Set<string>>();
    for (const u of units) {
      const key = `${findCode('INTERVENTION_TYPE', u.type)!.group}|${ageBandOf(u.birth === null ? null : ageOn(u.birth, on))}`;
      (cells.get(key) ?? cells.set(key, new Set()).get(key)!).add(u.minor_id);
    }
    expect(stock.total).toBe(new Set(units.map((u) => u.minor_id)).size);
    const compared = stock.rows.filter((r) => !r.suppressed);
    expect(compared.length).toBeGreaterThan(5);
    for (const r of compared) expect([r.keys.join('|'), r.count]).toEqual([r.keys.join('|'), cells.get(r.keys.join('|'))?.size]);
    // Placements in structures (3.9.6) are a group of their own; one year of entries, as events.
    const flows = await reports.interventionFlows(analyst, { from: '2024-01-01', to: '2024-12-31', direction: 'ENTRIES', groupBy: ['INTERVENTION_GROUP'], groups: ['3.9.6'] });
    const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM sinba.intervention i WHERE i.start_date BETWEEN '2024-01-01' AND '2024-12-31' AND i.type = ANY('{${getCodeList('INTERVENTION_TYPE').entries.filter((e) => e.group === '3.9.6').map((e) => e.code).join(',')}}')`);
    expect(flows.total).toBe(n);
    expect(flows.rows.map((r) => r.keys)).toEqual([['3.9.6']]);
  });

  it('records no fact after the end of the history (--until)', async () => {
    const [late] = await rows<Record<string, string>>(`SELECT
      (SELECT count(*) FROM asso.act WHERE date > '2025-06-30' OR valid_from > '2025-06-30') AS acts,
      (SELECT count(*) FROM sinba.minor WHERE birth_date > '2025-06-30') AS births,
      (SELECT count(*) FROM sinba."case" WHERE start_date > '2025-06-30' OR end_date > '2025-06-30') AS cases,
      (SELECT count(*) FROM sinba.intervention WHERE start_date > '2025-06-30' OR end_date > '2025-06-30') AS interventions,
      (SELECT count(*) FROM asmi.placement WHERE admission_date > '2025-06-30' OR discharge_date > '2025-06-30') AS placements`);
    expect(late).toEqual({ acts: '0', births: '0', cases: '0', interventions: '0', placements: '0' });
  });

  it("keeps ASMI's copies of the minor's and the structure's data equal to SINBA and ASSO", async () => {
    const inconsistent = await rows(`SELECT p.id FROM asmi.placement p JOIN sinba.minor m ON m.id = p.minor_id JOIN asso.structure s ON s.code = p.structure_code
      WHERE p.minor_birth_date IS DISTINCT FROM m.birth_date OR p.minor_sex IS DISTINCT FROM m.sex OR p.minor_citizenship IS DISTINCT FROM m.citizenship
         OR p.minor_unaccompanied IS DISTINCT FROM m.unaccompanied OR p.structure_type <> s.type OR p.structure_province <> s.province`);
    expect(inconsistent).toEqual([]);
    const [orphans] = await rows<{ n: string }>(`SELECT count(*) AS n FROM asmi.placement p WHERE NOT EXISTS (SELECT 1 FROM sinba.minor m WHERE m.id = p.minor_id)`);
    expect(orphans.n).toBe('0');
  });

  it('uses codes from the reference lists, valid on their dates, and Lazio municipalities for structures', async () => {
    const interventions = await rows<{ type: string; start_date: string }>(`SELECT DISTINCT type, start_date::text FROM sinba.intervention`);
    expect(interventions.filter((i) => !isValidCode('INTERVENTION_TYPE', i.type, i.start_date))).toEqual([]);
    const structures = await rows<{ type: string; province: string }>(`SELECT type, province FROM asso.structure`);
    expect(structures.filter((s) => !isValidCode('STRUCTURE_TYPE', s.type) || !['056', '057', '058', '059', '060'].includes(s.province))).toEqual([]);
    const placements = await rows<{ kind: string; discharge_outcome: string | null }>(`SELECT DISTINCT kind, discharge_outcome FROM asmi.placement`);
    expect(placements.filter((p) => !isValidCode('PLACEMENT_KIND', p.kind) || (p.discharge_outcome !== null && !isValidCode('DISCHARGE_OUTCOME', p.discharge_outcome)))).toEqual([]);
  });

  it('refuses a database that already holds data or no DATABASE_URL, and is reproducible (same seed, same rows)', async () => {
    const [again, noUrl, same, other] = await Promise.all([
      runGenerator(ARGS, db.adminUrl),
      runGenerator(ARGS, ''),
      runGenerator([...ARGS, '--dry-run'], ''),
      runGenerator([...ARGS.slice(0, 2), '--seed', '8', ...ARGS.slice(4), '--dry-run'], ''),
    ]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already holds data: pass --reset/);
    expect(noUrl.code).not.toBe(0);
    expect(noUrl.stderr).toMatch(/DATABASE_URL is required/);
    const digest = (r: { stdout: string }) => (JSON.parse(r.stdout.trim().split('\n').pop() as string) as { digest: string }).digest;
    expect(writtenDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest(same)).toBe(writtenDigest);
    expect(digest(other)).not.toBe(writtenDigest);
  }, scaledTimeout(60_000));
});
