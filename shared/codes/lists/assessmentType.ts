import { SEED, rows, type CodeList } from '../types';

/**
 * Psycho-social assessments of couples and persons for adoption and foster
 * care (indagini psico-sociali, seed 003 §3.10). Adoption (national or
 * international): 6 meetings, 1 home visit, 1 final meeting, within 4 months
 * renewable once (direttiva RER 1495/03); international adoption also needs
 * the juvenile court's decree of suitability. Foster care: the path of
 * D.G.R. 1094/2011. A foster-care request made together with an adoption
 * request is a separate assessment.
 */
export const assessmentType: CodeList = {
  name: 'ASSESSMENT_TYPE',
  description: 'Psycho-social assessments for adoption and foster care (indagini psico-sociali)',
  source: `${SEED.S003} §3.10`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.10` }, [
    ['NATIONAL_ADOPTION', 'Indagine psico-sociale per adozione nazionale', { adoption: true, maxMonths: 4, maxRenewals: 1 }],
    ['INTERNATIONAL_ADOPTION', 'Indagine psico-sociale per adozione internazionale', { adoption: true, maxMonths: 4, maxRenewals: 1, suitabilityDecree: true }],
    ['FOSTER_CARE', "Percorso di conoscenza e valutazione della disponibilità all'affidamento", { fosterCare: true }],
  ]),
};
