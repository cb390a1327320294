import { SEED, rows, type CodeList } from '../types';

/**
 * Who brings the minor to the territorial social service (segnalazione,
 * seed 003 §3.1): the seed splits a referral into "presentazione spontanea
 * dell'utente" and "un soggetto terzo per conto dell'interessato" (the
 * `group`); the third parties are the sources SINBA records list
 * (docs/domain.md §2.1: scuola, sanità, forze dell'ordine, AG,
 * famiglia, altro servizio).
 */
const THIRD = { group: 'THIRD_PARTY', source: `${SEED.S003} §3.1; ${SEED.ANCHORS} §2.1` };

export const referralSource: CodeList = {
  name: 'REFERRAL_SOURCE',
  description: 'Source of a referral (segnalazione)',
  source: `${SEED.S003} §3.1; ${SEED.ANCHORS} §2.1`,
  version: '1.0',
  entries: [
    ...rows({ group: 'SPONTANEOUS', source: `${SEED.S003} §3.1` }, [['SELF', "Presentazione spontanea dell'utente"]]),
    ...rows(THIRD, [
      ['FAMILY', 'Famiglia'],
      ['SCHOOL', 'Scuola'],
      ['HEALTH_SERVICE', 'Servizi sanitari'],
      ['LAW_ENFORCEMENT', "Forze dell'ordine"],
      ['JUDICIAL_AUTHORITY', 'Autorità giudiziaria', { judicial: true }],
      ['OTHER_SERVICE', 'Altro servizio'],
      ['OTHER_THIRD_PARTY', "Altro soggetto terzo per conto dell'interessato"],
    ]),
  ],
};
