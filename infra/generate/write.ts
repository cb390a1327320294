import type { Client } from 'pg';
import { dayToIso } from './random';
import type { DataSet } from './model';

/**
 * Bulk writes: each table in one transaction, rows sent in batches as one
 * array per column and expanded server-side with unnest (INSERT ... SELECT
 * FROM unnest($1::uuid[], ...)): one round trip and one statement per batch,
 * close to COPY speed without a COPY stream (pg has none built in). Every
 * constraint and trigger of the tables runs as for any other write.
 */
const BATCH = 5000;
const ACTOR = 'generator';

type Column = readonly [name: string, pgType: string];

const iso = (day: number | null): string | null => (day === null ? null : dayToIso(day));

async function insertColumns(client: Client, table: string, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const names = columns.map(([n]) => n).join(', ');
  const params = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${params})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const chunk = rows.slice(start, start + BATCH);
    const arrays = columns.map((_, c) => chunk.map((r) => r[c]));
    await client.query(sql, arrays);
  }
}

async function inTransaction(client: Client, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

export interface TableTiming {
  readonly table: string;
  readonly rows: number;
  readonly ms: number;
}

/**
 * Write the data set, table after table in foreign-key order. ASSO rows go in
 * day by day with `asso.effective_date` set for that day, so the registry's
 * history (structure_change, filled by its triggers) dates each structure and
 * act as of its own day, as if recorded then.
 */
export async function writeDataSet(client: Client, data: DataSet, progress: (t: TableTiming) => void): Promise<TableTiming[]> {
  const timings: TableTiming[] = [];
  const timed = async (table: string, rows: number, work: () => Promise<void>) => {
    const t0 = performance.now();
    await inTransaction(client, work);
    const t = { table, rows, ms: performance.now() - t0 };
    timings.push(t);
    progress(t);
  };

  await timed('asso.structure + asso.act', data.structures.length + data.acts.length, async () => {
    await client.query(`SELECT set_config('asso.actor', $1, true)`, [ACTOR]);
    const days = new Map<number, { structures: typeof data.structures; acts: typeof data.acts }>();
    const at = (d: number) => days.get(d) ?? days.set(d, { structures: [], acts: [] }).get(d)!;
    for (const s of data.structures) at(s.registeredOn).structures.push(s);
    for (const a of data.acts) at(a.date).acts.push(a);
    for (const day of [...days.keys()].sort((a, b) => a - b)) {
      const { structures, acts } = days.get(day)!;
      await client.query(`SELECT set_config('asso.effective_date', $1, true)`, [dayToIso(day)]);
      if (structures.length) {
        await insertColumns(
          client,
          'asso.structure',
          [['code', 'text'], ['name', 'text'], ['type', 'text'], ['municipality', 'text'], ['address', 'text'], ['managing_entity', 'text'], ['managing_entity_tax_code', 'text'], ['capacity', 'int'], ['emergency_capacity', 'int'], ['min_age', 'int'], ['max_age', 'int'], ['contact_email', 'text'], ['created_by', 'text']],
          structures.map((s) => [s.code, s.name, s.type, s.municipality, s.address, s.managingEntity, s.managingEntityTaxCode, s.capacity, s.emergencyCapacity, s.minAge, s.maxAge, s.contactEmail, ACTOR]),
        );
      }
      if (acts.length) {
        await insertColumns(
          client,
          'asso.act',
          [['id', 'uuid'], ['structure_code', 'text'], ['kind', 'text'], ['number', 'text'], ['date', 'date'], ['valid_from', 'date'], ['valid_to', 'date'], ['issuing_body', 'text'], ['created_by', 'text']],
          acts.map((a) => [a.id, a.structureCode, a.kind, a.number, iso(a.date), iso(a.validFrom), iso(a.validTo), a.issuingBody, ACTOR]),
        );
      }
    }
  });

  await timed('sinba.minor', data.minors.length, () =>
    insertColumns(
      client,
      'sinba.minor',
      [['id', 'uuid'], ['fiscal_code', 'text'], ['first_name', 'text'], ['last_name', 'text'], ['birth_date', 'date'], ['sex', 'text'], ['citizenship', 'text'], ['birth_municipality', 'text'], ['residence_municipality', 'text'], ['unaccompanied', 'boolean'], ['created_by', 'text']],
      data.minors.map((m) => [m.id, m.fiscalCode, m.firstName, m.lastName, iso(m.birthDay), m.sex, m.citizenship, m.birthMunicipality, m.residenceMunicipality, m.unaccompanied, ACTOR]),
    ),
  );

  await timed('sinba.case', data.cases.length, () =>
    insertColumns(
      client,
      'sinba."case"',
      [['id', 'uuid'], ['minor_id', 'uuid'], ['service_id', 'text'], ['start_date', 'date'], ['end_date', 'date'], ['closure_reason', 'text'], ['created_by', 'text'], ['closed_at', 'timestamptz'], ['closed_by', 'text']],
      data.cases.map((c) => [c.id, c.minorId, c.serviceId, iso(c.startDay), iso(c.endDay), c.closureReason, ACTOR, c.endDay === null ? null : `${iso(c.endDay)}T12:00:00Z`, c.endDay === null ? null : ACTOR]),
    ),
  );

  await timed('sinba.intervention', data.interventions.length, () =>
    insertColumns(
      client,
      'sinba.intervention',
      [['id', 'uuid'], ['case_id', 'uuid'], ['minor_id', 'uuid'], ['type', 'text'], ['start_date', 'date'], ['end_date', 'date'], ['structure_code', 'text'], ['created_by', 'text']],
      data.interventions.map((i) => [i.id, i.caseId, i.minorId, i.type, iso(i.startDay), iso(i.endDay), i.structureCode, ACTOR]),
    ),
  );

  await timed('asmi.placement', data.placements.length, () =>
    insertColumns(
      client,
      'asmi.placement',
      [
        ['id', 'uuid'], ['minor_id', 'uuid'], ['structure_code', 'text'], ['admission_date', 'date'], ['discharge_date', 'date'], ['kind', 'text'],
        ['referring_service', 'text'], ['legal_basis', 'text'], ['court_order_reference', 'text'], ['discharge_outcome', 'text'],
        ['minor_birth_date', 'date'], ['minor_sex', 'text'], ['minor_citizenship', 'text'], ['minor_unaccompanied', 'boolean'],
        ['structure_type', 'text'], ['structure_province', 'text'], ['created_by', 'text'], ['updated_by', 'text'],
      ],
      data.placements.map((p) => {
        const m = data.minors[p.minor];
        const s = data.structures[p.structure];
        // ASMI's copies of the minor's quasi-identifiers and of the structure's type and province (as admitMinor writes them)
        return [p.id, m.id, s.code, iso(p.admissionDay), iso(p.dischargeDay), p.kind, p.referringService, p.legalBasis, p.courtOrderReference, p.dischargeOutcome, iso(m.birthDay), m.sex, m.citizenship, m.unaccompanied, s.type, s.province, ACTOR, ACTOR];
      }),
    ),
  );

  const t0 = performance.now();
  // VACUUM, not only ANALYZE: freshly bulk-loaded tables have no visibility map, so index-only scans read every heap row until the first vacuum.
  await client.query('VACUUM ANALYZE sinba.minor, sinba."case", sinba.intervention, sinba.intervention_beneficiary, asso.structure, asso.act, asmi.placement');
  const analyze = { table: 'VACUUM ANALYZE', rows: 0, ms: performance.now() - t0 };
  timings.push(analyze);
  progress(analyze);
  return timings;
}
