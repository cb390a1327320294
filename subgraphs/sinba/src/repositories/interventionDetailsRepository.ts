import type { EntityManager } from 'typeorm';
import { AssessmentEntity } from '../entities/Assessment';
import { InterventionEntity } from '../entities/Intervention';
import { caseHolderCondition, findVisibleRows, type CaseVisibility } from './visibility';

/** An intervention locked for endIntervention, with what its rules need from the case and the minor. */
export interface LockedIntervention {
  readonly intervention: InterventionEntity;
  readonly caseServiceId: string;
  readonly caseStartDate: string;
  readonly caseEndDate: string | null;
  readonly unaccompanied: boolean;
}

/** The intervention (locked until the end of the transaction), its case and its minor's MSNA flag; null when missing. */
export async function findInterventionForUpdate(db: EntityManager, id: string): Promise<LockedIntervention | null> {
  const intervention = await db.getRepository(InterventionEntity).createQueryBuilder('i').where('i.id = :id', { id }).setLock('pessimistic_write').getOne();
  if (!intervention) return null;
  const rows = (await db.query(
    `SELECT c.service_id, to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, m.unaccompanied
       FROM sinba."case" c JOIN sinba.minor m ON m.id = c.minor_id WHERE c.id = $1`,
    [intervention.caseId],
  )) as { service_id: string; start_date: string; end_date: string | null; unaccompanied: boolean }[];
  const r = rows[0];
  return { intervention, caseServiceId: r.service_id, caseStartDate: r.start_date, caseEndDate: r.end_date, unaccompanied: r.unaccompanied };
}

export async function endInterventionRow(db: EntityManager, id: string, end: { endDate: string; adoptionDisruption: string | null; endSituation: string | null; endedBy: string }): Promise<void> {
  await db.query(`UPDATE sinba.intervention SET end_date = $2, adoption_disruption = $3, end_situation = $4, ended_by = $5, ended_at = now() WHERE id = $1`, [
    id,
    end.endDate,
    end.adoptionDisruption,
    end.endSituation,
    end.endedBy,
  ]);
}

/** Whether a minor is an unaccompanied foreign minor (MSNA); false when missing. */
export async function isUnaccompanied(db: EntityManager, minorId: string): Promise<boolean> {
  const rows = (await db.query('SELECT unaccompanied FROM sinba.minor WHERE id = $1', [minorId])) as { unaccompanied: boolean }[];
  return rows[0]?.unaccompanied ?? false;
}

/**
 * seed 003 §3.9.10: of `minorIds`, the open case (not closed, started on or
 * before `onDate`) the service holds for each, locked until the end of the
 * transaction so it cannot be closed meanwhile. Minor id → case id.
 */
export async function lockOpenCasesHeldBy(db: EntityManager, minorIds: readonly string[], serviceId: string, onDate: string): Promise<Map<string, string>> {
  if (minorIds.length === 0) return new Map();
  const rows = (await db.query(
    `SELECT id, minor_id FROM sinba."case"
      WHERE minor_id = ANY($1::uuid[]) AND service_id = $2 AND start_date <= $3 AND end_date IS NULL
      ORDER BY id FOR UPDATE`,
    [minorIds, serviceId, onDate],
  )) as { id: string; minor_id: string }[];
  return new Map(rows.map((r) => [r.minor_id, r.id]));
}

/**
 * seed 003 §3.9.10: lock the intervention's case and the open cases the
 * service holds for the siblings in ONE statement, in id order, before each
 * is locked (again) by itself: two requests naming the same siblings from
 * opposite cases then queue instead of deadlocking (a 500).
 */
export async function lockCasesInIdOrder(db: EntityManager, caseId: string, siblingMinorIds: readonly string[], serviceId: string, onDate: string): Promise<void> {
  await db.query(
    `SELECT id FROM sinba."case"
      WHERE id = $1 OR (minor_id = ANY($2::uuid[]) AND service_id = $3 AND start_date <= $4 AND end_date IS NULL)
      ORDER BY id FOR UPDATE`,
    [caseId, siblingMinorIds, serviceId, onDate],
  );
}

