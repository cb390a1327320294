import fs from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE, CompositionError } from './compose/composeSupergraph';

/** `npm run compose`: write gateway/supergraph.graphql (committed; a test fails when it is stale). */
try {
  const sdl = composeSupergraph();
  fs.writeFileSync(SUPERGRAPH_FILE, sdl);
  console.log(`Wrote ${SUPERGRAPH_FILE}`);
} catch (err) {
  console.error(err instanceof CompositionError ? err.message : err);
  process.exit(1);
}
