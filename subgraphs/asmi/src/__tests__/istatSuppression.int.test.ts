import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import { createModuleDataSource } from '@shared/db';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/testDatabase';
import { createIstatTable } from '../reporting/istatTable';

/*
 * docs/privacy.md §10 on the ISTAT table: a structure's `hosted` cell hidden as the
 * second cell of the hosted column must not come back as the sum of that
 * structure's published breakdown (sex, age band, citizenship group): the
 * breakdown cells of a structure add up to its hosted count, and the hosted
 * column adds up to the regional stock on 31 December, which placementStock
 * publishes (even in the same GraphQL request).
 *
 * On 31 December 2024: A hosts 3 (suppressed), B 20 and C 30, every minor of
 * a structure in the same age band and citizenship group.
 */
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'analyst' };

describe('ISTAT table: hosted cells hidden as second cells stay hidden in the breakdowns', () => {
  let db: TestDatabase;
  let ds: DataSource;

  async function hosted(structure: string, n: number, sex: 'M' | 'F', birth: string) {
    for (let i = 0; i < n; i++) {
      await ds.query(
        `INSERT INTO asmi.placement (minor_id, structure_code, admission_date, kind, minor_birth_date, minor_sex, minor_citizenship, minor_unaccompanied, structure_type, structure_province, referring_service, created_by, updated_by)
         VALUES ($1, $2, '2024-02-01', 'ORDINARY', $3, $4, '100', false, 'CEM', '058', 'S1', 'test', 'test')`,
        [randomUUID(), structure, birth, sex],
      );
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createModuleDataSource({ url: db.adminUrl, schema: 'asmi' });
    await ds.initialize();
    await hosted('IST-A', 3, 'M', '2008-05-01');
    await hosted('IST-B', 10, 'M', '2008-05-01');
    await hosted('IST-B', 10, 'F', '2008-05-01');
    await hosted('IST-C', 15, 'M', '2008-05-01');
    await hosted('IST-C', 15, 'F', '2008-05-01');
  }, 60_000);
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('no structure whose hosted count is suppressed has a breakdown that adds up to it', async () => {
    const table = await createIstatTable({ dataSource: ds, minCellSize: 5 }).istatResidentialTable(ANALYST, 2024);
    const byCode = new Map(table.rows.map((r) => [r.structure.code, r]));
    expect(byCode.get('IST-A')!.hosted).toEqual({ count: null, suppressed: true });
    // The column needs a second hidden cell: B, the smallest.
    expect(byCode.get('IST-B')!.hosted).toEqual({ count: null, suppressed: true });
    for (const row of table.rows) {
      if (!row.hosted.suppressed) continue;
      for (const breakdown of [row.hostedBySex, row.hostedByAgeBand, row.hostedByCitizenshipGroup]) {
        // Every cell published: their sum would be the hidden hosted count.
        expect({ code: row.structure.code, hidden: breakdown.some((c) => c.suppressed) }).toEqual({ code: row.structure.code, hidden: true });
      }
    }
    // Published cells are exact, and each column with a hidden cell has at least two.
    const hiddenIn = (pick: (r: (typeof table.rows)[number]) => { keys: string[]; suppressed: boolean }[], key: string) =>
      table.rows.filter((r) => pick(r).find((c) => c.keys[0] === key)?.suppressed).length;
    expect(hiddenIn((r) => r.hostedByAgeBand, '14-17')).not.toBe(1);
    expect(hiddenIn((r) => r.hostedByCitizenshipGroup, 'ITALIAN')).not.toBe(1);
    expect(hiddenIn((r) => r.hostedBySex, 'M')).not.toBe(1);
    expect(byCode.get('IST-C')!.hosted).toEqual({ count: 30, suppressed: false });
  });
});
