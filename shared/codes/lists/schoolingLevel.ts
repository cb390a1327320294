import { SEED, rows, type CodeList } from '../types';

/**
 * Livello di scolarizzazione, one of the minor's additional data (informazioni
 * aggiuntive, seed 003 §3.4). The seed names the field but not its values:
 * these are the stages of the Italian school system, the hub's own list.
 */
const S = `${SEED.S003} §3.4`;

export const schoolingLevel: CodeList = {
  name: 'SCHOOLING_LEVEL',
  description: 'Schooling level of the minor (livello di scolarizzazione)',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['NONE', 'Nessuna scolarizzazione'],
    ['PRESCHOOL', "Scuola dell'infanzia"],
    ['PRIMARY', 'Scuola primaria'],
    ['LOWER_SECONDARY', 'Scuola secondaria di primo grado'],
    ['UPPER_SECONDARY', 'Scuola secondaria di secondo grado'],
    ['VOCATIONAL_TRAINING', 'Istruzione e formazione professionale'],
  ]),
};
