import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * The client's two languages: Italian (default; the operators are Italian
 * speakers) and English. One typed dictionary: `en` must have every key of
 * `it`, so a missing translation is a type error. `{name}` placeholders are
 * filled by `t(key, { name })`. Code-list labels come from the hub
 * (`codes(list)`) and stay in Italian in both languages.
 */
const it = {
  appTitle: 'S.I.R.MI — Strutture',
  appSubtitle: 'Sistema informativo regionale sui minori fuori famiglia',
  skipToContent: 'Vai al contenuto',
  language: 'Lingua',
  signOut: 'Esci',
  mainNav: 'Menu principale',
  navGuests: 'Ospiti di oggi',
  navAdmit: 'Accogli un minore',
  navOccupancy: 'Occupazione',
  navStructure: 'La struttura',
  navProsecutor: 'Elenco per la Procura',
  loading: 'Caricamento…',
  back: 'Indietro',
  optional: '(facoltativo)',
  required: 'Campo obbligatorio.',
  notVisible: 'non visibile',
  choose: '— scegli —',
  formHasErrors: 'Il modulo contiene errori: correggi i campi indicati.',
  errorPrefix: 'Errore',
  saved: 'Salvato.',
  errorNetwork: 'Il sistema regionale non risponde. Riprova tra poco: i dati inseriti sono stati mantenuti.',

  // sign-in
  signInTitle: 'Accesso',
  signInDevIntro: 'Ambiente di sviluppo: scegli la struttura per cui operare. Riceverai un token di prova valido 8 ore.',
  signInStructure: 'Struttura',
  signInButton: 'Accedi',
  signInFilter: 'Cerca per nome',
  signInProduction: 'L’accesso avviene con le credenziali regionali (SPID/CIE tramite il sistema di identità della Regione). Se vedi questa pagina, la sessione è scaduta o non è iniziata.',
  signInProductionLink: 'Accedi con le credenziali regionali',
  sessionExpired: 'La sessione è scaduta: accedi di nuovo.',

  // guests
  guestsTitle: 'Ospiti di oggi',
  guestsIntro: 'Minori accolti oggi, {date}.',
  guestsEmpty: 'Nessun minore accolto oggi.',
  colName: 'Cognome e nome',
  colBirthDate: 'Data di nascita',
  colAdmission: 'Ingresso',
  colDays: 'Giorni in struttura',
  colKind: 'Tipo di accoglienza',
  colFlags: 'Avvisi',
  flagOverLimit: 'Pronta accoglienza oltre il limite ({months} mesi)',
  flagNearLimit: 'Pronta accoglienza: limite dei {months} mesi il {date}',
  flagAway: 'Assente dal {date}',
  flagMissing: 'Allontanamento arbitrario dal {date}',
  quality_NO_OPEN_CASE: 'Accolto da 30 giorni o più senza una presa in carico aperta dei servizi sociali',
  quality_STRUCTURE_OVER_CAPACITY: 'Struttura oltre i posti autorizzati',
  quality_STRUCTURE_NOT_ACTIVE: 'Struttura non attiva in alcuni giorni dell’accoglienza',
  quality_TRANSFER_GAP: 'Trasferimento senza ingresso nella nuova struttura',
  quality_PLACEMENT_AFTER_FINAL_DISCHARGE: 'Accoglienza successiva a una dimissione definitiva',
  occupancySummary: 'Posti occupati: {occupied} su {places} ({capacity} ordinari + {emergency} di pronta accoglienza).',

  // occupancy
  occupancyTitle: 'Occupazione',
  occupancyDate: 'Data',
  occupancyShow: 'Mostra',
  occupancyMeter: 'Posti occupati',
  occupancyFree: 'Posti liberi: {free}.',
  occupancyOver: 'Attenzione: occupazione oltre i posti autorizzati.',

  // admit
  admitTitle: 'Accogli un minore',
  stepLookup: '1. Cerca il minore',
  stepRegister: '2. Registra il minore',
  stepAdmission: '3. Dati dell’accoglienza',
  lookupIntro: 'Cerca il minore per codice fiscale: se è già registrato nel sistema regionale non va registrato di nuovo.',
  lookupButton: 'Cerca',
  noFiscalCode: 'Il minore non ha codice fiscale (es. straniero appena arrivato)',
  lookupFound: 'Il minore è già registrato nel sistema regionale. I suoi dati anagrafici saranno visibili dopo l’accoglienza.',
  lookupFoundNamed: 'Minore già registrato: {name}.',
  lookupNotFound: 'Nessun minore registrato con questo codice fiscale: registralo.',
  fiscalCode: 'Codice fiscale',
  fiscalCodeHint: '16 caratteri, lettere e cifre.',
  fiscalCodeTyping: '{n} caratteri su 16.',
  fiscalCodeOk: 'Codice fiscale corretto.',
  fiscalCodeFormat: 'Il codice fiscale non è nel formato corretto.',
  fiscalCodeCheck: 'Il carattere di controllo non torna: verifica il codice (atteso «{expected}» come ultimo carattere).',
  firstName: 'Nome',
  lastName: 'Cognome',
  birthDate: 'Data di nascita',
  sex: 'Sesso',
  sexM: 'Maschio',
  sexF: 'Femmina',
  citizenship: 'Cittadinanza (codice ISTAT dello Stato)',
  citizenshipHint: '3 cifre: 100 = Italia.',
  birthMunicipality: 'Comune di nascita (codice ISTAT)',
  residenceMunicipality: 'Comune di residenza (codice ISTAT)',
  municipalityHint: '6 cifre, es. 058091 = Roma.',
  unaccompanied: 'Minore straniero non accompagnato (MSNA)',
  otherIdentifier: 'Altro identificativo (minori stranieri senza codice fiscale)',
  otherIdentifierKind: 'Tipo di identificativo',
  otherIdentifierValue: 'Numero',
  otherIdentifierCountry: 'Stato di rilascio (codice ISTAT)',
  otherIdentifierCountryHint: 'Obbligatorio per passaporto e documento estero.',
  kindTEMPORARY_FISCAL_CODE: 'Codice fiscale provvisorio (11 cifre)',
  kindRESIDENCE_PERMIT: 'Permesso di soggiorno',
  kindPASSPORT: 'Passaporto',
  kindFOREIGN_ID_DOCUMENT: 'Documento di identità estero',
  kindOTHER: 'Altro',
  registerButton: 'Registra il minore',
  registered: 'Minore registrato.',
  duplicateUsed: 'Il minore era già registrato: procedi con l’accoglienza.',
  admissionDate: 'Data di ingresso',
  kind: 'Tipo di accoglienza',
  referringService: 'Servizio inviante',
  referringServiceHint: 'Il servizio sociale che ha disposto l’inserimento.',
  legalBasis: 'Base giuridica',
  courtOrderReference: 'Estremi del provvedimento del Tribunale',
  courtOrderHint: 'Obbligatorio per i collocamenti disposti dal Tribunale per i minorenni.',
  admitButton: 'Registra l’accoglienza',
  admitted: 'Accoglienza registrata.',

  // placement
  placementTitle: 'Scheda di accoglienza',
  placementSummary: 'Accoglienza',
  dischargeDate: 'Data di dimissione',
  dischargeOutcome: 'Esito della dimissione',
  discharged: 'Dimesso il {date} ({outcome}).',
  activitiesTitle: 'Attività',
  activitiesEmpty: 'Nessuna attività registrata.',
  activityType: 'Tipo di attività',
  activityDate: 'Data',
  activityEndDate: 'Data di fine',
  notes: 'Note',
  notesHint: 'Evita dati sanitari o giudiziari non necessari.',
  recordActivity: 'Registra l’attività',
  absencesTitle: 'Assenze e allontanamenti',
  absencesEmpty: 'Nessuna assenza registrata.',
  absenceKind: 'Tipo di assenza',
  startDate: 'Dal',
  endDate: 'Al',
  endDateOpenHint: 'Lascia vuoto se il minore non è ancora rientrato.',
  recordAbsence: 'Registra l’assenza',
  endAbsence: 'Registra il rientro',
  returnDate: 'Data di rientro',
  stillAway: 'non ancora rientrato',
  dischargeTitle: 'Dimissione',
  dischargeButton: 'Registra la dimissione',
  transferTitle: 'Trasferimento ad altra struttura',
  transferIntro: 'Il trasferimento si registra così: questa struttura dimette il minore con esito «Trasferimento ad altra struttura»; la nuova struttura registra l’ingresso dallo stesso giorno con il proprio accesso (cercando il minore per codice fiscale).',
  transferDate: 'Data del trasferimento',
  transferButton: 'Registra il trasferimento',
  closedPlacement: 'Accoglienza conclusa: non si possono registrare nuove attività o assenze successive alla dimissione.',

  // structure
  structureTitle: 'La struttura',
  structureCode: 'Codice regionale',
  structureType: 'Tipologia',
  structureStatus: 'Stato',
  municipality: 'Comune (ISTAT)',
  address: 'Indirizzo',
  managingEntity: 'Ente gestore',
  capacity: 'Posti autorizzati',
  emergencyCapacity: 'Posti di pronta accoglienza',
  ageRange: 'Età accolte',
  ageRangeValue: 'da {min} a {max} anni',
  contactEmail: 'E-mail interna',
  actsTitle: 'Atti',
  actsEmpty: 'Nessun atto registrato.',
  actKind: 'Tipo',
  actNumber: 'Numero',
  actDate: 'Data',
  actValidity: 'Validità',
  actDocument: 'Documento',
  actValidFrom: 'dal {from}',
  actValidFromTo: 'dal {from} al {to}',
  download: 'Scarica {name}',
  noDocument: 'nessun documento',
  inspectionsTitle: 'Vigilanza',
  inspectionsEmpty: 'Nessuna ispezione registrata.',
  inspectionAuthority: 'Ente',
  inspectionOutcome: 'Esito',
  followUpDue: 'Adempimenti entro',
  status_ACTIVE: 'Attiva',
  status_SUSPENDED: 'Sospesa',
  status_REVOKED: 'Revocata',
  status_CLOSED: 'Chiusa',
  status_NOT_AUTHORISED: 'Non autorizzata',

  // prosecutor list
  prosecutorTitle: 'Elenco semestrale per la Procura',
  prosecutorIntro: 'Elenco dei minori accolti nel semestre, da trasmettere alla Procura della Repubblica presso il Tribunale per i minorenni (art. 9 L. 184/1983).',
  year: 'Anno',
  half: 'Semestre',
  half1: 'Primo (gennaio–giugno)',
  half2: 'Secondo (luglio–dicembre)',
  format: 'Formato',
  downloadButton: 'Scarica l’elenco',
  downloaded: 'File scaricato: {name}.',
  downloadFailed: 'Il file non è disponibile ({status}).',

  // errors from the hub by code
  err_BAD_USER_INPUT: 'Dato non valido.',
  err_INVALID_CODE: 'Valore non ammesso.',
  err_INVALID_DATE_RANGE: 'Date non coerenti.',
  err_DUPLICATE_MINOR: 'Minore già registrato.',
  err_PLACEMENT_OVERLAP: 'Il minore risulta già accolto in questo periodo.',
  err_PLACEMENT_CLOSED: 'L’accoglienza è già conclusa.',
  err_STRUCTURE_FULL: 'La struttura non ha posti liberi.',
  err_STRUCTURE_NOT_AUTHORISED: 'La struttura non è autorizzata in questa data.',
  err_UNKNOWN_STRUCTURE: 'Struttura sconosciuta.',
  err_NOT_FOUND: 'Non trovato.',
  err_FORBIDDEN: 'Operazione non consentita a questo profilo.',
  err_UNAUTHENTICATED: 'Sessione non valida o scaduta.',
  err_generic: 'Operazione non riuscita.',
} as const;

