/**
 * Notifications (docs/privacy.md §3a; design in docs/architecture.md
 * "Notifications") through the gateway on real PostgreSQL: each event kind
 * reaches the services holding the minor's case, request outcomes the
 * requesting service, new requests the structure; nothing is lost while
 * SINBA (needed to address them) is down; with NOTIFY_NATS_URL each one is
 * also published to NATS JetStream.
 */
import pino from 'pino';
import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { startSinba } from '../../subgraphs/sinba/src/server';
import type { ModuleHandle } from '@shared/graphql';
import { addDays } from '@shared/time';
import { covers } from '../support/coverage';
import { eventually, expectNoErrors, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/startHub';

let today = '2026-04-01';
const clock = () => today;
const LIST = 'query($unreadOnly: Boolean, $first: Int, $after: String) { notifications(unreadOnly: $unreadOnly, first: $first, after: $after) { nodes { id kind at read minor { id firstName } placement { id } request { id status } } pageInfo { endCursor hasNextPage } unreadCount } }';

type Note = { id: string; kind: string; at: string; read: boolean; minor: { id: string; firstName: string | null } | null; placement: { id: string } | null; request: { id: string; status: string } | null };

async function notes(hub: TestHub, token: string, unreadOnly = false): Promise<{ nodes: Note[]; unreadCount: number }> {
  const res = await hub.gql(token, LIST, { unreadOnly, first: 100 });
  expectNoErrors(res);
  return res.data!.notifications;
}

/** Waits until the recipient has a notification of that kind for that minor. */
function arrives(hub: TestHub, token: string, kind: string, minorId: string): Promise<Note> {
  return eventually(async () => (await notes(hub, token)).nodes.find((n) => n.kind === kind && n.minor?.id === minorId));
}

describe('notifications', () => {
  let hub: TestHub;
  /** SINBA restarted by the outage test (the hub's handle stops only the one it started). */
  let restarted: ModuleHandle | null = null;
  const sw = (service: string) => hub.token({ role: 'SOCIAL_WORKER', sub: `sw-${service}`, service });
  const so = (structure: string) => hub.token({ role: 'STRUCTURE_OPERATOR', sub: `op-${structure}`, structure });

  beforeAll(async () => {
    hub = await startTestHub({ clock, env: { NOTIFY_INTERVAL_MS: '100' } });
    await registerActiveStructure(hub, 'NT-C1');
    await registerActiveStructure(hub, 'NT-C2');
  }, 120_000);
  afterAll(async () => {
    await restarted?.stop();
    await hub?.stop();
  });

  it('admission, absence, unauthorised departure and discharge reach every service holding the case; request outcomes reach the requester; a new request the structure', async () => {
    today = '2026-04-01';
    const { minorId } = await registerMinorWithCase(hub, 'S-NT-A', { firstName: 'Nina' });
    const other = await registerMinorWithCase(hub, 'S-NT-B');
    const requestId = await requestPlacement(hub, 'S-NT-A', minorId, 'NT-C1');
    const requested = await arrives(hub, so('NT-C1'), 'PLACEMENT_REQUESTED', minorId);
    expect(requested).toMatchObject({ read: false, minor: { firstName: 'Nina' }, request: { id: requestId, status: 'PENDING' } });

    const admit = await hub.gql(so('NT-C1'), 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
      input: { minorId, structureCode: 'NT-C1', admissionDate: '2026-03-30', kind: 'ORDINARY', requestId },
    });
    expectNoErrors(admit);
    const placementId = admit.data!.admitMinor.id;
    const accepted = await arrives(hub, sw('S-NT-A'), 'REQUEST_ACCEPTED', minorId);
    expect(accepted).toMatchObject({ placement: { id: placementId }, request: { id: requestId, status: 'ACCEPTED' }, minor: { firstName: 'Nina' } });
    expect(await arrives(hub, sw('S-NT-A'), 'ADMISSION', minorId)).toMatchObject({ placement: { id: placementId } });

    for (const [kind, input] of [
      ['ABSENCE', { placementId, kind: 'HOSPITALISATION', startDate: '2026-03-31', endDate: '2026-03-31' }],
      ['UNAUTHORISED_DEPARTURE', { placementId, kind: 'UNAUTHORISED_DEPARTURE', startDate: '2026-04-01' }],
    ] as const) {
      expectNoErrors(await hub.gql(so('NT-C1'), 'mutation($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id } }', { input }));
      expect(await arrives(hub, sw('S-NT-A'), kind, minorId)).toMatchObject({ placement: { id: placementId } });
    }
    today = '2026-04-02';
    expectNoErrors(await hub.gql(so('NT-C1'), 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', { input: { placementId, dischargeDate: '2026-04-02', dischargeOutcome: 'RETURN_TO_FAMILY' } }));
    await arrives(hub, sw('S-NT-A'), 'DISCHARGE', minorId);

    // Declined: the requesting service is told.
    const r2 = await requestPlacement(hub, 'S-NT-B', other.minorId, 'NT-C2');
    expectNoErrors(await hub.gql(so('NT-C2'), 'mutation($input: DeclinePlacementRequestInput!) { declinePlacementRequest(input: $input) { id } }', { input: { requestId: r2, reason: 'Posti esauriti' } }));
    expect(await arrives(hub, sw('S-NT-B'), 'REQUEST_DECLINED', other.minorId)).toMatchObject({ request: { id: r2, status: 'DECLINED' } });

    // Withdrawn: the structure is told, and no longer reads about whom (REQUESTED ended).
    const r3 = await requestPlacement(hub, 'S-NT-B', other.minorId, 'NT-C1');
    expectNoErrors(await hub.gql(sw('S-NT-B'), 'mutation($input: WithdrawPlacementRequestInput!) { withdrawPlacementRequest(input: $input) { id } }', { input: { requestId: r3 } }));
    const withdrawn = await eventually(async () => (await hub.gql(so('NT-C1'), LIST, { first: 100 })).data!.notifications.nodes.find((n: Note) => n.kind === 'REQUEST_WITHDRAWN'));
    expect(withdrawn).toMatchObject({ kind: 'REQUEST_WITHDRAWN', minor: null, request: null, read: false });

    // Nobody else: a service without the case gets nothing about Nina.
    expect((await notes(hub, sw('S-NT-B'))).nodes.some((n) => n.minor?.id === minorId)).toBe(false);
  });

  it('marks read only the caller\'s own notifications; the unread count follows; pages by cursor', async () => {
    const mine = await notes(hub, sw('S-NT-A'));
    expect(mine.unreadCount).toBeGreaterThanOrEqual(5);
    const theirs = await notes(hub, sw('S-NT-B'));
    const none = await hub.gql(sw('S-NT-A'), 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: theirs.nodes.map((n) => n.id) });
    expect(none.data!.markNotificationsRead).toBe(0);
    const two = mine.nodes.slice(0, 2).map((n) => n.id);
    const marked = await hub.gql(sw('S-NT-A'), 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: two });
    expect(covers('Mutation.markNotificationsRead', 'SOCIAL_WORKER', marked)).toBe(2);
    const after = await notes(hub, sw('S-NT-A'), true);
    expect(after.unreadCount).toBe(mine.unreadCount - 2);
    expect(after.nodes.some((n) => two.includes(n.id))).toBe(false);

    const page1 = await hub.gql(sw('S-NT-A'), LIST, { first: 2 });
    const page2 = await hub.gql(sw('S-NT-A'), LIST, { first: 2, after: page1.data!.notifications.pageInfo.endCursor });
    expect(covers('Query.notifications', 'SOCIAL_WORKER', page1).pageInfo.hasNextPage).toBe(true);
    const ids = [...page1.data!.notifications.nodes, ...page2.data!.notifications.nodes].map((n: Note) => n.id);
    expect(new Set(ids).size).toBe(4);
    expect((await hub.gql(hub.token({ role: 'REGIONAL_ANALYST', sub: 'ra' }), LIST, {})).errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('a request nobody acted upon expires after 30 days and the requesting service is told', async () => {
    today = '2026-04-01';
    const { minorId } = await registerMinorWithCase(hub, 'S-NT-E');
    await requestPlacement(hub, 'S-NT-E', minorId, 'NT-C2');
    today = addDays('2026-04-01', 30);
    const n = await arrives(hub, sw('S-NT-E'), 'REQUEST_EXPIRED', minorId);
    expect(n.request!.status).toBe('EXPIRED');
  });

  it('counts the dispatcher\'s calls to SINBA as background work, not as request statements (statement-count tests stay exact)', async () => {
    today = '2026-04-01';
    const { minorId } = await registerMinorWithCase(hub, 'S-NT-BG');
    const requestId = await requestPlacement(hub, 'S-NT-BG', minorId, 'NT-C1');
    const admit = await hub.gql(so('NT-C1'), 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', { input: { minorId, structureCode: 'NT-C1', admissionDate: '2026-03-25', kind: 'ORDINARY', requestId } });
    expectNoErrors(admit);
    const admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    try {
      const drained = () => eventually(async () => Number((await admin.query('SELECT count(*) AS n FROM asmi.notification_outbox WHERE delivered_at IS NULL')).rows[0].n) === 0);
      await drained();
      hub.handle.modules.sinba.counter.reset();
      expectNoErrors(await hub.gql(so('NT-C1'), 'mutation($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id } }', { input: { placementId: admit.data!.admitMinor.id, kind: 'AUTHORISED_ABSENCE', startDate: '2026-03-28', endDate: '2026-03-29' } }));
      await drained();
      expect(Number((await admin.query(`SELECT count(*) AS n FROM asmi.notification WHERE kind = 'ABSENCE' AND minor_id = $1 AND recipient = 'S-NT-BG'`, [minorId])).rows[0].n)).toBe(1);
      expect(hub.handle.modules.sinba.counter.value).toBe(0);
    } finally {
      await admin.end();
    }
  });

  it('loses nothing while SINBA is down: the discharge recorded then is delivered once SINBA answers again', async () => {
    today = '2026-04-01';
    const { minorId } = await registerMinorWithCase(hub, 'S-NT-D');
    const requestId = await requestPlacement(hub, 'S-NT-D', minorId, 'NT-C2');
    const admit = await hub.gql(so('NT-C2'), 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', { input: { minorId, structureCode: 'NT-C2', admissionDate: '2026-03-20', kind: 'ORDINARY', requestId } });
    expectNoErrors(admit);
    await arrives(hub, sw('S-NT-D'), 'ADMISSION', minorId);

    await hub.handle.modules.sinba.stop();
    {
      // ASMI records the discharge without SINBA; addressing its notification needs SINBA.
      const discharge = await hub.gql(so('NT-C2'), 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', {
        input: { placementId: admit.data!.admitMinor.id, dischargeDate: '2026-04-01', dischargeOutcome: 'RETURN_TO_FAMILY' },
      });
      expectNoErrors(discharge);
      await new Promise((r) => setTimeout(r, 1000));
      const admin = new Client({ connectionString: hub.db.adminUrl });
      await admin.connect();
      try {
        const waiting = await admin.query(`SELECT attempts FROM asmi.notification_outbox WHERE kind = 'DISCHARGE' AND minor_id = $1 AND delivered_at IS NULL`, [minorId]);
        expect(waiting.rows).toHaveLength(1);
        expect(waiting.rows[0].attempts).toBeGreaterThanOrEqual(1);
      } finally {
        await admin.end();
      }
      restarted = await startSinba(hub.config, pino({ level: 'silent' }), { clock });
      expect(await arrives(hub, sw('S-NT-D'), 'DISCHARGE', minorId)).toMatchObject({ placement: { id: admit.data!.admitMinor.id } });
    }
  }, 60_000);
});

describe('notifications published to NATS JetStream (NOTIFY_NATS_URL)', () => {
  const NATS_URL = process.env.NOTIFY_NATS_TEST_URL ?? 'nats://127.0.0.1:4222';
  const suffix = `${process.pid}${Date.now().toString(36)}`;
  const prefix = `sirmitest.${suffix}`;
  const stream = `SIRMI_TEST_${suffix}`;
  let hub: TestHub;
  let nc: NatsConnection;

  beforeAll(async () => {
    hub = await startTestHub({ clock, env: { NOTIFY_INTERVAL_MS: '100', NOTIFY_NATS_URL: NATS_URL, NOTIFY_NATS_SUBJECT_PREFIX: prefix, NOTIFY_NATS_STREAM: stream } });
    await registerActiveStructure(hub, 'NTS-C1');
    nc = await connect({ servers: NATS_URL });
  }, 120_000);
  afterAll(async () => {
    await (await nc?.jetstreamManager())?.streams.delete(stream).catch(() => undefined);
    await nc?.close();
    await hub?.stop();
  });

  it('publishes each notification on the recipient\'s subject with its id as Nats-Msg-Id', async () => {
    today = '2026-04-01';
    const { minorId } = await registerMinorWithCase(hub, 'S-NATS');
    const requestId = await requestPlacement(hub, 'S-NATS', minorId, 'NTS-C1');
    const op = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op', structure: 'NTS-C1' });
    expectNoErrors(await hub.gql(op, 'mutation($input: DeclinePlacementRequestInput!) { declinePlacementRequest(input: $input) { id } }', { input: { requestId, reason: 'no' } }));
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw', service: 'S-NATS' });
    const note = await arrives(hub, sw, 'REQUEST_DECLINED', minorId);

    const jsm = await nc.jetstreamManager();
    // The last message stored on the service's subject (published at least once, after delivery).
    const stored = await eventually(() => jsm.streams.getMessage(stream, { last_by_subj: `${prefix}.service.S-NATS` }).catch(() => null));
    expect(stored.subject).toBe(`${prefix}.service.S-NATS`);
    expect(stored.header.get('Nats-Msg-Id')).toBe(note.id);
    const body = JSON.parse(new TextDecoder().decode(stored.data));
    expect(body).toMatchObject({ id: note.id, kind: 'REQUEST_DECLINED', minorId, requestId });
    expect(JSON.stringify(body)).not.toMatch(/firstName|fiscal/i);
    // The structure's notification went to its own subject.
    const forStructure = await eventually(() => jsm.streams.getMessage(stream, { last_by_subj: `${prefix}.structure.NTS-C1` }).catch(() => null));
    expect(JSON.parse(new TextDecoder().decode(forStructure.data)).kind).toBe('PLACEMENT_REQUESTED');
    // A second publication of the same id is dropped by the stream (Nats-Msg-Id de-duplication).
    const again = await nc.jetstream().publish(stored.subject, stored.data, { msgID: note.id });
    expect(again.duplicate).toBe(true);
  });
});
