import { SEED, rows, type CodeList } from '../types';

/**
 * Administrative acts on a structure, kept in the registry (ASSA, seed 002
 * Allegato A, a) ASSA, points b and d: "autorizzazione – accreditamento – diffide –
 * sospensioni – revoche – chiusure"). Reactivation (riattivazione) after a
 * suspension is the seventh kind (DOMAIN.md "ASSO";
 * reference/domain-anchors.md §5.1).
 */
const S = `${SEED.S002} Allegato A, a) ASSA, punti b) e d)`;

export const actKind: CodeList = {
  name: 'ACT_KIND',
  description: 'Kinds of administrative act on a structure',
  source: `${SEED.S002} Allegato A, a) ASSA, punti b) e d); ${SEED.DOMAIN} ASSO`,
  version: '1.0',
  entries: [
    ...rows({ source: S }, [
      ['AUTHORISATION', 'Autorizzazione al funzionamento'],
      ['ACCREDITATION', 'Accreditamento'],
      ['WARNING', 'Diffida'],
      ['SUSPENSION', 'Sospensione'],
      ['REVOCATION', 'Revoca'],
      ['CLOSURE', 'Chiusura'],
    ]),
    ...rows({ source: `${SEED.DOMAIN} ASSO; ${SEED.ANCHORS} §5.1` }, [['REACTIVATION', 'Riattivazione']]),
  ],
};
