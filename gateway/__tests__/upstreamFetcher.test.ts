import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUpstreamFetcher } from '../dataSources';

/** A real HTTP server that resets the socket of the first `resets` requests, then answers. */
async function flakyServer(resets: number, delayMs = 0): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    if (hits <= resets) {
      req.socket.destroy();
      return;
    }
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}'), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const post = (query: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

describe('the gateway fetch to a subgraph (issue 16 findings 2 and 7)', () => {
  it('retries a query once when the subgraph resets the socket', async () => {
    const srv = await flakyServer(1);
    try {
      const res = await createUpstreamFetcher(2000)(srv.url, post('query Q { ok }') as never);
      expect(res.status).toBe(200);
      expect(srv.hits()).toBe(2);
    } finally {
      await srv.close();
    }
  });

  it('never retries a mutation (it may have been applied)', async () => {
    const srv = await flakyServer(1);
    try {
      await expect(createUpstreamFetcher(2000)(srv.url, post('mutation M { ok }') as never)).rejects.toThrow();
      expect(srv.hits()).toBe(1);
    } finally {
      await srv.close();
    }
  });

  it('gives up after the timeout', async () => {
    const srv = await flakyServer(0, 3000);
    try {
      const t0 = Date.now();
      await expect(createUpstreamFetcher(300)(srv.url, post('query Q { ok }') as never)).rejects.toThrow();
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      await srv.close();
    }
  });
});
