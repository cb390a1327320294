import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { forbidden } from '../../errors/AppError';
import { flowReport, stockReport, type AggregateSql, type FlowArgs, type ReportScope, type StockArgs } from '../report';

/**
 * The report skeleton's contract (stockReport, flowReport): the order of the
 * checks — scope, period, filter, groupBy — and the statement's parameters.
 * Every case here stops before the statement runs: a DataSource that is
 * never initialised stands for the database (the statements themselves are
 * run by test/e2e/reports.e2e.test.ts).
 */
const deps = { dataSource: new DataSource({ type: 'postgres' }), minCellSize: 5 };
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'a' };
const OPERATOR: Principal = { role: 'STRUCTURE_OPERATOR', sub: 'o', structureCode: 'S1' };

/** A scope as the modules write them: refuses operators, keeps the analyst's rows of the filter's provinces. */
const scope: ReportScope = (principal, filter, param) => {
  if (principal.role === 'STRUCTURE_OPERATOR') throw forbidden('Not for operators');
  return filter?.provinces?.length ? [`x.province = ANY(${param([...filter.provinces])}::text[])`] : [];
};

/** Stops the skeleton where the statement would run, handing back what it was given. */
class Reached extends Error {
  constructor(readonly got: { scope: string[]; extra: string; sql: AggregateSql }) {
    super('reached the aggregate');
  }
}
const aggregate = (_args: unknown, conditions: string[], param: (v: unknown) => string): AggregateSql => {
  const extra = param('extra');
  throw new Reached({ scope: conditions, extra, sql: { dimensionSql: [], unitSql: 'x.id', distinct: false, fromWhereSql: '' } });
};

const stock = stockReport<StockArgs>(deps, { name: 'testStock', scope, dimensions: ['SEX', 'AGE_BAND'], aggregate });
const flows = flowReport<FlowArgs>(deps, { name: 'testFlows', scope, dimensions: { ENTRIES: ['SEX'], EXITS: ['SEX', 'DURATION_BAND'] }, aggregate });

async function failure(p: Promise<unknown>): Promise<{ code: unknown; field: unknown; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof GraphQLError)) throw new Error(`expected a GraphQLError, got ${String(err)}`);
  return { code: err.extensions.code, field: err.extensions.field, message: err.message };
}

describe('report skeleton', () => {
  it('asks the scope first: a refused caller gets FORBIDDEN whatever else is wrong with its arguments', async () => {
    const f = await failure(flows(OPERATOR, { from: '2024-12-31', to: '2024-01-01', direction: 'ENTRIES', groupBy: ['SEX', 'SEX'], filter: { provinces: ['x'] } }));
    expect(f.code).toBe('FORBIDDEN');
  });

  it('then the period: a flow period that ends before it starts is INVALID_DATE_RANGE on `to`, before the filter', async () => {
    const f = await failure(flows(ANALYST, { from: '2024-12-31', to: '2024-01-01', direction: 'ENTRIES', groupBy: [], filter: { provinces: ['x'] } }));
    expect(f).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'to' });
  });

  it('then the filter, before groupBy', async () => {
    const f = await failure(stock(ANALYST, { on: '2024-06-30', groupBy: ['SEX', 'SEX'], filter: { provinces: ['58'] } }));
    expect(f).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.provinces' });
  });

  it('then groupBy against the dimensions of the report, and of the direction for flows', async () => {
    expect(await failure(stock(ANALYST, { on: '2024-06-30', groupBy: ['PROVINCE'] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy', message: 'testStock cannot be grouped by PROVINCE' });
    const entries = await failure(flows(ANALYST, { from: '2024-01-01', to: '2024-12-31', direction: 'ENTRIES', groupBy: ['DURATION_BAND'] }));
    expect(entries.message).toBe('testFlows(ENTRIES) cannot be grouped by DURATION_BAND');
    await expect(flows(ANALYST, { from: '2024-01-01', to: '2024-12-31', direction: 'EXITS', groupBy: ['DURATION_BAND'] })).rejects.toBeInstanceOf(Reached);
  });

  it('numbers the statement parameters: the period first, then the scope, then the report’s own', async () => {
    const stockRun = await stock(ANALYST, { on: '2024-06-30', groupBy: ['SEX'], filter: { provinces: ['058'] } }).catch((e: unknown) => e);
    expect(stockRun).toBeInstanceOf(Reached);
    if (stockRun instanceof Reached) expect(stockRun.got).toMatchObject({ scope: ['x.province = ANY($2::text[])'], extra: '$3' });
    const flowRun = await flows(ANALYST, { from: '2024-01-01', to: '2024-01-01', direction: 'EXITS', groupBy: [], filter: { provinces: ['058'] } }).catch((e: unknown) => e);
    expect(flowRun).toBeInstanceOf(Reached);
    if (flowRun instanceof Reached) expect(flowRun.got).toMatchObject({ scope: ['x.province = ANY($3::text[])'], extra: '$4' });
  });
});
