import { SEED, rows, type CodeList } from '../types';

/**
 * Adoptive removal (allontanamento adottivo), recorded in the end situation
 * of an adoption intervention (seed 003 §3.9.2): within the first year
 * (pre-adoptive placement) or after it, once the adoption is finalised.
 * Added to the brief's lists: the seed defines it.
 */
export const adoptionDisruption: CodeList = {
  name: 'ADOPTION_DISRUPTION',
  description: 'Adoptive removal of an adopted minor (allontanamento adottivo)',
  source: `${SEED.S003} §3.9.2`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.9.2` }, [
    ['WITHIN_FIRST_YEAR', 'Allontanamento entro il primo anno (affido preadottivo)'],
    ['AFTER_FIRST_YEAR', "Allontanamento dopo il primo anno di adozione e successivamente al perfezionamento dell'adozione"],
  ]),
};
