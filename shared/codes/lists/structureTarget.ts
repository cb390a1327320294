import { SEED, rows, type CodeList } from '../types';

/**
 * Whom a structure is for (target di utenza, one of the ISTAT axes in
 * docs/domain.md §3.1), from the structures of seed 003 §3.9.6
 * and the ASSO fields of docs/domain.md §5 (MSNA yes/no).
 */
export const structureTarget: CodeList = {
  name: 'STRUCTURE_TARGET',
  description: 'Target users of a structure (target di utenza)',
  source: `${SEED.S003} §3.9.6; ${SEED.ANCHORS} §3.1, §5`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.9.6` }, [
    ['GENERAL', 'Minori (accoglienza generica)'],
    ['UNACCOMPANIED_FOREIGN_MINORS', 'Minori stranieri non accompagnati (MSNA)', undefined, { source: `${SEED.S003} §3.5; ${SEED.ANCHORS} §3.1, §5` }],
    ['MOTHER_AND_CHILD', 'Gestanti e madri con bambino'],
    ['DISABILITY', 'Minori con disabilità'],
    ['ADOLESCENTS_AUTONOMY', "Ragazzi prossimi alla maggiore età e giovani verso l'autonomia (17-21 anni)"],
    ['JUVENILE_JUSTICE', "Minori sottoposti a provvedimenti dell'autorità giudiziaria penale", { penal: true }, { source: `${SEED.S002} (L.R. Lazio 41/2003 art. 6); ${SEED.ANCHORS} §2.1` }],
  ]),
};
