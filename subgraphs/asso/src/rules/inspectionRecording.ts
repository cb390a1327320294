import { notAfterToday } from '@shared/rules';
import type { Violation } from '@shared/errors';

/**
 * seed 002 Allegato A §a point c: the supervision carried out by the
 * municipality, the ASL and the NAS is recorded once it happened, so an
 * inspection date is not in the future. (Authority and outcome are checked
 * against their code lists by the service.)
 */
export function validateInspectionRecording(i: { readonly date: string }, today: string): Violation | null {
  return notAfterToday(i.date, today, 'date');
}
