import { SEED, rows, type CodeList } from '../types';

/**
 * Legal basis of a placement: consensual or by a decree of the juvenile court
 * (seed 003 §3.9.1, "consensuale" / "giudiziale"), or the urgent removal by
 * the public authority under art. 403 c.c. (the emergency removals "per
 * disposizione delle autorità competenti" of §3.9.6).
 */
export const legalBasis: CodeList = {
  name: 'LEGAL_BASIS',
  description: 'Legal basis of a placement',
  source: `${SEED.S003} §3.9.1, §3.9.6; art. 403 c.c.`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.9.1` }, [
    ['CONSENSUAL', 'Consensuale (con il consenso della famiglia di origine)'],
    ['COURT_ORDER', 'Giudiziale (provvedimento del Tribunale per i minorenni)', { judicial: true }],
    ['URGENT_ART_403', 'Collocamento in urgenza (art. 403 c.c.)', { emergency: true }, { source: `${SEED.S003} §3.9.6; art. 403 c.c.` }],
  ]),
};
