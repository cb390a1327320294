import { SEED, rows, type CodeList } from '../types';

/**
 * Absences of a minor from the structure during a placement (docs/domain.md
 * "ASMI": absences and unauthorised departures; docs/domain.md
 * §5.1, like SSDA903 "missing"/"away"). `missing`: the minor left without
 * authorisation; `health`: special-category data.
 */
const S = `${SEED.S001}; ${SEED.DOMAIN} §4; ${SEED.ANCHORS} §5`;

export const absenceKind: CodeList = {
  name: 'ABSENCE_KIND',
  description: 'Absences from a structure',
  source: S,
  version: '1.0',
  entries: rows({ source: S }, [
    ['AUTHORISED_ABSENCE', 'Assenza autorizzata'],
    ['HOSPITALISATION', 'Ricovero ospedaliero', { health: true }],
    ['UNAUTHORISED_DEPARTURE', 'Allontanamento arbitrario', { missing: true }],
    ['OTHER', 'Altro'],
  ]),
};
