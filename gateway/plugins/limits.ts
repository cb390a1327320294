import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import { TOO_COMPLEX_MARKER } from '../../shared/errors/formatError';


/** Limits per operation (depth, aliases, cost, tokens, directives); see docs/privacy.md "Request limits". */
export const REQUEST_LIMITS = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 5000,
  maxTokens: 3000,
  maxDirectives: 50,
});

function reject(ctx: ValidationContext | null, error: GraphQLError): void {
  const message = error.message.replace(/^Syntax Error: /, '');
  ctx?.reportError(new GraphQLError(`${TOO_COMPLEX_MARKER}${message}`));
}

/**
 * Request limits with graphql-armor, refused as QUERY_TOO_COMPLEX before
 * any planning or subgraph call. Field suggestions ("Did you mean ...?") are
 * blocked in production so a probe cannot discover the schema when
 * introspection is off; development keeps them (`fieldSuggestions: true`),
 * as it keeps introspection, for the GraphQL IDE and newcomers.
 */
export function requestLimits(options: { fieldSuggestions?: boolean } = {}): { validationRules: NonNullable<ReturnType<ApolloArmor['protect']>['validationRules']>; plugins: ReturnType<ApolloArmor['protect']>['plugins'] } {
  const common = { propagateOnRejection: false, onReject: [reject] };
  const armor = new ApolloArmor({
    maxDepth: { n: REQUEST_LIMITS.maxDepth, ...common, flattenFragments: true },
    maxAliases: { n: REQUEST_LIMITS.maxAliases, ...common },
    costLimit: { maxCost: REQUEST_LIMITS.maxCost, ...common },
    maxTokens: { n: REQUEST_LIMITS.maxTokens, ...common },
    maxDirectives: { n: REQUEST_LIMITS.maxDirectives, ...common },
    blockFieldSuggestion: { enabled: !options.fieldSuggestions },
  });
  const { validationRules, plugins } = armor.protect();
  return { validationRules: validationRules ?? [], plugins };
}
