/** PostgreSQL SQLSTATE codes the services turn into domain errors. */
export const PG = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
  EXCLUSION_VIOLATION: '23P01',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
} as const;

/** SQLSTATE and constraint of a database error (TypeORM wraps pg's error in `driverError`). */
export function pgErrorInfo(err: unknown): { code?: string; constraint?: string } {
  if (typeof err !== 'object' || err === null) return {};
  const e = err as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } };
  const src = e.driverError ?? e;
  return {
    code: typeof src.code === 'string' ? src.code : undefined,
    constraint: typeof src.constraint === 'string' ? src.constraint : undefined,
  };
}
