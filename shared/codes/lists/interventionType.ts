import { SEED, rows, type CodeAttributes, type CodeList } from '../types';

/**
 * Every intervention type of seed 003 §3.9.1–3.9.9, `group` = the seed
 * section. The seed gives no codes, so codes are English mnemonics; labels
 * are the seed's (capitalised as a sentence, wording and punctuation kept).
 *
 * Attributes used by rules:
 * - `structurePlacement`: a placement in a structure (§3.9.6, inserimenti in
 *   comunità), which carries the regional structure code (888888 other
 *   region, 999999 not in the list). "Ricerca inserimento in struttura" is
 *   the search for a structure, not a placement.
 * - `residential`: false for the day (semiresidenziale) structures of §3.9.6.
 * - `minAge` / `maxAge`: the ages (whole years on the start date) the seed
 *   admits for the type (§3.9.6): disability day and residential centres not
 *   under 14, educational and integrated educational communities 6–17,
 *   high-autonomy communities 17–21. Types the seed gives no age for have none.
 * - `emergency`: pronta accoglienza, at most `maxMonths` (2) months,
 *   `maxMonthsUnaccompanied` (6) for unaccompanied foreign minors (§3.9.6).
 * - `motherAndChild`: the minor is placed with the mother (§3.9.6).
 * - `fosterCare`: an affidamento (§3.9.1, and the affidamento a rischio
 *   giuridico of §3.9.2, which the seed defines as an "affidamento etero
 *   familiare giudiziale"); "affiancamento familiare" is explicitly not one.
 *   `kinship`: parenti entro il quarto grado.
 * - `adoption`: the adoption types of §3.9.2.
 * - `legalBasis`: LEGAL_BASIS code implied by the type (consensuale/giudiziale).
 * - `penal`: penal judicial activity (judicial data).
 * - `payment`: a payment of §3.9.4; `health`: health data (I.V.G.).
 */
const S = (section: string): string => `${SEED.S003} §${section}`;

const PLACEMENT: CodeAttributes = { structurePlacement: true, residential: true };
const DAY_PLACEMENT: CodeAttributes = { structurePlacement: true, residential: false };
const PAYMENT: CodeAttributes = { payment: true };

