import path from 'node:path';
import { loadConfig, type HubConfig } from '@shared/config';

/** The composed supergraph the gateway serves (committed; `npm run compose` rebuilds it). */
export const SUPERGRAPH_PATH = path.join(__dirname, 'supergraph.graphql');

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): HubConfig {
  return loadConfig(env);
}
