import type { buildSubgraphSchema } from '@apollo/subgraph';

/** One entry of buildSubgraphSchema's module list: typeDefs and resolvers. */
type SubgraphSchemaModule = Extract<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], { typeDefs: unknown }>;

/**
 * The resolver map buildSubgraphSchema takes, named from its public
 * signature (no import from `@apollo/subgraph/dist/...`). Apollo leaves the
 * context loose there; a module's generated `Resolvers` type checks parents,
 * arguments, results and the context, and types `__resolveReference` as
 * Apollo calls it (reference, context, info).
 */
export type SubgraphResolverMap = NonNullable<SubgraphSchemaModule['resolvers']>;

/** A module's resolvers (typed by its generated `Resolvers`) as buildSubgraphSchema takes them; the assignment is checked, no cast. */
export function asResolverMap(resolvers: SubgraphResolverMap): SubgraphResolverMap {
  return resolvers;
}
