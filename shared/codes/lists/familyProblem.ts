import { SEED, rows, type CodeList } from '../types';

/**
 * Problems of the family of origin (problematica familiare, seed 003 §3.8),
 * several at once, each with its own start date. Footnotes of the seed, as
 * attributes: `violence` for the abusing (sexual violence, also presumed)
 * and maltreating (physical/psychological maltreatment, witnessed violence
 * included) families; `exclusive` for "nucleo senza problematiche" (only the
 * minor has a problem), which cannot be combined with another family
 * problem; `health` for health-related problems.
 */
export const familyProblem: CodeList = {
  name: 'FAMILY_PROBLEM',
  description: 'Family problems (problematica familiare)',
  source: `${SEED.S003} §3.8`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.8` }, [
    ['ECONOMIC', 'Nucleo con problemi economici non prioritariamente abitativi'],
    ['HOUSING', 'Nucleo con problemi prioritariamente abitativi, compresi i richiedenti asilo o irregolari'],
    ['ADDICTION', 'Nucleo con problemi di dipendenze (sostanze, alcool, gioco)', { health: true }],
    ['HEALTH', 'Nucleo con problematiche sanitarie (patologie di natura sanitaria di alcuni dei componenti)', { health: true }],
    ['PSYCHIATRIC', 'Nucleo con problematiche psichiatriche (patologie di natura psichiatrica di alcuni dei componenti)', { health: true }],
    ['ABUSING', 'Nucleo abusante', { violence: true }],
    ['MALTREATING', 'Nucleo maltrattante', { violence: true }],
    ['SERIOUS_CONFLICT', 'Nucleo con gravi conflittualità'],
    ['CRIMINAL', 'Nucleo con problematiche penali', { penal: true }],
    ['NO_PROBLEMS', 'Nucleo senza problematiche', { exclusive: true }],
    ['SOCIO_EDUCATIONAL', 'Nucleo con problemi socio-educativi/relazionali'],
    ['PARENT_TRAFFICKING_VICTIM', 'Genitore vittima della tratta'],
    ['HEALTH_OBLIGATIONS_EVADED', 'Evasione obblighi sanitari'],
  ]),
};
