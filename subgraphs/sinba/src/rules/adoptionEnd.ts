import { getCodeList, type CodeEntry } from '@shared/codes';
import { violation, type Violation } from '@shared/errors';

/**
 * seed 003 §3.9.2: "Nel momento in cui queste tipologie di interventi si
 * concludono è necessario compilare il campo SITUAZIONE FINE INTERVENTO":
 * an adoption type (§3.9.2) that ends needs its end situation, a code of
 * INTERVENTION_END_SITUATION (normal endings and the two adoptive removals);
 * no other type, and no open intervention, has one.
 *
 * The adoptive removal (`adoptionDisruption`, ADOPTION_DISRUPTION) is kept
 * as before and follows from the end situation: a removal end situation
 * implies its disruption code, a disruption alone implies its end situation,
 * and the two must agree when both are given. BAD_USER_INPUT on
 * `endSituation` (missing, or on a type or date that has none) or on
 * `adoptionDisruption` (disagreeing).
 */
export function adoptionEndSituation(
  type: CodeEntry,
  endSituation: string | null,
  adoptionDisruption: string | null,
  endDate: string | null,
): { readonly value: { endSituation: string | null; adoptionDisruption: string | null } } | { readonly violation: Violation } {
  const adoption = type.attributes?.adoption === true;
  if (endSituation !== null && !adoption) return { violation: violation('BAD_USER_INPUT', 'Only an adoption (seed 003 §3.9.2) records an end situation', 'endSituation') };
  if (!adoption || endDate === null) {
    if (endSituation !== null) return { violation: violation('BAD_USER_INPUT', 'The end situation is recorded when the intervention ends', 'endSituation') };
    return { value: { endSituation: null, adoptionDisruption } };
  }
  const entries = getCodeList('INTERVENTION_END_SITUATION').entries;
  const implied = endSituation === null ? null : (entries.find((e) => e.code === endSituation)?.attributes?.adoptionDisruption as string | undefined) ?? null;
  if (endSituation === null) {
    if (adoptionDisruption === null) {
      return { violation: violation('BAD_USER_INPUT', 'An adoption that ends needs its end situation (situazione fine intervento, seed 003 §3.9.2)', 'endSituation') };
    }
    const derived = entries.find((e) => e.attributes?.adoptionDisruption === adoptionDisruption)?.code ?? null;
    return { value: { endSituation: derived, adoptionDisruption } };
  }
  if (adoptionDisruption !== null && adoptionDisruption !== implied) {
    return { violation: violation('BAD_USER_INPUT', 'The adoptive disruption does not agree with the end situation', 'adoptionDisruption') };
  }
  return { value: { endSituation, adoptionDisruption: implied } };
}
