import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { badInput, forbidden } from '@shared/errors';
import { pageSize, type CursorCodec } from '@shared/graphql';
import { pseudonymOf } from '@shared/privacy';
import { addDays, addMonths, type Clock } from '@shared/time';
import { getCodeList } from '@shared/codes';
import { placementWithoutAdmission } from '../rules/placementInterventions';

/** Flags of the case-level data-quality list (schema/quality.graphql). */
export const CASE_QUALITY_FLAGS = ['CASE_WITHOUT_INTERVENTIONS', 'CASE_WITHOUT_ACTIVITY', 'PLACEMENT_WITHOUT_ADMISSION'] as const;
export type CaseQualityFlag = (typeof CASE_QUALITY_FLAGS)[number];

/**
 * Grace period before an open case without interventions is flagged: a
 * service needs some days to plan the first intervention after taking a case
 * (issue 8 names no figure; 30 days, as ASMI's NO_OPEN_CASE grace).
 */
export const CASE_WITHOUT_INTERVENTIONS_GRACE_DAYS = 30;

/**
 * seed 003 (SISAM specification) §3.2: a case is closed when "il soggetto
 * non ha interventi in corso o di nuova attivazione nell'ultimo anno": an
 * open case that has had interventions, none in progress today and none
 * started in the last 12 months, is flagged CASE_WITHOUT_ACTIVITY (to be
 * closed or given an intervention). A case with no intervention at all is
 * CASE_WITHOUT_INTERVENTIONS instead (one flag per case).
 */
export const CASE_WITHOUT_ACTIVITY_MONTHS = 12;

/**
 * seed 003 §3.9.1, §3.9.6 and seed 001 (ASMI): a residential placement
 * intervention recorded by the service and the structure's admission are
 * two records of one fact. PLACEMENT_WITHOUT_ADMISSION: an open residential
 * placement intervention in a structure of the regional registry (not
 * 888888/999999), started at least 30 days ago (the NO_OPEN_CASE grace of
 * ASMI, the other side of the same check), while ASMI has no placement of
 * the minor in that structure today nor one discharged in the last 30 days
 * (its HOSTING lookup). The structure's side (an admission with no open
 * case) is ASMI's NO_OPEN_CASE.
 */
export const PLACEMENT_WITHOUT_ADMISSION_GRACE_DAYS = 30;

/** Residential placement types (seed 003 §3.9.6): the ones a structure admits the minor for. */
const RESIDENTIAL_PLACEMENT_TYPES = getCodeList('INTERVENTION_TYPE')
  .entries.filter((e) => e.attributes?.structurePlacement === true && e.attributes?.residential === true)
  .map((e) => e.code);

/** The ASMI lookup the check needs: the structures hosting each minor on the date (or that discharged it at most 30 days before), one call for a page. */
export type HostedMinorsLookup = (minorIds: readonly string[], on: string) => Promise<readonly { minorId: string; structureCode: string }[]>;

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
 * intervention after the grace period (CASE_WITHOUT_INTERVENTIONS), and open
 * cases without activity in the last 12 months (CASE_WITHOUT_ACTIVITY, seed
 * 003 §3.2, issue 15). One SQL statement per page (a lateral aggregate of the
 * case's interventions, by case on sinba.intervention and by the sibling's
 * own case on sinba.intervention_beneficiary; keyset on the case id; at most
 * one flag per case), whatever the page size.
 */
