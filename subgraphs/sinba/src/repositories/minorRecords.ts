import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** The minor's row of a one-row-per-minor table (health data, additional data), locked for an update (null when none recorded yet). */
export async function findMinorRowForUpdate<T extends ObjectLiteral>(db: EntityManager, entity: EntityTarget<T>, minorId: string): Promise<T | null> {
  return db.getRepository(entity).createQueryBuilder('r').where('r.minor_id = :minorId', { minorId }).setLock('pessimistic_write').getOne();
}

/** One row by id, locked for update until the end of the transaction (null when missing). */
export async function findForUpdate<T extends ObjectLiteral>(db: EntityManager, entity: EntityTarget<T>, id: string): Promise<T | null> {
  return db.getRepository(entity).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write').getOne();
}

/** Insert a row and return it as stored (defaults and generated id included). */
export async function insertRow<T extends ObjectLiteral>(db: EntityManager, entity: EntityTarget<T>, values: Partial<T>): Promise<T> {
  const repo = db.getRepository(entity);
  const result = await repo.insert(values as never);
  const id = (result.identifiers[0] as { id?: string; minorId?: string }).id;
  return (await repo.createQueryBuilder('r').where('r.id = :id', { id }).getOneOrFail());
}

/** Update the given columns of the row `id` and return it as stored. */
export async function updateRow<T extends ObjectLiteral>(db: EntityManager, entity: EntityTarget<T>, id: string, values: Partial<T>): Promise<T> {
  const repo = db.getRepository(entity);
  await repo.update(id, values as never);
  return repo.createQueryBuilder('r').where('r.id = :id', { id }).getOneOrFail();
}
