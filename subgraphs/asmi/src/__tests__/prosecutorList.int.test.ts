import type { Principal } from '@shared/auth';
import { startThreeModules, type ThreeModules } from './support/threeModules';

/*
 * The six-monthly list owed to the juvenile prosecutor (L. 184/1983 art. 9),
 * through the real ASMI, ASSO and SINBA subgraphs. Masking per row is the
 * gateway's (test/e2e/prosecutorList.e2e.test.ts); here: which placements,
 * which dates and flags, who may ask, bad input.
 */
const TODAY = '2024-09-15';
const clock = () => TODAY;

const SW: Principal = { role: 'SOCIAL_WORKER', sub: 'sw', serviceId: 'S1' };
const op = (structureCode: string): Principal => ({ role: 'STRUCTURE_OPERATOR', sub: `op-${structureCode}`, structureCode });

const ADMIT = 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }';
const DISCHARGE = 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }';
const LIST = `query($s: ID!, $y: Int!, $h: Int!) { prosecutorList(structureCode: $s, year: $y, half: $h) {
  structure { code } year half periodStart periodEnd generatedOn
  rows { id admittedBeforePeriod dischargedAfterPeriod minorPseudonym minorBirthDate minorSex minorCitizenship identityNote
    minor { id }
    placement { id admissionDate dischargeDate kind legalBasis courtOrderReference referringService } } } }`;

interface Row {
  id: string;
  admittedBeforePeriod: boolean;
  dischargedAfterPeriod: boolean;
  minorPseudonym: string;
  minorBirthDate: string;
  minorSex: string;
  minorCitizenship: string;
  identityNote: string | null;
  minor: { id: string };
  placement: { id: string; admissionDate: string; dischargeDate: string | null; kind: string; legalBasis: string | null; courtOrderReference: string | null; referringService: string | null };
}

