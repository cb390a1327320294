import type { Client } from 'pg';
import { MODULES, moduleRole, type ModuleName } from '@shared/config';

/** Schemas of the hub: one per module, plus the gateway's append-only audit schema (docs/privacy.md §7, §9). */
export const SCHEMAS = [...MODULES, 'audit'] as const;
export type SchemaName = ModuleName | 'audit';

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Create the module roles if missing (development and CI; on a managed
 * PostgreSQL they are provisioned by the operator and DB_MANAGE_ROLES=0).
 * Roles are cluster-wide, so two test databases created at once may race:
 * a duplicate is fine.
 */
export async function ensureRoles(admin: Client, password: string): Promise<void> {
  for (const schema of SCHEMAS) {
    const role = moduleRole(schema);
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (exists.rowCount) continue;
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD ${quoteLiteral(password)}`);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== '42710' && code !== '23505') throw err; // duplicate_object / unique_violation: created concurrently
    }
  }
}

/**
 * Grants: each module role may use only its own schema (docs/privacy.md §9). The
 * gateway role may INSERT and SELECT the audit log but never UPDATE or DELETE
 * it (append-only, docs/privacy.md §7).
 */
export async function grantModuleRights(admin: Client, database: string): Promise<void> {
  await admin.query(`REVOKE ALL ON DATABASE "${database}" FROM PUBLIC`);
  for (const schema of SCHEMAS) {
    const role = moduleRole(schema);
    await admin.query(`GRANT CONNECT ON DATABASE "${database}" TO ${role}`);
    await admin.query(`REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`);
    await admin.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    if (schema === 'audit') {
      await admin.query(`GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA audit TO ${role}`);
      await admin.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA audit FROM ${role}`);
    } else {
      await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
      // The migrations table is the admin's business.
      await admin.query(`REVOKE INSERT, UPDATE, DELETE ON ${schema}.migrations FROM ${role}`);
    }
    await admin.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
    // Tables a later migration creates get the same rights without waiting for this function.
    const tableRights = schema === 'audit' ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
    await admin.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT ${tableRights} ON TABLES TO ${role}`);
    await admin.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`);
  }
  // The public schema is nobody's: no module may create objects there.
  await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
}
