import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { jsonErrorHandler } from '../httpErrors';

/** Issue 13 item 6: a malformed body is answered as JSON and never reaches a log. */
describe('the JSON error handler of every HTTP server', () => {
  it('answers a malformed JSON body 400 BAD_REQUEST without a stack trace, and logs neither the body nor the parser message', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) });
    const app = express();
    app.post('/graphql', express.json({ limit: '1kb' }), (_req, res) => void res.json({ ok: true }));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.use(jsonErrorHandler(logger));
    const server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const fiscalCode = 'RSSMRA80A01H501U';
      const bad = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query": "mutation { registerMinor(input: {fiscalCode: \\"${fiscalCode}` });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toMatch(/application\/json/);
      const text = await bad.text();
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      const big = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: fiscalCode.repeat(200) }) });
      expect(big.status).toBe(413);
      expect(((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      const boom = await fetch(`${base}/boom`);
      expect(boom.status).toBe(500);
      expect(await boom.text()).not.toMatch(/boom|at |<html/);
      expect(lines.join('\n')).not.toMatch(new RegExp(`${fiscalCode}|Unexpected|position|registerMinor`));
      expect(lines.length).toBeGreaterThanOrEqual(3);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
