import type { ServiceClient } from '@shared/graphql';
import type { Clock } from '@shared/time';
import type { GatewayContext } from '../context';

/** The relationships of docs/privacy.md §3 for the minors of one response. */
export interface RelationshipSet {
  /** CASE_HOLDER: the principal's service holds a case for the minor open today. */
  isCaseHolder(minorId: string): boolean;
  /** HOSTING: the minor has a placement in the principal's structure active today or discharged at most 30 days ago. */
  isHosting(minorId: string): boolean;
  /** REQUESTED: a placement request to the principal's structure is pending today (privacy rules §3). */
  isRequested?(minorId: string): boolean;
}

export interface Relationships {
  load(ctx: GatewayContext, minorIds: readonly string[]): Promise<RelationshipSet>;
}

const NONE: RelationshipSet = { isCaseHolder: () => false, isHosting: () => false };

/**
 * Relationship lookups: one batched call per subgraph per request, whatever
 * the number of minors, and only to the module that knows the relationship
 * the role can have (SINBA for CASE_HOLDER, ASMI for HOSTING).
 */
export function createRelationships(deps: { sinba: ServiceClient; asmi: ServiceClient; clock: Clock }): Relationships {
  return {
    async load(ctx, minorIds) {
      const ids = [...new Set(minorIds)];
      const p = ctx.principal;
      if (ids.length === 0) return NONE;
      if (p.role === 'SOCIAL_WORKER') {
        const data = await deps.sinba.query<{ caseHeldMinors: string[] }>(
          'query CaseHolder($ids: [ID!]!, $serviceId: String!, $on: Date!) { caseHeldMinors(minorIds: $ids, serviceId: $serviceId, on: $on) }',
          { ids, serviceId: p.serviceId, on: deps.clock() },
        );
        const held = new Set(data.caseHeldMinors);
        return { isCaseHolder: (id) => held.has(id), isHosting: () => false };
      }
      if (p.role === 'STRUCTURE_OPERATOR') {
        // HOSTING and REQUESTED in one call to ASMI.
        const data = await deps.asmi.query<{ hostedMinors: string[]; requestedMinors: string[] }>(
          'query Hosting($ids: [ID!]!, $structureCode: ID!, $on: Date!) { hostedMinors(minorIds: $ids, structureCode: $structureCode, on: $on) requestedMinors(minorIds: $ids, structureCode: $structureCode, on: $on) }',
          { ids, structureCode: p.structureCode, on: deps.clock() },
        );
        const hosted = new Set(data.hostedMinors);
        const requested = new Set(data.requestedMinors);
        return { isCaseHolder: () => false, isHosting: (id) => hosted.has(id), isRequested: (id) => requested.has(id) };
      }
      return NONE;
    },
  };
}
