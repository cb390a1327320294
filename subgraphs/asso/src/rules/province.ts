/** ISTAT municipality code: 6 digits (docs/domain.md §1: comune, codice ISTAT). */
export const ISTAT_MUNICIPALITY = /^[0-9]{6}$/;
/** ISTAT province code: 3 digits. */
export const ISTAT_PROVINCE = /^[0-9]{3}$/;

/**
 * Province of a structure: the first 3 digits of its ISTAT municipality code
 * (docs/privacy.md §3 IN_TERRITORY; the database column `asso.structure.province`
 * is generated with the same expression).
 */
export function provinceOf(municipality: string): string {
  return municipality.slice(0, 3);
}
