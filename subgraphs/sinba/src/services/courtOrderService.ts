import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { notFound } from '@shared/errors';
import { throwIfViolated, violation } from '@shared/errors';
import { endNotBeforeStart, notAfterToday } from '@shared/rules';
import { CourtOrderEntity } from '../entities/CourtOrder';
import { isUuid } from '../loaders';
import { insertRow } from '../repositories/minorRecords';
import { codeValid, codesValid } from '../rules/codedLists';
import type { ServiceDeps } from './deps';
import { writeAsCaseHolder } from './caseHolderWrite';

export interface RecordCourtOrderInput {
  readonly minorId: string;
  readonly caseId?: string | null;
  readonly authority: string;
  readonly kind: string;
  readonly number: string;
  readonly date: string;
  readonly effects: readonly string[];
  readonly effectiveFrom?: string | null;
  readonly effectiveTo?: string | null;
}

export function createCourtOrderService(deps: ServiceDeps) {
  const { clock } = deps;

  return {
    /**
     * recordCourtOrder: a provvedimento dell'Autorità giudiziaria concerning
     * the minor (JUDICIAL, GDPR art. 10): authority, form, number, date (not
     * in the future: an order is recorded once issued), effects, and the
     * period it has effect in (it may start later than the order). Linked
     * to one of the minor's cases when `caseId` is given.
     */
    async record(principal: Principal, input: RecordCourtOrderInput): Promise<CourtOrderEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      const number = input.number.trim();
      const effectiveFrom = input.effectiveFrom ?? null;
      const effectiveTo = input.effectiveTo ?? null;
      throwIfViolated(
        notAfterToday(input.date, clock(), 'date'),
        codeValid('COURT_AUTHORITY', input.authority, input.date, 'authority'),
        codeValid('COURT_ORDER_KIND', input.kind, input.date, 'kind'),
        number === '' ? violation('BAD_USER_INPUT', 'The order number cannot be blank', 'number') : null,
        codesValid('COURT_ORDER_EFFECT', input.effects, input.date, 'effects'),
        endNotBeforeStart(effectiveFrom ?? input.date, effectiveTo, 'effectiveTo'),
      );
      const caseId = input.caseId ?? null;
      if (caseId !== null && !isUuid(caseId)) throw notFound('Case', 'caseId');
      return writeAsCaseHolder(deps, principal, input.minorId, async (db, minorId) => {
        if (caseId !== null) {
          const rows = (await db.query('SELECT 1 FROM sinba."case" WHERE id = $1 AND minor_id = $2', [caseId, minorId])) as unknown[];
          if (rows.length === 0) throw notFound('Case', 'caseId');
        }
        return insertRow(db, CourtOrderEntity, {
          minorId,
          caseId: caseId?.toLowerCase() ?? null,
          authority: input.authority,
          kind: input.kind,
          number,
          date: input.date,
          effects: [...input.effects],
          effectiveFrom,
          effectiveTo,
          createdBy: principal.sub,
        });
      });
    },
  };
}

export type CourtOrderService = ReturnType<typeof createCourtOrderService>;
