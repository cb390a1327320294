import { createModuleDataSource } from '@shared/db';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { sinbaMigrations } from '../migrations';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

async function sinbaTables(ds: ReturnType<typeof createModuleDataSource>): Promise<string[]> {
  const rows = (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'sinba' AND table_name <> 'migrations' ORDER BY 1`)) as { table_name: string }[];
  return rows.map((r) => r.table_name);
}

describe('SINBA migrations', () => {
  it('go down and up again', async () => {
    const ds = createModuleDataSource({ url: db.adminUrl, schema: 'sinba', migrations: sinbaMigrations, poolSize: 1 });
    await ds.initialize();
    try {
      const tables = await sinbaTables(ds);
      expect(tables).toEqual(expect.arrayContaining(['case', 'health_data', 'intervention', 'minor', 'referral']));
      // seed 003 §3.3–§3.8, §3.11, court orders (1733200000000)
      expect(tables).toEqual(expect.arrayContaining(['additional_data', 'co_planning', 'court_order', 'family_member', 'family_problem', 'minor_problem', 'violence_record']));
      // seed 003 §3.9.10 siblings, §3.10 assessments (1733300000000)
      expect(tables).toEqual(expect.arrayContaining(['assessment', 'intervention_beneficiary']));
      for (let i = 0; i < sinbaMigrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await sinbaTables(ds)).toEqual([]);
      await ds.runMigrations({ transaction: 'each' });
      expect(await sinbaTables(ds)).toEqual(tables);
    } finally {
      await ds.destroy();
    }
  });

  it('keep impossible records out of the database', async () => {
    const ds = createModuleDataSource({ url: db.adminUrl, schema: 'sinba', poolSize: 1 });
    await ds.initialize();
    try {
      const [{ id }] = (await ds.query(`INSERT INTO sinba.minor (first_name, last_name, birth_date, sex, created_by) VALUES ('A', 'B', '2015-01-01', 'M', 't') RETURNING id`)) as { id: string }[];
      // end before start
      await expect(ds.query(`INSERT INTO sinba."case" (minor_id, service_id, start_date, end_date, closure_reason, created_by) VALUES ($1, 'S', '2024-02-01', '2024-01-01', 'X', 't')`, [id])).rejects.toMatchObject({ driverError: { code: '23514' } });
      // two open cases of the same service
      await ds.query(`INSERT INTO sinba."case" (minor_id, service_id, start_date, created_by) VALUES ($1, 'S', '2024-01-01', 't')`, [id]);
      await expect(ds.query(`INSERT INTO sinba."case" (minor_id, service_id, start_date, created_by) VALUES ($1, 'S', '2024-02-01', 't')`, [id])).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'case_one_open_per_service_key' } });
      // an intervention whose minor is not the case's minor
      const [{ id: other }] = (await ds.query(`INSERT INTO sinba.minor (first_name, last_name, birth_date, sex, created_by) VALUES ('C', 'D', '2015-01-01', 'F', 't') RETURNING id`)) as { id: string }[];
      const [{ id: caseId }] = (await ds.query(`SELECT id FROM sinba."case" WHERE minor_id = $1`, [id])) as { id: string }[];
      await expect(ds.query(`INSERT INTO sinba.intervention (case_id, minor_id, type, start_date, created_by) VALUES ($1, $2, 'T', '2024-01-01', 't')`, [caseId, other])).rejects.toMatchObject({ driverError: { code: '23503' } });
      // sex outside M/F
      await expect(ds.query(`INSERT INTO sinba.minor (first_name, last_name, birth_date, sex, created_by) VALUES ('A', 'B', '2015-01-01', 'X', 't')`)).rejects.toMatchObject({ driverError: { code: '23514' } });
      // seed 003 §3.2.1: birth date and sex are required unless unborn; the unborn have an expected birth date and no sex
      await expect(ds.query(`INSERT INTO sinba.minor (first_name, last_name, created_by) VALUES ('A', 'B', 't')`)).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'minor_born_check' } });
      await expect(ds.query(`INSERT INTO sinba.minor (first_name, last_name, unborn, created_by) VALUES ('NASCITURO', 'NASCITURO', true, 't')`)).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'minor_unborn_check' } });
      await expect(ds.query(`INSERT INTO sinba.minor (first_name, last_name, unborn, expected_birth_date, sex, created_by) VALUES ('NASCITURO', 'NASCITURO', true, '2025-01-01', 'M', 't')`)).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'minor_unborn_check' } });
      await ds.query(`INSERT INTO sinba.minor (first_name, last_name, unborn, expected_birth_date, created_by) VALUES ('NASCITURO', 'NASCITURO', true, '2025-01-01', 't')`);
    } finally {
      await ds.destroy();
    }
  });
});
