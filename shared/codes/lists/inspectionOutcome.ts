import { SEED, rows, type CodeList } from '../types';

/**
 * Outcome of an inspection (seed 002 Allegato A: "attività di controllo",
 * "vigilanza"; outcome, findings and follow-up as in
 * docs/domain.md §5). `requiresFollowUp`: the structure must
 * act on prescriptions or failures (possibly leading to a warning).
 */
export const inspectionOutcome: CodeList = {
  name: 'INSPECTION_OUTCOME',
  description: 'Outcome of an inspection',
  source: `${SEED.S002} Allegato A, a) ASSA, punto c); ${SEED.ANCHORS} §5`,
  version: '1.0',
  entries: rows({ source: `${SEED.S002} Allegato A, a) ASSA, punto c); ${SEED.ANCHORS} §5` }, [
    ['COMPLIANT', 'Conforme', { requiresFollowUp: false }],
    ['COMPLIANT_WITH_PRESCRIPTIONS', 'Conforme con prescrizioni', { requiresFollowUp: true }],
    ['NON_COMPLIANT', 'Non conforme', { requiresFollowUp: true }],
  ]),
};
