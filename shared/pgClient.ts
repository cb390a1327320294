import { Client, type ClientConfig } from 'pg';

/**
 * The pg Client class of every pool the hub holds (the modules' TypeORM pools,
 * the gateway's audit pool): each client listens for 'error' from its
 * creation to its end (issue 16).
 *
 * pg emits 'error' on a client whose server connection dies while no query
 * runs on it (`57P01 terminating connection`: a restart, a fast shutdown,
 * pg_terminate_backend), and an 'error' nobody listens for kills the
 * process. The pool listens while a client is idle, its holder (TypeORM's
 * query runner, `pool.query`) while it uses it; in between there is a gap: a
 * new connection handed out through a promise (`pool.connect()`, TypeORM's
 * query runner) has no listener until the promise's continuation runs, and
 * when the server's FATAL arrives in the same read as its ReadyForQuery (a
 * loaded machine reads late) pg emits right there, before it.
 *
 * This listener only reports, and only when no one else listens (the pool and
 * the holders handle their own): the client is not queryable from then on,
 * so its holder's next query fails (DATABASE_UNAVAILABLE) and the pool
 * discards the client when it is released.
 */
export function clientClassWithErrorListener(onError: (err: Error) => void): typeof Client {
  return class ClientWithErrorListener extends Client {
    constructor(config?: string | ClientConfig) {
      super(config);
      this.on('error', (err: Error) => {
        if (this.listenerCount('error') === 1) onError(err);
      });
    }
  };
}
