import { createHash } from 'node:crypto';
import type { DocumentNode } from 'graphql';
import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { Logger } from 'pino';
import { organisationOf } from '@shared/auth';
import type { PrivacyMode } from '@shared/config';
import type { DataClass } from '@shared/privacy';
import type { RelationshipFacts } from '@shared/privacy';
import type { WriteRecordJson } from '@shared/audit';
import type { AuditEntry, AuditStore } from '../audit/auditStore';
import type { GatewayContext } from '../context';
import type { Policy } from '../policy/policy';
import { collectMinors, maskResponse, type KnownRelationship } from './mask';
import type { Relationships } from './relationships';
import { HiddenAliasError, rewriteOperation } from './rewrite';
import { purposeFacts, purposeMinors, purposeOf } from './purposes';
import { systemClock, type Clock } from '@shared/time';
import { AppError } from '@shared/errors';

/** Classes that are not data about a minor for the audit trail's "beyond id/pseudonym" rule (docs/privacy.md §7). */
const NOT_MINOR_DATA = new Set<DataClass>(['PSEUDONYM', 'PUBLIC', 'REGISTRY']);

export interface PrivacyExecutorDeps {
  readonly executor: GatewayExecutor;
  readonly policy: () => Policy;
  readonly relationships: Relationships;
  readonly audit: AuditStore;
  readonly logger: Logger;
  readonly mode: PrivacyMode;
  /** Today (Europe/Rome) for the windows of the purposes (docs/privacy.md §11). */
  readonly clock?: Clock;
}

/** docs/privacy.md §7, fail closed: no data, HTTP 503. */
function auditUnavailable(message: string): AppError {
  return new AppError('AUDIT_UNAVAILABLE', message);
}

/**
 * WRITE entries of a mutation (docs/privacy.md §7): one per minor touched and
 * outcome, from the subgraphs' write records, merged with the minors the
 * response shows (whose classes it carries). Whatever the selection.
 */
export function writeEntries(
  records: readonly WriteRecordJson[],
  fromResponse: ReadonlyMap<string, { returned: ReadonlySet<DataClass>; denied: ReadonlySet<DataClass> }>,
  base: Omit<AuditEntry, 'minorId' | 'classesReturned' | 'classesDenied' | 'action' | 'outcome' | 'outcomeCode'>,
): AuditEntry[] {
  const outcomes = new Map<string, Map<'ACCEPTED' | 'REFUSED', Set<string>>>();
  const note = (minorId: string, outcome: 'ACCEPTED' | 'REFUSED', code: string | undefined) => {
    const id = minorId.toLowerCase();
    let byOutcome = outcomes.get(id);
    if (!byOutcome) outcomes.set(id, (byOutcome = new Map()));
    let codes = byOutcome.get(outcome);
    if (!codes) byOutcome.set(outcome, (codes = new Set()));
    if (code) codes.add(code);
  };
  for (const r of records) for (const id of r.minorIds) note(id, r.outcome, r.code);
  // A minor the response shows was written by an accepted field.
  for (const id of fromResponse.keys()) if (!outcomes.has(id.toLowerCase())) note(id, 'ACCEPTED', undefined);
  const entries: AuditEntry[] = [];
  for (const [minorId, byOutcome] of outcomes) {
    const access = fromResponse.get(minorId);
    for (const [outcome, codes] of [...byOutcome].sort(([a], [b]) => a.localeCompare(b))) {
      const withClasses = outcome === 'ACCEPTED' || !byOutcome.has('ACCEPTED');
      entries.push({
        ...base,
        minorId,
        classesReturned: withClasses && access ? [...access.returned].sort() : [],
        classesDenied: withClasses && access ? [...access.denied].sort() : [],
        action: 'WRITE',
        outcome,
        outcomeCode: codes.size > 0 ? [...codes].sort().join(',') : null,
      });
    }
  }
  return entries;
}

