import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import { badInput, forbidden } from '@shared/errors';
import { isUuid } from '@shared/ids';

export interface MinorQuasiIdentifiers {
  readonly minorId: string;
  readonly birthDate: string | null;
  readonly sex: string | null;
  readonly citizenship: string | null;
  readonly unaccompanied: boolean | null;
}

/**
 * Keeps ASMI's copy of the quasi-identifiers current (docs/architecture.md
 * "Reporting data path"): ASMI copies the minor's birth date, sex,
 * citizenship and MSNA flag onto the placement at admission (reports then
 * read one table); when SINBA corrects or completes them, SINBA calls this
 * module-to-module mutation after its own commit, and every placement of the
 * minor takes the new values in one statement. Only the SINBA module may
 * call it. The values replace the copies on all the minor's placements: the
 * attributes describe the person, not the episode (an unaccompanied minor
 * stays flagged as at the correction).
 */
export function createQuasiIdentifierSync(deps: { dataSource: DataSource }) {
  return {
    async sync(principal: Principal, minors: readonly MinorQuasiIdentifiers[]): Promise<number> {
      if (principal.role !== 'SERVICE' || principal.service !== 'sinba') throw forbidden('Only SINBA corrects the minors\' quasi-identifiers');
      if (minors.length === 0) return 0;
      if (minors.some((m) => !isUuid(m.minorId))) throw badInput('minors.minorId', 'Not a minor id');
      if (minors.some((m) => m.sex !== null && m.sex !== undefined && m.sex !== 'M' && m.sex !== 'F')) throw badInput('minors.sex', 'Sex is M or F');
      const rows: { n: number }[] = await deps.dataSource.query(
        `WITH upd AS (
           UPDATE asmi.placement p
              SET minor_birth_date = m.birth_date, minor_sex = m.sex, minor_citizenship = m.citizenship,
                  minor_unaccompanied = m.unaccompanied, updated_at = now(), updated_by = 'service:sinba'
             FROM unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $5::boolean[]) AS m(minor_id, birth_date, sex, citizenship, unaccompanied)
            WHERE p.minor_id = m.minor_id
           RETURNING 1)
         SELECT count(*)::int AS n FROM upd`,
        [
          minors.map((m) => m.minorId),
          minors.map((m) => m.birthDate ?? null),
          minors.map((m) => m.sex ?? null),
          minors.map((m) => m.citizenship ?? null),
          minors.map((m) => m.unaccompanied ?? null),
        ],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
