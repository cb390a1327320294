import { SEED, rows, type CodeList } from '../types';

/**
 * Co-management (cogestione) by two services: the only situations in which a
 * minor may have a second, overlapping open case (seed 003 §3.2, items 1–3).
 * Attributes point at what must be true: the minor's problem
 * (`minorProblem`, a MINOR_PROBLEM code) or an intervention in progress whose
 * INTERVENTION_TYPE has the attribute named by `interventionAttribute`.
 */
export const coManagementReason: CodeList = {
  name: 'CO_MANAGEMENT_REASON',
  description: 'Co-management situations that allow an overlapping case (cogestione)',
  source: `${SEED.S003} §3.2`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.2` }, [
    ['ADOPTABILITY', 'Minore con problematica utente in stato di adottabilità/adozione', { minorProblem: 'ADOPTABILITY' }],
    ['FOSTER_CARE', 'Minore con intervento di affidamento etero familiare o parentale in corso', { interventionAttribute: 'fosterCare' }],
    ['COMMUNITY_PLACEMENT', 'Minore con intervento di inserimento in comunità in corso', { interventionAttribute: 'structurePlacement' }],
  ]),
};
