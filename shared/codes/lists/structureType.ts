import { SEED, rows, type CodeAttributes, type CodeList } from '../types';

/**
 * Regional structure types for minors, with the crosswalk to the ISTAT
 * survey of residential facilities (presidi residenziali socio-assistenziali
 * e socio-sanitari).
 *
 * The seeds name the structures through the placement interventions of seed
 * 003 §3.9.6 (which follow the regional rules, D.G.R. 1904/2011, 846/2007,
 * 564/2000); seed 002 (Lazio) refers to the structure types of L.R. 41/2003
 * and D.G.R. 1305/2004 without listing them (art. 6: casa-famiglia, gruppo
 * appartamento, comunità educativa di pronta accoglienza). Codes are the
 * regional catalogue codes quoted in docs/domain.md §3.1 (CFM,
 * CEM, CPAM, SEM, CABG, CAM, CMSNA1/2) and mnemonics in the same style for
 * the other types of seed 003 §3.9.6.
 *
 * Attributes:
 * - `istatClass` = `istatResidentiality` + `istatFunction`: ISTAT "carattere
 *   della residenzialità" (FAMILIARE: small, reproduces family life;
 *   COMUNITARIA: usually more than 6 places, professional staff) and
 *   "funzione di protezione sociale" (ACCOGLIENZA_EMERGENZA,
 *   FUNZIONE_TUTELARE, SOCIO_EDUCATIVA, EDUCATIVA_PSICOLOGICA,
 *   SOCIO_SANITARIA); day structures are outside that survey
 *   (NON_RESIDENZIALE, `istatSurvey` false). See docs/domain.md §3.1: the
 *   ISTAT axes other than residentiality are marked there as to be checked.
 * - `emergency`: a pronta accoglienza structure; `motherAndChild`: hosts
 *   mothers (or pregnant women) with their children.
 * - `target`: STRUCTURE_TARGET code; `minAge`/`maxAge`: ages the seed gives.
 * - `sisamIntervention`: the INTERVENTION_TYPE (§3.9.6) of a placement in it.
 */
function istat(residentiality: 'FAMILIARE' | 'COMUNITARIA', fn: string): CodeAttributes {
  return { istatClass: `${residentiality}_${fn}`, istatResidentiality: residentiality, istatFunction: fn, istatSurvey: true, residential: true };
}
const DAY: CodeAttributes = { istatClass: 'NON_RESIDENZIALE', istatSurvey: false, residential: false };
const S = `${SEED.S003} §3.9.6`;
const CATALOGUE = `${SEED.ANCHORS} §3.1`;

