import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { startThreeModules, type ThreeModules } from './support/threeModules';

const TODAY = '2024-06-15';
const clock = () => TODAY;

const SW: Principal = { role: 'SOCIAL_WORKER', sub: 'sw', serviceId: 'S1' };
const op = (structureCode: string): Principal => ({ role: 'STRUCTURE_OPERATOR', sub: `op-${structureCode}`, structureCode });

const ADMIT = 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }';
const DISCHARGE = 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }';
const RECORD = 'mutation($input: RecordAbsenceInput!) { recordAbsence(input: $input) { id kind startDate endDate notes } }';
const END = 'mutation($input: EndAbsenceInput!) { endAbsence(input: $input) { id startDate endDate } }';

describe('ASMI absences and activities against real PostgreSQL, ASSO and SINBA', () => {
  let hub: ThreeModules;
  let asmi: ModuleHandle;

  const asmiCall = (principal: Principal, query: string, variables: Record<string, unknown> = {}) => hub.call('asmi', principal, query, variables);
  const err = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => ({ code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field });
  const structure = (code: string) => hub.registerStructure(code);
  async function placement(structureCode: string, admissionDate: string): Promise<string> {
    const minorId = await hub.registerMinor();
    const adm = await asmiCall(op(structureCode), ADMIT, { input: { minorId, structureCode, admissionDate, kind: 'ORDINARY' } });
    expect(adm.errors).toBeUndefined();
    return (adm.data as any).admitMinor.id;
  }

  const absence = (structureCode: string, placementId: string, startDate: string, endDate: string | null = null, kind = 'UNAUTHORISED_DEPARTURE') =>
    asmiCall(op(structureCode), RECORD, { input: { placementId, kind, startDate, endDate, notes: 'free text' } });

  beforeAll(async () => {
    hub = await startThreeModules(clock);
    ({ asmi } = hub);
    await structure('AB-1');
    await structure('AB-2');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('records an open departure, ends it, and lists it on the placement', async () => {
    const pid = await placement('AB-1', '2024-01-10');
    const rec = await absence('AB-1', pid, '2024-02-01');
    expect(rec.errors).toBeUndefined();
    const a = (rec.data as any).recordAbsence;
    expect(a).toMatchObject({ kind: 'UNAUTHORISED_DEPARTURE', startDate: '2024-02-01', endDate: null, notes: 'free text' });
    const end = await asmiCall(op('AB-1'), END, { input: { absenceId: a.id, endDate: '2024-02-03' } });
    expect(end.errors).toBeUndefined();
    expect((end.data as any).endAbsence).toMatchObject({ startDate: '2024-02-01', endDate: '2024-02-03' });
    expect(err(await asmiCall(op('AB-1'), END, { input: { absenceId: a.id, endDate: '2024-02-04' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'absenceId' });
    const list = await asmiCall(op('AB-1'), '{ placement(id: "' + pid + '") { absences { id endDate } } }');
    expect((list.data as any).placement.absences).toEqual([{ id: a.id, endDate: '2024-02-03' }]);
  });

  it('refuses overlapping absences (BAD_USER_INPUT) and writes nothing', async () => {
    const pid = await placement('AB-1', '2024-01-10');
    expect((await absence('AB-1', pid, '2024-03-01', '2024-03-05')).errors).toBeUndefined();
    expect(err(await absence('AB-1', pid, '2024-03-05', '2024-03-06'))).toEqual({ code: 'BAD_USER_INPUT', field: 'startDate' });
    expect(err(await absence('AB-1', pid, '2024-02-20'))).toEqual({ code: 'BAD_USER_INPUT', field: 'startDate' });
    expect((await absence('AB-1', pid, '2024-03-06', '2024-03-06', 'AUTHORISED_ABSENCE')).errors).toBeUndefined();
    const [{ n }] = await asmi.dataSource.query('SELECT count(*)::int AS n FROM asmi.absence WHERE placement_id = $1', [pid]);
    expect(n).toBe(2);
    // the database holds the rule too
    await expect(
      asmi.dataSource.query("INSERT INTO asmi.absence (placement_id, kind, start_date, end_date, created_by, updated_by) VALUES ($1, 'OTHER', '2024-03-02', '2024-03-02', 't', 't')", [pid]),
    ).rejects.toMatchObject({ code: '23P01' });
  });

  it('refuses dates outside the placement, in the future, or reversed, with INVALID_DATE_RANGE', async () => {
    const pid = await placement('AB-1', '2024-01-10');
    expect(err(await absence('AB-1', pid, '2024-01-09', '2024-01-11'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
    expect(err(await absence('AB-1', pid, '2024-06-16'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'startDate' });
    expect(err(await absence('AB-1', pid, '2024-02-01', '2024-06-16'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect(err(await absence('AB-1', pid, '2024-02-05', '2024-02-01'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect((await asmiCall(op('AB-1'), DISCHARGE, { input: { placementId: pid, dischargeDate: '2024-04-01', dischargeOutcome: 'OTHER_STRUCTURE' } })).errors).toBeUndefined();
    expect(err(await absence('AB-1', pid, '2024-03-30'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect(err(await absence('AB-1', pid, '2024-03-30', '2024-04-02'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect((await absence('AB-1', pid, '2024-03-30', '2024-04-01')).errors).toBeUndefined();
    const [{ n }] = await asmi.dataSource.query('SELECT count(*)::int AS n FROM asmi.absence WHERE placement_id = $1', [pid]);
    expect(n).toBe(1);
  });

  it('refuses an unknown kind, an unknown placement, another structure and other roles', async () => {
    const pid = await placement('AB-1', '2024-01-10');
    expect(err(await absence('AB-1', pid, '2024-02-01', null, 'HOLIDAY'))).toEqual({ code: 'INVALID_CODE', field: 'kind' });
    expect(err(await absence('AB-1', '00000000-0000-4000-8000-000000000000', '2024-02-01'))).toEqual({ code: 'NOT_FOUND', field: 'placementId' });
    expect(err(await absence('AB-1', 'not-a-uuid', '2024-02-01'))).toEqual({ code: 'BAD_USER_INPUT', field: 'placementId' });
    expect(err(await absence('AB-2', pid, '2024-02-01')).code).toBe('FORBIDDEN');
    expect(err(await asmiCall(SW, RECORD, { input: { placementId: pid, kind: 'OTHER', startDate: '2024-02-01' } })).code).toBe('FORBIDDEN');
    const rec = await absence('AB-1', pid, '2024-02-01');
    const id = (rec.data as any).recordAbsence.id;
    expect(err(await asmiCall(op('AB-2'), END, { input: { absenceId: id, endDate: '2024-02-02' } })).code).toBe('FORBIDDEN');
    expect(err(await asmiCall(op('AB-1'), END, { input: { absenceId: id, endDate: '2024-01-31' } }))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect(err(await asmiCall(op('AB-1'), END, { input: { absenceId: '00000000-0000-4000-8000-000000000000', endDate: '2024-02-02' } })).code).toBe('NOT_FOUND');
    const [{ n }] = await asmi.dataSource.query('SELECT count(*)::int AS n FROM asmi.absence WHERE placement_id = $1 AND end_date IS NULL', [pid]);
    expect(n).toBe(1);
  });

  it('loads the absences of many placements in one statement, only for the caller\'s structure', async () => {
    const ids = [await placement('AB-2', '2024-01-10'), await placement('AB-2', '2024-01-10'), await placement('AB-2', '2024-01-10')];
    for (const pid of ids) expect((await absence('AB-2', pid, '2024-02-01', '2024-02-02')).errors).toBeUndefined();
    const q = '{ s: _entities(representations: $reps) { ... on Placement { id absences { id } } } }'.replace('{ s:', 'query($reps: [_Any!]!) { s:');
    const reps = ids.map((id) => ({ __typename: 'Placement', id }));
    asmi.counter.reset();
    const res = await asmiCall(op('AB-2'), q, { reps });
    expect(res.errors).toBeUndefined();
    expect((res.data as any).s.map((p: any) => p.absences.length)).toEqual([1, 1, 1]);
    expect(asmi.counter.value).toBe(2); // placements by id + absences by placement ids
    const other = await asmiCall(op('AB-1'), q, { reps });
    expect((other.data as any).s).toEqual([null, null, null]);
  });
  const ACTIVITY = 'mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id type date endDate notes } }';
  const activity = (structureCode: string, placementId: string, date: string, endDate: string | null = null, type = 'SCHOOL') =>
    asmiCall(op(structureCode), ACTIVITY, { input: { placementId, type, date, endDate, notes: 'free text' } });

  it('closes an open absence at discharge and refuses a discharge before recorded absences or activities', async () => {
    const pid = await placement('AB-1', '2024-01-10');
    const open = (await absence('AB-1', pid, '2024-05-01')).data as any;
    expect((await asmiCall(op('AB-1'), 'mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id } }', { input: { placementId: pid, type: 'SCHOOL', date: '2024-04-20' } })).errors).toBeUndefined();
    const early = await asmiCall(op('AB-1'), DISCHARGE, { input: { placementId: pid, dischargeDate: '2024-04-10', dischargeOutcome: 'OTHER_STRUCTURE' } });
    expect(err(early)).toEqual({ code: 'INVALID_DATE_RANGE', field: 'dischargeDate' });
    expect((await asmiCall(op('AB-1'), DISCHARGE, { input: { placementId: pid, dischargeDate: '2024-05-10', dischargeOutcome: 'OTHER_STRUCTURE' } })).errors).toBeUndefined();
    const [row] = await asmi.dataSource.query("SELECT to_char(end_date, 'YYYY-MM-DD') AS e FROM asmi.absence WHERE id = $1", [open.recordAbsence.id]);
    expect(row.e).toBe('2024-05-10');
  });

  it('records activities (overlapping allowed) and lists them on the placement', async () => {
    const pid = await placement('AB-1', '2024-01-10');
    const a = await activity('AB-1', pid, '2024-02-01', '2024-06-15');
    expect(a.errors).toBeUndefined();
    expect((a.data as any).recordActivity).toMatchObject({ type: 'SCHOOL', date: '2024-02-01', endDate: '2024-06-15', notes: 'free text' });
    expect((await activity('AB-1', pid, '2024-03-01', null, 'FAMILY_CONTACT')).errors).toBeUndefined();
    const list = await asmiCall(op('AB-1'), '{ placement(id: "' + pid + '") { activities { type date } } }');
    expect((list.data as any).placement.activities).toEqual([{ type: 'SCHOOL', date: '2024-02-01' }, { type: 'FAMILY_CONTACT', date: '2024-03-01' }]);
  });

  it('refuses activities outside the placement, in the future, with an unknown type or from another structure', async () => {
    const pid = await placement('AB-1', '2024-01-10');
    expect(err(await activity('AB-1', pid, '2024-01-09'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'date' });
    expect(err(await activity('AB-1', pid, '2024-06-16'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'date' });
    expect(err(await activity('AB-1', pid, '2024-02-02', '2024-02-01'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    expect(err(await activity('AB-1', pid, '2024-02-02', null, 'PARTY'))).toEqual({ code: 'INVALID_CODE', field: 'type' });
    expect(err(await activity('AB-2', pid, '2024-02-02')).code).toBe('FORBIDDEN');
    expect(err(await asmiCall(SW, ACTIVITY, { input: { placementId: pid, type: 'SCHOOL', date: '2024-02-02' } })).code).toBe('FORBIDDEN');
    expect(err(await activity('AB-1', '00000000-0000-4000-8000-000000000000', '2024-02-02')).code).toBe('NOT_FOUND');
    expect((await asmiCall(op('AB-1'), DISCHARGE, { input: { placementId: pid, dischargeDate: '2024-04-01', dischargeOutcome: 'OTHER_STRUCTURE' } })).errors).toBeUndefined();
    expect(err(await activity('AB-1', pid, '2024-04-02'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'date' });
    expect(err(await activity('AB-1', pid, '2024-03-02', '2024-04-02'))).toEqual({ code: 'INVALID_DATE_RANGE', field: 'endDate' });
    const [{ n }] = await asmi.dataSource.query('SELECT count(*)::int AS n FROM asmi.activity WHERE placement_id = $1', [pid]);
    expect(n).toBe(0);
  });

  it('loads the activities of many placements in one statement', async () => {
    const ids = [await placement('AB-2', '2024-01-10'), await placement('AB-2', '2024-01-10')];
    for (const pid of ids) expect((await activity('AB-2', pid, '2024-02-01')).errors).toBeUndefined();
    const q = 'query($reps: [_Any!]!) { s: _entities(representations: $reps) { ... on Placement { id activities { id } } } }';
    asmi.counter.reset();
    const res = await asmiCall(op('AB-2'), q, { reps: ids.map((id) => ({ __typename: 'Placement', id })) });
    expect((res.data as any).s.map((p: any) => p.activities.length)).toEqual([1, 1]);
    expect(asmi.counter.value).toBe(2);
  });
  it('computes EMERGENCY_OVER_LIMIT on the placement (today 2024-06-15)', async () => {
    const minorId = await hub.registerMinor('2011-05-05', 'F');
    const adm = await asmiCall(op('AB-1'), ADMIT, { input: { minorId, structureCode: 'AB-1', admissionDate: '2024-04-01', kind: 'EMERGENCY' } });
    expect(adm.errors).toBeUndefined();
    const pid = (adm.data as any).admitMinor.id;
    const pOrd = await placement('AB-1', '2024-01-01');
    const res = await asmiCall(op('AB-1'), `{ a: placement(id: "${pid}") { qualityFlags } b: placement(id: "${pOrd}") { qualityFlags } }`);
    // Neither minor has a case in SINBA, so both placements (over 30 days old) also carry NO_OPEN_CASE (qualityFlags.int.test.ts).
    expect(res.data).toEqual({ a: { qualityFlags: ['EMERGENCY_OVER_LIMIT', 'NO_OPEN_CASE'] }, b: { qualityFlags: ['NO_OPEN_CASE'] } });
  });
  describe('submitEvents', () => {
    const SUBMIT = 'mutation($events: [StructureEventInput!]!) { submitEvents(events: $events) { clientEventId status replayed code field message placementId recordId } }';
    const counts = async () =>
      (await asmi.dataSource.query(
        "SELECT (SELECT count(*)::int FROM asmi.placement WHERE structure_code = 'EV-1') AS p, (SELECT count(*)::int FROM asmi.absence) AS a, (SELECT count(*)::int FROM asmi.activity) AS t, (SELECT count(*)::int FROM asmi.event_receipt) AS r",
      ))[0];

    it('applies the good events of a batch, rejects the bad ones alone, and replays the whole batch without changes', async () => {
      await structure('EV-1');
      const existing = await placement('EV-1', '2024-01-10');
      const minorId = await hub.registerMinor('2010-07-07', 'F');
      const events = [
        { clientEventId: 'e1', type: 'ADMISSION', admission: { minorId, structureCode: 'EV-1', admissionDate: '2024-05-01', kind: 'ORDINARY' } },
        { clientEventId: 'e2', type: 'ABSENCE', absence: { placementId: existing, kind: 'UNAUTHORISED_DEPARTURE', startDate: '2024-02-01', endDate: '2024-02-02', notes: 'n' } },
        { clientEventId: 'e3', type: 'ACTIVITY', activity: { placementId: existing, type: 'PARTY', date: '2024-02-01' } },
        { clientEventId: 'e4', type: 'ABSENCE', absence: { placementId: existing, kind: 'OTHER', startDate: '2024-02-02' } },
        { clientEventId: 'e5', type: 'ACTIVITY', activity: { placementId: existing, type: 'SCHOOL', date: '2024-02-01' } },
        { clientEventId: 'e6', type: 'ADMISSION', admission: { minorId, structureCode: 'AB-1', admissionDate: '2024-05-01', kind: 'ORDINARY' } },
        { clientEventId: 'e7', type: 'DISCHARGE', discharge: { placementId: existing, dischargeDate: '2024-06-01', dischargeOutcome: 'FAMILY_RETURN_NOPE' } },
        { clientEventId: 'e8', type: 'DISCHARGE', discharge: { placementId: existing, dischargeDate: '2024-06-01', dischargeOutcome: 'OTHER_STRUCTURE' } },
      ];
      const before = await counts();
      const res = await asmiCall(op('EV-1'), SUBMIT, { events });
      expect(res.errors).toBeUndefined();
      const out = (res.data as any).submitEvents;
      expect(out.map((r: any) => [r.clientEventId, r.status, r.code, r.field])).toEqual([
        ['e1', 'APPLIED', null, null],
        ['e2', 'APPLIED', null, null],
        ['e3', 'REJECTED', 'INVALID_CODE', 'type'],
        ['e4', 'REJECTED', 'BAD_USER_INPUT', 'startDate'],
        ['e5', 'APPLIED', null, null],
        ['e6', 'REJECTED', 'FORBIDDEN', null],
        ['e7', 'REJECTED', 'INVALID_CODE', 'dischargeOutcome'],
        ['e8', 'APPLIED', null, null],
      ]);
      expect(out[0].placementId).toMatch(/^[0-9a-f-]{36}$/);
      expect(out[1]).toMatchObject({ placementId: existing, replayed: false });
      const after = await counts();
      expect(after).toEqual({ p: before.p + 1, a: before.a + 1, t: before.t + 1, r: before.r + 4 });

      const replay = await asmiCall(op('EV-1'), SUBMIT, { events });
      const again = (replay.data as any).submitEvents;
      expect(again.map((r: any) => r.status)).toEqual(['REPLAYED', 'REPLAYED', 'REJECTED', 'REJECTED', 'REPLAYED', 'REJECTED', 'REJECTED', 'REPLAYED']);
      expect(again[0]).toMatchObject({ replayed: true, placementId: out[0].placementId, recordId: out[0].recordId });
      expect(again[1]).toMatchObject({ replayed: true, recordId: out[1].recordId });
      expect(await counts()).toEqual(after);
    });

    it('applies an event delivered twice at the same time exactly once', async () => {
      const pid = await placement('EV-1', '2024-01-10');
      const events = [{ clientEventId: 'dup-1', type: 'ACTIVITY', activity: { placementId: pid, type: 'LEISURE', date: '2024-03-03' } }];
      const [a, b] = await Promise.all([asmiCall(op('EV-1'), SUBMIT, { events }), asmiCall(op('EV-1'), SUBMIT, { events })]);
      const statuses = [(a.data as any).submitEvents[0].status, (b.data as any).submitEvents[0].status].sort();
      expect(statuses).toEqual(['APPLIED', 'REPLAYED']);
      expect((a.data as any).submitEvents[0].recordId).toBe((b.data as any).submitEvents[0].recordId);
      const [{ n }] = await asmi.dataSource.query('SELECT count(*)::int AS n FROM asmi.activity WHERE placement_id = $1', [pid]);
      expect(n).toBe(1);
      // another structure's event with the same client id is its own event
      const [{ r }] = await asmi.dataSource.query("SELECT count(*)::int AS r FROM asmi.event_receipt WHERE client_event_id = 'dup-1'");
      expect(r).toBe(1);
    });

    it('rejects malformed events one by one and refuses callers that are not structure operators', async () => {
      const res = await asmiCall(op('EV-1'), SUBMIT, {
        events: [
          { clientEventId: 'm1', type: 'ABSENCE' },
          { clientEventId: 'm2', type: 'ACTIVITY', activity: { placementId: 'x', type: 'SCHOOL', date: '2024-02-01' }, absence: { placementId: 'x', kind: 'OTHER', startDate: '2024-02-01' } },
          { clientEventId: '  ', type: 'ACTIVITY', activity: { placementId: 'x', type: 'SCHOOL', date: '2024-02-01' } },
          { clientEventId: 'm4', type: 'ACTIVITY', activity: { placementId: 'not-a-uuid', type: 'SCHOOL', date: '2024-02-01' } },
        ],
      });
      expect(res.errors).toBeUndefined();
      expect((res.data as any).submitEvents.map((r: any) => [r.status, r.code, r.field])).toEqual([
        ['REJECTED', 'BAD_USER_INPUT', 'absence'],
        ['REJECTED', 'BAD_USER_INPUT', 'absence'],
        ['REJECTED', 'BAD_USER_INPUT', 'clientEventId'],
        ['REJECTED', 'BAD_USER_INPUT', 'placementId'],
      ]);
      const bad = await asmiCall(op('EV-1'), SUBMIT, { events: [{ clientEventId: 'x', type: 'LUNCH' }] });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(err(await asmiCall(SW, SUBMIT, { events: [] })).code).toBe('FORBIDDEN');
      const many = Array.from({ length: 101 }, (_, i) => ({ clientEventId: `b${i}`, type: 'ABSENCE' }));
      expect(err(await asmiCall(op('EV-1'), SUBMIT, { events: many }))).toEqual({ code: 'BAD_USER_INPUT', field: 'events' });
    });
  });
});
