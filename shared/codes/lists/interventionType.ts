import { rows, type CodeList } from '../types';

const SEED = 'seed 003_81ea9130f5f3c1a8.txt';

/**
 * Intervention groups and types of seed 003 §3.9.1–3.9.9, every type of the
 * seed, labels as in the seed. Codes are stable English-free mnemonics
 * derived from the Italian label (the seed gives no numeric codes).
 * `structurePlacement`: the intervention places the minor in a structure and
 * must carry a structure code (§3.9.6); `emergency`: pronta accoglienza,
 * at most 2 months, 6 for unaccompanied foreign minors (§3.9.6).
 */
export const interventionGroup: CodeList = {
  name: 'INTERVENTION_GROUP',
  description: 'Macro-groups of interventions (macrogruppi di intervento)',
  source: `${SEED} §3.9`,
  version: '2020-11-05',
  entries: rows(undefined, [
    ['3.9.1', 'Affidamento eterofamiliare e affidamento parentale'],
    ['3.9.2', 'Adozione nazionale/internazionale e affidamento a rischio giuridico'],
    ['3.9.3', 'Interventi economici diretti'],
    ['3.9.4', 'Interventi economici indiretti e pagamenti per interventi di inserimento lavorativo - formazione professionale'],
    ['3.9.5', "Attività in esecuzione a richieste/provvedimenti dell'autorità giudiziaria"],
    ['3.9.6', 'Inserimenti in comunità'],
    ['3.9.7', 'Interventi educativi, scuola e tempo libero educativo di gruppo'],
    ['3.9.8', 'Interventi di servizio sociale, sostegno alla famiglia e alle relazioni'],
    ['3.9.9', 'Inserimento lavorativo - formazione professionale'],
  ]),
};

const PLACEMENT = { structurePlacement: true } as const;

