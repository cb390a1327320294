import { SEED, rows, type CodeList } from '../types';

/**
 * Condizione occupazionale, one of the minor's additional data (seed 003
 * §3.4). The seed names the field, not its values: the hub's own list;
 * unregulated work of a minor of compulsory-schooling age is the problem
 * CHILD_LABOUR (§3.5), not a condition here.
 */
const S = `${SEED.S003} §3.4`;

export const employmentCondition: CodeList = {
  name: 'EMPLOYMENT_CONDITION',
  description: 'Employment condition of the minor (condizione occupazionale)',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['STUDENT', 'Studente'],
    ['EMPLOYED', 'Occupato'],
    ['TRAINING', 'In formazione professionale / borsa lavoro'],
    ['SEEKING_WORK', 'In cerca di occupazione'],
    ['INACTIVE', 'Non occupato e non in formazione'],
  ]),
};
