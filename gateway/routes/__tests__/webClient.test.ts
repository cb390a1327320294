import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import jwt from 'jsonwebtoken';
import { DEV_DEFAULTS, loadConfig } from '@shared/config';
import { devTokensAllowed, registerDevTokenRoutes } from '../devToken';
import { isApiPath, registerWebClientRoutes } from '../webClient';

/** An express app with only the given routes, on a free port; a catch-all 404 stands for the gateway's other routes. */
async function serve(register: (app: express.Express) => void): Promise<{ base: string; close: () => Promise<void> }> {
  const app = express();
  register(app);
  app.get('/reports/known', (_req, res) => void res.json({ report: true }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function tempDist(withIndex: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sirmi-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  if (withIndex) fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  return dir;
}

describe('web client routes (gateway/routes/webClient.ts)', () => {
  it('tells API paths from client paths', () => {
    for (const p of ['/graphql', '/health', '/documents/acts/1', '/open-data/structures.csv', '/reports/prosecutor-list/X/2025/1.pdf', '/exports/x', '/dev/token']) expect(isApiPath(p)).toBe(true);
    for (const p of ['/', '/admit', '/placements/abc', '/structure', '/prosecutor-list', '/reportsx', '/developer']) expect(isApiPath(p)).toBe(false);
  });

  it('serves index.html for client paths, assets with a long cache, and leaves API paths to the routes after it', async () => {
    const dist = tempDist(true);
    const s = await serve((app) => registerWebClientRoutes(app, { distDir: dist }));
    try {
      const page = await fetch(`${s.base}/placements/123`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const asset = await fetch(`${s.base}/assets/app-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect((await fetch(`${s.base}/assets/gone.js`)).status).toBe(404);
      expect(await (await fetch(`${s.base}/reports/known`)).json()).toEqual({ report: true });
      expect((await fetch(`${s.base}/reports/unknown`)).status).toBe(404);
      expect((await fetch(`${s.base}/graphql`)).status).toBe(404);
      expect((await fetch(`${s.base}/`, { method: 'POST' })).status).toBe(404);
    } finally {
      await s.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it('serves /index.html asked by name like the app: never cached, with the security headers', async () => {
    const dist = tempDist(true);
    const s = await serve((app) => registerWebClientRoutes(app, { distDir: dist }));
    try {
      const page = await fetch(`${s.base}/index.html`);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await s.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it('answers 503 with how to build the client when web/dist has no build', async () => {
    const dist = tempDist(false);
    const s = await serve((app) => registerWebClientRoutes(app, { distDir: dist }));
    try {
      const res = await fetch(`${s.base}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:web');
    } finally {
      await s.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('development tokens (gateway/routes/devToken.ts)', () => {
  it('exist only with the development JWT secret, outside production, without an RS256 key', () => {
    expect(devTokensAllowed(loadConfig({ NODE_ENV: 'development' }))).toBe(true);
    expect(devTokensAllowed(loadConfig({ NODE_ENV: 'test' }))).toBe(true);
    expect(devTokensAllowed(loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'a-real-secret-of-the-region-0123' }))).toBe(false);
    expect(devTokensAllowed({ ...loadConfig({ NODE_ENV: 'development' }), production: true })).toBe(false);
    const withKey = loadConfig({ NODE_ENV: 'development' });
    expect(devTokensAllowed({ ...withKey, jwt: { ...withKey.jwt, publicKey: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----' } })).toBe(false);
  });

  it('issue a STRUCTURE_OPERATOR token for the structure asked, and nothing else', async () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    const s = await serve((app) => registerDevTokenRoutes(app, config));
    const post = (body: unknown) => fetch(`${s.base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    try {
      expect((await fetch(`${s.base}/dev/token`)).status).toBe(200);
      const ok = await post({ structureCode: 'RM-C001' });
      expect(ok.status).toBe(200);
      const { token } = (await ok.json()) as { token: string };
      const claims = jwt.verify(token, DEV_DEFAULTS.JWT_SECRET) as jwt.JwtPayload;
      expect(claims).toMatchObject({ role: 'STRUCTURE_OPERATOR', structureCode: 'RM-C001', sub: 'dev-operator-RM-C001' });
      expect((claims.exp as number) - (claims.iat as number)).toBe(8 * 3600);
      expect((await post({ structureCode: 'RM-C001', role: 'SUPERVISOR' })).status).toBe(403);
      const bad = await post({ structureCode: '' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { extensions: { field: string } }[] }).errors[0].extensions.field).toBe('structureCode');
    } finally {
      await s.close();
    }
  });

  it('issue a SOCIAL_WORKER token for the service asked (the social services\' area), and need its serviceId', async () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    const s = await serve((app) => registerDevTokenRoutes(app, config));
    const post = (body: unknown) => fetch(`${s.base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    try {
      expect(((await (await fetch(`${s.base}/dev/token`)).json()) as { roles: string[] }).roles).toEqual(['STRUCTURE_OPERATOR', 'SOCIAL_WORKER']);
      const ok = await post({ role: 'SOCIAL_WORKER', serviceId: 'S-RM-01' });
      expect(ok.status).toBe(200);
      const { token } = (await ok.json()) as { token: string };
      const claims = jwt.verify(token, DEV_DEFAULTS.JWT_SECRET) as jwt.JwtPayload;
      expect(claims).toMatchObject({ role: 'SOCIAL_WORKER', serviceId: 'S-RM-01', sub: 'dev-worker-S-RM-01' });
      expect(claims.structureCode).toBeUndefined();
      expect((claims.exp as number) - (claims.iat as number)).toBe(8 * 3600);
      // A service id is required; a structure code is no substitute.
      const missing = await post({ role: 'SOCIAL_WORKER', structureCode: 'RM-C001' });
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as { errors: { extensions: { field: string } }[] }).errors[0].extensions.field).toBe('serviceId');
      expect((await post({ role: 'SOCIAL_WORKER', serviceId: 'no spaces allowed' })).status).toBe(400);
      expect((await post({ role: 'ADMIN', serviceId: 'S-RM-01' })).status).toBe(403);
    } finally {
      await s.close();
    }
  });

  it('are absent in production', async () => {
    const config = { ...loadConfig({ NODE_ENV: 'development' }), production: true };
    const s = await serve((app) => registerDevTokenRoutes(app, config));
    try {
      expect((await fetch(`${s.base}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"structureCode":"RM-C001"}' })).status).toBe(404);
    } finally {
      await s.close();
    }
  });
});
