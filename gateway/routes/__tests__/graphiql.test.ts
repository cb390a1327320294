import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadConfig } from '@shared/config';
import { graphiqlEnabled, registerGraphiqlRoutes } from '../graphiql';
import { registerWebClientRoutes } from '../webClient';
import { requestLimits } from '../../plugins/limits';

/**
 * The development GraphQL IDE (issue 19): served at /graphiql and reached from
 * a browser's GET /graphql outside production; absent (404) in production,
 * where the web client's fallback must not answer for it either. The IDE
 * running a query in Chromium: test/browser/graphiql.e2e.test.ts.
 */
async function serve(production: boolean, distDir: string): Promise<{ base: string; close: () => Promise<void> }> {
  const app = express();
  registerGraphiqlRoutes(app, { production }, { distDir });
  // stands for Apollo's /graphql middleware
  app.use('/graphql', (_req, res) => void res.status(400).json({ apollo: true }));
  registerWebClientRoutes(app, { distDir: webDist });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sirmi-graphiql-'));
const dist = path.join(tmp, 'graphiql');
const webDist = path.join(tmp, 'web');
beforeAll(() => {
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="graphiql"></div><script type="module" src="/graphiql/assets/index-1.js"></script>');
  fs.writeFileSync(path.join(dist, 'assets', 'index-1.js'), 'console.log(1)');
  fs.mkdirSync(webDist, { recursive: true });
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('GraphQL IDE routes (gateway/routes/graphiql.ts)', () => {
  it('is enabled outside production only', () => {
    expect(graphiqlEnabled(loadConfig({}))).toBe(true);
    expect(graphiqlEnabled({ production: true })).toBe(false);
  });

  it('in development serves the page and its assets, and sends a browser from GET /graphql to it', async () => {
    const s = await serve(false, dist);
    try {
      const page = await fetch(`${s.base}/graphiql`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="graphiql">');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const asset = await fetch(`${s.base}/graphiql/assets/index-1.js`);
      expect(asset.status).toBe(200);
      const browser = await fetch(`${s.base}/graphql`, { redirect: 'manual', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
      expect(browser.status).toBe(302);
      expect(browser.headers.get('location')).toBe('/graphiql');
      // a GraphQL client's GET goes on to the API
      const client = await fetch(`${s.base}/graphql?query=%7B__typename%7D`, { redirect: 'manual', headers: { accept: 'application/json' } });
      expect(await client.json()).toEqual({ apollo: true });
      expect(await (await fetch(`${s.base}/graphql`, { redirect: 'manual' })).json()).toEqual({ apollo: true });
    } finally {
      await s.close();
    }
  });

  it('answers 503 with how to build it when the IDE is not built', async () => {
    const s = await serve(false, path.join(tmp, 'missing'));
    try {
      const page = await fetch(`${s.base}/graphiql`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build:graphiql');
    } finally {
      await s.close();
    }
  });

  it('in production does not exist: /graphiql is 404 (not the web client) and GET /graphql is not redirected', async () => {
    const s = await serve(true, dist);
    try {
      expect((await fetch(`${s.base}/graphiql`)).status).toBe(404);
      expect((await fetch(`${s.base}/graphiql/assets/index-1.js`)).status).toBe(404);
      const browser = await fetch(`${s.base}/graphql`, { redirect: 'manual', headers: { accept: 'text/html' } });
      expect(browser.status).toBe(400);
    } finally {
      await s.close();
    }
  });
});

describe('field suggestions (gateway/plugins/limits.ts)', () => {
  it('are blocked unless asked for (development, where introspection is on)', () => {
    // graphql-armor adds its suggestion-masking plugin only when blocking
    expect(requestLimits().plugins.length).toBeGreaterThan(requestLimits({ fieldSuggestions: true }).plugins.length);
  });
});
