import { SEED, rows, type CodeList } from '../types';

/**
 * The form of a court order. The seeds speak of "decreto" (§3.9.1, §3.9.2:
 * decreto del Tribunale per i minorenni, decreto di adozione, decreto di
 * idoneità), "sentenza di adozione" (§3.9.2) and "provvedimento" in general;
 * the urgent/provisional decree is the usual first measure (domain anchors).
 */
const S = `${SEED.S003} §3.9.1, §3.9.2, §3.9.5`;

export const courtOrderKind: CodeList = {
  name: 'COURT_ORDER_KIND',
  description: 'Form of a court order (decreto, sentenza, ordinanza)',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['DECREE', 'Decreto'],
    ['PROVISIONAL_DECREE', 'Decreto provvisorio e urgente', undefined, { source: `${SEED.ANCHORS} §5` }],
    ['SENTENCE', 'Sentenza'],
    ['ORDINANCE', 'Ordinanza'],
    ['OTHER', 'Altro provvedimento'],
  ]),
};
