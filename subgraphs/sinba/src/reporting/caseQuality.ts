import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../../../shared/auth/principal';
import { requireRole } from '../../../../shared/auth/requireRole';
import { badInput, forbidden } from '../../../../shared/errors/AppError';
import { pageSize, toPage, type CursorCodec } from '../../../../shared/graphql/pagination';
import { pseudonymOf } from '../../../../shared/privacy/pseudonym';
import { addDays, type Clock } from '../../../../shared/time';

/** Flags of the case-level data-quality list (schema/quality.graphql). */
export const CASE_QUALITY_FLAGS = ['CASE_WITHOUT_INTERVENTIONS'] as const;
export type CaseQualityFlag = (typeof CASE_QUALITY_FLAGS)[number];

/**
 * Grace period before an open case without interventions is flagged: a
 * service needs some days to plan the first intervention after taking a case
 * (issue 8 names no figure; 30 days, as ASMI's NO_OPEN_CASE grace).
 */
export const CASE_WITHOUT_INTERVENTIONS_GRACE_DAYS = 30;

export interface CaseQualityIssueFilter {
  flag?: CaseQualityFlag | null;
  serviceId?: string | null;
}

/** One line: pseudonymous (docs/privacy.md §4, §8); minorId only feeds the gateway's relationship anchor (CASE data). */
export interface CaseQualityIssueLine {
  minorPseudonym: string;
  serviceId: string;
  flag: CaseQualityFlag;
  since: string;
  minorId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Cursor of the list, keyed by case id but sealed (AES-256-GCM with a key
 * derived from PSEUDONYM_KEY): the lines carry no case id, so neither may the
 * cursor, which an analyst could otherwise decode and join with the case ids
 * other lists give (docs/privacy.md §8; where silent, show less).
 */
export function sealedCaseCursor(pseudonymKey: string): CursorCodec {
  const key = createHash('sha256').update(`sinba:case-quality-cursor:${pseudonymKey}`).digest();
  const decode = (cursor: string): string | null => {
    try {
      const raw = Buffer.from(cursor, 'base64url');
      if (raw.length < 29) return null;
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return UUID.test(text) ? text : null;
    } catch {
      return null;
    }
  };
  return {
    encode(caseId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(caseId.toLowerCase(), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    decode,
    after(after) {
      if (after == null) return null;
      const caseId = decode(after);
      if (caseId === null) throw badInput('after', 'The cursor is not valid');
      return caseId;
    },
  };
}

/**
 * Which cases the caller's list covers, as caseStock (reporting/caseReports.ts
 * caseScope): REGIONAL_ANALYST the region; SUPERVISOR the minors resident in
 * its provinces (first 3 digits of the residence municipality; a minor
 * without one is in no territory); SOCIAL_WORKER its own service's cases
 * (the lines tell it which cases to complete); anyone else FORBIDDEN,
 * anonymous UNAUTHENTICATED. A structure operator has no case data
 * (docs/privacy.md §4).
 */
function scopeOf(principal: Principal, filter: CaseQualityIssueFilter | null | undefined, p: (value: unknown) => string): string[] {
  requireRole(principal, ['REGIONAL_ANALYST', 'SUPERVISOR', 'SOCIAL_WORKER'], 'Case data-quality lists are for regional analysts, supervisors and social workers');
  const conditions: string[] = [];
  if (principal.role === 'SUPERVISOR') {
    conditions.push(`EXISTS (SELECT 1 FROM sinba.minor m WHERE m.id = c.minor_id AND left(m.residence_municipality, 3) = ANY(${p([...principal.territory])}::text[]))`);
  }
  if (principal.role === 'SOCIAL_WORKER') {
    if (filter?.serviceId != null && filter.serviceId !== principal.serviceId) throw forbidden("Another service's cases");
    conditions.push(`c.service_id = ${p(principal.serviceId)}`);
  }
  if (filter?.serviceId != null) conditions.push(`c.service_id = ${p(filter.serviceId)}`);
  return conditions;
}

/**
 * The case-level data-quality list (issue 8): open cases without any
 * intervention after the grace period. One SQL statement per page (NOT EXISTS
 * on sinba.intervention by case and on sinba.intervention_beneficiary by the
 * sibling's own case; keyset on the case id), whatever the page size.
 */
export function createCaseQuality(deps: { dataSource: DataSource; clock: Clock; pseudonymKey: string }) {
  const codec = sealedCaseCursor(deps.pseudonymKey);
  return {
    async caseQualityIssues(principal: Principal, args: { filter?: CaseQualityIssueFilter | null; first?: number | null; after?: string | null }) {
      const params: unknown[] = [];
      const p = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      const scope = scopeOf(principal, args.filter, p);
      const size = pageSize(args.first);
      const afterId = codec.after(args.after);
      if (args.filter?.flag && !(CASE_QUALITY_FLAGS as readonly string[]).includes(args.filter.flag)) throw badInput('filter.flag', 'Unknown data-quality flag');
      const today = deps.clock();
      // Open today (start ≤ today, end after today or none, the end being exclusive as caseStock's) and at least the grace period old.
      const conditions = [
        `c.start_date <= ${p(addDays(today, -CASE_WITHOUT_INTERVENTIONS_GRACE_DAYS))}::date`,
        `(c.end_date IS NULL OR c.end_date > ${p(today)}::date)`,
        'NOT EXISTS (SELECT 1 FROM sinba.intervention i WHERE i.case_id = c.id)',
        // seed 003 §3.9.10: an intervention on several siblings is recorded once, on one sibling's case; the others are beneficiaries with their own case.
        'NOT EXISTS (SELECT 1 FROM sinba.intervention_beneficiary b WHERE b.case_id = c.id)',
        ...scope,
      ];
      if (afterId !== null) conditions.push(`c.id > ${p(afterId)}::uuid`);
      const rows = (await deps.dataSource.query(
        `SELECT c.id, c.minor_id AS "minorId", c.service_id AS "serviceId", to_char(c.start_date + ${CASE_WITHOUT_INTERVENTIONS_GRACE_DAYS}, 'YYYY-MM-DD') AS since
           FROM sinba."case" c WHERE ${conditions.join(' AND ')} ORDER BY c.id LIMIT ${p(size + 1)}`,
        params,
      )) as { id: string; minorId: string; serviceId: string; since: string }[];
      const lines = rows.map((r) => ({
        key: r.id,
        minorId: r.minorId,
        minorPseudonym: pseudonymOf(r.minorId, deps.pseudonymKey),
        serviceId: r.serviceId,
        flag: 'CASE_WITHOUT_INTERVENTIONS' as const,
        since: r.since,
      }));
      return toPage(lines, size, (l) => l.key, codec);
    },
  };
}

export type CaseQuality = ReturnType<typeof createCaseQuality>;
