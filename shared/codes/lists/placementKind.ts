import { SEED, rows, type CodeList } from '../types';

/**
 * Kind of a placement in a structure (tipo accoglienza, ASMI), from the
 * placement episodes of docs/domain.md §5 (ordinaria / pronta
 * accoglienza / madre-bambino) and the structures of seed 003 §3.9.6.
 * EMERGENCY (pronta accoglienza): "massimo due mesi; sei mesi per i minori
 * stranieri non accompagnati" (§3.9.6). These four codes are also the ASMI
 * database check constraint (placement_kind_check): add a kind there too.
 */
export const placementKind: CodeList = {
  name: 'PLACEMENT_KIND',
  description: 'Kinds of placement in a structure (tipo accoglienza)',
  source: `${SEED.S003} §3.9.6; ${SEED.ANCHORS} §5`,
  version: '1.0',
  entries: rows({ source: `${SEED.S003} §3.9.6; ${SEED.ANCHORS} §5` }, [
    ['ORDINARY', 'Accoglienza ordinaria'],
    ['EMERGENCY', 'Pronta accoglienza', { emergency: true, maxMonths: 2, maxMonthsUnaccompanied: 6 }, { source: `${SEED.S003} §3.9.6` }],
    ['MOTHER_AND_CHILD', 'Accoglienza madre-bambino', { motherAndChild: true }],
    ['SEMI_AUTONOMY', 'Accoglienza in alta autonomia / gruppo appartamento', { semiAutonomy: true }],
  ]),
};
