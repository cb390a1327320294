import { SEED, rows, type CodeAttributes, type CodeList } from '../types';

/**
 * The minor's problems (problematica utente, seed 003 §3.5), several at once,
 * each with its own start date. The seed gives one numeric code, 98
 * ("98=Ricavabile", §3.4); the others are English mnemonics. Rules from the
 * seed, as attributes:
 * - `requiresHealthData`: "prevedono la compilazione della sezione DATI
 *   SANITARI" (§3.5: the five disabilities); §3.7 also asks for the health
 *   section for "disagio relazionale/scolastico".
 * - `requiresHealthOrAdditionalData`: "almeno un campo tra i dati sanitari o
 *   dati aggiuntivi del minore" (§3.4, code 98); the same wording in §3.5
 *   ("almeno un campo della sezione DATI AGGIUNTIVI o DATI SANITARI") for
 *   procedure penali, nucleo problematico, dipendenze, gestanti e madri.
 * - `requiresViolenceRecord`: "prevedono la compilazione della sezione ABUSO"
 *   (§3.5, presumed and confirmed victims); §3.11 makes the violence record
 *   mandatory for the confirmed victim (`violenceRecordMandatory`).
 * - `health`: health-related (special-category) problem.
 * - `unbornAllowed`: the problems §3.2.1 prescribes for a case on an unborn
 *   child.
 */
const S = `${SEED.S003} §3.5`;
const DISABILITY: CodeAttributes = { disability: true, requiresHealthData: true, health: true };
const ADDITIONAL: CodeAttributes = { requiresHealthOrAdditionalData: true };
const VICTIM: CodeAttributes = { requiresViolenceRecord: true };

export const minorProblem: CodeList = {
  name: 'MINOR_PROBLEM',
  description: "Minor's problems (problematica utente)",
  source: `${SEED.S003} §3.4, §3.5, §3.7, §3.11`,
  version: '1.0',
  entries: rows({ source: S }, [
    ['PHYSICAL_DISABILITY', 'Disabile fisico', DISABILITY, { source: `${S}, §3.7` }],
    ['MENTAL_DISABILITY', 'Disabile psichico', DISABILITY, { source: `${S}, §3.7` }],
    ['VISUAL_DISABILITY', 'Disabile sensoriale visivo', DISABILITY, { source: `${S}, §3.7` }],
    ['MULTIPLE_DISABILITY', 'Disabile plurimo', DISABILITY, { source: `${S}, §3.7` }],
    ['HEARING_DISABILITY', 'Disabile sensoriale uditivo', DISABILITY, { source: `${S}, §3.7` }],
    ['CRIMINAL_PROCEEDINGS', 'Coinvolto in procedure penali', { ...ADDITIONAL, penal: true }],
    ['PROBLEMATIC_FAMILY', 'Con nucleo problematico', { ...ADDITIONAL, unbornAllowed: true }, { source: `${S}, §3.2.1` }],
    ['ADDICTION', 'Con problemi di dipendenze (sostanze, alcool, gioco)', { ...ADDITIONAL, health: true }],
    ['PREGNANT_OR_MOTHER', 'Gestanti e madri minorenni', { ...ADDITIONAL, health: true }],
    ['RELATIONAL_OR_SCHOOL_DISTRESS', 'Con disagio relazionale o scolastico', { requiresHealthData: true, health: true }, { source: `${S}, §3.7` }],
    ['BULLYING_VICTIM', 'Vittima di bullismo'],
    ['BULLYING_PERPETRATOR', 'Autore di bullismo'],
    ['ADOPTABILITY', 'In stato di adottabilità/adozione', { coManagement: true }, { source: `${S}, §3.2` }],
    ['SUSPECTED_VIOLENCE_VICTIM', 'Vittima presunta di abuso/violenza/maltrattamento', VICTIM],
    ['CONFIRMED_VIOLENCE_VICTIM', 'Vittima accertata di violenze/maltrattamenti', { ...VICTIM, violenceRecordMandatory: true }, { source: `${S}, §3.11` }],
    ['CHILD_LABOUR', 'Lavoro minorile'],
    ['ABANDONMENT', 'In stato di abbandono'],
    ['UNACCOMPANIED_FOREIGN_MINOR', 'Straniero non accompagnato (MSNA)', { unaccompanied: true }],
    ['RISK_OF_DEVIANCE', 'A rischio di devianza/emarginazione'],
    ['SCHOOL_OR_HEALTH_OBLIGATIONS_UNMET', 'Inadempienza obblighi scolastici o sanitari'],
    ['TRAFFICKING_VICTIM', 'Vittima della tratta'],
    ['INTERVENTION_OUTSIDE_PLAN', 'Intervento erogato fuori dal PAI/PEI', { unbornAllowed: true }, { source: `${S}, §3.2.1` }],
    ['98', 'Problematica ricavabile da altre sezioni (Ricavabile)', ADDITIONAL, { source: `${SEED.S003} §3.4, §3.5` }],
  ]),
};
