import { SinbaFoundation1732400000000 } from './1732400000000-SinbaFoundation';
import { SinbaUnborn1732500000000 } from './1732500000000-SinbaUnborn';
import { SinbaReferral1732600000000 } from './1732600000000-SinbaReferral';
import { SinbaFamilyProblemsHealthViolenceCourt1733200000000 } from './1733200000000-SinbaFamilyProblemsHealthViolenceCourt';
import { SinbaInterventionDetails1733300000000 } from './1733300000000-SinbaInterventionDetails';
import { SinbaReportIndexes1733500000000 } from './1733500000000-SinbaReportIndexes';
import { SinbaCaseQualityIndexes1733600000000 } from './1733600000000-SinbaCaseQualityIndexes';
import { SinbaOtherIdentifier1733700000000 } from './1733700000000-SinbaOtherIdentifier';
import { SinbaConfirmedNewPerson1733800000000 } from './1733800000000-SinbaConfirmedNewPerson';
import { SinbaInterventionEndSituation1733900000000 } from './1733900000000-SinbaInterventionEndSituation';
import { SinbaApplicantAssessments1734000000000 } from './1734000000000-SinbaApplicantAssessments';

/** SINBA migrations in order (run by infra/db/migrate.ts with the admin connection). */
export const sinbaMigrations = [SinbaFoundation1732400000000, SinbaUnborn1732500000000, SinbaReferral1732600000000, SinbaFamilyProblemsHealthViolenceCourt1733200000000, SinbaInterventionDetails1733300000000, SinbaReportIndexes1733500000000, SinbaCaseQualityIndexes1733600000000, SinbaOtherIdentifier1733700000000, SinbaConfirmedNewPerson1733800000000, SinbaInterventionEndSituation1733900000000, SinbaApplicantAssessments1734000000000];