function denialError(path: (string | number)[], dataClass: DataClass): AppError {
  return new AppError('UNAUTHORIZED_FIELD_OR_TYPE', `Not authorised to read this field (data class ${dataClass})`, { dataClass }, { path });
}

/**
 * The gateway's privacy engine around @apollo/gateway's executor:
 * 1. before planning, the operation is rewritten for the role (never-readable
 *    fields are not fetched; anchors are added) and the query-plan cache key
 *    gets the permission shape, so a plan built for one role is never reused
 *    for another;
 * 2. after execution, relationship rules are applied per object with one
 *    batched lookup per subgraph, denied fields are nulled with one error per
 *    path;
 * 3. the audit entries are written before the response leaves; if they
 *    cannot be, no minor data is sent (AUDIT_UNAVAILABLE).
 */
export function createPrivacyExecutor(deps: PrivacyExecutorDeps): GatewayExecutor {
  const enforce = deps.mode === 'enforce';
  /** Per document (kept as long as Apollo Server's document LRU keeps it) and permission shape: the rewritten operation and its plan-cache key. */
  const rewriteCache = new WeakMap<DocumentNode, Map<string, { document: DocumentNode; queryHash: string }>>();

  return async (requestContext: GatewayGraphQLRequestContext) => {
    const ctx = requestContext.context as GatewayContext;
    const principal = ctx.principal;
    const policy = deps.policy();
    const baseEntry = () => ({
      subject: principal.sub ?? 'anonymous',
      role: principal.role,
      organisation: organisationOf(principal),
      operationName: requestContext.operationName ?? null,
      operationHash: requestContext.queryHash,
      requestId: ctx.requestId,
    });
    const shape = `${deps.mode}:${principal.role}`;

    let perDocument = rewriteCache.get(requestContext.document);
    if (!perDocument) rewriteCache.set(requestContext.document, (perDocument = new Map()));
    const cacheKey = `${shape}|${requestContext.queryHash}`;
    let rewritten = perDocument.get(cacheKey);
    if (!rewritten) {
      try {
        const document = rewriteOperation(requestContext.document, requestContext.schema, policy, principal.role, enforce);
        const queryHash = createHash('sha256').update(requestContext.queryHash).update('|').update(shape).digest('hex');
        rewritten = { document, queryHash };
      } catch (err) {
        if (err instanceof HiddenAliasError) return { errors: [new AppError('BAD_USER_INPUT', err.message, { field: 'query' })] };
        throw err;
      }
      perDocument.set(cacheKey, rewritten);
    }
    const { queryHash } = rewritten;
    const scoped: GatewayGraphQLRequestContext = { ...requestContext, document: rewritten.document, queryHash };

    const isMutation = requestContext.operation?.operation === 'mutation';
    let writes: WriteRecordJson[] = [];
    if (isMutation) {
      // docs/privacy.md §7: a write that could not be audited does not run.
      let ready = false;
      try {
        ready = await deps.audit.canAppend();
      } catch {
        ready = false;
      }
      if (!ready) {
        deps.logger.error({ requestId: ctx.requestId }, 'audit store unavailable; mutation not run');
        return { errors: [auditUnavailable('The audit trail cannot be written right now, so the change was not made')] };
      }
      ctx.writes = writes = [];
    }

    // docs/privacy.md §11: an operation a purpose opens runs with the purpose signed into its internal tokens.
    const purpose = enforce ? purposeOf(requestContext.document, requestContext.operationName, requestContext.request.variables, principal, (deps.clock ?? systemClock)()) : undefined;
    if (purpose) ctx.purpose = purpose.name;
    else if (ctx.routePurpose && enforce) ctx.purpose = ctx.routePurpose;
    let result;
    try {
      result = await deps.executor(scoped);
    } finally {
      ctx.purpose = undefined;
    }
    if (!result.data) {
      if (!isMutation || writes.length === 0) return result;
      // A refused mutation is audited too (its data is null).
      try {
        await deps.audit.append(writeEntries(writes, new Map(), baseEntry()));
      } catch (err) {
        deps.logger.error({ requestId: ctx.requestId, err: (err as Error).name }, 'audit write failed; response withheld');
        return { errors: [auditUnavailable('The change could not be recorded in the audit trail, so no data is returned')] };
      }
      return result;
    }

    const data = result.data as Record<string, never>;
    // The module that knows the relationship serves it with the minor (hidden
    // anchor fields); only minors it did not come with are looked up, in one
    // batched call.
    const known = collectMinors(data);
    const covered = purpose ? purposeMinors(data, purpose) : new Set<string>();
    const needed: keyof KnownRelationship | undefined = principal.role === 'SOCIAL_WORKER' ? 'caseHolder' : principal.role === 'STRUCTURE_OPERATOR' ? 'hosting' : undefined;
    let facts: RelationshipFacts;
    try {
      // A structure operator's minors it does not host are looked up too: one may be REQUESTED (privacy rules §3).
      const missing = needed ? [...known].filter(([, k]) => k[needed] === undefined || (needed === 'hosting' && k.hosting === false)).map(([id]) => id) : [];
      const looked = missing.length > 0 ? await deps.relationships.load(ctx, missing) : null;
      const rel = {
        isCaseHolder: (id: string) => known.get(id)?.caseHolder ?? looked?.isCaseHolder(id) ?? false,
        isHosting: (id: string) => known.get(id)?.hosting ?? looked?.isHosting(id) ?? false,
        isRequested: (id: string) => looked?.isRequested?.(id) ?? false,
      };
      facts = {
        isCaseHolder: rel.isCaseHolder,
        isHosting: rel.isHosting,
        isRequested: rel.isRequested,
        structureCode: principal.role === 'STRUCTURE_OPERATOR' ? principal.structureCode : undefined,
        territory: principal.role === 'SUPERVISOR' ? principal.territory : undefined,
        ...(purpose ? { purpose: purposeFacts(purpose, covered) } : {}),
      };
    } catch (err) {
      // Fail closed: without relationships nothing relationship-dependent is shown.
      deps.logger.warn({ requestId: ctx.requestId, err: (err as Error).name }, 'relationship lookup failed; denying relationship-dependent fields');
      facts = { isCaseHolder: () => false, isHosting: () => false };
    }

    const { denials, minors } = maskResponse({
      data,
      document: requestContext.document,
      operationName: requestContext.operationName,
      schema: requestContext.schema,
      policy,
      principal,
      facts,
      enforce,
    });

    if (!enforce && denials.length > 0) {
      deps.logger.warn(
        { requestId: ctx.requestId, role: principal.role, operationName: requestContext.operationName, denials: denials.map((d) => ({ path: d.path.join('.'), dataClass: d.dataClass, minorId: d.minorId })) },
        'privacy dry run: would deny',
      );
    }

    const entries: AuditEntry[] = [];
    if (isMutation) entries.push(...writeEntries(writes, minors, baseEntry()));
    else {
      for (const [minorId, access] of minors) {
        const returned = [...access.returned].filter((c) => !NOT_MINOR_DATA.has(c));
        if (returned.length === 0 && access.denied.size === 0) continue;
        entries.push({
          ...baseEntry(),
          minorId,
          classesReturned: [...access.returned].sort(),
          classesDenied: [...access.denied].sort(),
          action: 'READ',
          // docs/privacy.md §11: every row read under a purpose is audited with its name.
          purpose: purpose && covered.has(minorId) ? purpose.name : null,
        });
      }
    }
    try {
      await deps.audit.append(entries);
    } catch (err) {
      deps.logger.error({ requestId: ctx.requestId, err: (err as Error).name }, 'audit write failed; response withheld');
      return { errors: [auditUnavailable('The access could not be recorded in the audit trail, so no data is returned')] };
    }

    const maskErrors = enforce ? denials.map((d) => denialError(d.path, d.dataClass)) : [];
    return { ...result, errors: [...(result.errors ?? []), ...maskErrors].length ? [...(result.errors ?? []), ...maskErrors] : result.errors };
  };
}
