import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import { TOO_COMPLEX_MARKER } from '@shared/errors';
import { httpStatusOf } from '@shared/errors';


/** Limits per operation (depth, aliases, cost, tokens, directives); see docs/privacy.md "Request limits". */
export const REQUEST_LIMITS = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 5000,
  maxTokens: 3000,
  maxDirectives: 50,
  /**
   * Brackets `{ [ (` open at once in the raw document, checked on the text
   * before parsing: graphql-js parses and validates recursively, so a
   * document nested thousands of levels would overflow the stack before the
   * depth rule could refuse it. Far above what maxDepth allows.
   */
  maxNesting: 64,
});

/** Deepest bracket nesting of a GraphQL document, strings and comments skipped; stops counting past `limit`. */
export function nestingDepth(source: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        let end = source.indexOf('"""', i + 3);
        while (end > 0 && source[end - 1] === '\\') end = source.indexOf('"""', end + 3); // \""" does not close a block string
        i = end < 0 ? source.length : end + 2;
      } else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return max;
}

/**
 * Express middleware in front of POST /graphql: a document nested deeper
 * than maxNesting is refused as QUERY_TOO_COMPLEX (HTTP 400) before it is
 * parsed, so no recursion can overflow.
 */
export function refuseDeepDocuments(): (req: { body?: unknown; query?: unknown }, res: { status(n: number): { json(b: unknown): void } }, next: () => void) => void {
  return (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query ?? (req.query as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && nestingDepth(query, REQUEST_LIMITS.maxNesting) > REQUEST_LIMITS.maxNesting) {
      res.status(httpStatusOf('QUERY_TOO_COMPLEX')).json({ errors: [{ message: `The document is nested deeper than ${REQUEST_LIMITS.maxNesting} levels`, extensions: { code: 'QUERY_TOO_COMPLEX' } }] });
      return;
    }
    next();
  };
}

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
export function requestLimits(options: { fieldSuggestions?: boolean } = {}): {
  validationRules: NonNullable<ReturnType<ApolloArmor['protect']>['validationRules']>;
  plugins: ReturnType<ApolloArmor['protect']>['plugins'];
  parseOptions: { maxTokens: number };
} {
  const common = { propagateOnRejection: false, onReject: [reject] };
  const armor = new ApolloArmor({
    maxDepth: { n: REQUEST_LIMITS.maxDepth, ...common, flattenFragments: true },
    maxAliases: { n: REQUEST_LIMITS.maxAliases, ...common },
    costLimit: { maxCost: REQUEST_LIMITS.maxCost, ...common },
    // Tokens are counted by Apollo's own parser (`parseOptions` below): armor's token plugin re-parses in a
    // hook where any syntax error became a 500; graphql-js stops at the limit with a syntax error (400).
    maxTokens: { enabled: false },
    maxDirectives: { n: REQUEST_LIMITS.maxDirectives, ...common },
    blockFieldSuggestion: { enabled: !options.fieldSuggestions },
  });
  const { validationRules, plugins } = armor.protect();
  return { validationRules: validationRules ?? [], plugins, parseOptions: { maxTokens: REQUEST_LIMITS.maxTokens } };
}
