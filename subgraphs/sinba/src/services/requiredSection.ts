import type { EntityManager } from 'typeorm';
import { throwIfViolated } from '@shared/errors';
import { findRecordPresence, openMinorProblemCodes } from '../repositories/problemRepository';
import { openProblemsStillSatisfied } from '../rules/problems';

/**
 * Before an upsert of the minor's health data or additional data (seed 003
 * §3.4, §3.7): the section stays "filled" when any of its values is not
 * null; emptying it while an open problem needs it (§3.4 code 98, §3.5) is
 * MISSING_REQUIRED_RECORD on minorId. Read under the minor's lock (inside
 * writeAsCaseHolder), so the problems cannot change before the write commits.
 */
export async function checkRequiredSection(
  db: EntityManager,
  minorId: string,
  today: string,
  section: 'healthData' | 'additionalData',
  values: object,
): Promise<void> {
  const filled = Object.values(values).some((v: unknown) => v !== null);
  const stored = await findRecordPresence(db, minorId);
  const presence = section === 'healthData' ? { ...stored, healthData: filled } : { ...stored, additionalData: filled };
  throwIfViolated(openProblemsStillSatisfied(await openMinorProblemCodes(db, minorId, today), presence, 'minorId'));
}
