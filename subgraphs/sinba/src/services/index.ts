import { createCaseService } from './caseService';
import type { ServiceDeps } from './deps';
import { createHealthDataService } from './healthDataService';
import { createInterventionService } from './interventionService';
import { createMinorService } from './minorService';
import { createReferralService } from './referralService';

export type { ServiceDeps } from './deps';

/** SINBA's services: stateless, built once per process, given the request's principal per call. */
export function createServices(deps: ServiceDeps) {
  return {
    minors: createMinorService(deps),
    cases: createCaseService(deps),
    interventions: createInterventionService(deps),
    healthData: createHealthDataService(deps),
    referrals: createReferralService(deps),
  };
}

export type SinbaServices = ReturnType<typeof createServices>;
