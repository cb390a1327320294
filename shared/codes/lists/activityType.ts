import { SEED, rows, type CodeList } from '../types';

/**
 * Activities recorded for a minor inside a structure (dati di attività sui
 * minori in struttura, seed 001; docs/domain.md "ASMI": school, health,
 * psychological, educational, family contacts). `health`: special-category
 * data (GDPR art. 9).
 */
const S = `${SEED.S001} (dati di attività sui minori in struttura); ${SEED.DOMAIN} §4`;

export const activityType: CodeList = {
  name: 'ACTIVITY_TYPE',
  description: 'Activities of a minor inside a structure',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['SCHOOL', 'Scuola'],
    ['HEALTH', 'Salute', { health: true }],
    ['PSYCHOLOGICAL_SUPPORT', 'Sostegno psicologico', { health: true }],
    ['EDUCATIONAL_PROJECT', 'Progetto educativo'],
    ['FAMILY_CONTACT', 'Contatti con la famiglia'],
    ['LEISURE', 'Tempo libero'],
    ['OTHER', 'Altro'],
  ]),
};
