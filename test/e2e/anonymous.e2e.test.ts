import { startTestHub, type TestHub } from '../support/startHub';
import { registerActiveStructure, registerMinorWithCase } from '../support/fixtures';

describe('anonymous callers (docs/privacy.md §4 last column)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('read the public registry and code lists, nothing about minors', async () => {
    await registerActiveStructure(hub, 'AN-1');
    const { minorId } = await registerMinorWithCase(hub, 'S-AN', { firstName: 'Anonima' });
    const registry = await hub.gql(undefined, '{ structures(first: 10) { nodes { code name status inspections { outcome } } } }');
    expect((registry.data!.structures as any).nodes).toContainEqual({ code: 'AN-1', name: 'Comunità AN-1', status: 'ACTIVE', inspections: null });
    const minor = await hub.gql(undefined, 'query($id: ID!) { minor(id: $id) { id pseudonym firstName viewerIsCaseHolder placements { id } } }', { id: minorId });
    expect(minor.data?.minor ?? null).toBeNull();
    expect(minor.text).not.toContain('Anonima');
    const list = await hub.gql(undefined, '{ minors { nodes { id } } }');
    expect(list.data?.minors ?? null).toBeNull();
    expect(list.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
