import { Client } from 'pg';
import type { MigrationInterface } from 'typeorm';
import { createModuleDataSource } from '@shared/db';
import { sinbaMigrations } from '../../subgraphs/sinba/src/migrations';
import { assoMigrations } from '../../subgraphs/asso/src/migrations';
import { asmiMigrations } from '../../subgraphs/asmi/src/migrations';
import { auditMigrations } from '../../gateway/migrations';
import { ensureRoles, grantModuleRights, SCHEMAS, type SchemaName } from './roles';

const MIGRATIONS: Record<SchemaName, (new () => MigrationInterface)[]> = {
  sinba: sinbaMigrations,
  asso: assoMigrations,
  asmi: asmiMigrations,
  audit: auditMigrations,
};

export interface MigrateOptions {
  readonly rolePassword: string;
  readonly manageRoles: boolean;
}

/**
 * Bring a database to the current schema: roles, one schema per module, each
 * module's TypeORM migrations (tracked in `<schema>.migrations`), then grants.
 * Idempotent; runs with the admin connection, never with a module role.
 * A transaction-scoped advisory lock keeps two starters from migrating at once.
 */
export async function migrateDatabase(adminUrl: string, options: MigrateOptions): Promise<string[]> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const applied: string[] = [];
  try {
    await admin.query('SELECT pg_advisory_lock(7243001)');
    if (options.manageRoles) await ensureRoles(admin, options.rolePassword);
    for (const schema of SCHEMAS) await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await admin.query('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public');
    for (const schema of SCHEMAS) {
      const ds = createModuleDataSource({ url: adminUrl, schema, migrations: MIGRATIONS[schema], poolSize: 1 });
      await ds.initialize();
      try {
        const done = await ds.runMigrations({ transaction: 'each' });
        applied.push(...done.map((m) => `${schema}:${m.name}`));
      } finally {
        await ds.destroy();
      }
    }
    const db = await admin.query<{ db: string }>('SELECT current_database() AS db');
    if (options.manageRoles) await grantModuleRights(admin, db.rows[0].db);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(7243001)').catch(() => undefined);
    await admin.end();
  }
  return applied;
}

/** Undo every migration of every module (tests of `down`). */
export async function revertAll(adminUrl: string): Promise<void> {
  for (const schema of [...SCHEMAS].reverse()) {
    const ds = createModuleDataSource({ url: adminUrl, schema, migrations: MIGRATIONS[schema], poolSize: 1 });
    await ds.initialize();
    try {
      for (let i = 0; i < MIGRATIONS[schema].length; i++) await ds.undoLastMigration({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  }
}
