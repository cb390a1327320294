import { SEED, rows, type CodeList } from '../types';

/**
 * What a court order decides for the minor (several at once). From
 * docs/domain.md (ProvvedimentoAG: "affidamento al servizio
 * sociale; limitazione/decadenza responsabilità genitoriale; collocamento in
 * comunità; affido; dichiarazione adottabilità; misure penali DPR 448/88")
 * and seed 003 (§3.9.1 affidamento giudiziale, §3.9.2 affidamento
 * preadottivo and adozione, §3.9.8 incontri protetti disposti dall'AG).
 * `placement`: the order places the minor out of the family; `parental`:
 * it limits or removes parental responsibility; `penal`: GDPR art. 10.
 */
const A = `${SEED.ANCHORS} §5`;

export const courtOrderEffect: CodeList = {
  name: 'COURT_ORDER_EFFECT',
  description: 'Effect of a court order on the minor',
  source: `${A}; ${SEED.S003} §3.9.1, §3.9.2, §3.9.8`,
  version: '1.0',
  entries: rows({ source: A }, [
    ['PARENTAL_RESPONSIBILITY_LIMITED', 'Limitazione della responsabilità genitoriale (art. 333 c.c.)', { parental: true }],
    ['PARENTAL_RESPONSIBILITY_REMOVED', 'Decadenza dalla responsabilità genitoriale (art. 330 c.c.)', { parental: true }],
    ['ENTRUSTED_TO_SOCIAL_SERVICE', 'Affidamento al servizio sociale (art. 25 R.D.L. 1404/1934)'],
    ['COMMUNITY_PLACEMENT', 'Collocamento in comunità', { placement: true }],
    ['FOSTER_CARE', 'Affidamento familiare giudiziale (L. 184/1983)', { placement: true }, { source: `${A}; ${SEED.S003} §3.9.1` }],
    ['ADOPTABILITY', 'Dichiarazione dello stato di adottabilità'],
    ['PRE_ADOPTIVE_FOSTER_CARE', 'Affidamento preadottivo', { placement: true }, { source: `${SEED.S003} §3.9.2` }],
    ['ADOPTION', 'Adozione (sentenza o decreto)', undefined, { source: `${SEED.S003} §3.9.2` }],
    ['PROTECTED_MEETINGS', "Incontri protetti disposti dall'Autorità giudiziaria", undefined, { source: `${SEED.S003} §3.9.8` }],
    ['PENAL_MEASURE', 'Misura penale minorile (D.P.R. 448/1988)', { penal: true }],
    ['OTHER', 'Altro'],
  ]),
};
