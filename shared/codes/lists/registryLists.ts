import { rows, type CodeList } from '../types';

/**
 * Regional structure types for minors. The seeds describe the types through
 * the placement interventions of seed 003 §3.9.6; codes follow the regional
 * catalogues quoted in reference/domain-anchors.md §3.3 (CFM, CEM, CPAM...).
 * `istatClass` is the crosswalk to the ISTAT survey of residential facilities
 * (carattere della residenzialità: familiare / comunitaria; funzione).
 */
export const structureType: CodeList = {
  name: 'STRUCTURE_TYPE',
  description: 'Regional structure types for minors, with the ISTAT crosswalk',
  source: 'seed 003_81ea9130f5f3c1a8.txt §3.9.6; seed 002_349b605ed52e7201.txt (registry); reference/domain-anchors.md §3.3',
  version: '2021-05-01',
  entries: rows(undefined, [
    ['CFM', 'Comunità familiare per minori', { istatClass: 'FAMILIARE_SOCIO_EDUCATIVA', residential: true }],
    ['CEM', 'Comunità residenziale educativa', { istatClass: 'COMUNITARIA_SOCIO_EDUCATIVA', residential: true }],
    ['CEI', 'Comunità educativo integrata', { istatClass: 'COMUNITARIA_EDUCATIVA_PSICOLOGICA', residential: true }],
    ['CPAM', 'Comunità di pronta accoglienza', { istatClass: 'COMUNITARIA_ACCOGLIENZA_EMERGENZA', residential: true, emergency: true }],
    ['CAM', 'Comunità per l’autonomia / gruppo appartamento', { istatClass: 'COMUNITARIA_SOCIO_EDUCATIVA', residential: true }],
    ['CABG', 'Casa/comunità gestanti e madri con bambino', { istatClass: 'COMUNITARIA_TUTELARE', residential: true, motherAndChild: true }],
    ['CFMU', 'Casa famiglia multiutenza', { istatClass: 'FAMILIARE_SOCIO_EDUCATIVA', residential: true }],
    ['CRF', 'Casa rifugio donne maltrattate con figli', { istatClass: 'COMUNITARIA_TUTELARE', residential: true, motherAndChild: true }],
    ['CSRD', 'Centro socio-riabilitativo residenziale per disabili', { istatClass: 'COMUNITARIA_SOCIO_SANITARIA', residential: true }],
    ['CMSNA', 'Struttura di accoglienza per minori stranieri non accompagnati', { istatClass: 'COMUNITARIA_ACCOGLIENZA_EMERGENZA', residential: true }],
    ['SEM', 'Comunità semiresidenziale educativa', { istatClass: 'SEMIRESIDENZIALE', residential: false }],
  ]),
};

export const structureTarget: CodeList = {
  name: 'STRUCTURE_TARGET',
  description: 'Target of a structure',
  source: 'seed 003_81ea9130f5f3c1a8.txt §3.9.6; reference/domain-anchors.md §3.3',
  version: '2021-05-01',
  entries: rows(undefined, [
    ['GENERAL', 'Minori in generale'],
    ['UNACCOMPANIED_FOREIGN_MINORS', 'Minori stranieri non accompagnati'],
    ['MOTHER_AND_CHILD', 'Madre con bambino'],
    ['DISABILITY', 'Minori con disabilità'],
  ]),
};

/** Acts governing a structure (seed 002, DGR Lazio 527/2021: autorizzazione, accreditamento, diffida, sospensione, revoca, chiusura). */
export const actKind: CodeList = {
  name: 'ACT_KIND',
  description: 'Kinds of administrative act on a structure',
  source: 'seed 002_349b605ed52e7201.txt (registro strutture, atti)',
  version: '2021-05-01',
  entries: rows(undefined, [
    ['AUTHORISATION', 'Autorizzazione al funzionamento'],
    ['ACCREDITATION', 'Accreditamento'],
    ['WARNING', 'Diffida'],
    ['SUSPENSION', 'Sospensione'],
    ['REVOCATION', 'Revoca'],
    ['CLOSURE', 'Chiusura'],
    ['REACTIVATION', 'Riattivazione'],
  ]),
};

export const inspectionAuthority: CodeList = {
  name: 'INSPECTION_AUTHORITY',
  description: 'Authorities that inspect structures (vigilanza)',
  source: 'seed 002_349b605ed52e7201.txt (vigilanza: comune, ASL, NAS, Regione)',
  version: '2021-05-01',
  entries: rows(undefined, [
    ['MUNICIPALITY', 'Comune'],
    ['ASL', 'Azienda sanitaria locale'],
    ['NAS', 'Nucleo antisofisticazioni e sanità (Carabinieri)'],
    ['REGION', 'Regione'],
  ]),
};

export const inspectionOutcome: CodeList = {
  name: 'INSPECTION_OUTCOME',
  description: 'Outcome of an inspection',
  source: 'seed 002_349b605ed52e7201.txt (vigilanza)',
  version: '2021-05-01',
  entries: rows(undefined, [
    ['COMPLIANT', 'Conforme'],
    ['COMPLIANT_WITH_PRESCRIPTIONS', 'Conforme con prescrizioni'],
    ['NON_COMPLIANT', 'Non conforme'],
  ]),
};
