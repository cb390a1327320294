import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { httpStatusOf } from '@shared/errors';

/**
 * The HTTP status of a GraphQL response whose errors left nothing to return:
 * taken from the error-code registry (shared/errors/codes.ts), so one table
 * decides every status the hub sends (REST downloads use it too).
 * - `data` absent or null, or every root field null: the status of the most
 *   severe error (a 5xx first, then 401, otherwise the first error's code);
 * - any data returned (a partial result included): 200, as GraphQL over HTTP
 *   expects, the errors telling which fields are missing.
 */
export function responseStatus(data: Record<string, unknown> | null | undefined, errors: readonly GraphQLFormattedError[] | undefined): number | undefined {
  if (!errors?.length) return undefined;
  const nothing = data === null || data === undefined || Object.values(data).every((v) => v === null);
  if (!nothing) return 200;
  const statuses = errors.map((e) => httpStatusOf(e.extensions?.code));
  const serverSide = statuses.filter((s) => s >= 500);
  if (serverSide.length) return Math.max(...serverSide);
  if (statuses.includes(401)) return 401;
  return statuses[0];
}

/**
 * Sets the response status from the registry (see `responseStatus`) and
 * refuses a document with several operations and no `operationName` as
 * OPERATION_RESOLUTION_FAILURE (400) before any planning.
 */
export function httpStatusPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw new GraphQLError(
              request.operationName ? `No operation named "${request.operationName.slice(0, 64)}" in the document` : 'The document holds several operations: name the one to run in operationName',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } },
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const status = responseStatus(data as Record<string, unknown> | null | undefined, errors);
          if (status !== undefined) response.http.status = status;
        },
      };
    },
  };
}
