import type express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { callerContext, createRun, csvField, type ExportRouteDeps } from './exportKit';
import { sendErrorCode, sendErrors } from '@shared/errors';

/*
 * GET /exports/sinba/:record.csv — the pseudonymous regional SINBA flow
 * (docs/sinba-export.md), one CSV per record type: minors, referrals, cases,
 * interventions, assessments, family members, minor and family problems,
 * health, violence, court orders, co-planning; /exports/sinba/manifest.json
 * lists them with their row counts. It runs the GraphQL query `sinbaExport`
 * through the same server with the caller's own token, like every export
 * route (exportKit.ts), so the privacy engine, the audit trail and the limits apply:
 * SINBA answers only a REGIONAL_ANALYST (FORBIDDEN, 403, for everyone else;
 * 401 without a valid token) and the page's fields are PSEUDONYM.
 *
 * The export is streamed: one page of at most 1000 rows is fetched, written
 * and dropped before the next is asked for (keyset pagination in SINBA), so
 * 200,000 minors never sit in memory at once. Errors on the first page are
 * answered with their HTTP status; a failure after the first byte aborts the
 * response, so a truncated file never looks complete.
 */

/** URL name → the SinbaExportRecord of the query. */
export const SINBA_EXPORT_FILES: Readonly<Record<string, string>> = {
  minors: 'MINOR',
  referrals: 'REFERRAL',
  cases: 'CASE',
  interventions: 'INTERVENTION',
  assessments: 'ASSESSMENT',
  'family-members': 'FAMILY_MEMBER',
  'minor-problems': 'MINOR_PROBLEM',
  'family-problems': 'FAMILY_PROBLEM',
  health: 'HEALTH',
  violence: 'VIOLENCE',
  'court-orders': 'COURT_ORDER',
  'co-planning': 'CO_PLANNING',
};

export const SINBA_EXPORT_MANIFEST_QUERY = `query SinbaExportManifest { sinbaExportManifest { extractionDate files { file record rows columns } } }`;

interface ManifestData {
  sinbaExportManifest: { extractionDate: string; files: { file: string; record: string; rows: number; columns: string[] }[] } | null;
}

/** Rows asked per GraphQL page (SINBA's maximum). */
export const SINBA_EXPORT_PAGE_SIZE = 1000;

export const SINBA_EXPORT_QUERY = `query SinbaExportDownload($record: SinbaExportRecord!, $first: Int, $after: String) {
  sinbaExport(record: $record, first: $first, after: $after) { columns rows pageInfo { endCursor hasNextPage } }
}`;

interface ExportPageData {
  sinbaExport: { columns: string[] | null; rows: (string | null)[][] | null; pageInfo: { endCursor: string | null; hasNextPage: boolean } | null } | null;
}

/** Waits until the socket has taken the chunk (back-pressure: a slow client slows the export down, memory stays flat). */
function write(res: express.Response, chunk: string): Promise<void> {
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      res.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      res.off('drain', onDrain);
      reject(new Error('client went away'));
    };
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

export function registerSinbaExportRoutes(app: express.Express, deps: ExportRouteDeps): void {
  const run = createRun(deps.server);

  // The manifest of the flow: which files, how many rows each (docs/sinba-export.md).
  app.get('/exports/sinba/manifest.json', async (req, res) => {
    const ctx = callerContext(req, res, deps.contextFor);
    if (!ctx) return;
    const result: { data?: ManifestData | null; errors?: readonly GraphQLFormattedError[] } = await run<ManifestData>(ctx, SINBA_EXPORT_MANIFEST_QUERY, {});
    const manifest = result.data?.sinbaExportManifest;
    if (result.errors?.length || !manifest) return sendErrors(res, result.errors ?? []);
    res.status(200).set('Cache-Control', 'no-store').json({ generatedAt: new Date().toISOString(), ...manifest });
  });

  app.get('/exports/sinba/:file', async (req, res) => {
    const match = /^([a-z][a-z-]*)\.csv$/.exec(String(req.params.file));
    const record = match ? SINBA_EXPORT_FILES[match[1]] : undefined;
    if (!match || !record) {
      sendErrorCode(res, 'NOT_FOUND', `Unknown export; one of ${Object.keys(SINBA_EXPORT_FILES).map((f) => `${f}.csv`).join(', ')}`);
      return;
    }
    const ctx = callerContext(req, res, deps.contextFor);
    if (!ctx) return;

    let after: string | null = null;
    let started = false;
    try {
      for (;;) {
        const result: { data?: ExportPageData | null; errors?: readonly GraphQLFormattedError[] } = await run<ExportPageData>(ctx, SINBA_EXPORT_QUERY, { record, first: SINBA_EXPORT_PAGE_SIZE, after });
        const page = result.data?.sinbaExport;
        if (result.errors?.length || !page?.columns || !page.rows || !page.pageInfo) {
          if (!started) return sendErrors(res, result.errors ?? []);
          throw new Error('export page failed');
        }
        if (!started) {
          started = true;
          res
            .status(200)
            .type('text/csv; charset=utf-8')
            .set('Cache-Control', 'no-store')
            .set('Content-Disposition', `attachment; filename="sinba-${match[1]}.csv"`);
          await write(res, `${page.columns.join(',')}\r\n`);
        }
        if (page.rows.length > 0) await write(res, `${page.rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      res.end();
    } catch {
      // Headers are sent: abort the connection so the client sees an incomplete transfer.
      if (!started) sendErrorCode(res, 'INTERNAL_SERVER_ERROR', 'The export failed');
      else res.destroy();
    }
  });
}
