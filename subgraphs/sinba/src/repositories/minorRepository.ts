import type { EntityManager } from 'typeorm';
import { MinorEntity } from '../entities/Minor';
import { caseHolderCondition } from './visibility';

export interface NewMinor {
  readonly fiscalCode: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string | null;
  readonly sex: 'M' | 'F' | null;
  readonly citizenship: string | null;
  readonly birthMunicipality: string | null;
  readonly residenceMunicipality: string | null;
  readonly unaccompanied: boolean;
  readonly createdBy: string;
}

/** Minors by id, one statement (the minorById loader). Order is not guaranteed: the loader re-orders. */
export async function findMinorsByIds(db: EntityManager, ids: readonly string[]): Promise<MinorEntity[]> {
  if (ids.length === 0) return [];
  return db.getRepository(MinorEntity).createQueryBuilder('m').where('m.id = ANY(:ids)', { ids }).getMany();
}

export async function findMinorIdByFiscalCode(db: EntityManager, fiscalCode: string): Promise<string | null> {
  const row = await db.getRepository(MinorEntity).createQueryBuilder('m').select('m.id', 'id').where('m.fiscal_code = :fiscalCode', { fiscalCode }).getRawOne<{ id: string }>();
  return row?.id ?? null;
}

/** Insert a minor; id and created_at come back from the database (RETURNING). */
export async function insertMinor(db: EntityManager, minor: NewMinor): Promise<MinorEntity> {
  const repo = db.getRepository(MinorEntity);
  const entity = repo.create(minor);
  await repo.insert(entity);
  return entity;
}

/**
 * Lock the minor's row until the end of the transaction (serialises the
 * one-open-case check of concurrent openCase calls, seed 003 §3.2).
 * Returns false when the minor does not exist.
 */
export async function lockMinor(db: EntityManager, id: string): Promise<boolean> {
  const rows = (await db.query('SELECT id FROM sinba.minor WHERE id = $1 FOR UPDATE', [id])) as unknown[];
  return rows.length > 0;
}

export async function minorExists(db: EntityManager, id: string): Promise<boolean> {
  const rows = (await db.query('SELECT 1 FROM sinba.minor WHERE id = $1', [id])) as unknown[];
  return rows.length > 0;
}

/**
 * One page of the minors whose case the service holds today (PRIVACY.md §3,
 * §6: list queries return only minors in a relationship), in id order,
 * after `afterId`, at most `limit` rows. One statement.
 */
export async function findMinorsHeldByService(
  db: EntityManager,
  params: { serviceId: string; today: string; afterId: string | null; limit: number },
): Promise<MinorEntity[]> {
  const qb = db
    .getRepository(MinorEntity)
    .createQueryBuilder('m')
    .where(caseHolderCondition('m.id'), { visServiceId: params.serviceId, visToday: params.today });
  if (params.afterId) qb.andWhere('m.id > :afterId', { afterId: params.afterId });
  return qb.orderBy('m.id', 'ASC').limit(params.limit).getMany();
}
