import { SEED, rows, type CodeList } from '../types';

/**
 * Outcome of a discharge from a structure (esito dimissione, ASMI): the
 * proposed list of docs/domain.md §5 (a crosswalk target for
 * AFCARS DISREASN and SSDA903 REC), seed 001 (minors in structures) and seed
 * 003 §3.9.2 for adoption. Rules (docs/domain.md §6): OTHER_STRUCTURE is
 * followed by an admission elsewhere on the same day (`continuation`); after
 * DEATH no further placement (`final`).
 */
const S = `${SEED.S001}; ${SEED.ANCHORS} §5`;

export const dischargeOutcome: CodeList = {
  name: 'DISCHARGE_OUTCOME',
  description: 'Outcomes of a discharge from a structure (esito dimissione)',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['RETURN_TO_FAMILY', 'Rientro nella famiglia di origine'],
    ['FOSTER_CARE', 'Affidamento familiare', undefined, { source: `${S}; ${SEED.S003} §3.9.1` }],
    ['OTHER_STRUCTURE', 'Trasferimento ad altra struttura', { continuation: true }],
    ['ADOPTION', 'Adozione (compreso affidamento preadottivo)', undefined, { source: `${S}; ${SEED.S003} §3.9.2` }],
    ['AUTONOMY', 'Autonomia'],
    ['COMING_OF_AGE', 'Raggiungimento della maggiore età'],
    ['UNAUTHORISED_DEPARTURE', 'Allontanamento arbitrario'],
    ['TRANSFER_OUT_OF_REGION', "Trasferimento in altra regione o all'estero"],
    ['REPATRIATION', 'Rimpatrio (MSNA)'],
    ['DEATH', 'Decesso', { final: true }],
    ['OTHER', 'Altro'],
  ]),
};
