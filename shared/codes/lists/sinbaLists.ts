import { rows, type CodeList } from '../types';

const SEED = 'seed 003_81ea9130f5f3c1a8.txt';

/** Closure of a case (seed 003 §3.2: end of the PAI/PEI project, interruption for other reasons, no interventions in the last year). */
export const caseClosureReason: CodeList = {
  name: 'CASE_CLOSURE_REASON',
  description: 'Reasons for closing a case (chiusura presa in carico)',
  source: `${SEED} §3.2, §3.2.1`,
  version: '2020-11-05',
  entries: rows(undefined, [
    ['PROJECT_COMPLETED', 'Conclusione intervento/progetto PAI/PEI'],
    ['COMING_OF_AGE', 'Raggiungimento della maggiore età'],
    ['TRANSFER_TO_OTHER_SERVICE', 'Trasferimento ad altro Servizio territoriale'],
    ['DEATH', 'Decesso'],
    ['NO_INTERVENTIONS_LAST_YEAR', "Nessun intervento in corso o di nuova attivazione nell'ultimo anno"],
    ['OTHER_INTERRUPTION', 'Interruzione del rapporto con il Servizio per altre motivazioni'],
  ]),
};

/** Co-management exceptions: a second service may hold an overlapping case (seed 003 §3.2 items 1–3). */
export const coManagementReason: CodeList = {
  name: 'CO_MANAGEMENT_REASON',
  description: 'Co-management situations that allow an overlapping case (cogestione)',
  source: `${SEED} §3.2`,
  version: '2020-11-05',
  entries: rows(undefined, [
    ['ADOPTABILITY', 'Minore in stato di adottabilità/adozione'],
    ['FOSTER_CARE', 'Intervento di affidamento etero familiare o parentale in corso'],
    ['COMMUNITY_PLACEMENT', 'Intervento di inserimento in comunità in corso'],
  ]),
};

const DISABILITY = { requiresHealthData: true, health: true, disability: true } as const;
const ADDITIONAL = { requiresHealthOrAdditionalData: true } as const;
const VICTIM = { requiresViolenceRecord: true } as const;

/**
 * Minor's problems (problematica utente, seed 003 §3.5) with the rules on
 * each: disability requires the health section, some require additional or
 * health data, victims require the violence record (§3.11); code 98
 * "ricavabile" requires health or additional data (§3.4).
 */
export const minorProblem: CodeList = {
  name: 'MINOR_PROBLEM',
  description: "Minor's problems (problematica utente)",
  source: `${SEED} §3.4, §3.5`,
  version: '2020-11-05',
  entries: rows(undefined, [
    ['DISABILE_FISICO', 'Disabile fisico', DISABILITY],
    ['DISABILE_PSICHICO', 'Disabile psichico', DISABILITY],
    ['DISABILE_VISIVO', 'Disabile sensoriale visivo', DISABILITY],
    ['DISABILE_PLURIMO', 'Disabile plurimo', DISABILITY],
    ['DISABILE_UDITIVO', 'Disabile sensoriale uditivo', DISABILITY],
    ['PROCEDURE_PENALI', 'Coinvolto in procedure penali', ADDITIONAL],
    ['NUCLEO_PROBLEMATICO', 'Con nucleo problematico', ADDITIONAL],
    ['DIPENDENZE', 'Con problemi di dipendenze (sostanze, alcool, gioco)', { ...ADDITIONAL, health: true }],
    ['GESTANTI_MADRI_MINORENNI', 'Gestanti e madri minorenni', { ...ADDITIONAL, health: true }],
    ['DISAGIO_RELAZIONALE_SCOLASTICO', 'Con disagio relazionale o scolastico'],
    ['VITTIMA_BULLISMO', 'Vittima di bullismo'],
    ['AUTORE_BULLISMO', 'Autore di bullismo'],
    ['ADOTTABILITA', 'In stato di adottabilità/adozione'],
    ['VITTIMA_PRESUNTA', 'Vittima presunta di abuso/violenza/maltrattamento', VICTIM],
    ['VITTIMA_ACCERTATA', 'Vittima accertata di violenze/maltrattamenti', VICTIM],
    ['LAVORO_MINORILE', 'Lavoro minorile'],
    ['ABBANDONO', 'In stato di abbandono'],
    ['MSNA', 'Straniero non accompagnato (MSNA)'],
    ['RISCHIO_DEVIANZA', 'A rischio di devianza/emarginazione'],
    ['INADEMPIENZA_OBBLIGHI', 'Inadempienza obblighi scolastici o sanitari'],
    ['VITTIMA_TRATTA', 'Vittima della tratta'],
    ['FUORI_PAI_PEI', 'Intervento erogato fuori dal PAI/PEI'],
    ['98', 'Problematica ricavabile da altre sezioni (Ricavabile)', { requiresHealthOrAdditionalData: true }],
  ]),
};