export async function insertBeneficiaries(db: EntityManager, interventionId: string, rows: readonly { minorId: string; caseId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO sinba.intervention_beneficiary (intervention_id, minor_id, case_id) SELECT $1, * FROM unnest($2::uuid[], $3::uuid[])`,
    [interventionId, rows.map((r) => r.minorId), rows.map((r) => r.caseId)],
  );
}

/** The sibling beneficiaries of the given interventions (in minor id order), only for interventions the caller may see; one statement. */
export async function findSiblingsByInterventionIds(db: EntityManager, ids: readonly string[], visibility: CaseVisibility): Promise<{ interventionId: string; minorId: string }[]> {
  if (ids.length === 0 || visibility.kind === 'none') return [];
  const params: unknown[] = [ids];
  const visible = caseHolderCondition('i.minor_id').replaceAll(':visServiceId', '$2').replaceAll(':visToday', '$3');
  params.push(visibility.serviceId, visibility.today);
  return (await db.query(
    `SELECT b.intervention_id AS "interventionId", b.minor_id AS "minorId"
       FROM sinba.intervention_beneficiary b JOIN sinba.intervention i ON i.id = b.intervention_id
      WHERE b.intervention_id = ANY($1::uuid[]) AND ${visible}
      ORDER BY b.minor_id`,
    params,
  )) as { interventionId: string; minorId: string }[];
}

/**
 * seed 003 §3.9.10: the interventions the given minors benefit from as a
 * sibling (recorded once, on another minor's case), restricted to siblings
 * the caller may see; each row with the sibling it answers. One statement.
 */
export async function findSharedInterventionsBySiblingIds(db: EntityManager, minorIds: readonly string[], visibility: CaseVisibility): Promise<{ siblingId: string; intervention: InterventionEntity }[]> {
  if (minorIds.length === 0 || visibility.kind === 'none') return [];
  const visible = caseHolderCondition('b.minor_id').replaceAll(':visServiceId', '$2').replaceAll(':visToday', '$3');
  const pairs = (await db.query(
    `SELECT i.id AS "interventionId", b.minor_id AS "siblingId"
       FROM sinba.intervention i JOIN sinba.intervention_beneficiary b ON b.intervention_id = i.id
      WHERE b.minor_id = ANY($1::uuid[]) AND ${visible}
      ORDER BY i.start_date, i.id`,
    [minorIds, visibility.serviceId, visibility.today],
  )) as { interventionId: string; siblingId: string }[];
  if (pairs.length === 0) return [];
  const entities = await db.getRepository(InterventionEntity).createQueryBuilder('i').where('i.id = ANY(:ids)', { ids: [...new Set(pairs.map((p) => p.interventionId))] }).getMany();
  const byId = new Map(entities.map((e) => [e.id, e]));
  return pairs.flatMap((p) => {
    const intervention = byId.get(p.interventionId);
    return intervention ? [{ siblingId: p.siblingId, intervention }] : [];
  });
}

/** Unaccompanied flag of the given minors (for the emergency placement flag); one statement. */
export async function findUnaccompaniedByMinorIds(db: EntityManager, minorIds: readonly string[]): Promise<{ id: string; unaccompanied: boolean }[]> {
  if (minorIds.length === 0) return [];
  return (await db.query('SELECT id, unaccompanied FROM sinba.minor WHERE id = ANY($1::uuid[])', [minorIds])) as { id: string; unaccompanied: boolean }[];
}

export interface NewAssessment {
  /** Null for an applicants' assessment with no minor yet (seed 003 §3.10). */
  readonly caseId: string | null;
  readonly minorId: string | null;
  /** The recording service, which owns it. */
  readonly serviceId: string;
  readonly type: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly outcome: string | null;
  readonly renewed: boolean;
  readonly suitabilityDecreeDate: string | null;
  readonly createdBy: string;
}

export async function insertAssessment(db: EntityManager, a: NewAssessment): Promise<AssessmentEntity> {
  const repo = db.getRepository(AssessmentEntity);
  const entity = repo.create({ ...a, updatedAt: null, updatedBy: null, linkedAt: null, linkedBy: null });
  await repo.insert(entity);
  return entity;
}

/**
 * An assessment locked until the end of the transaction, with its case's
 * holder, or, for an applicants' assessment with no case (seed 003 §3.10),
 * the recording service and no end; null when missing.
 */
export async function findAssessmentForUpdate(db: EntityManager, id: string): Promise<{ assessment: AssessmentEntity; caseServiceId: string; caseEndDate: string | null } | null> {
  const assessment = await db.getRepository(AssessmentEntity).createQueryBuilder('a').where('a.id = :id', { id }).setLock('pessimistic_write').getOne();
  if (!assessment) return null;
  if (assessment.caseId === null) return { assessment, caseServiceId: assessment.serviceId, caseEndDate: null };
  const rows = (await db.query(`SELECT service_id, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM sinba."case" WHERE id = $1`, [assessment.caseId])) as { service_id: string; end_date: string | null }[];
  return { assessment, caseServiceId: rows[0].service_id, caseEndDate: rows[0].end_date };
}

/** seed 003 §3.10: the match — the applicants' assessment joins the minor's case. */
export async function linkAssessmentRow(db: EntityManager, id: string, link: { caseId: string; minorId: string; linkedBy: string }): Promise<AssessmentEntity> {
  await db.query(`UPDATE sinba.assessment SET case_id = $2, minor_id = $3, linked_by = $4, linked_at = now() WHERE id = $1`, [id, link.caseId, link.minorId, link.linkedBy]);
  return (await db.getRepository(AssessmentEntity).findOneBy({ id })) as AssessmentEntity;
}

/** The service's applicants' assessments not linked to a minor, keyset by id (assessment_unlinked_service_idx). */
export async function findUnlinkedAssessments(db: EntityManager, serviceId: string, afterId: string | null, limit: number): Promise<AssessmentEntity[]> {
  const q = db.getRepository(AssessmentEntity).createQueryBuilder('a').where('a.service_id = :serviceId AND a.case_id IS NULL', { serviceId });
  if (afterId !== null) q.andWhere('a.id > :afterId', { afterId });
  return q.orderBy('a.id', 'ASC').limit(limit).getMany();
}

export async function updateAssessmentRow(
  db: EntityManager,
  id: string,
  a: { endDate: string | null; outcome: string | null; renewed: boolean; suitabilityDecreeDate: string | null; updatedBy: string },
): Promise<AssessmentEntity> {
  await db.query(
    `UPDATE sinba.assessment SET end_date = $2, outcome = $3, renewed = $4, suitability_decree_date = $5, updated_by = $6, updated_at = now() WHERE id = $1`,
    [id, a.endDate, a.outcome, a.renewed, a.suitabilityDecreeDate, a.updatedBy],
  );
  return (await db.getRepository(AssessmentEntity).findOneBy({ id })) as AssessmentEntity;
}

type AssessmentColumn = 'id' | 'minor_id';

const findVisibleAssessments = (db: EntityManager, column: AssessmentColumn, keys: readonly string[], visibility: CaseVisibility) =>
  findVisibleRows(db, AssessmentEntity, column, keys, visibility, 'start_date');

export const findAssessmentsByIds = (db: EntityManager, ids: readonly string[], v: CaseVisibility) => findVisibleAssessments(db, 'id', ids, v);
export const findAssessmentsByMinorIds = (db: EntityManager, minorIds: readonly string[], v: CaseVisibility) => findVisibleAssessments(db, 'minor_id', minorIds, v);

/**
 * seed 003 §3.9.1, §3.9.6: serialises the writes that decide where minors
 * live (one transaction-scoped advisory lock per minor, taken in id order so
 * two requests naming the same siblings cannot deadlock).
 */
export async function lockMinorPlacements(db: EntityManager, minorIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(minorIds.map((m) => m.toLowerCase()))].sort()) {
    await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('sinba:minor-placements:' || $1, 0))`, [id]);
  }
}

