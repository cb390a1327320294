import type { EntityManager } from 'typeorm';
import { PG, pgErrorInfo } from '@shared/db';
import { AppError } from '@shared/errors';
import { setChangeContext } from '../repositories/structureHistoryRepository';
import { findStructureByCode } from '../repositories/structureRepository';
import { requireSupervisor, requireTerritory } from './access';
import type { RequestDeps } from './deps';

export function unknownStructure(): AppError {
  return new AppError('UNKNOWN_STRUCTURE', 'No structure with this code in the regional registry', { field: 'structureCode' });
}

/**
 * A supervisor's record about a registered structure (an act, an
 * inspection): SUPERVISOR whose territory holds the structure's province
 * (docs/privacy.md §5). One transaction: the structure must exist
 * (UNKNOWN_STRUCTURE, also when a concurrent delete trips the foreign key)
 * and lie in the territory (FORBIDDEN); then `validate` runs, the change
 * context is set (who and the effective date of the change in the history,
 * seed 002 §a point d) and `insert` writes. Nothing is written on error.
 */
export async function recordAboutStructure<T>(
  deps: RequestDeps,
  structureCode: string,
  validate: () => void,
  insert: (db: EntityManager, createdBy: string) => Promise<T>,
): Promise<T> {
  const { dataSource, clock, principal } = deps;
  requireSupervisor(principal);
  try {
    return await dataSource.transaction(async (db) => {
      const structure = await findStructureByCode(db, structureCode);
      if (!structure) throw unknownStructure();
      requireTerritory(principal, structure.province);
      validate();
      await setChangeContext(db, principal.sub, clock());
      return insert(db, principal.sub);
    });
  } catch (err) {
    if (pgErrorInfo(err).code === PG.FOREIGN_KEY_VIOLATION) throw unknownStructure();
    throw err;
  }
}
