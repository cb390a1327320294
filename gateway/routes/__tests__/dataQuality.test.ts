import type { GatewayContext } from '../../context';
import type { Run } from '../exportKit';
import { DATA_QUALITY_HEADER, DATA_QUALITY_PAGE_SIZE, dataQualityTable } from '../reports';

/**
 * The paging of the data-quality download (gateway/routes/reports.ts) over a
 * stand-in for the gateway's own execution: every page read, a sane maximum
 * said in the file, refused parts left out, other errors passed on. The
 * route through the real gateway is test/e2e/dataQuality.e2e.test.ts.
 */
const ctx = {} as GatewayContext;
type Err = { message: string; extensions: { code: string } };
const err = (code: string): Err => ({ message: code, extensions: { code } });

/** `n` placement lines and `m` case lines served in pages of `first`; `refuse` answers a list with an error. */
function fakeRun(n: number, m: number, refuse: Partial<Record<'placement' | 'case', string>> = {}) {
  const calls: { field: string; after: unknown; first: unknown }[] = [];
  const run = (async (_ctx: GatewayContext, query: string, variables: Record<string, unknown>) => {
    const field = query.includes('placementQualityIssues') ? 'placementQualityIssues' : 'caseQualityIssues';
    const kind = field === 'placementQualityIssues' ? 'placement' : 'case';
    calls.push({ field, after: variables.after, first: variables.first });
    if (refuse[kind]) return { errors: [err(refuse[kind]!)] };
    const total = kind === 'placement' ? n : m;
    const start = variables.after == null ? 0 : Number(variables.after);
    const end = Math.min(total, start + Number(variables.first));
    const nodes = Array.from({ length: end - start }, (_v, i) =>
      kind === 'placement'
        ? { placementId: `p${start + i}`, minorPseudonym: `M${start + i}`, structureCode: 'S-1', flag: 'NO_OPEN_CASE', since: '2024-01-01' }
        : { minorPseudonym: `C${start + i}`, serviceId: 'SRV', flag: 'CASE_WITHOUT_INTERVENTIONS', since: '2024-02-01' },
    );
    return { data: { [field]: { nodes, pageInfo: { endCursor: String(end), hasNextPage: end < total } } } };
  }) as Run;
  return { run, calls };
}

describe('data-quality download table', () => {
  it('reads every page of both lists, placements then cases', async () => {
    const { run, calls } = fakeRun(DATA_QUALITY_PAGE_SIZE * 2 + 5, 3);
    const built = await dataQualityTable(run, ctx);
    if ('errors' in built) throw new Error('unexpected errors');
    expect(built.table.header).toEqual(DATA_QUALITY_HEADER);
    expect(built.table.lines).toHaveLength(DATA_QUALITY_PAGE_SIZE * 2 + 5 + 3);
    expect(built.table.lines[0]).toEqual(['PLACEMENT', 'NO_OPEN_CASE', '2024-01-01', 'M0', 'p0', 'S-1', null]);
    expect(built.table.lines[built.table.lines.length - 1]).toEqual(['CASE', 'CASE_WITHOUT_INTERVENTIONS', '2024-02-01', 'C2', null, null, 'SRV']);
    expect(calls.map((c) => c.field)).toEqual(['placementQualityIssues', 'placementQualityIssues', 'placementQualityIssues', 'caseQualityIssues']);
  });

  it('stops at the maximum and says so in the file', async () => {
    const { run, calls } = fakeRun(DATA_QUALITY_PAGE_SIZE * 5, 2);
    const built = await dataQualityTable(run, ctx, 150);
    if ('errors' in built) throw new Error('unexpected errors');
    const placements = built.table.lines.filter((l) => l[0] === 'PLACEMENT');
    expect(placements).toHaveLength(150);
    expect(built.table.lines[150]).toEqual(['NOTE', 'TRUNCATED', null, null, null, null, 'PLACEMENT lines stopped at 150; more exist']);
    expect(built.note).toMatch(/stopped at 150/);
    expect(calls.filter((c) => c.field === 'placementQualityIssues')).toHaveLength(2);
    expect(built.table.lines.filter((l) => l[0] === 'CASE')).toHaveLength(2);
  });

  it('leaves out a refused part with a NOTE line; both refused or another error fail the download', async () => {
    const sw = await dataQualityTable(fakeRun(3, 2, { placement: 'FORBIDDEN' }).run, ctx);
    if ('errors' in sw) throw new Error('unexpected errors');
    expect(sw.table.lines.map((l) => l[0])).toEqual(['NOTE', 'CASE', 'CASE']);
    const neither = await dataQualityTable(fakeRun(3, 2, { placement: 'FORBIDDEN', case: 'FORBIDDEN' }).run, ctx);
    expect('errors' in neither && neither.errors[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await dataQualityTable(fakeRun(3, 2, { placement: 'UNAUTHENTICATED', case: 'UNAUTHENTICATED' }).run, ctx);
    expect('errors' in anonymous && anonymous.errors[0].extensions?.code).toBe('UNAUTHENTICATED');
    const down = await dataQualityTable(fakeRun(3, 2, { case: 'UPSTREAM_UNAVAILABLE' }).run, ctx);
    expect('errors' in down && down.errors[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
