import type { buildSubgraphSchema } from '@apollo/subgraph';

/**
 * The resolver map buildSubgraphSchema takes, reached through the package's
 * public entry point (its own name lives under `@apollo/subgraph/dist/`).
 */
export type SubgraphResolverMap = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;

/**
 * A subgraph's resolvers, typed by the `Resolvers` type generated from its SDL
 * (docs/conventions.md "Schema first"), as the map buildSubgraphSchema takes.
 * Apollo's map types every field as (source, args, context) and has no place
 * for `__resolveReference(reference, context)`, so the generated, stricter
 * type is the one the code is checked against; this only hands it over (the
 * schema build then checks every type and field exists in the SDL).
 */
export function asResolverMap(resolvers: object): SubgraphResolverMap {
  const map: SubgraphResolverMap = {};
  for (const [typeName, fields] of Object.entries(resolvers)) if (fields !== undefined) map[typeName] = fields;
  return map;
}
