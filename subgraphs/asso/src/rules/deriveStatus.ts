/**
 * Status of a structure on a date, derived from its acts (seed 002, DGR Lazio
 * 527/2021, Allegato A §a "ASSA - Anagrafe Strutture Socio Assistenziali",
 * points b and d: the acts "autorizzazione – accreditamento - diffide –
 * sospensioni – revoche – chiusure" give "in tempo reale la storia e la
 * situazione della struttura"). Pure: no clock, no database.
 *
 * Semantics (one fold over the acts in force on `onDate`):
 *
 * 1. Only acts with `validFrom <= onDate` count; an act valid from a future
 *    date does not count yet.
 * 2. They are applied in order of (validFrom, date, recording order). The
 *    recording order is the order of the input array (the repository reads
 *    acts ordered by their sequence number), used as the last tie-break.
 * 3. The structure starts NOT_AUTHORISED.
 * 4. AUTHORISATION: becomes the structure's authorisation (a later one
 *    replaces an earlier one: renewal, modification); it restores ACTIVE
 *    after a REVOCATION or a CLOSURE. An authorisation in force is one whose
 *    `validTo` is null or >= onDate; once it has lapsed the structure is
 *    NOT_AUTHORISED unless a later authorisation is in force.
 * 5. SUSPENSION: SUSPENDED while in force (`validTo` null or >= onDate).
 *    After its `validTo` the structure returns to the state it would have
 *    without it (ACTIVE, or NOT_AUTHORISED if the authorisation lapsed
 *    meanwhile). Overlapping suspensions: SUSPENDED while any is in force.
 *    A new AUTHORISATION does not lift a suspension in force (only its end
 *    date or a REACTIVATION does): when in doubt the structure is not ACTIVE.
 *    A suspension in force shows SUSPENDED even if the authorisation lapsed
 *    meanwhile. A suspension of a structure never authorised, or already
 *    REVOKED or CLOSED, changes nothing.
 * 6. REACTIVATION: ends the suspensions and the closure: the structure is
 *    ACTIVE again if its authorisation is in force (otherwise
 *    NOT_AUTHORISED). It does not undo a REVOCATION.
 * 7. REVOCATION: REVOKED, definitively: the authorisation is void and only a
 *    NEW AUTHORISATION after it restores ACTIVE. Its `validTo` is ignored.
 * 8. CLOSURE: CLOSED until a REACTIVATION or a new AUTHORISATION. Its
 *    `validTo` is ignored (a temporary stop is a SUSPENSION).
 * 9. WARNING (diffida) and ACCREDITATION do not change the status.
 */

export const ACT_KINDS = ['AUTHORISATION', 'ACCREDITATION', 'WARNING', 'SUSPENSION', 'REVOCATION', 'CLOSURE', 'REACTIVATION'] as const;
export type ActKind = (typeof ACT_KINDS)[number];

export const STRUCTURE_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'CLOSED', 'NOT_AUTHORISED'] as const;
export type StructureStatus = (typeof STRUCTURE_STATUSES)[number];

/** What the rule needs of an act (dates are ISO YYYY-MM-DD strings). */
export interface StatusAct {
  readonly kind: ActKind;
  readonly date: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** An act is in force on a date when it started on or before it and has no end or ends on or after it (inclusive). */
export function inForceOn(act: Pick<StatusAct, 'validFrom' | 'validTo'>, onDate: string): boolean {
  return act.validFrom <= onDate && (act.validTo === null || act.validTo >= onDate);
}

/** The acts that count on a date, in the order they apply (rules 1 and 2). */
export function actsApplyingOn<A extends StatusAct>(acts: readonly A[], onDate: string): A[] {
  return acts
    .map((act, index) => ({ act, index }))
    .filter(({ act }) => act.validFrom <= onDate)
    .sort((a, b) => compare(a.act.validFrom, b.act.validFrom) || compare(a.act.date, b.act.date) || a.index - b.index)
    .map(({ act }) => act);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function deriveStatus(acts: readonly StatusAct[], onDate: string): StructureStatus {
  let authorisation: StatusAct | null = null;
  let terminal: 'REVOKED' | 'CLOSED' | null = null;
  let suspensions: StatusAct[] = [];

  for (const act of actsApplyingOn(acts, onDate)) {
    switch (act.kind) {
      case 'AUTHORISATION':
        authorisation = act;
        terminal = null;
        break;
      case 'SUSPENSION':
        if (authorisation !== null && terminal === null) suspensions.push(act);
        break;
      case 'REACTIVATION':
        if (terminal !== 'REVOKED') {
          terminal = null;
          suspensions = [];
        }
        break;
      case 'REVOCATION':
        authorisation = null;
        terminal = 'REVOKED';
        suspensions = [];
        break;
      case 'CLOSURE':
        if (terminal === null) terminal = 'CLOSED';
        suspensions = [];
        break;
      case 'WARNING':
      case 'ACCREDITATION':
        break;
      default: {
        const unknown: never = act.kind;
        throw new Error(`Unknown act kind ${String(unknown)}`);
      }
    }
  }

  if (terminal !== null) return terminal;
  if (authorisation === null) return 'NOT_AUTHORISED';
  if (suspensions.some((s) => inForceOn(s, onDate))) return 'SUSPENDED';
  return inForceOn(authorisation, onDate) ? 'ACTIVE' : 'NOT_AUTHORISED';
}