export const interventionType: CodeList = {
  name: 'INTERVENTION_TYPE',
  description: 'Intervention types by macro-group (tipologie di intervento SISAM)',
  source: `${SEED.S003} §3.9.1–3.9.9 (SISAM specifiche operative v1.0, 5/11/2020)`,
  version: '1.1',
  entries: [
    ...rows({ group: '3.9.1', source: S('3.9.1') }, [
      ['FAMILY_FOSTER_CARE_CONSENSUAL', 'Affidamento familiare consensuale', { fosterCare: true, kinship: false, legalBasis: 'CONSENSUAL' }],
      ['FAMILY_FOSTER_CARE_JUDICIAL', 'Affidamento familiare giudiziale', { fosterCare: true, kinship: false, legalBasis: 'COURT_ORDER' }],
      ['KINSHIP_FOSTER_CARE_CONSENSUAL', 'Affidamento parentale consensuale', { fosterCare: true, kinship: true, legalBasis: 'CONSENSUAL' }],
      ['KINSHIP_FOSTER_CARE_JUDICIAL', 'Affidamento parentale giudiziale', { fosterCare: true, kinship: true, legalBasis: 'COURT_ORDER' }],
      ['FAMILY_TO_FAMILY_SUPPORT', 'Affiancamento familiare', { fosterCare: false, legalBasis: 'CONSENSUAL' }],
    ]),
    ...rows({ group: '3.9.2', source: S('3.9.2') }, [
      ['NATIONAL_ADOPTION', 'Adozione nazionale', { adoption: true }],
      ['INTERNATIONAL_ADOPTION', 'Adozione internazionale', { adoption: true }],
      ['LEGAL_RISK_FOSTER_ADOPTION', 'Affidamento a rischio giuridico a scopo adottivo', { adoption: true, fosterCare: true, kinship: false, legalBasis: 'COURT_ORDER' }],
      ['SPECIAL_CASE_ADOPTION', 'Adozione in casi particolari (art. 44 L. 184/83 e succ. modifiche ed integrazioni)', { adoption: true }],
    ]),
    ...rows({ group: '3.9.3', source: S('3.9.3') }, [
      ['ONGOING_FINANCIAL_AID', 'Interventi economici continuativi'],
      ['EXTRAORDINARY_FINANCIAL_AID', 'Interventi economici straordinari'],
      ['HONOUR_LOAN', "Prestito sull'onore"],
      ['HOUSING_HARDSHIP_ACCOMMODATION', 'Risoluzione disagio abitativo - collocazione in struttura/altra sede', { structurePlacement: false }],
      ['SOLIDARITY_INCOME', 'Reddito di solidarietà'],
      // "dal 1/12/2017 sostituisce l'intervento di tipo SIA" (§3.9.3).
      ['INCLUSION_INCOME', 'Reddito di inclusione', undefined, { validFrom: '2017-12-01' }],
    ]),
    ...rows({ group: '3.9.4', source: S('3.9.4') }, [
      ['PAYMENT_JOB_PLACEMENT_TRAINING', 'Pagamento inserimento lavorativo borsa lavoro – corso formazione professionale', PAYMENT],
      ['PAYMENT_LEISURE_HOLIDAY', 'Pagamento tempo libero vacanza', PAYMENT],
      ['FOSTER_CARE_FEE', 'Retta affido', PAYMENT],
      ['STRUCTURE_FEE', 'Retta inserimento in struttura', PAYMENT],
    ]),
    ...rows({ group: '3.9.5', source: S('3.9.5') }, [
      ['SOCIAL_SECRETARIAT', 'Segretariato sociale'],
      ['PROFESSIONAL_SOCIAL_SERVICE', 'Servizi sociali professionali'],
      ['HOUSING_SEARCH_SUPPORT', 'Supporto reperimento alloggi istruttoria amministrativa'],
      ['ADMINISTRATIVE_INQUIRY', 'Istruttoria amministrativa'],
      ['CIVIL_INQUIRY', 'Istruttoria civile'],
      ['CIVIL_INQUIRY_IMMIGRATION_ART_31', 'Istruttoria civile art. 31 del Testo unico immigrazione, titolo IV'],
      ['NON_RESIDENT_INQUIRY', 'Istruttoria non residenti'],
      ['PENAL_INQUIRY', 'Istruttoria penale', { penal: true }],
      ['ADMINISTRATIVE_ORDER_EXECUTION', 'Esecuzione provvedimento amministrativo'],
      ['CIVIL_ORDER_EXECUTION', 'Esecuzione provvedimento civile'],
      ['PENAL_ORDER_EXECUTION', 'Esecuzione provvedimento penale', { penal: true }],
      ['JUDICIAL_AUTHORITY_REPORT', 'Segnalazione autorità giudiziaria'],
    ]),
    ...rows({ group: '3.9.6', source: S('3.9.6') }, [
      ['SEMI_RESIDENTIAL_EDUCATIONAL', 'Inserimento in comunità semiresidenziale educativa', DAY_PLACEMENT],
      ['SEMI_RESIDENTIAL_INTEGRATED', 'Inserimento in comunità semiresidenziale educativo – integrata', DAY_PLACEMENT],
      // "non possono essere accolti minori di 14 anni" (§3.9.6).
      ['DISABILITY_DAY_CENTRE', 'Inserimento in centro diurno semiresidenziale per disabili', { ...DAY_PLACEMENT, minAge: 14 }],
      ['EMERGENCY_PLACEMENT', 'Inserimento di pronta accoglienza', { ...PLACEMENT, emergency: true, maxMonths: 2, maxMonthsUnaccompanied: 6 }],
      ['FAMILY_COMMUNITY', 'Inserimento in comunità familiare', PLACEMENT],
      // "la struttura accoglie bambini e adolescenti da 6 a 17 anni" (§3.9.6), both types.
      ['RESIDENTIAL_EDUCATIONAL_COMMUNITY', 'Inserimento in comunità residenziale educativa', { ...PLACEMENT, minAge: 6, maxAge: 17 }],
      ['INTEGRATED_EDUCATIONAL_COMMUNITY', 'Inserimento in comunità educativo integrata', { ...PLACEMENT, minAge: 6, maxAge: 17 }],
      ['MULTI_USER_FAMILY_HOME', 'Inserimento in casa famiglia – multiutenza', PLACEMENT],
      // "cittadini disabili di età non inferiore ai 14 anni" (§3.9.6).
      ['DISABILITY_RESIDENTIAL_CENTRE', 'Inserimento in centro socio - riabilitativo residenziale per disabili', { ...PLACEMENT, minAge: 14 }],
      // "accoglie solo ragazzi con accentuato livello di autonomia (17 - 21 anni)" (§3.9.6).
      ['HIGH_AUTONOMY_COMMUNITY', 'Inserimento in comunità alta autonomia/gruppo appartamento/convitto', { ...PLACEMENT, semiAutonomy: true, minAge: 17, maxAge: 21 }],
      ['WOMEN_SHELTER_WITH_CHILDREN', 'Inserimento in casa rifugio donne maltrattate con figli', { ...PLACEMENT, motherAndChild: true }],
      ['MOTHER_AND_CHILD_COMMUNITY', 'Inserimento in casa/comunità gestanti e madri con bambino', { ...PLACEMENT, motherAndChild: true }],
      ['OTHER_STRUCTURE', 'Inserimento in altro tipo di struttura', PLACEMENT],
      ['STRUCTURE_SEARCH', 'Ricerca inserimento in struttura', { structurePlacement: false }],
    ]),
    ...rows({ group: '3.9.7', source: S('3.9.7') }, [
      ['INDIVIDUAL_EDUCATIONAL', 'Educativo individuale'],
      ['HOME_EDUCATIONAL', 'Educativo individuale domiciliare'],
      ['SCHOOL_TRAINING_SUPPORT', 'Formazione scolastica sostegno'],
      ['SCHOOL_ENROLMENT', 'Inserimento scolastico'],
      ['SCHOOL_SOCIO_EDUCATIONAL_SUPPORT', 'Sostegno socio - educativo scolastico'],
      ['LEISURE_HOLIDAY', 'Tempo libero vacanza'],
    ]),
    ...rows({ group: '3.9.8', source: S('3.9.8') }, [
      ['FAMILY_CONTESTED_CHILDREN', 'Familiari - figli contesi'],
      ['FAMILY_MINORS_MARRYING', 'Familiari - minori nubendi'],
      ['FAMILY_RELATIONSHIP_SUPPORT', 'Familiari - sostegno relazioni'],
      ['MINOR_ABORTION', 'I.V.G. minorenni', { health: true }],
      ['PROTECTED_MEETINGS_COURT_ORDERED', "Incontri protetti disposti dall'autorità giudiziaria", { legalBasis: 'COURT_ORDER' }],
      ['PROTECTED_MEETINGS_NOT_COURT_ORDERED', "Incontri protetti non disposti dall'autorità giudiziaria"],
      ['HOME_CARE', 'Assistenza domiciliare'],
    ]),
    ...rows({ group: '3.9.9', source: S('3.9.9') }, [
      ['JOB_PLACEMENT_GRANT', 'Inserimento lavorativo - borsa lavoro'],
      ['JOB_PLACEMENT_OTHER', 'Inserimento lavorativo – varie'],
    ]),
  ],
};
