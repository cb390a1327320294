import fs from 'node:fs';
import path from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** Path of the SDL shared by every subgraph (federation link, @dataClass, Date). */
export const COMMON_SDL_PATH = path.join(__dirname, 'common.graphql');

/** Read a subgraph's SDL: the common header plus every `schema/*.graphql` file, in name order. */
export function readSubgraphSdl(schemaDir: string): string {
  const files = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  return [fs.readFileSync(COMMON_SDL_PATH, 'utf8'), ...files.map((f) => fs.readFileSync(path.join(schemaDir, f), 'utf8'))].join('\n');
}

export function loadSubgraphTypeDefs(schemaDir: string): DocumentNode {
  return parse(readSubgraphSdl(schemaDir));
}