export const structureType: CodeList = {
  name: 'STRUCTURE_TYPE',
  description: 'Regional structure types for minors, with the ISTAT crosswalk',
  source: `${SEED.S003} §3.9.6; ${SEED.S002} (L.R. Lazio 41/2003, D.G.R. 1305/2004); ${SEED.ANCHORS} §3.1`,
  version: '1.0',
  entries: rows({ source: `${S}; ${CATALOGUE}` }, [
    ['CFM', 'Comunità familiare per minori (casa famiglia)', { ...istat('FAMILIARE', 'SOCIO_EDUCATIVA'), target: 'GENERAL', sisamIntervention: 'FAMILY_COMMUNITY' }, { source: `${S}; ${SEED.S002} (L.R. Lazio 41/2003 art. 6); ${CATALOGUE}` }],
    ['CEM', 'Comunità socioeducativa per minori (comunità residenziale educativa)', { ...istat('COMUNITARIA', 'SOCIO_EDUCATIVA'), target: 'GENERAL', minAge: 6, maxAge: 17, sisamIntervention: 'RESIDENTIAL_EDUCATIONAL_COMMUNITY' }],
    ['CEI', 'Comunità educativo integrata', { ...istat('COMUNITARIA', 'EDUCATIVA_PSICOLOGICA'), target: 'GENERAL', minAge: 6, maxAge: 17, sisamIntervention: 'INTEGRATED_EDUCATIONAL_COMMUNITY' }, { source: S }],
    ['CPAM', 'Comunità di pronta accoglienza per minori', { ...istat('COMUNITARIA', 'ACCOGLIENZA_EMERGENZA'), emergency: true, target: 'GENERAL', sisamIntervention: 'EMERGENCY_PLACEMENT' }, { source: `${S}; ${SEED.S002} (L.R. Lazio 41/2003 art. 6); ${CATALOGUE}` }],
    ['CAM', "Comunità per l'autonomia / gruppo appartamento / convitto", { ...istat('COMUNITARIA', 'SOCIO_EDUCATIVA'), target: 'ADOLESCENTS_AUTONOMY', sisamIntervention: 'HIGH_AUTONOMY_COMMUNITY' }, { source: `${S}; ${SEED.S002} (L.R. Lazio 41/2003 art. 6); ${CATALOGUE}` }],
    ['CABG', 'Comunità di accoglienza bambino-genitore (casa/comunità gestanti e madri con bambino)', { ...istat('COMUNITARIA', 'FUNZIONE_TUTELARE'), motherAndChild: true, target: 'MOTHER_AND_CHILD', sisamIntervention: 'MOTHER_AND_CHILD_COMMUNITY' }],
    ['CRF', 'Casa rifugio per donne maltrattate con figli', { ...istat('COMUNITARIA', 'FUNZIONE_TUTELARE'), motherAndChild: true, target: 'MOTHER_AND_CHILD', sisamIntervention: 'WOMEN_SHELTER_WITH_CHILDREN' }, { source: S }],
    ['CFMU', 'Casa famiglia multiutenza', { ...istat('FAMILIARE', 'SOCIO_EDUCATIVA'), target: 'GENERAL', sisamIntervention: 'MULTI_USER_FAMILY_HOME' }, { source: S }],
    ['CFAM', 'Comunità familiare ad accoglienza mista (D.G.R. Lazio 173/2014)', { ...istat('FAMILIARE', 'SOCIO_EDUCATIVA'), target: 'GENERAL', sisamIntervention: 'FAMILY_COMMUNITY' }, { source: CATALOGUE }],
    ['CSRD', 'Centro socio-riabilitativo residenziale per disabili', { ...istat('COMUNITARIA', 'SOCIO_SANITARIA'), target: 'DISABILITY', minAge: 14, sisamIntervention: 'DISABILITY_RESIDENTIAL_CENTRE' }, { source: S }],
    ['CMSNA1', 'Struttura di prima accoglienza per minori stranieri non accompagnati', { ...istat('COMUNITARIA', 'ACCOGLIENZA_EMERGENZA'), target: 'UNACCOMPANIED_FOREIGN_MINORS', firstReception: true, sisamIntervention: 'EMERGENCY_PLACEMENT' }, { source: CATALOGUE }],
    ['CMSNA2', 'Struttura di seconda accoglienza per minori stranieri non accompagnati', { ...istat('COMUNITARIA', 'SOCIO_EDUCATIVA'), target: 'UNACCOMPANIED_FOREIGN_MINORS', sisamIntervention: 'OTHER_STRUCTURE' }, { source: CATALOGUE }],
    ['SEM', 'Comunità semiresidenziale socioeducativa', { ...DAY, target: 'GENERAL', sisamIntervention: 'SEMI_RESIDENTIAL_EDUCATIONAL' }],
    ['SEI', 'Comunità semiresidenziale educativo-integrata', { ...DAY, target: 'GENERAL', sisamIntervention: 'SEMI_RESIDENTIAL_INTEGRATED' }, { source: S }],
    ['CDD', 'Centro diurno semiresidenziale per disabili', { ...DAY, target: 'DISABILITY', minAge: 14, sisamIntervention: 'DISABILITY_DAY_CENTRE' }, { source: S }],
  ]),
};
