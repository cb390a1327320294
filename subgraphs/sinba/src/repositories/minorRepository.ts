import type { EntityManager } from 'typeorm';
import { MinorEntity, type OtherIdentifierKind } from '../entities/Minor';
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
  /** seed 003 §3.2.1: registered before birth. */
  readonly unborn?: boolean;
  readonly expectedBirthDate?: string | null;
  readonly otherIdentifierKind?: OtherIdentifierKind | null;
  readonly otherIdentifier?: string | null;
  readonly otherIdentifierCountry?: string | null;
  /** seed 001: registered with confirmNewPerson despite a same-person match. */
  readonly confirmedNewPerson?: boolean;
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

/** The minor holding this other identifier (kind, value, issuing country), for DUPLICATE_MINOR. */
export async function findMinorIdByOtherIdentifier(db: EntityManager, kind: string, value: string, country: string | null): Promise<string | null> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM sinba.minor WHERE other_identifier_kind = $1 AND other_identifier = $2 AND coalesce(other_identifier_country, '') = coalesce($3, '')`,
    [kind, value, country],
  );
  return rows[0]?.id ?? null;
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

/** The dates the case rules need (seed 003 §3.2.1), of a minor locked until the end of the transaction; null when missing. */
export interface LockedMinor {
  readonly id: string;
  readonly unborn: boolean;
  readonly birthDate: string | null;
  readonly expectedBirthDate: string | null;
}

export async function lockMinorWithDates(db: EntityManager, id: string): Promise<LockedMinor | null> {
  const rows = (await db.query(
    `SELECT id, unborn, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, to_char(expected_birth_date, 'YYYY-MM-DD') AS expected_birth_date
       FROM sinba.minor WHERE id = $1 FOR UPDATE`,
    [id],
  )) as { id: string; unborn: boolean; birth_date: string | null; expected_birth_date: string | null }[];
  if (rows.length === 0) return null;
  const r = rows[0];
  return { id: r.id, unborn: r.unborn, birthDate: r.birth_date, expectedBirthDate: r.expected_birth_date };
}

/** seed 003 §3.2.1: the birth of an unborn minor: it becomes an ordinary minor (expected birth date kept as history). */
export interface BirthRecord {
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  readonly fiscalCode: string | null;
  readonly birthMunicipality: string;
  readonly residenceMunicipality: string;
}

export async function recordBirthRow(db: EntityManager, id: string, birth: BirthRecord): Promise<void> {
  await db.query(
    `UPDATE sinba.minor SET unborn = false, first_name = $2, last_name = $3, birth_date = $4, sex = $5, fiscal_code = $6,
            birth_municipality = $7, residence_municipality = $8
      WHERE id = $1`,
    [id, birth.firstName, birth.lastName, birth.birthDate, birth.sex, birth.fiscalCode, birth.birthMunicipality, birth.residenceMunicipality],
  );
}

export async function minorExists(db: EntityManager, id: string): Promise<boolean> {
  const rows = (await db.query('SELECT 1 FROM sinba.minor WHERE id = $1', [id])) as unknown[];
  return rows.length > 0;
}

/**
 * One page of the minors whose case the service holds today (docs/privacy.md §3,
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

/**
 * seed 001 "Anagrafica dei Minori (unica)": the registered minors born on
 * `birthDate` with `sex` (minor_birth_date_idx), for the same-person check of
 * a registration without a fiscal code. Only what the check compares.
 */
export async function findPersonsBornOn(db: EntityManager, birthDate: string, sex: string): Promise<{ firstName: string; lastName: string; birthDate: string; sex: string }[]> {
  return (await db.query(
    `SELECT first_name AS "firstName", last_name AS "lastName", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", sex FROM sinba.minor WHERE birth_date = $1 AND sex = $2`,
    [birthDate, sex],
  )) as { firstName: string; lastName: string; birthDate: string; sex: string }[];
}

/** Serialises registrations of the same birth date and sex (the same-person check cannot be a unique index). */
export async function lockPersonsBornOn(db: EntityManager, birthDate: string, sex: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('sinba:minor-born:' || $1 || ':' || $2, 0))`, [birthDate, sex]);
}
