import { SEED, rows, type CodeList } from '../types';

/**
 * Who inspects structures (vigilanza): the municipality, supported by the
 * local health authority and the NAS (seed 002 Allegato A, a) ASSA, punto c);
 * L.R. Lazio 11/2016 art. 59, L.R. 41/2003 art. 12), and the Region.
 */
const S = `${SEED.S002} Allegato A, a) ASSA, punto c)`;

export const inspectionAuthority: CodeList = {
  name: 'INSPECTION_AUTHORITY',
  description: 'Authorities that inspect structures (vigilanza)',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['MUNICIPALITY', 'Comune'],
    ['ASL', 'Azienda sanitaria locale (ASL)'],
    ['NAS', 'Nucleo antisofisticazioni e sanità dei Carabinieri (NAS)'],
    ['REGION', 'Regione', undefined, { source: `${SEED.S002} (L.R. 11/2016 art. 59, vigilanza); ${SEED.DOMAIN} §3` }],
  ]),
};
