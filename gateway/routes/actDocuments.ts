import type express from 'express';
import { sendErrorCode, sendErrors } from '@shared/errors';
import { callerContext, createRun, type ExportRouteDeps } from './exportKit';

/**
 * `GET /documents/acts/:actId`: the PDF of an act (acts are public), read
 * through the gateway's own server with the caller's principal
 * (gateway/routes/exportKit.ts).
 */
export function registerActDocumentRoutes(app: express.Express, deps: ExportRouteDeps): void {
  const run = createRun(deps.server);

  app.get('/documents/acts/:actId', async (req, res) => {
    const ctx = callerContext(req, res, deps.contextFor);
    if (!ctx) return;
    const result = await run<{ actDocument: { filename: string; sha256: string; contentBase64: string } | null }>(
      ctx,
      'query ActDocumentDownload($actId: ID!) { actDocument(actId: $actId) { filename sha256 contentBase64 } }',
      { actId: req.params.actId },
    );
    if (result.errors?.length) return sendErrors(res, result.errors);
    const doc = result.data?.actDocument;
    if (!doc) {
      sendErrorCode(res, 'NOT_FOUND', 'No document for this act');
      return;
    }
    res
      .status(200)
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${doc.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
      .set('ETag', `"${doc.sha256}"`)
      .send(Buffer.from(doc.contentBase64, 'base64'));
  });
}
