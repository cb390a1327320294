import { createCasePeriodService } from './casePeriodService';
import { createCaseService } from './caseService';
import { createAssessmentService } from './assessmentService';
import { createMinorSearchService } from './minorSearchService';
import { createSinbaExportService } from './sinbaExportService';
import type { ServiceDeps } from './deps';
import { createHealthDataService } from './healthDataService';
import { createInterventionService } from './interventionService';
import { createMinorService } from './minorService';
import { createReferralService } from './referralService';
import { createAdditionalDataService } from './additionalDataService';
import { createCoPlanningService } from './coPlanningService';
import { createCourtOrderService } from './courtOrderService';
import { createFamilyService } from './familyService';
import { createProblemService } from './problemService';
import { createViolenceService } from './violenceService';
import { createReporting } from '../reporting';

export type { ModuleDeps, ServiceDeps } from './deps';

/**
 * SINBA's services for one request, built by the context factory with the
 * caller, the request's loaders and the module's dependencies: resolvers
 * call e.g. `ctx.services.cases.open(input)`. Building them is cheap (closures
 * over `deps`, no I/O).
 */
export function createServices(deps: ServiceDeps) {
  return {
    minors: createMinorService(deps),
    cases: createCaseService(deps),
    interventions: createInterventionService(deps),
    healthData: createHealthDataService(deps),
    referrals: createReferralService(deps),
    // seed 003 §3.10, searchMinors, the regional flow export
    assessments: createAssessmentService(deps),
    minorSearch: createMinorSearchService(deps),
    sinbaExport: createSinbaExportService(deps),
    // seed 003 §3.3–§3.8, §3.11, court orders
    family: createFamilyService(deps),
    additionalData: createAdditionalDataService(deps),
    problems: createProblemService(deps),
    coPlanning: createCoPlanningService(deps),
    violence: createViolenceService(deps),
    courtOrders: createCourtOrderService(deps),
    casePeriods: createCasePeriodService(deps),
    // issues 8, 15, 17: aggregate reports, case data quality, the quasi-identifier push to ASMI
    reporting: createReporting(deps),
  };
}

export type SinbaServices = ReturnType<typeof createServices>;
