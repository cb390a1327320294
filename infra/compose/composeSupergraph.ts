import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readSubgraphSdl } from '@shared/graphql';
import { findUntaggedFields } from '../../gateway/policy/policy';

const ROOT = path.resolve(__dirname, '..', '..');

/** The subgraphs of the hub, with the default URLs written into the supergraph (overridden at run time by *_URL). */
export const SUBGRAPHS = [
  { name: 'sinba', url: 'http://127.0.0.1:4001/graphql', schemaDir: path.join(ROOT, 'subgraphs', 'sinba', 'schema') },
  { name: 'asso', url: 'http://127.0.0.1:4002/graphql', schemaDir: path.join(ROOT, 'subgraphs', 'asso', 'schema') },
  { name: 'asmi', url: 'http://127.0.0.1:4003/graphql', schemaDir: path.join(ROOT, 'subgraphs', 'asmi', 'schema') },
  // The gateway's own in-process subgraph: reference codes and the access log.
  { name: 'hub', url: 'http://in-process.gateway/graphql', schemaDir: path.join(ROOT, 'gateway', 'hub') },
] as const;

export const SUPERGRAPH_FILE = path.join(ROOT, 'gateway', 'supergraph.graphql');

export class CompositionError extends Error {}

/**
 * Compose the subgraph SDLs into the supergraph (a pure function of the SDL
 * files). Refuses a supergraph with a field that carries no @dataClass tag
 * (docs/privacy.md §2), so no new field can slip through untagged.
 */
export function composeSupergraph(sdls: { name: string; url: string; sdl: string }[] = SUBGRAPHS.map((s) => ({ name: s.name, url: s.url, sdl: readSubgraphSdl(s.schemaDir) }))): string {
  const result = composeServices(sdls.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new CompositionError(`Composition failed:\n${result.errors.map((e) => ` - ${e.message}`).join('\n')}`);
  }
  const untagged = findUntaggedFields(result.supergraphSdl);
  if (untagged.length > 0) throw new CompositionError(`Fields without @dataClass (docs/privacy.md §2): ${untagged.join(', ')}`);
  return `# Composed by \`npm run compose\` from subgraphs/*/schema and gateway/hub. Do not edit.\n${result.supergraphSdl}\n`;
}
