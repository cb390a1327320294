import { SEED, rows, type CodeList } from '../types';

/**
 * Types of violence and maltreatment classified in SISAM (seed 003 §3.11;
 * the definitions are CISMAI's). `sexual` marks the types that reveal data
 * on sexual life (GDPR art. 9).
 */
export const violenceType: CodeList = {
  name: 'VIOLENCE_TYPE',
  description: 'Violence and maltreatment types (tipologie di violenza/maltrattamento)',
  source: `${SEED.S003} §3.11`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.11` }, [
    ['SEXUAL_VIOLENCE', 'Violenza sessuale', { sexual: true }],
    ['PHYSICAL_MALTREATMENT', 'Maltrattamento fisico'],
    ['PSYCHOLOGICAL_MALTREATMENT', 'Maltrattamento psicologico'],
    ['SEVERE_NEGLECT', 'Trascuratezza grave e patologia delle cure'],
    ['WITNESSED_VIOLENCE', 'Violenza assistita'],
    ['PROSTITUTION', 'Prostituzione', { sexual: true }],
    ['TRAFFICKING', 'Vittima della tratta'],
    ['CHILD_PORNOGRAPHY', 'Pedo-pornografia', { sexual: true }],
  ]),
};
