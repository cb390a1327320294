import { findCode } from '@shared/codes';
import { violation, type Violation } from '@shared/errors';
import type { CoManagementRecords } from '../repositories/coManagementRepository';

const typeHas = (type: string, attribute: string) => findCode('INTERVENTION_TYPE', type)?.attributes?.[attribute] === true;

/**
 * docs/privacy.md §3a, seed 003 §3.2: a second service may co-manage a minor
 * only when the fact its reason names is recorded on the case's start date:
 * - ADOPTABILITY: the minor's problem "in stato di adottabilità/adozione"
 *   (MINOR_PROBLEM ADOPTABILITY, the seed's own condition), a court order
 *   declaring adoptability (COURT_ORDER_EFFECT ADOPTABILITY) or an adoption
 *   intervention in progress (INTERVENTION_TYPE attribute `adoption`, §3.9.2);
 * - FOSTER_CARE: a foster-care intervention in progress (attribute
 *   `fosterCare`, §3.9.1 and the legal-risk foster adoption of §3.9.2);
 * - COMMUNITY_PLACEMENT: a placement intervention in progress (attribute
 *   `structurePlacement`, §3.9.6) or a placement in a structure active on the
 *   date (ASMI, `activePlacement`).
 */
export function coManagementJustified(reason: string, records: CoManagementRecords, activePlacement: boolean): Violation | null {
  let justified = false;
  switch (reason) {
    case 'ADOPTABILITY':
      justified = records.problems.includes('ADOPTABILITY') || records.courtOrderEffects.includes('ADOPTABILITY') || records.interventionTypes.some((t) => typeHas(t, 'adoption'));
      break;
    case 'FOSTER_CARE':
      justified = records.interventionTypes.some((t) => typeHas(t, 'fosterCare'));
      break;
    case 'COMMUNITY_PLACEMENT':
      justified = records.interventionTypes.some((t) => typeHas(t, 'structurePlacement')) || activePlacement;
      break;
  }
  return justified ? null : violation('CO_MANAGEMENT_NOT_JUSTIFIED', `The fact named by the co-management reason ${reason} is not recorded for this minor on the start date`, 'coManagementReason');
}

/** Whether the co-management check needs ASMI (a placement intervention would already justify it). */
export function needsActivePlacement(reason: string, records: CoManagementRecords): boolean {
  return reason === 'COMMUNITY_PLACEMENT' && !records.interventionTypes.some((t) => typeHas(t, 'structurePlacement'));
}
