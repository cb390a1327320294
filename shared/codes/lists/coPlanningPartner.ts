import { SEED, rows, type CodeList } from '../types';

/**
 * Services and agencies the social service co-plans with (coprogettazione,
 * seed 003 §3.6: "es. scuola, NPI, altri soggetti sanitari e/o educativi";
 * the Equipe Territoriale of L.R. 14/2008 and the UVM). The addiction
 * service (Sert) is named among the services of §3.9.5.
 */
export const coPlanningPartner: CodeList = {
  name: 'CO_PLANNING_PARTNER',
  description: 'Partners of multidisciplinary co-planning (coprogettazione)',
  source: `${SEED.S003} §3.6`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.6` }, [
    ['SCHOOL', 'Scuola'],
    ['NPIA', "Neuropsichiatria dell'infanzia e dell'adolescenza (NPI/NPIA)", { health: true }],
    ['OTHER_HEALTH', 'Altri soggetti sanitari', { health: true }],
    ['EDUCATIONAL', 'Soggetti educativi'],
    ['TERRITORIAL_TEAM', 'Equipe Territoriale (L.R. 14/2008)'],
    ['UVM', 'Unità di valutazione multidimensionale (UVM)'],
    ['ADDICTION_SERVICE', 'Servizio per le dipendenze (Sert)', { health: true }, { source: `${SEED.S003} §3.6, §3.9.5` }],
    ['OTHER', 'Altri Servizi o Agenzie'],
  ]),
};