/** A minor's birth date and unborn flag (the age rules of seed 003 §3.9.6); null when missing. */
export async function findMinorAgeFacts(db: EntityManager, minorId: string): Promise<{ birthDate: string | null; unborn: boolean } | null> {
  const rows = (await db.query(`SELECT to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", unborn FROM sinba.minor WHERE id = $1`, [minorId])) as { birthDate: string | null; unborn: boolean }[];
  return rows[0] ?? null;
}

/** One intervention a minor takes part in (recorded on its case, or as a sibling beneficiary, seed 003 §3.9.10). */
export interface MinorInterventionPeriod {
  readonly minorId: string;
  readonly type: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly fosterCareSchedule: string | null;
  readonly serviceId: string;
}

/** Every intervention of the minors, whatever case or service records it. */
export async function findInterventionPeriodsOfMinors(db: EntityManager, minorIds: readonly string[]): Promise<MinorInterventionPeriod[]> {
  if (minorIds.length === 0) return [];
  return (await db.query(
    `SELECT x.minor_id AS "minorId", i.type, to_char(i.start_date, 'YYYY-MM-DD') AS "startDate", to_char(i.end_date, 'YYYY-MM-DD') AS "endDate",
            i.foster_care_schedule AS "fosterCareSchedule", c.service_id AS "serviceId"
       FROM (SELECT id AS intervention_id, minor_id FROM sinba.intervention WHERE minor_id = ANY($1::uuid[])
             UNION SELECT intervention_id, minor_id FROM sinba.intervention_beneficiary WHERE minor_id = ANY($1::uuid[])) x
       JOIN sinba.intervention i ON i.id = x.intervention_id
       JOIN sinba."case" c ON c.id = i.case_id`,
    [minorIds.map((m) => m.toLowerCase())],
  )) as MinorInterventionPeriod[];
}
