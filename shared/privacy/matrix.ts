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
    CARE_OBSERVATION: 'CASE_HOLDER',
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
    CARE_OBSERVATION: 'HOSTING_OWN_STRUCTURE', // docs/privacy.md §4: care observations of placements in own structure
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
    CARE_OBSERVATION: N,
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
    CARE_OBSERVATION: N,
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
    CARE_OBSERVATION: N,
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
    CARE_OBSERVATION: N,
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
    CARE_OBSERVATION: N,
    PSEUDONYM: N,
    REGISTRY: N,
    PUBLIC: A,
    AUDIT: N,
  },
};

/**
 * docs/privacy.md §4: SUPERVISOR and REGIONAL_ANALYST work on pseudonymous
 * rows and aggregates only. They never receive a `Minor` object or a minor's
 * id: any field leading to a minor is null for them (decided on the role
 * alone, before planning); their rows carry the pseudonym instead.
 */
export const PSEUDONYMOUS_ROLES: ReadonlySet<Role> = new Set<Role>(['SUPERVISOR', 'REGIONAL_ANALYST']);

/** A field that leads to a minor: it returns `Minor` objects, or it is a minor id. */
export function leadsToMinor(fieldName: string, namedTypeName: string): boolean {
  return namedTypeName === 'Minor' || fieldName === 'minorId' || fieldName === 'minorIds';
}

/** Whether a role may never read a field for leading to a minor (docs/privacy.md §4). */
export function minorPathDenied(role: Role, fieldName: string, namedTypeName: string): boolean {
  return PSEUDONYMOUS_ROLES.has(role) && leadsToMinor(fieldName, namedTypeName);
}

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
  /**
   * docs/privacy.md §11: a purpose opens some classes of some minors to a
   * structure operator through one operation, as if it hosted them (its own
   * structure's placements only, still).
   */
  readonly purpose?: { readonly name: string; readonly minors: ReadonlySet<string>; readonly classes: ReadonlySet<DataClass> };
}

/** The classes PROSECUTOR_LIST opens (docs/privacy.md §11). */
export const PROSECUTOR_LIST_CLASSES: ReadonlySet<DataClass> = new Set<DataClass>(['IDENTITY', 'DEMOGRAPHIC', 'PLACEMENT', 'CARE_OBSERVATION']);

/**
 * Decide a relationship-dependent access for one object.
 * 'allow' / 'deny', or 'defer' when the object itself carries no anchor for
 * the relationship (a list of placements under a structure): the decision
 * then moves to each element, which has its own anchor.
 */
export function decide(access: Access, ctx: ObjectContext, facts: RelationshipFacts, dataClass?: DataClass): 'allow' | 'deny' | 'defer' {
  const hosts = (minorId: string) =>
    facts.isHosting(minorId) || (dataClass !== undefined && !!facts.purpose && facts.purpose.classes.has(dataClass) && facts.purpose.minors.has(minorId));
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
      return hosts(ctx.minorId) ? 'allow' : 'deny';
    case 'HOSTING_OR_REQUESTED':
      if (!ctx.minorId) return 'defer';
      return hosts(ctx.minorId) || facts.isRequested?.(ctx.minorId) === true ? 'allow' : 'deny';
    case 'HOSTING_OWN_STRUCTURE':
      if (ctx.structureCode !== undefined && ctx.structureCode !== facts.structureCode) return 'deny';
      if (!ctx.minorId) return 'defer';
      // While REQUESTED, the requested structure reads the request (and the notifications about it) addressed to it.
      return hosts(ctx.minorId) || facts.isRequested?.(ctx.minorId) === true ? 'allow' : 'deny';
    case 'OWN_STRUCTURE':
      if (ctx.structureCode === undefined) return 'defer';
      return ctx.structureCode === facts.structureCode ? 'allow' : 'deny';
    case 'IN_TERRITORY':
      if (ctx.province === undefined) return 'defer';
      return (facts.territory ?? []).includes(ctx.province) ? 'allow' : 'deny';
  }
}
