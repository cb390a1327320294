/**
 * The demo region loaded by `npm start` (and docker-compose's demo job) into
 * an empty database: a small synthetic region from the regional data
 * generator (infra/generate), fixed seed, so that every example of the README
 * returns data (issue 19). On top of the generator's rows (structures and
 * acts, minors, one case each, interventions, placements over three years up
 * to today): the structures' public profile (target, gender, ASL, public
 * contacts), a PDF document for every authorisation act, and absences
 * (authorised ones, and a few minors away without authorisation today).
 *
 * Run as a child process (`tsx infra/demo/region.ts`, DATABASE_URL = the
 * admin connection of a migrated database): faker, which the generator uses,
 * is an ES module that jest's CommonJS runtime cannot load, and the demo data
 * is also loaded by end-to-end tests. See loadDemoRegion.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { todayInRome } from '@shared/time';

/** Seed of the demo region, and its size for three years of history. */
export const DEMO_REGION = Object.freeze({ minorsPerThreeYears: 1000, seed: 19 });

/** The README's report examples are dated 2024: the history always reaches back to its start. */
export const DEMO_HISTORY_FROM = '2024-01-01';

/**
 * Years of history (at least three, back to DEMO_HISTORY_FROM) and minors (as
 * many per year as for three years), so the README's 2024 examples keep
 * returning data in later years.
 */
export function demoRegionSize(today: string): { years: number; minors: number } {
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${DEMO_HISTORY_FROM}T00:00:00Z`)) / 86_400_000;
  const years = Math.max(3, Math.ceil(days / 365.25));
  return { years, minors: Math.round((DEMO_REGION.minorsPerThreeYears * years) / 3) };
}

const ACTOR = 'demo';

/** Load the demo region into `adminUrl` (migrated, without the region yet) in a child process; resolves with its counts. */
export function loadDemoRegion(adminUrl: string): Promise<{ minors: number; structures: number; placements: number }> {
  const root = path.join(__dirname, '..', '..');
  const tsx = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const child = spawn(process.execPath, [tsx, path.join(root, 'infra', 'demo', 'region.ts')], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: adminUrl, SIRMI_DEMO_REGION_CHILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`demo region: ${err.trim() || `exit ${code}`}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() as string));
      } catch {
        reject(new Error(`demo region: unexpected output ${out.slice(0, 200)}`));
      }
    });
  });
}

const HEALTH_AUTHORITY: Readonly<Record<string, readonly string[]>> = {
  '058': ['ROMA_1', 'ROMA_2', 'ROMA_3', 'ROMA_4', 'ROMA_5', 'ROMA_6'],
  '059': ['LATINA'],
  '060': ['FROSINONE'],
  '056': ['VITERBO'],
  '057': ['RIETI'],
};

/** STRUCTURE_TARGET of a generated structure, from its type (STRUCTURE_TYPE). */
function targetOf(type: string): string {
  if (type === 'CABG' || type === 'CRF') return 'MOTHER_AND_CHILD';
  if (type === 'CMSNA1' || type === 'CMSNA2') return 'UNACCOMPANIED_FOREIGN_MINORS';
  if (type === 'CAM' || type === 'CSRD') return 'ADOLESCENTS_AUTONOMY';
  if (type === 'CDD') return 'DISABILITY';
  return 'GENERAL';
}

/** A one-page PDF standing for the act (the demo has no real documents). */
async function actPdf(act: { number: string; kind: string; date: string; issuingBody: string }, structure: { code: string; name: string }): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${act.kind} ${act.number}`);
  doc.setCreationDate(new Date(`${act.date}T12:00:00Z`));
  doc.setModificationDate(new Date(`${act.date}T12:00:00Z`));
  doc.setProducer('sirmi-hub demo data');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const lines = [
    act.issuingBody,
    '',
    `Atto n. ${act.number} del ${act.date}`,
    `Tipo: ${act.kind}`,
    `Struttura: ${structure.name} (${structure.code})`,
    '',
    'Documento dimostrativo generato da sirmi-hub (dati sintetici).',
  ];
  lines.forEach((line, i) => page.drawText(line.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), { x: 56, y: 780 - i * 22, size: 12, font }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  // Imported here: faker (through the model) is an ES module, loaded only in this child process.
  const { buildDataSet } = await import('../generate/model');
  const { writeDataSet } = await import('../generate/write');
  const { dayToIso, isoToDay, Rng } = await import('../generate/random');
  const today = todayInRome();
  const size = demoRegionSize(today);
  const data = buildDataSet({ minors: size.minors, seed: DEMO_REGION.seed, until: isoToDay(today), years: size.years });
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await writeDataSet(client, data, () => undefined);
    const rng = new Rng(DEMO_REGION.seed);
    await client.query('BEGIN');
    await client.query(`SELECT set_config('asso.actor', $1, true)`, [ACTOR]);
    // The structures' public profile (seed 002): target, gender, ASL, public contacts.
    for (const [i, s] of data.structures.entries()) {
      const asl = HEALTH_AUTHORITY[s.province] ?? [];
      await client.query('UPDATE asso.structure SET target = $2, gender = $3, health_authority = $4, phone = $5, public_email = $6 WHERE code = $1', [
        s.code,
        targetOf(s.type),
        s.type.startsWith('CMSNA') ? 'M' : 'MIXED',
        asl.length ? asl[i % asl.length] : null,
        `0${6 + (i % 3)} 555${String(1000 + i).slice(-4)}`,
        s.contactEmail,
      ]);
    }
    // A PDF for every authorisation act (GET /documents/acts/<id>).
    const byCode = new Map(data.structures.map((s) => [s.code, s]));
    for (const a of data.acts.filter((x) => x.kind === 'AUTHORISATION')) {
      const pdf = await actPdf({ number: a.number, kind: a.kind, date: dayToIso(a.date), issuingBody: a.issuingBody }, byCode.get(a.structureCode) as { code: string; name: string });
      await client.query('INSERT INTO asso.act_document (act_id, filename, content, size_bytes, sha256, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)', [
        a.id,
        `${a.number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`,
        pdf,
        pdf.length,
        createHash('sha256').update(pdf).digest('hex'),
        ACTOR,
      ]);
    }
    // Absences (ASMI): a few days away with authorisation in one placement in eight, and a few minors away without authorisation since two days ago.
    const todayDay = isoToDay(today);
    let away = 0;
    for (const [i, p] of data.placements.entries()) {
      const end = p.dischargeDay ?? todayDay;
      if (p.dischargeDay === null && away < 3 && end - p.admissionDay > 10 && i % 5 === 0) {
        away++;
        await client.query('INSERT INTO asmi.absence (placement_id, kind, start_date, end_date, created_by, updated_by) VALUES ($1, $2, $3, NULL, $4, $4)', [p.id, 'UNAUTHORISED_DEPARTURE', dayToIso(todayDay - 2), ACTOR]);
      } else if (i % 8 === 0 && end - p.admissionDay >= 20) {
        const start = p.admissionDay + rng.int(3, end - p.admissionDay - 10);
        await client.query('INSERT INTO asmi.absence (placement_id, kind, start_date, end_date, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $5)', [p.id, i % 16 === 0 ? 'HOSPITALISATION' : 'AUTHORISED_ABSENCE', dayToIso(start), dayToIso(start + rng.int(1, 5)), ACTOR]);
      }
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  console.log(JSON.stringify({ minors: data.minors.length, structures: data.structures.length, placements: data.placements.length }));
}

if (require.main === module && process.env.SIRMI_DEMO_REGION_CHILD === '1') {
  main().catch((err) => {
    console.error((err as Error).message);
    process.exit(1);
  });
}