export function createCaseQuality(deps: { dataSource: DataSource; clock: Clock; pseudonymKey: string; hostedMinors?: HostedMinorsLookup }) {
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
      const cutoff = addMonths(today, -CASE_WITHOUT_ACTIVITY_MONTHS);
      // The case's open residential placements in a listed structure, 30 days old (PLACEMENT_WITHOUT_ADMISSION candidates); none without ASMI.
      const placedFilter = deps.hostedMinors
        ? `x.type = ANY(${p(RESIDENTIAL_PLACEMENT_TYPES)}::text[]) AND x.structure_code NOT IN ('888888', '999999') AND (x.end_date IS NULL OR x.end_date > ${p(today)}::date)
           AND x.start_date <= ${p(addDays(today, -PLACEMENT_WITHOUT_ADMISSION_GRACE_DAYS))}::date`
        : 'false';
      // Per case: its interventions, its own and those on several siblings naming it (seed 003 §3.9.10), aggregated.
      const activity = `CROSS JOIN LATERAL (
          SELECT count(*) AS n, max(x.start_date) AS last_start, max(x.end_date) AS last_end,
                 coalesce(bool_or(x.end_date IS NULL OR x.end_date >= ${p(today)}::date), false) AS in_progress,
                 coalesce(array_agg(x.structure_code) FILTER (WHERE ${placedFilter}), '{}') AS placed_in,
                 min(x.start_date) FILTER (WHERE ${placedFilter}) AS placed_since
            FROM (SELECT i.type, i.structure_code, i.start_date, i.end_date FROM sinba.intervention i WHERE i.case_id = c.id
                  UNION ALL
                  SELECT i.type, i.structure_code, i.start_date, i.end_date FROM sinba.intervention_beneficiary b JOIN sinba.intervention i ON i.id = b.intervention_id WHERE b.case_id = c.id) x) a`;
      // Built only when used: every parameter sent must appear in the statement.
      const withoutInterventions = () => `(a.n = 0 AND c.start_date <= ${p(addDays(today, -CASE_WITHOUT_INTERVENTIONS_GRACE_DAYS))}::date)`;
      const withoutActivity = () => {
        const cut = p(cutoff);
        return `(a.n > 0 AND NOT a.in_progress AND a.last_start <= ${cut}::date AND c.start_date <= ${cut}::date)`;
      };
      // A candidate only: kept once ASMI confirms no admission (below). Exclusive of the other two (an open intervention is in progress).
      const placementCandidate = () => '(cardinality(a.placed_in) > 0)';
      const flagged =
        args.filter?.flag === 'CASE_WITHOUT_INTERVENTIONS'
          ? withoutInterventions()
          : args.filter?.flag === 'CASE_WITHOUT_ACTIVITY'
            ? withoutActivity()
            : args.filter?.flag === 'PLACEMENT_WITHOUT_ADMISSION'
              ? placementCandidate()
              : `(${withoutInterventions()} OR ${withoutActivity()} OR ${placementCandidate()})`;
      // Open today (start ≤ today, end after today or none, the end being exclusive as caseStock's).
      const conditions = [`(c.end_date IS NULL OR c.end_date > ${p(today)}::date)`, flagged, ...scope];
      if (afterId !== null) conditions.push(`c.id > ${p(afterId)}::uuid`);
      const rows = (await deps.dataSource.query(
        `SELECT c.id, c.minor_id AS "minorId", c.service_id AS "serviceId",
                CASE WHEN a.n = 0 THEN 'CASE_WITHOUT_INTERVENTIONS' WHEN cardinality(a.placed_in) > 0 THEN 'PLACEMENT_WITHOUT_ADMISSION' ELSE 'CASE_WITHOUT_ACTIVITY' END AS flag,
                to_char(CASE WHEN a.n = 0 THEN c.start_date + ${CASE_WITHOUT_INTERVENTIONS_GRACE_DAYS}
                             WHEN cardinality(a.placed_in) > 0 THEN a.placed_since + ${PLACEMENT_WITHOUT_ADMISSION_GRACE_DAYS}
                             ELSE greatest((c.start_date + interval '${CASE_WITHOUT_ACTIVITY_MONTHS} months')::date, (a.last_start + interval '${CASE_WITHOUT_ACTIVITY_MONTHS} months')::date, a.last_end + 1) END, 'YYYY-MM-DD') AS since,
                a.placed_in AS "placedIn"
           FROM sinba."case" c ${activity} WHERE ${conditions.join(' AND ')} ORDER BY c.id LIMIT ${p(size + 1)}`,
        params,
      )) as { id: string; minorId: string; serviceId: string; flag: CaseQualityFlag; since: string; placedIn: string[] }[];
      // The page is the statement's rows (the cursor moves past every one); the candidates ASMI hosts are dropped from it.
      const page = rows.slice(0, size);
      const admitted = await admittedCandidates(page, today);
      const lines = page.filter((r) => !admitted.has(r.id)).map((r) => ({
        key: r.id,
        minorId: r.minorId,
        minorPseudonym: pseudonymOf(r.minorId, deps.pseudonymKey),
        serviceId: r.serviceId,
        flag: r.flag,
        since: r.since,
      }));
      return { nodes: lines, pageInfo: { endCursor: page.length ? codec.encode(page[page.length - 1].id) : null, hasNextPage: rows.length > size } };
    },
  };

  /** Case ids of PLACEMENT_WITHOUT_ADMISSION candidates whose minor ASMI hosts in every structure of the open placements: one ASMI call per page. */
  async function admittedCandidates(rows: readonly { id: string; minorId: string; flag: CaseQualityFlag; placedIn: string[] }[], today: string): Promise<Set<string>> {
    const candidates = rows.filter((r) => r.flag === 'PLACEMENT_WITHOUT_ADMISSION');
    if (candidates.length === 0 || !deps.hostedMinors) return new Set();
    const hosting = await deps.hostedMinors([...new Set(candidates.map((r) => r.minorId))], today);
    const hosts = new Set(hosting.map((h) => `${h.minorId.toLowerCase()}|${h.structureCode}`));
    return new Set(candidates.filter((r) => !placementWithoutAdmission(r.placedIn, (code) => hosts.has(`${r.minorId.toLowerCase()}|${code}`))).map((r) => r.id));
  }
}

export type CaseQuality = ReturnType<typeof createCaseQuality>;
