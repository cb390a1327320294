import { createModuleDataSource } from '@shared/db';
import { migrateDatabase } from '../../../../infra/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { assoMigrations } from '../migrations';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

type Ds = ReturnType<typeof createModuleDataSource>;

async function assoTables(ds: Ds): Promise<string[]> {
  const rows = (await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'asso' AND table_name <> 'migrations' ORDER BY 1`)) as { table_name: string }[];
  return rows.map((r) => r.table_name);
}

const TABLES = ['act', 'act_document', 'act_document_archive', 'inspection', 'structure', 'structure_change'];

describe('ASSO migrations', () => {
  it('go down and up again', async () => {
    const ds = createModuleDataSource({ url: db.adminUrl, schema: 'asso', migrations: assoMigrations, poolSize: 1 });
    await ds.initialize();
    try {
      expect(await assoTables(ds)).toEqual(TABLES);
      for (let i = 0; i < assoMigrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await assoTables(ds)).toEqual([]);
      await ds.runMigrations({ transaction: 'each' });
      expect(await assoTables(ds)).toEqual(TABLES);
    } finally {
      await ds.destroy();
    }
    // The module role's grants cover the tables that exist when the migrator grants: run it again, as `npm run migrate` would.
    await migrateDatabase(db.adminUrl, { rolePassword: db.config.database.rolePassword, manageRoles: true });
  });
});

describe('ASSO database constraints (as the module role)', () => {
  let ds: Ds;
  beforeAll(async () => {
    // The module role, as at run time: grants come from infra/db/migrate.ts.
    ds = createModuleDataSource({ url: db.config.database.moduleUrls.asso!, schema: 'asso', poolSize: 1 });
    await ds.initialize();
    await ds.query(`INSERT INTO asso.structure (code, name, type, municipality, capacity, created_by) VALUES ('DB-1', 'S', 'T', '058091', 5, 'u1')`);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  /** A structure row with some columns overridden (SQL literals). */
  function insertStructure(overrides: Record<string, string>) {
    const row: Record<string, string> = { code: `'DB-X'`, name: `'S'`, type: `'T'`, municipality: `'058091'`, capacity: '5', created_by: `'u1'`, ...overrides };
    return ds.query(`INSERT INTO asso.structure (${Object.keys(row).join(', ')}) VALUES (${Object.values(row).join(', ')})`);
  }

  it('generates the province from the municipality', async () => {
    const rows = (await ds.query(`SELECT province FROM asso.structure WHERE code = 'DB-1'`)) as { province: string }[];
    expect(rows[0].province).toBe('058');
  });

  it.each([
    ['a lower-case code', { code: `'db-2'` }, 'structure_code_check'],
    ['a blank name', { name: `'  '` }, 'structure_name_check'],
    ['a municipality of 5 digits', { municipality: `'05809'` }, 'structure_municipality_check'],
    ['a negative capacity', { capacity: '-1' }, 'structure_capacity_check'],
    ['negative emergency places', { emergency_capacity: '-1' }, 'structure_emergency_capacity_check'],
    ['a minimum age above the maximum', { min_age: '12', max_age: '10' }, 'structure_age_range_check'],
    ['a maximum age above 21', { max_age: '22' }, 'structure_max_age_check'],
    ['an implausible e-mail', { contact_email: `'no mail'` }, 'structure_contact_email_check'],
  ])('refuses a structure with %s', async (_what, overrides, constraint) => {
    await expect(insertStructure(overrides)).rejects.toMatchObject({ driverError: { code: '23514', constraint } });
  });

  it('refuses a duplicate code', async () => {
    await expect(insertStructure({ code: `'DB-1'` })).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'structure_pkey' } });
  });

  it('refuses an unknown act kind', async () => {
    await expect(ds.query(`INSERT INTO asso.act (structure_code, kind, number, date, valid_from, created_by) VALUES ('DB-1', 'PARDON', '1', '2024-01-01', '2024-01-01', 'u1')`)).rejects.toMatchObject({
      driverError: { code: '23514', constraint: 'act_kind_check' },
    });
  });

  it('refuses an act whose validity ends before it starts, and an act of an unknown structure', async () => {
    await expect(
      ds.query(`INSERT INTO asso.act (structure_code, kind, number, date, valid_from, valid_to, created_by) VALUES ('DB-1', 'SUSPENSION', '1', '2024-01-01', '2024-01-02', '2024-01-01', 'u1')`),
    ).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'act_validity_check' } });
    await expect(ds.query(`INSERT INTO asso.act (structure_code, kind, number, date, valid_from, created_by) VALUES ('NOPE', 'WARNING', '1', '2024-01-01', '2024-01-01', 'u1')`)).rejects.toMatchObject({
      driverError: { code: '23503' },
    });
  });

  it('records every write in the append-only history, with who and what changed', async () => {
    await ds.transaction(async (m) => {
      await m.query(`SELECT set_config('asso.actor', 'u2', true)`);
      await m.query(`UPDATE asso.structure SET capacity = 6 WHERE code = 'DB-1'`);
    });
    await ds.query(`INSERT INTO asso.act (structure_code, kind, number, date, valid_from, created_by) VALUES ('DB-1', 'WARNING', 'W1', '2024-01-01', '2024-01-01', 'u1')`);
    const rows = (await ds.query(`SELECT entity, operation, changed_by, changes FROM asso.structure_change WHERE structure_code = 'DB-1' ORDER BY id`)) as {
      entity: string;
      operation: string;
      changed_by: string;
      changes: Record<string, { from: unknown; to: unknown }>;
    }[];
    expect(rows.map((r) => [r.entity, r.operation, r.changed_by])).toEqual([
      ['structure', 'INSERT', 'u1'],
      ['structure', 'UPDATE', 'u2'],
      ['act', 'INSERT', 'u1'],
    ]);
    expect(rows[1].changes).toEqual({ capacity: { from: 5, to: 6 } });
    expect(rows[2].changes.kind).toEqual({ from: null, to: 'WARNING' });
    await expect(ds.query(`DELETE FROM asso.structure_change`)).rejects.toMatchObject({ driverError: { code: '42501' } });
    await expect(ds.query(`UPDATE asso.structure_change SET changed_by = 'x'`)).rejects.toMatchObject({ driverError: { code: '42501' } });
  });
});

describe('migration 1733000000000 (structure profile) on existing rows', () => {
  it('adds the columns as NULL to registered structures, rewriting no row and no history', async () => {
    const other = await createTestDatabase();
    const ds = createModuleDataSource({ url: other.adminUrl, schema: 'asso', migrations: assoMigrations, poolSize: 1 });
    await ds.initialize();
    try {
      const columns = async () =>
        ((await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'asso' AND table_name = 'structure'`)) as { column_name: string }[]).map((c) => c.column_name);
      await ds.undoLastMigration({ transaction: 'each' }); // 1734000000000 (structure description, issue 15), after it
      expect(await columns()).not.toContain('description');
      await ds.undoLastMigration({ transaction: 'each' });
      expect(await columns()).not.toContain('health_authority');
      await ds.query(`INSERT INTO asso.structure (code, name, type, municipality, capacity, contact_email, created_by) VALUES ('OLD-1', 'S', 'CEM', '058091', 5, 'a@b.it', 'u1')`);
      const changesBefore = (await ds.query(`SELECT id, changes FROM asso.structure_change ORDER BY id`)) as unknown[];
      await ds.runMigrations({ transaction: 'each' });
      expect(await columns()).toEqual(expect.arrayContaining(['health_authority', 'gender', 'target', 'phone', 'public_email']));
      const rows = (await ds.query(`SELECT code, capacity, contact_email, health_authority, gender, target, phone, public_email FROM asso.structure`)) as Record<string, unknown>[];
      expect(rows).toEqual([{ code: 'OLD-1', capacity: 5, contact_email: 'a@b.it', health_authority: null, gender: null, target: null, phone: null, public_email: null }]);
      expect(await ds.query(`SELECT id, changes FROM asso.structure_change ORDER BY id`)).toEqual(changesBefore);
      // the new checks hold for new writes
      await expect(ds.query(`UPDATE asso.structure SET phone = 'abc' WHERE code = 'OLD-1'`)).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'structure_phone_check' } });
      await expect(ds.query(`UPDATE asso.structure SET gender = ' ' WHERE code = 'OLD-1'`)).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'structure_gender_check' } });
      await expect(ds.query(`UPDATE asso.structure SET public_email = 'no mail' WHERE code = 'OLD-1'`)).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'structure_public_email_check' } });
    } finally {
      await ds.destroy();
      await other.drop();
    }
  });
});
