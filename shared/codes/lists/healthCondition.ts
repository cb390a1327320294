import { SEED, rows, type CodeList } from '../types';

/**
 * The health data (dati sanitari) of seed 003 §3.4 and §3.7: the
 * certifications a minor may have. `hasDate`/`hasPercentage`: what is
 * recorded with the certification. The NPIA functional diagnosis alone does
 * not classify the minor as disabled (§3.7 footnote 6). LAW_104_SEVERE is
 * the L. 104/92 assessment "con riconoscimento della gravità" (it implies
 * LAW_104). The absence of a certification is recorded as such ("Presenza
 * relazione NPIA/Presenza certificazione invalidità civile = NO").
 */
const S = `${SEED.S003} §3.4, §3.7`;

export const healthCondition: CodeList = {
  name: 'HEALTH_CONDITION',
  description: 'Health certifications of the minor (dati sanitari)',
  source: S,
  version: '1.0',
  entries: [
    ...rows({ source: S }, [
      ['NPIA_DIAGNOSIS', 'Certificazione neuropsichiatrica – Relazione di diagnosi funzionale NPIA', { hasDate: true, impliesDisability: false }],
      ['CIVIL_INVALIDITY', 'Invalidità civile', { hasDate: true, hasPercentage: true }],
    ]),
    ...rows({ source: S, group: 'LAW_104' }, [
      ['LAW_104', 'Valutazione ex L. 104/92', { hasDate: true }],
      ['LAW_104_SEVERE', 'Valutazione ex L. 104/92 con riconoscimento della gravità', { hasDate: true, implies: 'LAW_104' }],
    ]),
  ],
};
