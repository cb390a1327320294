import { SEED, rows, type CodeList } from '../types';

/**
 * SITUAZIONE FINE INTERVENTO of an adoption (seed 003 §3.9.2: "Nel momento
 * in cui queste tipologie di interventi si concludono è necessario compilare
 * il campo SITUAZIONE FINE INTERVENTO, facendo particolare attenzione ad
 * indicare i casi di ALLONTANAMENTO ADOTTIVO"). The seed names the two
 * disruptions (`group` DISRUPTION, attribute `adoptionDisruption` = the
 * ADOPTION_DISRUPTION code they imply) but not the ordinary endings; those
 * (`group` NORMAL, `group` OTHER) are the hub's own, kept short, from the
 * ways an intervention or a case ends in §3.2 (end of project, coming of
 * age, transfer to another service) and the outcomes §3.9.2 describes
 * (adoption finalised; a legal-risk foster care that does not lead to the
 * adoption because the appeal of the family of origin succeeds).
 */
const S = `${SEED.S003} §3.9.2`;
export const interventionEndSituation: CodeList = {
  name: 'INTERVENTION_END_SITUATION',
  description: "End situation of an adoption intervention (situazione fine intervento), normal endings and adoptive removals",
  source: `${SEED.S003} §3.9.2, §3.2`,
  version: '1.0',
  entries: [
    ...rows({ source: S, group: 'NORMAL' }, [
      ['ADOPTION_FINALISED', "Adozione perfezionata (conclusione del percorso adottivo)"],
      ['POST_ADOPTION_SUPPORT_COMPLETED', 'Conclusione intervento/progetto (sostegno post adottivo concluso)', undefined, { source: `${SEED.S003} §3.9.2, §3.2` }],
      ['COMING_OF_AGE', 'Raggiungimento della maggiore età', undefined, { source: `${SEED.S003} §3.2` }],
      ['TRANSFER_TO_OTHER_SERVICE', 'Trasferimento ad altro Servizio territoriale', undefined, { source: `${SEED.S003} §3.2` }],
    ]),
    ...rows({ source: S, group: 'DISRUPTION' }, [
      ['ADOPTIVE_REMOVAL_WITHIN_FIRST_YEAR', 'Allontanamento adottivo entro il primo anno (affido preadottivo)', { adoptionDisruption: 'WITHIN_FIRST_YEAR' }],
      ['ADOPTIVE_REMOVAL_AFTER_FIRST_YEAR', "Allontanamento adottivo dopo il primo anno di adozione e successivamente al perfezionamento dell'adozione", { adoptionDisruption: 'AFTER_FIRST_YEAR' }],
    ]),
    ...rows({ source: S, group: 'OTHER' }, [
      ['NOT_ADOPTED_RETURN_TO_FAMILY', "Mancata adozione: rientro nella famiglia d'origine (ricorso accolto, affidamento a rischio giuridico)"],
      ['OTHER', 'Altro', undefined, { source: `${SEED.S003} §3.2` }],
    ]),
  ],
};
