/**
 * The demo data of `npm start` load through the public API with the
 * hand-off rules (docs/privacy.md §3a): the placed minors on their requests,
 * and one minor waiting in RM-C002's inbox.
 */
import { Client } from 'pg';
import { DEMO, loadDemoDataIfEmpty } from '../../infra/demo/demoData';
import { demoRegionSize } from '../../infra/demo/region';
import { todayInRome } from '@shared/time';
import { expectNoErrors } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/startHub';

describe('demo data', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('loads, with the placements on accepted requests and one request pending in RM-C002', async () => {
    // the named people (and Sara Neri, admitted with no case: NO_OPEN_CASE), on top of the generated demo region (issue 19)
    expect(await loadDemoDataIfEmpty(hub.db.adminUrl, hub.url, hub.config)).toEqual({ structures: DEMO.structures.length, minors: DEMO.minors.length + 1, region: { minors: demoRegionSize(todayInRome()).minors, structures: 30, placements: 2 * demoRegionSize(todayInRome()).minors } });
    const op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op', structure: 'RM-C002' });
    const inbox = await hub.gql(op, 'query { placementRequests(status: PENDING) { nodes { status kind minor { firstName lastName } } } }');
    expectNoErrors(inbox);
    expect(inbox.data!.placementRequests.nodes).toEqual([{ status: 'PENDING', kind: 'ORDINARY', minor: { firstName: 'Luca', lastName: 'Verdi' } }]);
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw', service: DEMO.serviceId });
    const mine = await hub.gql(sw, 'query { placementRequests { nodes { status } } }');
    expect(mine.data!.placementRequests.nodes.map((n: { status: string }) => n.status).sort()).toEqual(['ACCEPTED', 'ACCEPTED', 'PENDING']);
  });

  it("rewrites the region's data-quality flags before its first API write, so no request of the loader pays for the whole region", async () => {
    // ASMI stamps quality_state at each rewrite of every flag; the loader's first API write is the structure RM-C001.
    const admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ computedOn: string; beforeFirstWrite: boolean }>(
        `SELECT to_char(q.computed_on, 'YYYY-MM-DD') AS "computedOn", q.computed_at < (SELECT created_at FROM asso.structure WHERE code = $1) AS "beforeFirstWrite"
           FROM asmi.quality_state q WHERE q.id = 1`,
        [DEMO.structures[0].code],
      );
      expect(rows).toEqual([{ computedOn: todayInRome(), beforeFirstWrite: true }]);
    } finally {
      await admin.end();
    }
  });
});
