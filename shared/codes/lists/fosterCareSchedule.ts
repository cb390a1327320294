import { SEED, rows, type CodeList } from '../types';

/**
 * Full-time or part-time foster care (seed 003 §3.9.1: "a tempo pieno (il
 * minore si trasferisce presso il nucleo affidatario) o a tempo parziale").
 * Added to the brief's lists: the seed defines it.
 */
export const fosterCareSchedule: CodeList = {
  name: 'FOSTER_CARE_SCHEDULE',
  description: 'Full-time or part-time foster care',
  source: `${SEED.S003} §3.9.1`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.9.1` }, [
    ['FULL_TIME', 'Tempo pieno', { residential: true }],
    ['PART_TIME', 'Tempo parziale', { residential: false }],
  ]),
};
