import { SEED, rows, type CodeList } from '../types';

/**
 * Outcome of the multidisciplinary assessment recorded with co-planning
 * (seed 003 §3.6): negative, positive in its three kinds of confirmed
 * diagnosis (`group` POSITIVE), or a complex case (DGR 1102/2014) whatever
 * the share of costs. Added to the brief's lists: the seed defines it.
 */
export const coPlanningOutcome: CodeList = {
  name: 'CO_PLANNING_OUTCOME',
  description: 'Outcome of the co-planning assessment (Equipe Territoriale / UVM)',
  source: `${SEED.S003} §3.6`,
  version: '1.0',
  entries: [
    ...rows({ source: `${SEED.S003} §3.6`, group: 'NEGATIVE' }, [['NEGATIVE', 'Esito negativo']]),
    ...rows({ source: `${SEED.S003} §3.6`, group: 'POSITIVE' }, [
      ['CERTIFIED_DISABILITY', 'Disabilità accertata', { health: true }],
      ['PSYCHOSOCIAL', 'Problematiche di natura psicosociale'],
      ['MALTREATMENT_VICTIM', 'Vittime di maltrattamento, abuso, trauma e violenza assistita'],
    ]),
    ...rows({ source: `${SEED.S003} §3.6`, group: 'COMPLEX_CASE' }, [['COMPLEX_CASE', 'Caso complesso (DGR 1102/2014)']]),
  ],
};
