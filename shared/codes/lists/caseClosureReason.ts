import { SEED, rows, type CodeList } from '../types';

/**
 * Reasons for closing a case (chiusura della presa in carico, seed 003
 * §3.2): the three cases of the seed are the `group`s (end of the PAI/PEI
 * project; interruption "per altre motivazioni", with the seed's examples;
 * no intervention in the last year). The label of PROJECT_COMPLETED is the
 * value quoted in §3.2.1 ('conclusione intervento/progetto'), the reason the
 * mother's case closes at the birth of the child.
 */
const S = `${SEED.S003} §3.2`;

export const caseClosureReason: CodeList = {
  name: 'CASE_CLOSURE_REASON',
  description: 'Reasons for closing a case (chiusura presa in carico)',
  source: `${SEED.S003} §3.2, §3.2.1`,
  version: '1.0',
  entries: [
    ...rows({ group: 'END_OF_PROJECT', source: `${S}, §3.2.1` }, [['PROJECT_COMPLETED', 'Conclusione intervento/progetto']]),
    ...rows({ group: 'INTERRUPTION', source: S }, [
      ['COMING_OF_AGE', 'Raggiungimento della maggiore età'],
      ['TRANSFER_TO_OTHER_SERVICE', 'Trasferimento ad altro Servizio territoriale'],
      ['DEATH', 'Decesso'],
      ['OTHER_INTERRUPTION', 'Interruzione per altre motivazioni del rapporto con il Servizio Sociale'],
    ]),
    ...rows({ group: 'INACTIVITY', source: S }, [
      ['NO_INTERVENTIONS_LAST_YEAR', "Nessun intervento in corso o di nuova attivazione nell'ultimo anno"],
    ]),
  ],
};
