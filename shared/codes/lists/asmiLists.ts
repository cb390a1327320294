import { rows, type CodeList } from '../types';

/** Kinds of placement (seed 003 §3.9.6; pronta accoglienza at most 2 months, 6 for unaccompanied foreign minors). */
export const placementKind: CodeList = {
  name: 'PLACEMENT_KIND',
  description: 'Kinds of placement in a structure',
  source: 'seed 003_81ea9130f5f3c1a8.txt §3.9.6',
  version: '2020-11-05',
  entries: rows(undefined, [
    ['ORDINARY', 'Inserimento ordinario'],
    ['EMERGENCY', 'Pronta accoglienza', { maxMonths: 2, maxMonthsUnaccompanied: 6 }],
    ['MOTHER_AND_CHILD', 'Inserimento madre-bambino'],
    ['SEMI_AUTONOMY', 'Semi-autonomia / alta autonomia'],
  ]),
};

/** Outcome of a discharge (reference/domain-anchors.md §5, placement episodes; seed 003 §3.9.2 for adoption). */
export const dischargeOutcome: CodeList = {
  name: 'DISCHARGE_OUTCOME',
  description: 'Outcomes of a discharge from a structure',
  source: 'seed 001_29069863507f34e2.txt (dimissioni); reference/domain-anchors.md §5',
  version: '2021-05-01',
  entries: rows(undefined, [
    ['RETURN_TO_FAMILY', 'Rientro in famiglia'],
    ['FOSTER_CARE', 'Affidamento familiare'],
    ['OTHER_STRUCTURE', 'Trasferimento ad altra struttura'],
    ['ADOPTION', 'Adozione / affidamento preadottivo'],
    ['AUTONOMY', 'Autonomia'],
    ['COMING_OF_AGE', 'Raggiungimento della maggiore età'],
    ['UNAUTHORISED_DEPARTURE', 'Allontanamento arbitrario'],
    ['REPATRIATION', 'Rimpatrio'],
    ['OTHER', 'Altro'],
  ]),
};

export const legalBasis: CodeList = {
  name: 'LEGAL_BASIS',
  description: 'Legal basis of a placement',
  source: 'seed 003_81ea9130f5f3c1a8.txt §3.9.1 (consensuale/giudiziale); art. 403 c.c.',
  version: '2021-05-01',
  entries: rows(undefined, [
    ['CONSENSUAL', 'Consensuale'],
    ['COURT_ORDER', "Provvedimento dell'autorità giudiziaria"],
    ['URGENT_ART_403', 'Collocamento in urgenza (art. 403 c.c.)'],
  ]),
};

export const activityType: CodeList = {
  name: 'ACTIVITY_TYPE',
  description: 'Activities inside a structure',
  source: 'seed 001_29069863507f34e2.txt (dati di attività sui minori in struttura)',
  version: '2021-05-01',
  entries: rows(undefined, [
    ['SCHOOL', 'Scuola'],
    ['HEALTH', 'Salute'],
    ['PSYCHOLOGICAL_SUPPORT', 'Supporto psicologico'],
    ['EDUCATIONAL_PROJECT', 'Progetto educativo'],
    ['FAMILY_CONTACT', 'Contatti con la famiglia'],
    ['LEISURE', 'Tempo libero'],
    ['OTHER', 'Altro'],
  ]),
};

export const absenceKind: CodeList = {
  name: 'ABSENCE_KIND',
  description: 'Absences from a structure',
  source: 'seed 001_29069863507f34e2.txt; reference/domain-anchors.md §5',
  version: '2021-05-01',
  entries: rows(undefined, [
    ['AUTHORISED_ABSENCE', 'Assenza autorizzata'],
    ['HOSPITALISATION', 'Ricovero'],
    ['UNAUTHORISED_DEPARTURE', 'Allontanamento arbitrario'],
    ['OTHER', 'Altro'],
  ]),
};