export type MessageKey = keyof typeof it;
export type Dictionary = { readonly [K in MessageKey]: string };

const en: Dictionary = {
  appTitle: 'S.I.R.MI — Structures',
  appSubtitle: 'Regional information system on minors living outside their family',
  skipToContent: 'Skip to content',
  language: 'Language',
  signOut: 'Sign out',
  mainNav: 'Main menu',
  navGuests: "Today's guests",
  navAdmit: 'Admit a minor',
  navOccupancy: 'Occupancy',
  navStructure: 'The structure',
  navProsecutor: "Prosecutor's list",
  loading: 'Loading…',
  back: 'Back',
  optional: '(optional)',
  required: 'Required field.',
  notVisible: 'not visible',
  choose: '— choose —',
  formHasErrors: 'The form has errors: please correct the fields shown.',
  errorPrefix: 'Error',
  saved: 'Saved.',
  errorNetwork: 'The regional system does not answer. Try again shortly: what you typed has been kept.',

  signInTitle: 'Sign in',
  signInDevIntro: 'Development environment: choose the structure to work for. You get a test token valid for 8 hours.',
  signInStructure: 'Structure',
  signInButton: 'Sign in',
  signInFilter: 'Search by name',
  signInProduction: "Sign-in uses the regional credentials (SPID/CIE through the Region's identity provider). If you see this page, your session has expired or has not started.",
  signInProductionLink: 'Sign in with the regional credentials',
  sessionExpired: 'Your session has expired: please sign in again.',

  guestsTitle: "Today's guests",
  guestsIntro: 'Minors hosted today, {date}.',
  guestsEmpty: 'No minor is hosted today.',
  colName: 'Surname and name',
  colBirthDate: 'Date of birth',
  colAdmission: 'Admission',
  colDays: 'Days in structure',
  colKind: 'Kind of placement',
  colFlags: 'Warnings',
  flagOverLimit: 'Emergency placement beyond its limit ({months} months)',
  flagNearLimit: 'Emergency placement: {months}-month limit on {date}',
  flagAway: 'Away since {date}',
  flagMissing: 'Unauthorised departure since {date}',
  quality_NO_OPEN_CASE: 'Placed for 30 days or more with no open case at a social service',
  quality_STRUCTURE_OVER_CAPACITY: 'Structure above its authorised places',
  quality_STRUCTURE_NOT_ACTIVE: 'Structure not active on some days of the placement',
  quality_TRANSFER_GAP: 'Transfer with no admission in the new structure',
  quality_PLACEMENT_AFTER_FINAL_DISCHARGE: 'Placement after a final discharge',
  occupancySummary: 'Places taken: {occupied} of {places} ({capacity} ordinary + {emergency} emergency).',

  occupancyTitle: 'Occupancy',
  occupancyDate: 'Date',
  occupancyShow: 'Show',
  occupancyMeter: 'Places taken',
  occupancyFree: 'Free places: {free}.',
  occupancyOver: 'Warning: occupancy above the authorised places.',

  admitTitle: 'Admit a minor',
  stepLookup: '1. Look up the minor',
  stepRegister: '2. Register the minor',
  stepAdmission: '3. Placement details',
  lookupIntro: 'Look the minor up by fiscal code: a minor already registered in the regional system must not be registered again.',
  lookupButton: 'Look up',
  noFiscalCode: 'The minor has no fiscal code (e.g. a foreign minor just arrived)',
  lookupFound: 'The minor is already registered in the regional system. Their personal data become visible after the admission.',
  lookupFoundNamed: 'Minor already registered: {name}.',
  lookupNotFound: 'No minor is registered with this fiscal code: register them.',
  fiscalCode: 'Fiscal code',
  fiscalCodeHint: '16 characters, letters and digits.',
  fiscalCodeTyping: '{n} of 16 characters.',
  fiscalCodeOk: 'Valid fiscal code.',
  fiscalCodeFormat: 'The fiscal code is not well formed.',
  fiscalCodeCheck: 'The check character does not match: please check the code («{expected}» expected as last character).',
  firstName: 'First name',
  lastName: 'Surname',
  birthDate: 'Date of birth',
  sex: 'Sex',
  sexM: 'Male',
  sexF: 'Female',
  citizenship: 'Citizenship (ISTAT country code)',
  citizenshipHint: '3 digits: 100 = Italy.',
  birthMunicipality: 'Municipality of birth (ISTAT code)',
  residenceMunicipality: 'Municipality of residence (ISTAT code)',
  municipalityHint: '6 digits, e.g. 058091 = Rome.',
  unaccompanied: 'Unaccompanied foreign minor',
  otherIdentifier: 'Other identifier (foreign minors without a fiscal code)',
  otherIdentifierKind: 'Kind of identifier',
  otherIdentifierValue: 'Number',
  otherIdentifierCountry: 'Issuing state (ISTAT code)',
  otherIdentifierCountryHint: 'Required for a passport or foreign identity document.',
  kindTEMPORARY_FISCAL_CODE: 'Temporary fiscal code (11 digits)',
  kindRESIDENCE_PERMIT: 'Residence permit',
  kindPASSPORT: 'Passport',
  kindFOREIGN_ID_DOCUMENT: 'Foreign identity document',
  kindOTHER: 'Other',
  registerButton: 'Register the minor',
  registered: 'Minor registered.',
  duplicateUsed: 'The minor was already registered: go on with the admission.',
  admissionDate: 'Admission date',
  kind: 'Kind of placement',
  referringService: 'Referring service',
  referringServiceHint: 'The social service that arranged the placement.',
  legalBasis: 'Legal basis',
  courtOrderReference: 'Court order reference',
  courtOrderHint: 'Required for placements ordered by the juvenile court.',
  admitButton: 'Record the admission',
  admitted: 'Admission recorded.',

  placementTitle: 'Placement record',
  placementSummary: 'Placement',
  dischargeDate: 'Discharge date',
  dischargeOutcome: 'Discharge outcome',
  discharged: 'Discharged on {date} ({outcome}).',
  activitiesTitle: 'Activities',
  activitiesEmpty: 'No activity recorded.',
  activityType: 'Kind of activity',
  activityDate: 'Date',
  activityEndDate: 'End date',
  notes: 'Notes',
  notesHint: 'Avoid health or judicial details that are not needed.',
  recordActivity: 'Record the activity',
  absencesTitle: 'Absences and unauthorised departures',
  absencesEmpty: 'No absence recorded.',
  absenceKind: 'Kind of absence',
  startDate: 'From',
  endDate: 'To',
  endDateOpenHint: 'Leave empty while the minor has not come back.',
  recordAbsence: 'Record the absence',
  endAbsence: 'Record the return',
  returnDate: 'Return date',
  stillAway: 'not back yet',
  dischargeTitle: 'Discharge',
  dischargeButton: 'Record the discharge',
  transferTitle: 'Transfer to another structure',
  transferIntro: 'A transfer is recorded like this: this structure discharges the minor with outcome «Transfer to another structure»; the new structure records the admission from the same day with its own sign-in (looking the minor up by fiscal code).',
  transferDate: 'Transfer date',
  transferButton: 'Record the transfer',
  closedPlacement: 'Placement ended: no new activities or absences after the discharge.',

  structureTitle: 'The structure',
  structureCode: 'Regional code',
  structureType: 'Type',
  structureStatus: 'Status',
  municipality: 'Municipality (ISTAT)',
  address: 'Address',
  managingEntity: 'Managing entity',
  capacity: 'Authorised places',
  emergencyCapacity: 'Emergency places',
  ageRange: 'Ages hosted',
  ageRangeValue: 'from {min} to {max} years',
  contactEmail: 'Internal e-mail',
  actsTitle: 'Acts',
  actsEmpty: 'No act recorded.',
  actKind: 'Kind',
  actNumber: 'Number',
  actDate: 'Date',
  actValidity: 'Validity',
  actDocument: 'Document',
  actValidFrom: 'from {from}',
  actValidFromTo: 'from {from} to {to}',
  download: 'Download {name}',
  noDocument: 'no document',
  inspectionsTitle: 'Inspections',
  inspectionsEmpty: 'No inspection recorded.',
  inspectionAuthority: 'Authority',
  inspectionOutcome: 'Outcome',
  followUpDue: 'Follow-up due',
  status_ACTIVE: 'Active',
  status_SUSPENDED: 'Suspended',
  status_REVOKED: 'Revoked',
  status_CLOSED: 'Closed',
  status_NOT_AUTHORISED: 'Not authorised',

  prosecutorTitle: "Six-monthly list for the prosecutor",
  prosecutorIntro: "List of the minors hosted in the half-year, for the public prosecutor at the juvenile court (art. 9 L. 184/1983).",
  year: 'Year',
  half: 'Half-year',
  half1: 'First (January–June)',
  half2: 'Second (July–December)',
  format: 'Format',
  downloadButton: 'Download the list',
  downloaded: 'File downloaded: {name}.',
  downloadFailed: 'The file is not available ({status}).',

  err_BAD_USER_INPUT: 'Invalid value.',
  err_INVALID_CODE: 'Value not allowed.',
  err_INVALID_DATE_RANGE: 'Inconsistent dates.',
  err_DUPLICATE_MINOR: 'Minor already registered.',
  err_PLACEMENT_OVERLAP: 'The minor is already placed in this period.',
  err_PLACEMENT_CLOSED: 'The placement has already ended.',
  err_STRUCTURE_FULL: 'The structure has no free place.',
  err_STRUCTURE_NOT_AUTHORISED: 'The structure is not authorised on this date.',
  err_UNKNOWN_STRUCTURE: 'Unknown structure.',
  err_NOT_FOUND: 'Not found.',
  err_FORBIDDEN: 'Operation not allowed for this profile.',
  err_UNAUTHENTICATED: 'Invalid or expired session.',
  err_generic: 'The operation failed.',
};

export type Language = 'it' | 'en';
export const LANGUAGES: readonly Language[] = ['it', 'en'];
export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { it, en };
/** localStorage key of the chosen language (remembered across sessions). */
export const LANGUAGE_KEY = 'sirmi.language';

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export function translate(dict: Dictionary, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = dict[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(LANGUAGE_KEY);
    return v === 'en' || v === 'it' ? v : 'it';
  } catch {
    return 'it';
  }
}

interface I18n {
  readonly language: Language;
  readonly t: Translate;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n>({ language: 'it', t: (k, p) => translate(it, k, p), setLanguage: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((l: Language) => {
    setLanguageState(l);
    try {
      window.localStorage.setItem(LANGUAGE_KEY, l);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
    document.documentElement.lang = l;
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = language;
    return { language, setLanguage, t: (k, p) => translate(DICTIONARIES[language], k, p) };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
