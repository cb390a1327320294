/**
 * The entities other subgraphs own, as ASMI resolves them: their key, and
 * whatever the gateway sends with it (the codegen mappers of codegen.ts).
 */

/** A minor (SINBA's): its id only. */
export interface MinorRef {
  readonly __typename?: 'Minor';
  readonly id: string;
}

/** A structure (ASSO's): its code, and its places when the gateway sends them (@requires of freePlaces). */
export interface StructureRef {
  readonly __typename?: 'Structure';
  readonly code: string;
  readonly capacity?: number;
  readonly emergencyCapacity?: number;
}
