export * from './dataSource';
export * from './statementCounter';
export * from './errors';
