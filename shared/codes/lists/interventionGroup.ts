import { SEED, rows, type CodeList } from '../types';

/**
 * The nine macro-groups of interventions (macrogruppi di intervento), seed 003
 * §3.9.1–3.9.9; the code is the seed's section number, labels as in the
 * seed's table of contents. §3.9.10 ("Interventi su più fratelli") is a
 * recording rule (one intervention, number of beneficiaries), not a group.
 */
export const interventionGroup: CodeList = {
  name: 'INTERVENTION_GROUP',
  description: 'Macro-groups of interventions (macrogruppi di intervento)',
  source: `${SEED.S003} §3.9`,
  version: '1.0',
  entries: [
    ...rows({ source: `${SEED.S003} §3.9.1` }, [['3.9.1', 'Affidamento eterofamiliare e affidamento parentale']]),
    ...rows({ source: `${SEED.S003} §3.9.2` }, [['3.9.2', 'Adozione nazionale/internazionale e affidamento a rischio giuridico']]),
    ...rows({ source: `${SEED.S003} §3.9.3` }, [['3.9.3', 'Interventi economici diretti']]),
    ...rows({ source: `${SEED.S003} §3.9.4` }, [['3.9.4', 'Interventi economici indiretti e pagamenti per interventi di inserimento lavorativo - formazione professionale']]),
    ...rows({ source: `${SEED.S003} §3.9.5` }, [['3.9.5', "Attività in esecuzione a richieste/provvedimenti dell'autorità giudiziaria"]]),
    ...rows({ source: `${SEED.S003} §3.9.6` }, [['3.9.6', 'Inserimenti in comunità', { structurePlacements: true }]]),
    ...rows({ source: `${SEED.S003} §3.9.7` }, [['3.9.7', 'Interventi educativi, scuola e tempo libero educativo di gruppo']]),
    ...rows({ source: `${SEED.S003} §3.9.8` }, [['3.9.8', 'Interventi di servizio sociale, sostegno alla famiglia e alle relazioni']]),
    ...rows({ source: `${SEED.S003} §3.9.9` }, [['3.9.9', 'Inserimento lavorativo - formazione professionale']]),
  ],
};
