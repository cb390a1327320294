import { SEED, rows, type CodeList } from '../types';

/**
 * Local health authorities (Aziende sanitarie locali) of Lazio: the "ASL di
 * riferimento" of a structure, which supports the municipality in its
 * supervision (seed 002 Allegato A, a) ASSA, punto c); docs/domain.md §5
 * lists the ASL among the structure's fields). The seeds do not list the
 * ASLs: the ten below are the Lazio health authorities as organised since
 * 1 January 2016, when the former ASL Roma A–H became ASL Roma 1–6 (to be
 * checked against the regional act if the list changes).
 *
 * Attribute `province`: the 3-digit ISTAT code of the province the ASL
 * covers; every ASL lies within one province, so a structure's ASL must be
 * one of its province's (ASSO rules/healthAuthority.ts).
 */
const S = `${SEED.S002} Allegato A, a) ASSA, punto c) ("ASL di riferimento"); ${SEED.ANCHORS} §5`;
const ROMA = { province: '058', region: '12' } as const;
const SINCE_2016 = { validFrom: '2016-01-01' } as const;

export const healthAuthority: CodeList = {
  name: 'HEALTH_AUTHORITY',
  description: 'Local health authorities (ASL) of Lazio, with the province each covers',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['ROMA_1', 'ASL Roma 1', ROMA, SINCE_2016],
    ['ROMA_2', 'ASL Roma 2', ROMA, SINCE_2016],
    ['ROMA_3', 'ASL Roma 3', ROMA, SINCE_2016],
    ['ROMA_4', 'ASL Roma 4', ROMA, SINCE_2016],
    ['ROMA_5', 'ASL Roma 5', ROMA, SINCE_2016],
    ['ROMA_6', 'ASL Roma 6', ROMA, SINCE_2016],
    ['VITERBO', 'ASL Viterbo', { province: '056', region: '12' }],
    ['RIETI', 'ASL Rieti', { province: '057', region: '12' }],
    ['LATINA', 'ASL Latina', { province: '059', region: '12' }],
    ['FROSINONE', 'ASL Frosinone', { province: '060', region: '12' }],
  ]),
};
