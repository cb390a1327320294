import { SEED, rows, type CodeList } from '../types';

/**
 * The judicial authority that issued a court order (provvedimento
 * dell'Autorità giudiziaria). Seed 003 §3.9.5 names "Giudice tutelare,
 * Tribunale per i minorenni, Procura minorile o Tribunale ordinario" (civil)
 * and "Tribunale penale e Procura" (penal); docs/domain.md
 * (ProvvedimentoAG) the same split. `penal`: the order is judicial data in
 * the sense of GDPR art. 10.
 */
const S = `${SEED.S003} §3.9.5; ${SEED.ANCHORS} §5`;

export const courtAuthority: CodeList = {
  name: 'COURT_AUTHORITY',
  description: 'Judicial authority issuing a court order',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['JUVENILE_COURT', 'Tribunale per i minorenni'],
    ['ORDINARY_COURT', 'Tribunale ordinario'],
    ['GUARDIANSHIP_JUDGE', 'Giudice tutelare'],
    ['JUVENILE_PROSECUTOR', 'Procura della Repubblica presso il Tribunale per i minorenni'],
    ['PENAL_COURT', 'Tribunale penale (anche per i minorenni, D.P.R. 448/1988)', { penal: true }],
  ]),
};
