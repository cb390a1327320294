import type express from 'express';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ANONYMOUS } from '@shared/auth';
import type { GatewayContext } from '../context';
import { httpStatusOf } from '@shared/errors';

export type Run = <T>(ctx: GatewayContext, query: string, variables: Record<string, unknown>) => Promise<{ data?: T | null; errors?: readonly GraphQLFormattedError[] }>;

/** Runs an operation through the gateway's own server with the given context: privacy engine, audit trail and limits apply as to POST /graphql. */
export function createRun(server: ApolloServer<GatewayContext>): Run {
  return async (ctx, query, variables) => {
    const response = await server.executeOperation({ query, variables }, { contextValue: ctx });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as { data?: never; errors?: readonly GraphQLFormattedError[] };
  };
}

/** The caller's context from the request's token, or null after answering 401 UNAUTHENTICATED (an invalid token never degrades to anonymous). */
export function callerContext(req: express.Request, res: express.Response, contextFor: (req: express.Request) => GatewayContext): GatewayContext | null {
  try {
    return contextFor(req);
  } catch (err) {
    const e = err as { message?: string };
    res.status(401).json({ errors: [{ message: e.message ?? 'Invalid token', extensions: { code: 'UNAUTHENTICATED' } }] });
    return null;
  }
}

/** Answers with the HTTP status of the first error's code and the GraphQL errors as JSON. */
export function sendError(res: express.Response, errors: readonly GraphQLFormattedError[]): void {
  // The status from the error-code registry (shared/errors/codes.ts), as for every route.
  const code = errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  res.status(httpStatusOf(code)).json({ errors });
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

/** Columns of the open data, in order; columns added later go at the end so positional CSV readers keep working. */
export const OPEN_DATA_FIELDS = [
  'code', 'name', 'type', 'municipality', 'province', 'address', 'managingEntity', 'capacity', 'emergencyCapacity', 'minAge', 'maxAge', 'status',
  // issue 6: municipality name, ASL, whom it hosts, public contacts
  'municipalityName', 'healthAuthority', 'gender', 'target', 'phone', 'publicEmail',
] as const;

/** Structures per page read by the export: with every column, 100 would exceed the request cost limit (gateway/plugins/limits.ts). */
const OPEN_DATA_PAGE = 50;

/**
 * Download routes of the gateway. Each runs a GraphQL operation through the
 * same server, with the caller's own principal, so the privacy engine, the
 * audit trail and the limits apply exactly as to POST /graphql:
 * - GET /documents/acts/:actId — the PDF of an act (acts are public);
 * - GET /open-data/structures.csv and .json — the public registry (seed 002:
 *   the public, open part of the registry), always read as an anonymous
 *   caller (a present but invalid token is still 401, docs/privacy.md §1).
 */
export function registerDownloadRoutes(app: express.Express, deps: { server: ApolloServer<GatewayContext>; contextFor: (req: express.Request) => GatewayContext }): void {
  const run = createRun(deps.server);

  app.get('/documents/acts/:actId', async (req, res) => {
    const ctx = callerContext(req, res, deps.contextFor);
    if (!ctx) return;
    const result = await run<{ actDocument: { filename: string; sha256: string; contentBase64: string } | null }>(
      ctx,
      'query ActDocumentDownload($actId: ID!) { actDocument(actId: $actId) { filename sha256 contentBase64 } }',
      { actId: req.params.actId },
    );
    if (result.errors?.length) return sendError(res, result.errors);
    const doc = result.data?.actDocument;
    if (!doc) {
      res.status(404).json({ errors: [{ message: 'No document for this act', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    res
      .status(200)
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${doc.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
      .set('ETag', `"${doc.sha256}"`)
      .send(Buffer.from(doc.contentBase64, 'base64'));
  });

  const openData = async (req: express.Request, res: express.Response, format: 'csv' | 'json') => {
    // A present but invalid token is 401 as everywhere (docs/privacy.md §1); a valid one changes nothing: the open data is read as anonymous.
    if (!callerContext(req, res, deps.contextFor)) return;
    const ctx: GatewayContext = { principal: ANONYMOUS, requestId: `open-data-${Date.now()}`, internalTokens: new Map() };
    const nodes: Record<string, unknown>[] = [];
    let after: string | null = null;
    for (;;) {
      const result: { data?: { structures: { nodes: Record<string, unknown>[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } | null; errors?: readonly GraphQLFormattedError[] } = await run(
        ctx,
        `query OpenRegistry($after: String) { structures(first: ${OPEN_DATA_PAGE}, after: $after) { nodes { ${OPEN_DATA_FIELDS.join(' ')} } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      if (result.errors?.length || !result.data) return sendError(res, result.errors ?? []);
      nodes.push(...result.data.structures.nodes);
      if (!result.data.structures.pageInfo.hasNextPage) break;
      after = result.data.structures.pageInfo.endCursor;
    }
    const generatedAt = new Date().toISOString();
    res.set('Cache-Control', 'public, max-age=300');
    if (format === 'json') {
      res.status(200).json({ generatedAt, license: 'CC-BY-4.0', fields: OPEN_DATA_FIELDS, structures: nodes });
      return;
    }
    const lines = [OPEN_DATA_FIELDS.join(','), ...nodes.map((n) => OPEN_DATA_FIELDS.map((f) => csvField(n[f])).join(','))];
    res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="strutture-minori.csv"').send(`${lines.join('\r\n')}\r\n`);
  };
  app.get('/open-data/structures.csv', (req, res) => void openData(req, res, 'csv'));
  app.get('/open-data/structures.json', (req, res) => void openData(req, res, 'json'));
}
