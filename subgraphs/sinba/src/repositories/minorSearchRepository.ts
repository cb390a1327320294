import type { EntityManager } from 'typeorm';
import { MinorEntity } from '../entities/Minor';
import { caseHolderCondition } from './visibility';

/** searchMinors criteria, already normalised (every one given must match). */
export interface MinorSearchCriteria {
  /** Lower-case words; each must occur in the first or the last name. */
  readonly nameWords: readonly string[];
  /** Upper-case fiscal code, exact. */
  readonly fiscalCode: string | null;
  readonly birthDate: string | null;
}

/** The minors a search may return (docs/privacy.md §3, §6): the relationship, decided in SQL. */
export type SearchScope =
  | { readonly kind: 'caseHolder'; readonly serviceId: string; readonly today: string }
  /** HOSTING: the ids ASMI says the structure hosts (SINBA cannot read ASMI's tables, docs/privacy.md §9). */
  | { readonly kind: 'ids'; readonly ids: readonly string[] };

/** LIKE pattern for a word anywhere, with LIKE's metacharacters escaped. */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of searchMinors: minors in the scope matching the criteria, in id
 * order after `afterId`, at most `limit` rows; one statement, every filter in
 * the SQL (case-insensitive name match on lower()).
 */
export async function searchMinorsInScope(
  db: EntityManager,
  params: { scope: SearchScope; criteria: MinorSearchCriteria; afterId: string | null; limit: number },
): Promise<MinorEntity[]> {
  const { scope, criteria } = params;
  const qb = db.getRepository(MinorEntity).createQueryBuilder('m');
  if (scope.kind === 'caseHolder') qb.where(caseHolderCondition('m.id'), { visServiceId: scope.serviceId, visToday: scope.today });
  else {
    if (scope.ids.length === 0) return [];
    qb.where('m.id = ANY(:scopeIds)', { scopeIds: scope.ids });
  }
  criteria.nameWords.forEach((word, i) => {
    qb.andWhere(`(lower(m.first_name) LIKE :w${i} OR lower(m.last_name) LIKE :w${i})`, { [`w${i}`]: containsPattern(word) });
  });
  if (criteria.fiscalCode !== null) qb.andWhere('m.fiscal_code = :fc', { fc: criteria.fiscalCode });
  if (criteria.birthDate !== null) qb.andWhere('m.birth_date = :bd', { bd: criteria.birthDate });
  if (params.afterId) qb.andWhere('m.id > :afterId', { afterId: params.afterId });
  return qb.orderBy('m.id', 'ASC').limit(params.limit).getMany();
}