export const interventionType: CodeList = {
  name: 'INTERVENTION_TYPE',
  description: 'Intervention types by group (tipologie di intervento)',
  source: `${SEED} §3.9.1–3.9.9`,
  version: '2020-11-05',
  entries: [
    ...rows('3.9.1', [
      ['AFF_FAM_CONSENSUALE', 'Affidamento familiare consensuale', { fosterCare: true }],
      ['AFF_FAM_GIUDIZIALE', 'Affidamento familiare giudiziale', { fosterCare: true, courtOrdered: true }],
      ['AFF_PAR_CONSENSUALE', 'Affidamento parentale consensuale', { fosterCare: true }],
      ['AFF_PAR_GIUDIZIALE', 'Affidamento parentale giudiziale', { fosterCare: true, courtOrdered: true }],
      ['AFFIANCAMENTO_FAMILIARE', 'Affiancamento familiare'],
    ]),
    ...rows('3.9.2', [
      ['ADOZIONE_NAZIONALE', 'Adozione nazionale', { adoption: true }],
      ['ADOZIONE_INTERNAZIONALE', 'Adozione internazionale', { adoption: true }],
      ['AFF_RISCHIO_GIURIDICO', 'Affidamento a rischio giuridico a scopo adottivo', { adoption: true, courtOrdered: true }],
      ['ADOZIONE_CASI_PARTICOLARI', 'Adozione in casi particolari (art. 44 L. 184/83)', { adoption: true }],
    ]),
    ...rows('3.9.3', [
      ['ECON_CONTINUATIVI', 'Interventi economici continuativi'],
      ['ECON_STRAORDINARI', 'Interventi economici straordinari'],
      ['PRESTITO_ONORE', "Prestito sull'onore"],
      ['DISAGIO_ABITATIVO', 'Risoluzione disagio abitativo - collocazione in struttura/altra sede'],
      ['REDDITO_SOLIDARIETA', 'Reddito di solidarietà'],
      ['REDDITO_INCLUSIONE', 'Reddito di inclusione'],
    ]),
    ...rows('3.9.4', [
      ['PAG_INSERIMENTO_LAVORATIVO', 'Pagamento inserimento lavorativo borsa lavoro – corso formazione professionale'],
      ['PAG_TEMPO_LIBERO', 'Pagamento tempo libero vacanza'],
      ['RETTA_AFFIDO', 'Retta affido'],
      ['RETTA_STRUTTURA', 'Retta inserimento in struttura'],
    ]),
    ...rows('3.9.5', [
      ['SEGRETARIATO_SOCIALE', 'Segretariato sociale'],
      ['SERVIZI_SOCIALI_PROFESSIONALI', 'Servizi sociali professionali'],
      ['SUPPORTO_ALLOGGI', 'Supporto reperimento alloggi istruttoria amministrativa'],
      ['ISTRUTTORIA_AMMINISTRATIVA', 'Istruttoria amministrativa'],
      ['ISTRUTTORIA_CIVILE', 'Istruttoria civile'],
      ['ISTRUTTORIA_CIVILE_ART31', 'Istruttoria civile art. 31 del Testo unico immigrazione, titolo IV'],
      ['ISTRUTTORIA_NON_RESIDENTI', 'Istruttoria non residenti'],
      ['ISTRUTTORIA_PENALE', 'Istruttoria penale'],
      ['ESEC_PROVV_AMMINISTRATIVO', 'Esecuzione provvedimento amministrativo'],
      ['ESEC_PROVV_CIVILE', 'Esecuzione provvedimento civile'],
      ['ESEC_PROVV_PENALE', 'Esecuzione provvedimento penale'],
      ['SEGNALAZIONE_AG', 'Segnalazione autorità giudiziaria'],
    ]),
    ...rows('3.9.6', [
      ['COM_SEMIRES_EDUCATIVA', 'Inserimento in comunità semiresidenziale educativa', PLACEMENT],
      ['COM_SEMIRES_EDU_INTEGRATA', 'Inserimento in comunità semiresidenziale educativo – integrata', PLACEMENT],
      ['CENTRO_DIURNO_DISABILI', 'Inserimento in centro diurno semiresidenziale per disabili', PLACEMENT],
      ['PRONTA_ACCOGLIENZA', 'Inserimento di pronta accoglienza', { structurePlacement: true, emergency: true, maxMonths: 2, maxMonthsUnaccompanied: 6 }],
      ['COM_FAMILIARE', 'Inserimento in comunità familiare', PLACEMENT],
      ['COM_RESIDENZIALE_EDUCATIVA', 'Inserimento in comunità residenziale educativa', PLACEMENT],
      ['COM_EDUCATIVO_INTEGRATA', 'Inserimento in comunità educativo integrata', PLACEMENT],
      ['CASA_FAMIGLIA_MULTIUTENZA', 'Inserimento in casa famiglia – multiutenza', PLACEMENT],
      ['CENTRO_RIABILITATIVO_DISABILI', 'Inserimento in centro socio - riabilitativo residenziale per disabili', PLACEMENT],
      ['COM_ALTA_AUTONOMIA', 'Inserimento in comunità alta autonomia/gruppo appartamento/convitto', PLACEMENT],
      ['CASA_RIFUGIO', 'Inserimento in casa rifugio donne maltrattate con figli', PLACEMENT],
      ['CASA_GESTANTI_MADRI', 'Inserimento in casa/comunità gestanti e madri con bambino', PLACEMENT],
      ['ALTRA_STRUTTURA', 'Inserimento in altro tipo di struttura', PLACEMENT],
      ['RICERCA_STRUTTURA', 'Ricerca inserimento in struttura'],
    ]),
    ...rows('3.9.7', [
      ['EDUCATIVO_INDIVIDUALE', 'Educativo individuale'],
      ['EDUCATIVO_DOMICILIARE', 'Educativo individuale domiciliare'],
      ['FORMAZIONE_SCOLASTICA_SOSTEGNO', 'Formazione scolastica sostegno'],
      ['INSERIMENTO_SCOLASTICO', 'Inserimento scolastico'],
      ['SOSTEGNO_SOCIOEDUCATIVO_SCOLASTICO', 'Sostegno socio - educativo scolastico'],
      ['TEMPO_LIBERO_VACANZA', 'Tempo libero vacanza'],
    ]),
    ...rows('3.9.8', [
      ['FAM_FIGLI_CONTESI', 'Familiari - figli contesi'],
      ['FAM_MINORI_NUBENDI', 'Familiari - minori nubendi'],
      ['FAM_SOSTEGNO_RELAZIONI', 'Familiari - sostegno relazioni'],
      ['IVG_MINORENNI', 'I.V.G. minorenni', { health: true }],
      ['INCONTRI_PROTETTI_AG', "Incontri protetti disposti dall'autorità giudiziaria", { courtOrdered: true }],
      ['INCONTRI_PROTETTI_NON_AG', "Incontri protetti non disposti dall'autorità giudiziaria"],
      ['ASSISTENZA_DOMICILIARE', 'Assistenza domiciliare'],
    ]),
    ...rows('3.9.9', [
      ['INS_LAVORATIVO_BORSA', 'Inserimento lavorativo - borsa lavoro'],
      ['INS_LAVORATIVO_VARIE', 'Inserimento lavorativo – varie'],
    ]),
  ],
};
