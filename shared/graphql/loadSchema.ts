import fs from 'node:fs';
import path from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** Path of the SDL shared by every subgraph (federation link, @dataClass, Date). */
export const COMMON_SDL_PATH = path.join(__dirname, 'common.graphql');

/** `# import <path>` at the start of a line: an SDL file shared by several subgraphs (path relative to the importing file). */
const IMPORT_LINE = /^# import (\S+\.graphql)\s*$/gm;

/**
 * Read a subgraph's SDL: the common header plus every `schema/*.graphql`
 * file, in name order, plus the shared files they `# import` (each once), so
 * a value type served by two subgraphs (the report types) has one definition.
 */
export function readSubgraphSdl(schemaDir: string): string {
  const files = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => path.join(schemaDir, f));
  const imported = new Set<string>();
  for (const file of files) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT_LINE)) imported.add(path.resolve(path.dirname(file), m[1]));
  }
  return [COMMON_SDL_PATH, ...files, ...[...imported].filter((f) => !files.includes(f))].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

export function loadSubgraphTypeDefs(schemaDir: string): DocumentNode {
  return parse(readSubgraphSdl(schemaDir));
}