/** Family problems (problematica familiare, seed 003 §3.8). */
export const familyProblem: CodeList = {
  name: 'FAMILY_PROBLEM',
  description: 'Family problems (problematica familiare)',
  source: `${SEED} §3.8`,
  version: '2020-11-05',
  entries: rows(undefined, [
    ['ECONOMICI', 'Nucleo con problemi economici non prioritariamente abitativi'],
    ['ABITATIVI', 'Nucleo con problemi prioritariamente abitativi, compresi i richiedenti asilo o irregolari'],
    ['DIPENDENZE', 'Nucleo con problemi di dipendenze (sostanze, alcool, gioco)'],
    ['SANITARIE', 'Nucleo con problematiche sanitarie'],
    ['PSICHIATRICHE', 'Nucleo con problematiche psichiatriche'],
    ['ABUSANTE', 'Nucleo abusante'],
    ['MALTRATTANTE', 'Nucleo maltrattante'],
    ['GRAVI_CONFLITTUALITA', 'Nucleo con gravi conflittualità'],
    ['PENALI', 'Nucleo con problematiche penali'],
    ['SENZA_PROBLEMATICHE', 'Nucleo senza problematiche'],
    ['SOCIO_EDUCATIVI', 'Nucleo con problemi socio-educativi/relazionali'],
    ['GENITORE_VITTIMA_TRATTA', 'Genitore vittima della tratta'],
    ['EVASIONE_OBBLIGHI_SANITARI', 'Evasione obblighi sanitari'],
  ]),
};

/** Types of violence and maltreatment (seed 003 §3.11, CISMAI definitions). */
export const violenceType: CodeList = {
  name: 'VIOLENCE_TYPE',
  description: 'Violence and maltreatment types (tipologie di violenza/maltrattamento)',
  source: `${SEED} §3.11`,
  version: '2020-11-05',
  entries: rows(undefined, [
    ['VIOLENZA_SESSUALE', 'Violenza sessuale'],
    ['MALTRATTAMENTO_FISICO', 'Maltrattamento fisico'],
    ['MALTRATTAMENTO_PSICOLOGICO', 'Maltrattamento psicologico'],
    ['TRASCURATEZZA', 'Trascuratezza grave e patologia delle cure'],
    ['VIOLENZA_ASSISTITA', 'Violenza assistita'],
    ['PROSTITUZIONE', 'Prostituzione'],
    ['VITTIMA_TRATTA', 'Vittima della tratta'],
    ['PEDOPORNOGRAFIA', 'Pedo-pornografia'],
  ]),
};

/** Psycho-social assessments for adoption and foster care (seed 003 §3.10). */
export const assessmentType: CodeList = {
  name: 'ASSESSMENT_TYPE',
  description: 'Psycho-social assessments (indagini psico-sociali)',
  source: `${SEED} §3.10`,
  version: '2020-11-05',
  entries: rows(undefined, [
    ['ADOZIONE_NAZIONALE', 'Indagine psico-sociale per adozione nazionale', { maxMonths: 4 }],
    ['ADOZIONE_INTERNAZIONALE', 'Indagine psico-sociale per adozione internazionale', { maxMonths: 4 }],
    ['AFFIDO', 'Percorso di conoscenza e valutazione per affidamento'],
  ]),
};
