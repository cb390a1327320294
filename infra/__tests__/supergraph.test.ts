import fs from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE, CompositionError } from '../compose/composeSupergraph';
import { readSubgraphSdl } from '@shared/graphql';
import { SUBGRAPHS } from '../compose/composeSupergraph';

describe('static composition', () => {
  it('the committed gateway/supergraph.graphql matches the subgraph SDLs (run `npm run compose` when this fails)', () => {
    expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph());
  });

  it('carries the @dataClass tags into the supergraph through @composeDirective', () => {
    const sdl = composeSupergraph();
    expect(sdl).toContain('directive @dataClass(class: DataClass!) on FIELD_DEFINITION');
    expect(sdl).toMatch(/firstName: String @join__field\(graph: SINBA\) @dataClass\(class: IDENTITY\)/);
  });

  it('refuses a subgraph field without a data class', () => {
    const sdls = SUBGRAPHS.map((s) => ({ name: s.name, url: s.url, sdl: readSubgraphSdl(s.schemaDir) }));
    const sinba = sdls.find((s) => s.name === 'sinba')!;
    sinba.sdl = sinba.sdl.replace('type Minor @key(fields: "id") {', 'type Minor @key(fields: "id") {\n  nickname: String');
    expect(() => composeSupergraph(sdls)).toThrow(CompositionError);
    expect(() => composeSupergraph(sdls)).toThrow(/Minor\.nickname/);
  });
});
