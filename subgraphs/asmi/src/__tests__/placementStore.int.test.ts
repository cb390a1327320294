import { randomUUID } from 'node:crypto';
import { createModuleDataSource } from '@shared/db';
import { migrateDatabase } from '../../../../infra/db/migrate';
import { AppError } from '@shared/errors';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { asmiMigrations } from '../migrations';
import {
  countOccupancy,
  findPeriodsOfStructureFrom,
  findPlacementsByIds,
  findPlacementsByMinorIds,
  findPlacementsByStructures,
  findStructureProvinces,
  lockStructure,
} from '../repositories/placementRepository';
import { withinCapacity } from '../rules/placementRules';
import { placementWriteError } from '../services/placementDbErrors';

type Ds = ReturnType<typeof createModuleDataSource>;

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

describe('ASMI migrations', () => {
  const constraints = async (ds: Ds) =>
    ((await ds.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'asmi.placement'::regclass AND contype = 'x' ORDER BY 1`).catch(() => [])) as { conname: string }[]).map((r) => r.conname);

  it('go down and up again', async () => {
    const ds = createModuleDataSource({ url: db.adminUrl, schema: 'asmi', migrations: asmiMigrations, poolSize: 1 });
    await ds.initialize();
    try {
      expect(await constraints(ds)).toEqual(['placement_no_overlap', 'placement_same_day_inside_other']);
      for (let i = 0; i < asmiMigrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const [{ exists }] = await ds.query(`SELECT to_regclass('asmi.placement') IS NOT NULL AS exists`);
      expect(exists).toBe(false);
      await ds.runMigrations({ transaction: 'each' });
      expect(await constraints(ds)).toEqual(['placement_no_overlap', 'placement_same_day_inside_other']);
    } finally {
      await ds.destroy();
    }
    // The module role's grants cover the tables that exist when the migrator grants: run it again, as `npm run migrate` would.
    await migrateDatabase(db.adminUrl, { rolePassword: db.config.database.rolePassword, manageRoles: true });
  });
});

describe('ASMI placement store (as the module role)', () => {
  let ds: Ds;

  beforeAll(async () => {
    ds = createModuleDataSource({ url: db.config.database.moduleUrls.asmi!, schema: 'asmi', poolSize: 4 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  /** Insert a placement row directly (bypassing the service's checks: the database must hold on its own). */
  async function place(minorId: string, structureCode: string, admission: string, discharge: string | null = null, province = '058'): Promise<string> {
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO asmi.placement (minor_id, structure_code, admission_date, discharge_date, discharge_outcome, kind, structure_type, structure_province, created_by, updated_by)
       VALUES ($1, $2, $3, $4, CASE WHEN $4::date IS NULL THEN NULL ELSE 'OTHER_STRUCTURE' END, 'ORDINARY', 'CEM', $5, 'test', 'test') RETURNING id`,
      [minorId, structureCode, admission, discharge, province],
    );
    return rows[0].id;
  }

  describe('constraints', () => {
    it('accepts a same-day transfer: discharge on day D in one structure, admission on day D in another', async () => {
      const m = randomUUID();
      await place(m, 'DB-A', '2024-01-01', '2024-03-01');
      await expect(place(m, 'DB-B', '2024-03-01')).resolves.toBeDefined();
    });

    it('refuses overlapping placements of one minor (placement_no_overlap, 23P01)', async () => {
      const m = randomUUID();
      await place(m, 'DB-A', '2024-01-01', '2024-03-02');
      await expect(place(m, 'DB-B', '2024-03-01')).rejects.toMatchObject({ driverError: { code: '23P01', constraint: 'placement_no_overlap' } });
      await expect(place(m, 'DB-B', '2023-12-01')).rejects.toMatchObject({ driverError: { code: '23P01' } });
      // ...and the service turns it into the API's code
      const err = await place(m, 'DB-B', '2024-03-01').catch((e: unknown) => e);
      expect((placementWriteError(err) as AppError).extensions.code).toBe('PLACEMENT_OVERLAP');
    });

    it('allows other minors in the same period', async () => {
      await place(randomUUID(), 'DB-A', '2024-01-01');
      await expect(place(randomUUID(), 'DB-A', '2024-01-01')).resolves.toBeDefined();
    });

    it('stores a same-day placement as discharge = admission and allows transfers into and out of it on that day', async () => {
      const m = randomUUID();
      await place(m, 'DB-A', '2024-01-01', '2024-03-01');
      await place(m, 'DB-PA', '2024-03-01', '2024-03-01');
      await place(m, 'DB-PA2', '2024-03-01', '2024-03-01');
      await expect(place(m, 'DB-B', '2024-03-01')).resolves.toBeDefined();
    });

    it('refuses a same-day placement inside a placement spanning that day (placement_same_day_inside_other)', async () => {
      const m = randomUUID();
      await place(m, 'DB-A', '2024-01-01');
      await expect(place(m, 'DB-B', '2024-03-01', '2024-03-01')).rejects.toMatchObject({ driverError: { code: '23P01', constraint: 'placement_same_day_inside_other' } });
      const n = randomUUID();
      await place(n, 'DB-B', '2024-03-01', '2024-03-01');
      await expect(place(n, 'DB-A', '2024-02-01', '2024-04-01')).rejects.toMatchObject({ driverError: { code: '23P01', constraint: 'placement_same_day_inside_other' } });
    });

    it('refuses a discharge before the admission, an unknown kind, a discharge without outcome', async () => {
      await expect(place(randomUUID(), 'DB-A', '2024-03-01', '2024-02-28')).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'placement_dates_check' } });
      await expect(
        ds.query(`INSERT INTO asmi.placement (minor_id, structure_code, admission_date, kind, structure_type, structure_province, created_by, updated_by) VALUES ($1, 'DB-A', '2024-01-01', 'HOLIDAY', 'CEM', '058', 't', 't')`, [randomUUID()]),
      ).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'placement_kind_check' } });
      await expect(
        ds.query(`INSERT INTO asmi.placement (minor_id, structure_code, admission_date, discharge_date, kind, structure_type, structure_province, created_by, updated_by) VALUES ($1, 'DB-A', '2024-01-01', '2024-02-01', 'ORDINARY', 'CEM', '058', 't', 't')`, [randomUUID()]),
      ).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'placement_discharge_outcome_check' } });
    });

    it('has no column for a name or a fiscal code (docs/privacy.md §9)', async () => {
      const cols = ((await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'asmi' AND table_name = 'placement'`)) as { column_name: string }[]).map((c) => c.column_name);
      expect(cols).toEqual(expect.arrayContaining(['minor_id', 'minor_birth_date', 'minor_sex', 'minor_citizenship', 'minor_unaccompanied', 'structure_type', 'structure_province']));
      expect(cols.filter((c) => /name|fiscal|address/.test(c))).toEqual([]);
    });
  });

  describe('capacity inputs and occupancy', () => {
    it('selects the placements still there on or after a date, so a retroactive admission sees later ones', async () => {
      await place(randomUUID(), 'CAP-1', '2024-01-01', '2024-02-01'); // gone before
      await place(randomUUID(), 'CAP-1', '2024-01-01', '2024-03-01'); // gone on the day
      await place(randomUUID(), 'CAP-1', '2024-02-15');
      await place(randomUUID(), 'CAP-1', '2024-04-01');
      const periods = await findPeriodsOfStructureFrom(ds.manager, 'CAP-1', '2024-03-01');
      expect(periods.map((p) => p.admissionDate).sort()).toEqual(['2024-02-15', '2024-04-01']);
      expect(withinCapacity(periods, '2024-03-01', 2)?.code).toBe('STRUCTURE_FULL');
      expect(withinCapacity(periods, '2024-03-01', 3)).toBeNull();
      const fromJanuary = await findPeriodsOfStructureFrom(ds.manager, 'CAP-1', '2024-01-10');
      expect(fromJanuary).toHaveLength(4);
      expect(withinCapacity(fromJanuary, '2024-01-10', 2)?.code).toBe('STRUCTURE_FULL'); // 2 on every day from 10 January
      expect(withinCapacity(fromJanuary, '2024-01-10', 3)).toBeNull();
    });

    it('counts a transferred minor once on the transfer day, in the new structure, and a same-day stay nowhere', async () => {
      const m = randomUUID();
      await place(m, 'OCC-A', '2024-01-01', '2024-03-01');
      await place(m, 'OCC-PA', '2024-03-01', '2024-03-01');
      await place(m, 'OCC-B', '2024-03-01');
      const keys = [
        { code: 'OCC-A', on: '2024-02-29' },
        { code: 'OCC-A', on: '2024-03-01' },
        { code: 'OCC-PA', on: '2024-03-01' },
        { code: 'OCC-B', on: '2024-03-01' },
        { code: 'OCC-NONE', on: '2024-03-01' },
      ];
      const rows = await countOccupancy(ds.manager, keys);
      const n = (code: string, on: string) => rows.find((r) => r.code === code && r.on === on)?.n;
      expect([n('OCC-A', '2024-02-29'), n('OCC-A', '2024-03-01'), n('OCC-PA', '2024-03-01'), n('OCC-B', '2024-03-01'), n('OCC-NONE', '2024-03-01')]).toEqual([1, 0, 0, 1, 0]);
    });

    it('serialises writers on one structure with a transaction-scoped advisory lock', async () => {
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const first = ds.transaction(async (tx) => {
        await lockStructure(tx, 'LOCK-1');
        order.push('first locked');
        await held;
        order.push('first done');
      });
      await new Promise((r) => setTimeout(r, 50));
      const second = ds.transaction(async (tx) => {
        await lockStructure(tx, 'LOCK-1');
        order.push('second locked');
      });
      const other = ds.transaction(async (tx) => {
        await lockStructure(tx, 'LOCK-2');
        order.push('other structure locked');
      });
      await other;
      await new Promise((r) => setTimeout(r, 50));
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first locked', 'other structure locked', 'first done', 'second locked']);
    });
  });

  describe('reads filtered in the SQL', () => {
    const m = randomUUID();
    let inA: string;
    let inB: string;
    beforeAll(async () => {
      inA = await place(m, 'VIS-A', '2023-01-01', '2023-06-01', '058');
      inB = await place(m, 'VIS-B', '2023-06-01', null, '059');
    });

    it("gives a structure operator only its own structure's placements of a minor", async () => {
      const own = await findPlacementsByMinorIds(ds.manager, [m], { kind: 'structure', structureCode: 'VIS-B' });
      expect(own.map((p) => p.id)).toEqual([inB]);
      expect(await findPlacementsByIds(ds.manager, [inA, inB], { kind: 'structure', structureCode: 'VIS-B' })).toHaveLength(1);
    });

    it("gives a supervisor the placements in its territory's structures", async () => {
      const rows = await findPlacementsByMinorIds(ds.manager, [m], { kind: 'territory', provinces: ['058'] });
      expect(rows.map((p) => p.id)).toEqual([inA]);
    });

    it('gives everything to "all" and nothing (without a query) to "none"', async () => {
      expect((await findPlacementsByMinorIds(ds.manager, [m], { kind: 'all' })).map((p) => p.id)).toEqual([inA, inB]);
      expect(await findPlacementsByMinorIds(ds.manager, [m], { kind: 'none' })).toEqual([]);
    });

    it('returns dates as YYYY-MM-DD strings', async () => {
      const [row] = await findPlacementsByIds(ds.manager, [inA], { kind: 'all' });
      expect(row).toMatchObject({ admissionDate: '2023-01-01', dischargeDate: '2023-06-01', structureCode: 'VIS-A', structureProvince: '058' });
    });

    it('answers several (structure, activeOn) keys in one statement, each row with its key', async () => {
      const rows = await findPlacementsByStructures(
        ds.manager,
        [
          { code: 'VIS-A', activeOn: null },
          { code: 'VIS-A', activeOn: '2023-06-01' },
          { code: 'VIS-B', activeOn: '2023-06-01' },
        ],
        { kind: 'all' },
      );
      expect(rows.map((r) => [r.key.code, r.key.activeOn, r.placement.id])).toEqual(
        expect.arrayContaining([
          ['VIS-A', null, inA],
          ['VIS-B', '2023-06-01', inB],
        ]),
      );
      expect(rows).toHaveLength(2);
    });

    it('knows the province of the structures it has placements in', async () => {
      expect(await findStructureProvinces(ds.manager, ['VIS-A', 'VIS-B', 'VIS-NONE'])).toEqual(
        expect.arrayContaining([
          { code: 'VIS-A', province: '058' },
          { code: 'VIS-B', province: '059' },
        ]),
      );
    });
  });
});
