import type express from 'express';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { ContextFor, GatewayContext } from '../context';
import { sendErrorCode } from '@shared/errors';

/**
 * What every export route of the gateway is built from (act documents, open
 * data, reports, the prosecutor's list, the SINBA export): each runs GraphQL
 * operations through the gateway's own server with the caller's context, so
 * the privacy engine, the audit trail and the limits apply exactly as to
 * POST /graphql, and writes what the response shows. Errors are answered by
 * shared/errors/httpErrors.ts (`sendErrors`, `sendErrorCode`).
 */

export type Run = <T>(ctx: GatewayContext, query: string, variables: Record<string, unknown>) => Promise<{ data?: T | null; errors?: readonly GraphQLFormattedError[] }>;

/** What an export route needs of the gateway: its server and how a request's context is built. */
export interface ExportRouteDeps {
  readonly server: ApolloServer<GatewayContext>;
  readonly contextFor: ContextFor;
}

/** Runs an operation through the gateway's own server with the given context: privacy engine, audit trail and limits apply as to POST /graphql. */
export function createRun(server: ApolloServer<GatewayContext>): Run {
  return async (ctx, query, variables) => {
    const response = await server.executeOperation({ query, variables }, { contextValue: ctx });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as { data?: never; errors?: readonly GraphQLFormattedError[] };
  };
}

/** The caller's context from the request's token, or null after answering 401 UNAUTHENTICATED (an invalid token never degrades to anonymous). */
export function callerContext(req: express.Request, res: express.Response, contextFor: ContextFor): GatewayContext | null {
  try {
    return contextFor(req);
  } catch (err) {
    const e = err as { message?: string };
    sendErrorCode(res, 'UNAUTHENTICATED', e.message ?? 'Invalid token');
    return null;
  }
}

/** A cell a spreadsheet would run as a formula (OWASP "CSV injection"): starting with = + - @, a tab or a CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Signed numbers and phone numbers (digits and separators only) cannot call a function: left as they are. */
const NUMBER_OR_PHONE = /^[+-]?[0-9][0-9 ./-]*$/;

/**
 * RFC 4180 field: quoted when it holds a separator, a quote or a line break.
 * Every CSV download of the gateway writes its cells here, so text that
 * would start a formula in Excel or LibreOffice (a structure name typed as
 * `=HYPERLINK(...)`) gets a leading apostrophe, consistently; the JSON and
 * XLSX downloads keep the value as stored (XLSX cells are typed strings).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s) && !NUMBER_OR_PHONE.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
