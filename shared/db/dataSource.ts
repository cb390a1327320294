import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { StatementCounter, countingLogger } from './statementCounter';
import { clientClassWithErrorListener } from '../pgClient';

export interface ModuleDataSourceOptions {
  /** Connection string: the module's own role at run time, the admin role for migrations. */
  readonly url: string;
  /** The module's PostgreSQL schema (sinba, asso, asmi, audit). */
  readonly schema: string;
  /** TypeORM's own types: entity classes (or names, schemas), migration classes (or globs). */
  readonly entities?: DataSourceOptions['entities'];
  readonly migrations?: DataSourceOptions['migrations'];
  readonly poolSize?: number;
  readonly counter?: StatementCounter;
  readonly applicationName?: string;
  /**
   * A pooled connection the server dropped (a restart, `57P01 terminating
   * connection`), idle or handed out with no query running: the pool discards
   * it and reconnects on the next query, so the module recovers by itself
   * once PostgreSQL is back (issue 16, shared/pgClient.ts).
   */
  readonly onPoolError?: (err: Error) => void;
}

/**
 * One TypeORM DataSource per module, bound to its schema. Never
 * `synchronize`: the schema changes only through migrations (docs/conventions.md "Database").
 */
export function createModuleDataSource(options: ModuleDataSourceOptions): DataSource {
  const counter = options.counter ?? new StatementCounter();
  const onPoolError = options.onPoolError ?? (() => undefined);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['query'],
    logger: countingLogger(counter),
    applicationName: options.applicationName ?? `sirmi-${options.schema}`,
    poolErrorHandler: onPoolError,
    connectTimeoutMS: 5000,
    // Client: every pooled client listens for 'error' all its life, not only while idle or in a query (shared/pgClient.ts).
    extra: { max: options.poolSize ?? 10, options: `-c search_path=${options.schema},public`, Client: clientClassWithErrorListener(onPoolError) },
  });
}
