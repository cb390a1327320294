import { violation, type Violation } from '@shared/errors';

/** seed 003 §3.9.6: code for a structure in another region. */
export const STRUCTURE_OTHER_REGION = '888888';
/** seed 003 §3.9.6: code for a structure in the region but not (yet) in the registry list. */
export const STRUCTURE_NOT_LISTED = '999999';

/** Conventional codes accepted as they are, with no registry behind them. */
export function isConventionalStructureCode(code: string): boolean {
  return code === STRUCTURE_OTHER_REGION || code === STRUCTURE_NOT_LISTED;
}

/**
 * What to do with an intervention's structure code (seed 003 §3.9.6: "Il
 * codice della struttura dovrà essere un codice presente nell'anagrafe
 * regionale"; 888888 other region, 999999 not in the list):
 * - required for placement types (code-list attribute `structurePlacement`);
 * - 'none': no code given (other types) or a conventional code: nothing to check;
 * - 'registry': the code must be looked up in ASSO.
 */
export function structureCodeCheck(
  requiresStructure: boolean,
  structureCode: string | null,
): { readonly violation: Violation } | { readonly lookup: 'none' | 'registry' } {
  if (structureCode === null) {
    if (requiresStructure) return { violation: violation('BAD_USER_INPUT', 'A placement in a structure needs the structure code', 'structureCode') };
    return { lookup: 'none' };
  }
  if (isConventionalStructureCode(structureCode)) return { lookup: 'none' };
  return { lookup: 'registry' };
}