describe('prosecutorList (L. 184/1983 art. 9) against real PostgreSQL, ASSO and SINBA', () => {
  let hub: ThreeModules;
  const ids: Record<string, string> = {};

  const call = (principal: Principal, query: string, variables: Record<string, unknown> = {}) => hub.call('asmi', principal, query, variables);
  async function place(key: string, structureCode: string, admissionDate: string, dischargeDate: string | null, extra: Record<string, unknown> = {}, minorId?: string) {
    const m = minorId ?? (await hub.registerMinor('2010-04-05', 'F'));
    const adm = await call(op(structureCode), ADMIT, { input: { minorId: m, structureCode, admissionDate, kind: 'ORDINARY', ...extra } });
    expect(adm.errors).toBeUndefined();
    ids[key] = (adm.data as any).admitMinor.id;
    if (dischargeDate) {
      const dis = await call(op(structureCode), DISCHARGE, { input: { placementId: ids[key], dischargeDate, dischargeOutcome: 'OTHER_STRUCTURE' } });
      expect(dis.errors).toBeUndefined();
    }
    return m;
  }
  const list = async (principal: Principal, s: string, y: number, h: number) => call(principal, LIST, { s, y, h });
  const rowsOf = async (s: string, y: number, h: number): Promise<Row[]> => {
    const res = await list(op(s), s, y, h);
    expect(res.errors).toBeUndefined();
    return (res.data as any).prosecutorList.rows;
  };

  beforeAll(async () => {
    hub = await startThreeModules(clock);
    await hub.registerStructure('PL-X');
    await hub.registerStructure('PL-Y');
    // PL-X, first half of 2024 (January 1 to June 30):
    await place('crossesStart', 'PL-X', '2023-11-01', '2024-02-01', { legalBasis: 'COURT_ORDER', courtOrderReference: 'TM Roma 123/2023', referringService: 'S1' });
    await place('crossesEnd', 'PL-X', '2024-05-01', null, { legalBasis: 'CONSENSUAL' });
    await place('inside', 'PL-X', '2024-02-10', '2024-03-10');
    await place('before', 'PL-X', '2023-01-01', '2023-12-31');
    await place('dischargedOnFirstDay', 'PL-X', '2023-10-01', '2024-01-01');
    await place('after', 'PL-X', '2024-07-02', null);
    // A transfer on the boundary day: out of PL-X and into PL-Y on July 1.
    const t = await place('transferOut', 'PL-X', '2024-03-01', '2024-07-01');
    await place('transferIn', 'PL-Y', '2024-07-01', null, {}, t);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('lists the placements with a day in the half-year, crossing its start or its end, with their real dates', async () => {
    const res = await list(op('PL-X'), 'PL-X', 2024, 1);
    expect(res.errors).toBeUndefined();
    const l = (res.data as any).prosecutorList;
    expect(l).toMatchObject({ structure: { code: 'PL-X' }, year: 2024, half: 1, periodStart: '2024-01-01', periodEnd: '2024-06-30', generatedOn: TODAY });
    const rows: Row[] = l.rows;
    expect(rows.map((r) => r.id)).toEqual([ids.crossesStart, ids.inside, ids.transferOut, ids.crossesEnd]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.crossesStart)).toMatchObject({
      admittedBeforePeriod: true,
      dischargedAfterPeriod: false,
      placement: { admissionDate: '2023-11-01', dischargeDate: '2024-02-01', kind: 'ORDINARY', legalBasis: 'COURT_ORDER', courtOrderReference: 'TM Roma 123/2023', referringService: 'S1' },
    });
    expect(byId.get(ids.crossesEnd)).toMatchObject({ admittedBeforePeriod: false, dischargedAfterPeriod: true, placement: { admissionDate: '2024-05-01', dischargeDate: null, legalBasis: 'CONSENSUAL' } });
    expect(byId.get(ids.inside)).toMatchObject({ admittedBeforePeriod: false, dischargedAfterPeriod: false });
  });

  it('leaves out placements wholly outside the half-year and one discharged on its first day', async () => {
    const rows = await rowsOf('PL-X', 2024, 1);
    for (const key of ['before', 'after', 'dischargedOnFirstDay']) expect(rows.map((r) => r.id)).not.toContain(ids[key]);
    expect((await rowsOf('PL-X', 2023, 2)).map((r) => r.id)).toEqual(expect.arrayContaining([ids.before, ids.dischargedOnFirstDay, ids.crossesStart]));
  });

  it('puts a transfer on July 1 on the first half of the structure left and on the second half of the structure entered', async () => {
    const xFirst = (await rowsOf('PL-X', 2024, 1)).find((r) => r.id === ids.transferOut);
    expect(xFirst).toMatchObject({ dischargedAfterPeriod: true, placement: { dischargeDate: '2024-07-01' } });
    expect((await rowsOf('PL-X', 2024, 2)).map((r) => r.id)).not.toContain(ids.transferOut);
    expect(await rowsOf('PL-Y', 2024, 1)).toEqual([]);
    const ySecond = await rowsOf('PL-Y', 2024, 2);
    expect(ySecond.map((r) => r.id)).toEqual([ids.transferIn]);
    expect(ySecond[0]).toMatchObject({ admittedBeforePeriod: false, dischargedAfterPeriod: true });
  });

  it('gives pseudonym and quasi-identifiers on every row, and no identity note while the list is owed (docs/privacy.md §11 PROSECUTOR_LIST)', async () => {
    const rows = await rowsOf('PL-X', 2024, 1);
    for (const r of rows) expect(r).toMatchObject({ minorBirthDate: '2010-04-05', minorSex: 'F', minorCitizenship: '100', minorPseudonym: expect.stringMatching(/^[A-Z2-7]{32}$/) });
    // 2024 H1 is owed until 2024-12-31 (today 2024-09-15): complete in every row, HOSTING or not.
    for (const r of rows) expect(r.identityNote).toBeNull();
  });

  it('is FORBIDDEN to another structure operator and to a social worker, UNAUTHENTICATED to anonymous callers', async () => {
    for (const p of [op('PL-Y'), SW, { role: 'REGIONAL_ANALYST', sub: 'a' } as Principal]) {
      const res = await list(p, 'PL-X', 2024, 1);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    expect((await list({ role: 'ANONYMOUS' }, 'PL-X', 2024, 1)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a half other than 1 or 2, and a half-year not started, with BAD_USER_INPUT on the field', async () => {
    const field = async (y: number, h: number) => {
      const res = await list(op('PL-X'), 'PL-X', y, h);
      return { code: res.errors?.[0].extensions?.code, field: res.errors?.[0].extensions?.field };
    };
    expect(await field(2024, 3)).toEqual({ code: 'BAD_USER_INPUT', field: 'half' });
    expect(await field(2025, 1)).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(await field(1900, 1)).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('reads the list in a fixed number of statements, whatever its length', async () => {
    hub.asmi.counter.reset();
    await rowsOf('PL-X', 2024, 1);
    const one = hub.asmi.counter.value;
    hub.asmi.counter.reset();
    await rowsOf('PL-X', 2024, 2);
    expect(hub.asmi.counter.value).toBe(one);
  });
});
