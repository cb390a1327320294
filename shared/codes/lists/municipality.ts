import { allMunicipalities, MUNICIPALITY_DATA } from '../municipalities';
import { SEED, type CodeEntry, type CodeList } from '../types';

const SOURCE = `ISTAT municipality codes via ${MUNICIPALITY_DATA.package} ${MUNICIPALITY_DATA.version} (list as of ${MUNICIPALITY_DATA.asOf}); ${SEED.DOMAIN} §1 (comune, codice ISTAT)`;

let entries: readonly CodeEntry[] | null = null;

/**
 * Italian municipalities (comuni) by 6-digit ISTAT code, from the shipped
 * reference data of shared/codes/municipalities.ts: label = name, group =
 * province abbreviation (RM, LT...), attributes = province and region codes.
 * The structure's location (seed 002 Allegato A §a point a: indirizzo) is
 * one of them. Built on first use, so processes that never read it do not
 * load the 7904 entries.
 */
export const municipality: CodeList = {
  name: 'MUNICIPALITY',
  description: 'Italian municipalities by ISTAT code (group = province abbreviation)',
  source: `${SEED.S002} Allegato A §a point a; ${SOURCE}`,
  version: `${MUNICIPALITY_DATA.package}-${MUNICIPALITY_DATA.version}`,
  get entries(): readonly CodeEntry[] {
    entries ??= allMunicipalities().map((m) => ({
      code: m.code,
      label: m.name,
      group: m.provinceAbbreviation,
      source: SOURCE,
      attributes: { cadastralCode: m.cadastralCode, province: m.provinceCode, provinceAbbreviation: m.provinceAbbreviation, region: m.regionCode, regionName: m.regionName },
    }));
    return entries;
  },
};
