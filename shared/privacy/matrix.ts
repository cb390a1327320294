import type { Role } from '../auth/principal';
import type { DataClass } from './dataClasses';

/**
 * The read matrix of docs/privacy.md §4 as data. For each role and class:
 * - 'always': readable whatever the relationship;
 * - 'never': never readable (decided before planning: not fetched at all);
 * - a relationship name: readable only when it holds for the object's minor
 *   (CASE_HOLDER, HOSTING) or structure (OWN_STRUCTURE, IN_TERRITORY).
 * Where docs/privacy.md is silent, the option that shows less is taken.
 */
export type Relationship = 'CASE_HOLDER' | 'HOSTING' | 'HOSTING_OR_REQUESTED' | 'HOSTING_OWN_STRUCTURE' | 'OWN_STRUCTURE' | 'IN_TERRITORY';
export type Access = 'always' | 'never' | Relationship;

const N: Access = 'never';
const A: Access = 'always';

export const READ_MATRIX: Readonly<Record<Role, Readonly<Record<DataClass, Access>>>> = {
  SOCIAL_WORKER: {
    IDENTITY: 'CASE_HOLDER',
    DEMOGRAPHIC: 'CASE_HOLDER',
    CASE: 'CASE_HOLDER',
    HEALTH: 'CASE_HOLDER',
    ABUSE: 'CASE_HOLDER',
    JUDICIAL: 'CASE_HOLDER',
    PLACEMENT: 'CASE_HOLDER', // all placements of a minor they hold a case for
    PSEUDONYM: 'CASE_HOLDER',
    REGISTRY: A,
    PUBLIC: A,
    AUDIT: 'CASE_HOLDER',
  },
  STRUCTURE_OPERATOR: {
    // REQUESTED (privacy rules §3, §4): a pending placement request to their structure also opens identity and demographics.
    IDENTITY: 'HOSTING_OR_REQUESTED',
    DEMOGRAPHIC: 'HOSTING_OR_REQUESTED',
    CASE: N,
    HEALTH: N,
    ABUSE: N,
    JUDICIAL: N,
    PLACEMENT: 'HOSTING_OWN_STRUCTURE', // only placements in their own structure (and, while REQUESTED, the request to it)
    PSEUDONYM: 'HOSTING',
    REGISTRY: 'OWN_STRUCTURE',
    PUBLIC: A,
    AUDIT: N,
  },
  SUPERVISOR: {
    IDENTITY: N,
    DEMOGRAPHIC: N,
    CASE: N,
    HEALTH: N,
    ABUSE: N,
    JUDICIAL: N,
    PLACEMENT: 'IN_TERRITORY',
    PSEUDONYM: A,
    REGISTRY: 'IN_TERRITORY',
    PUBLIC: A,
    AUDIT: N,
  },
  REGIONAL_ANALYST: {
    IDENTITY: N,
    DEMOGRAPHIC: N,
    CASE: N,
    HEALTH: N,
    ABUSE: N,
    JUDICIAL: N,
    PLACEMENT: N,
    PSEUDONYM: A,
    REGISTRY: A,
    PUBLIC: A,
    AUDIT: N,
  },
  PRIVACY_OFFICER: {
    IDENTITY: N,
    DEMOGRAPHIC: N,
    CASE: N,
    HEALTH: N,
    ABUSE: N,
    JUDICIAL: N,
    PLACEMENT: N,
    PSEUDONYM: N,
    REGISTRY: N,
    PUBLIC: A,
    AUDIT: A,
  },
  ANONYMOUS: {
    IDENTITY: N,
    DEMOGRAPHIC: N,
    CASE: N,
    HEALTH: N,
    ABUSE: N,
    JUDICIAL: N,
    PLACEMENT: N,
    PSEUDONYM: N,
    REGISTRY: N,
    PUBLIC: A,
    AUDIT: N,
  },
  // Module-to-module calls go straight to subgraphs, never through the gateway's masking.
  SERVICE: {
    IDENTITY: N,
    DEMOGRAPHIC: N,
    CASE: N,
    HEALTH: N,
    ABUSE: N,
    JUDICIAL: N,
    PLACEMENT: N,
    PSEUDONYM: N,
    REGISTRY: N,
    PUBLIC: A,
    AUDIT: N,
  },
};

export function accessFor(role: Role, dataClass: DataClass): Access {
  return READ_MATRIX[role][dataClass];
}

/** Classes a role can never read: removed from the operation before planning. */
export function neverReadable(role: Role): DataClass[] {
  return (Object.entries(READ_MATRIX[role]) as [DataClass, Access][]).filter(([, a]) => a === 'never').map(([c]) => c);
}

/** What the gateway knows about the object a field belongs to. */
export interface ObjectContext {
  readonly minorId?: string;
  readonly structureCode?: string;
  readonly province?: string;
}

export interface RelationshipFacts {
  isCaseHolder(minorId: string): boolean;
  isHosting(minorId: string): boolean;
  /** REQUESTED (privacy rules §3): a placement request to the principal's structure is pending today. Absent: never. */
  isRequested?(minorId: string): boolean;
  readonly structureCode?: string;
  readonly territory?: readonly string[];
}

/**
 * Decide a relationship-dependent access for one object.
 * 'allow' / 'deny', or 'defer' when the object itself carries no anchor for
 * the relationship (a list of placements under a structure): the decision
 * then moves to each element, which has its own anchor.
 */
export function decide(access: Access, ctx: ObjectContext, facts: RelationshipFacts): 'allow' | 'deny' | 'defer' {
  switch (access) {
    case 'always':
      return 'allow';
    case 'never':
      return 'deny';
    case 'CASE_HOLDER':
      if (!ctx.minorId) return 'defer';
      return facts.isCaseHolder(ctx.minorId) ? 'allow' : 'deny';
    case 'HOSTING':
      if (!ctx.minorId) return 'defer';
      return facts.isHosting(ctx.minorId) ? 'allow' : 'deny';
    case 'HOSTING_OR_REQUESTED':
      if (!ctx.minorId) return 'defer';
      return facts.isHosting(ctx.minorId) || facts.isRequested?.(ctx.minorId) === true ? 'allow' : 'deny';
    case 'HOSTING_OWN_STRUCTURE':
      if (ctx.structureCode !== undefined && ctx.structureCode !== facts.structureCode) return 'deny';
      if (!ctx.minorId) return 'defer';
      // While REQUESTED, the requested structure reads the request (and the notifications about it) addressed to it.
      return facts.isHosting(ctx.minorId) || facts.isRequested?.(ctx.minorId) === true ? 'allow' : 'deny';
    case 'OWN_STRUCTURE':
      if (ctx.structureCode === undefined) return 'defer';
      return ctx.structureCode === facts.structureCode ? 'allow' : 'deny';
    case 'IN_TERRITORY':
      if (ctx.province === undefined) return 'defer';
      return (facts.territory ?? []).includes(ctx.province) ? 'allow' : 'deny';
  }
}
