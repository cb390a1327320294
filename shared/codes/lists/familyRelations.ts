import { SEED, rows, type CodeList } from '../types';

/**
 * Relations of a minor in a structure with the family, as the structure
 * observes them, for the six-monthly list to the juvenile prosecutor
 * (L. 184/1983 art. 9 c. 2: "i rapporti con la famiglia"; the public contract (docs/conventions.md)
 * "care observations"). CARE_OBSERVATION data (docs/privacy.md §2).
 */
const S = `${SEED.S001} (ASMI, data on minors in structures); ${SEED.DOMAIN} ASMI (L. 184/1983 art. 9)`;

export const familyRelations: CodeList = {
  name: 'FAMILY_RELATIONS',
  description: 'Relations of a minor in a structure with the family (prosecutor list)',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['REGULAR', 'Rapporti regolari con la famiglia'],
    ['SUPERVISED', 'Incontri protetti'],
    ['OCCASIONAL', 'Rapporti saltuari'],
    ['SUSPENDED', "Rapporti sospesi dall'autorità giudiziaria"],
    ['NONE', 'Nessun rapporto con la famiglia'],
    ['NO_FAMILY', 'Famiglia assente o non reperibile'],
  ]),
};
