import type express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { ANONYMOUS } from '@shared/auth';
import { sendErrors } from '@shared/errors';
import type { GatewayContext } from '../context';
import { callerContext, createRun, csvField, type ExportRouteDeps } from './exportKit';

/** Columns of the open data, in order; columns added later go at the end so positional CSV readers keep working. */
export const OPEN_DATA_FIELDS = [
  'code', 'name', 'type', 'municipality', 'province', 'address', 'managingEntity', 'capacity', 'emergencyCapacity', 'minAge', 'maxAge', 'status',
  // issue 6: municipality name, ASL, whom it hosts, public contacts
  'municipalityName', 'healthAuthority', 'gender', 'target', 'phone', 'publicEmail',
] as const;

/** Structures per page read by the export: with every column, 100 would exceed the request cost limit (gateway/plugins/limits.ts). */
const OPEN_DATA_PAGE = 50;

/**
 * `GET /open-data/structures.csv` and `.json`: the public registry (seed 002:
 * the public, open part of the registry), always read as an anonymous caller
 * through the gateway's own server (gateway/routes/exportKit.ts); a present
 * but invalid token is still 401 (docs/privacy.md §1).
 */
export function registerOpenDataRoutes(app: express.Express, deps: ExportRouteDeps): void {
  const run = createRun(deps.server);

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
      if (result.errors?.length || !result.data) return sendErrors(res, result.errors ?? []);
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
