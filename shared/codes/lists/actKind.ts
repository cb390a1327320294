import { SEED, rows, type CodeList } from '../types';

/**
 * Administrative acts on a structure, kept in the registry (ASSA, seed 002
 * Allegato A, a) ASSA, points b and d: "autorizzazione – accreditamento – diffide –
 * sospensioni – revoche – chiusure"). Reactivation (riattivazione) after a
 * suspension is the seventh kind (docs/domain.md "ASSO";
 * docs/domain.md §5).
 */
const S = `${SEED.S002} Allegato A, a) ASSA, punti b) e d)`;

export const actKind: CodeList = {
  name: 'ACT_KIND',
  description: 'Kinds of administrative act on a structure',
  source: `${SEED.S002} Allegato A, a) ASSA, punti b) e d); ${SEED.DOMAIN} §3`,
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
    ...rows({ source: `${SEED.DOMAIN} §3; ${SEED.ANCHORS} §5` }, [['REACTIVATION', 'Riattivazione']]),
  ],
};
