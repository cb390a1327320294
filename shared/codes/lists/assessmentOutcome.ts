import { SEED, rows, type CodeList } from '../types';

/**
 * Conclusion of a psycho-social assessment (seed 003 §3.10: "parere positivo
 * o negativo"); only a positive one allows matching with a minor. Added to
 * the brief's lists: the seed defines it.
 */
export const assessmentOutcome: CodeList = {
  name: 'ASSESSMENT_OUTCOME',
  description: 'Outcome of a psycho-social assessment',
  source: `${SEED.S003} §3.10`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.10` }, [
    ['POSITIVE', 'Parere positivo', { allowsMatching: true }],
    ['NEGATIVE', 'Parere negativo', { allowsMatching: false }],
  ]),
};
