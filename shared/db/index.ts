export * from './dataSource';
export * from './statementCounter';
export * from './errors';
export { byKey, groupByKey } from './keyed';
export { groupBy } from './keyed';
