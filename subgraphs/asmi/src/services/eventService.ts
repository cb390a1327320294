import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@shared/auth';
import { AppError, badInput } from '@shared/errors';
import type { AdmitMinorInput, DischargeMinorInput, PlacementService } from './placementService';
import { requireOperator, type AbsenceService, type RecordAbsenceInput } from './absenceService';
import type { ActivityService, RecordActivityInput } from './activityService';
import { isUuid } from '@shared/ids';

export type StructureEventType = 'ADMISSION' | 'DISCHARGE' | 'ABSENCE' | 'ACTIVITY';

export interface StructureEventInput {
  clientEventId: string;
  type: StructureEventType;
  admission?: AdmitMinorInput | null;
  discharge?: DischargeMinorInput | null;
  absence?: RecordAbsenceInput | null;
  activity?: RecordActivityInput | null;
}

export interface EventResult {
  clientEventId: string;
  status: 'APPLIED' | 'REPLAYED' | 'REJECTED';
  replayed: boolean;
  code: string | null;
  field: string | null;
  message: string | null;
  placementId: string | null;
  recordId: string | null;
}

/** At most this many events per call (a bounded request). */
export const MAX_EVENTS = 100;

const PAYLOAD: Record<StructureEventType, 'admission' | 'discharge' | 'absence' | 'activity'> = {
  ADMISSION: 'admission',
  DISCHARGE: 'discharge',
  ABSENCE: 'absence',
  ACTIVITY: 'activity',
};

const result = (clientEventId: string, r: Partial<EventResult> & Pick<EventResult, 'status'>): EventResult => ({
  clientEventId,
  replayed: r.status === 'REPLAYED',
  code: null,
  field: null,
  message: null,
  placementId: null,
  recordId: null,
  ...r,
});

/**
 * The event feed of the structures' own software (seed 001: data arrive by the
 * web app or as transmitted events). Each event goes through the same service
 * as the matching mutation (same rules, same codes), in its own transaction
 * together with its receipt: an event either applies with its receipt or
 * changes nothing. Only applied events leave a receipt; a rejected event
 * changed nothing, so resending it (fixed or not) is evaluated again.
 * A replay of an applied (structure, clientEventId) returns the stored result
 * with status REPLAYED and changes nothing; an advisory lock on the key
 * serialises concurrent deliveries of the same event.
 */
export function createEventService(deps: { dataSource: DataSource; placements: PlacementService; absences: AbsenceService; activities: ActivityService }) {
  const { dataSource, placements, absences, activities } = deps;

  async function apply(principal: Principal, e: StructureEventInput, tx: EntityManager): Promise<Pick<EventResult, 'placementId' | 'recordId'>> {
    switch (e.type) {
      case 'ADMISSION': {
        const p = await placements.admit(principal, e.admission as AdmitMinorInput, tx);
        return { placementId: p.id, recordId: p.id };
      }
      case 'DISCHARGE': {
        const p = await placements.discharge(principal, e.discharge as DischargeMinorInput, tx);
        return { placementId: p.id, recordId: p.id };
      }
      case 'ABSENCE': {
        const a = await absences.record(principal, e.absence as RecordAbsenceInput, tx);
        return { placementId: a.placementId, recordId: a.id };
      }
      case 'ACTIVITY': {
        const a = await activities.record(principal, e.activity as RecordActivityInput, tx);
        return { placementId: a.placementId, recordId: a.id };
      }
    }
  }

  async function one(principal: Extract<Principal, { role: 'STRUCTURE_OPERATOR' }>, e: StructureEventInput): Promise<EventResult> {
    const id = e.clientEventId;
    try {
      if (id.trim() === '' || id.length > 200) throw badInput('clientEventId', 'clientEventId must be 1 to 200 characters');
      const key = PAYLOAD[e.type];
      if (!key) throw badInput('type', 'Unknown event type');
      const others = Object.values(PAYLOAD).filter((k) => k !== key && e[k] != null);
      if (e[key] == null) throw badInput(key, `A ${e.type} event needs its ${key} payload`);
      if (others.length > 0) throw badInput(others[0], `A ${e.type} event carries only its ${key} payload`);
      return await dataSource.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('asmi.event:' || $1 || '|' || $2, 0))`, [principal.structureCode, id]);
        const stored: { result: EventResult }[] = await tx.query('SELECT result FROM asmi.event_receipt WHERE structure_code = $1 AND client_event_id = $2', [principal.structureCode, id]);
        if (stored[0]) return { ...stored[0].result, clientEventId: id, status: 'REPLAYED', replayed: true };
        const applied = result(id, { status: 'APPLIED', ...(await apply(principal, e, tx)) });
        await tx.query('INSERT INTO asmi.event_receipt (structure_code, client_event_id, type, result, received_by) VALUES ($1, $2, $3, $4, $5)', [
          principal.structureCode,
          id,
          e.type,
          JSON.stringify(applied),
          principal.sub,
        ]);
        return applied;
      });
    } catch (err) {
      // The placement the event concerns, as the sender named it (its own input, echoed in its receipt).
      const named = e.discharge?.placementId ?? e.absence?.placementId ?? e.activity?.placementId ?? null;
      const placementId = typeof named === 'string' && isUuid(named) ? named.toLowerCase() : null;
      if (err instanceof AppError) {
        const field = err.extensions.field;
        return result(id, { status: 'REJECTED', code: err.code, field: typeof field === 'string' ? field : null, message: err.message, placementId });
      }
      return result(id, { status: 'REJECTED', code: 'INTERNAL_SERVER_ERROR', message: 'The event could not be applied', placementId });
    }
  }

  return {
    async submit(principal: Principal, events: StructureEventInput[]): Promise<EventResult[]> {
      requireOperator(principal);
      if (events.length > MAX_EVENTS) throw badInput('events', `At most ${MAX_EVENTS} events per call`);
      const out: EventResult[] = [];
      // In order: an admission and its later events may come in one batch.
      for (const e of events) out.push(await one(principal, e));
      return out;
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
