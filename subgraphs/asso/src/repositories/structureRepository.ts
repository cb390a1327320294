import type { EntityManager } from 'typeorm';
import { StructureEntity } from '../entities/Structure';

export interface NewStructure {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly municipality: string;
  readonly address: string | null;
  readonly managingEntity: string | null;
  readonly managingEntityTaxCode: string | null;
  readonly capacity: number;
  readonly emergencyCapacity: number;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly contactEmail: string | null;
  readonly healthAuthority: string | null;
  readonly gender: string | null;
  readonly target: string | null;
  readonly phone: string | null;
  readonly publicEmail: string | null;
  readonly createdBy: string;
}

/** SQL filters of `structures(filter)` (the derived status is filtered by the service). */
export interface StructureSqlFilter {
  readonly type?: string;
  readonly province?: string;
  readonly municipality?: string;
  /** Code list STRUCTURE_TARGET. */
  readonly target?: string;
  /** Code list STRUCTURE_GENDER. */
  readonly gender?: string;
  /** Case-insensitive substring of the name, matched literally (% and _ escaped). */
  readonly name?: string;
}

/** LIKE pattern matching `text` literally anywhere (escape character: backslash). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Structures by code, any number of codes, one statement. The registry is public: no visibility filter. */
export async function findStructuresByCodes(db: EntityManager, codes: readonly string[]): Promise<StructureEntity[]> {
  if (codes.length === 0) return [];
  return db.getRepository(StructureEntity).createQueryBuilder('s').where('s.code = ANY(:codes)', { codes: [...codes] }).getMany();
}

/** One structure (write-time checks inside a transaction); null when missing. */
export async function findStructureByCode(db: EntityManager, code: string): Promise<StructureEntity | null> {
  return db.getRepository(StructureEntity).createQueryBuilder('s').where('s.code = :code', { code }).getOne();
}

/** A page of the registry ordered by code, after `afterCode` (exclusive); one statement. */
export async function findStructurePage(db: EntityManager, filter: StructureSqlFilter, afterCode: string | null, limit: number): Promise<StructureEntity[]> {
  const qb = db.getRepository(StructureEntity).createQueryBuilder('s');
  if (filter.type !== undefined) qb.andWhere('s.type = :type', { type: filter.type });
  if (filter.province !== undefined) qb.andWhere('s.province = :province', { province: filter.province });
  if (filter.municipality !== undefined) qb.andWhere('s.municipality = :municipality', { municipality: filter.municipality });
  if (filter.target !== undefined) qb.andWhere('s.target = :target', { target: filter.target });
  if (filter.gender !== undefined) qb.andWhere('s.gender = :gender', { gender: filter.gender });
  if (filter.name !== undefined) qb.andWhere(`s.name ILIKE :name ESCAPE '\\'`, { name: containsPattern(filter.name) });
  if (afterCode !== null) qb.andWhere('s.code > :afterCode', { afterCode });
  return qb.orderBy('s.code', 'ASC').limit(limit).getMany();
}

/** Insert a structure (a duplicate code raises the primary key's unique violation, `structure_pkey`). */
export async function insertStructure(db: EntityManager, s: NewStructure): Promise<StructureEntity> {
  const repo = db.getRepository(StructureEntity);
  const entity = repo.create({ ...s });
  await repo.insert(entity);
  return entity;
}
