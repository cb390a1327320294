import { SEED, rows, type CodeList } from '../types';

/**
 * Whom a structure hosts by sex (docs/domain.md §5 lists "gender" among the
 * structure's fields; the seeds are silent): boys only, girls only, or both.
 */
const S = `${SEED.ANCHORS} §5`;

export const structureGender: CodeList = {
  name: 'STRUCTURE_GENDER',
  description: 'Sex of the minors a structure hosts',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['M', 'Maschile'],
    ['F', 'Femminile'],
    ['MIXED', 'Mista'],
  ]),
};
