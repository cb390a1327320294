// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';

/** `npm run dev:web` proxies the API to the gateway of `npm start`, on whatever PORT it was given (issue 19). */
async function proxy(): Promise<Record<string, string>> {
  vi.resetModules();
  const { default: config } = await import('../vite.config');
  return (config as { server: { proxy: Record<string, string> } }).server.proxy;
}

describe('the Vite dev proxy', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('follows PORT', async () => {
    vi.stubEnv('PORT', '4560');
    vi.stubEnv('HUB_URL', '');
    const p = await proxy();
    expect(p['/graphql']).toBe('http://127.0.0.1:4560');
    expect(p['/dev']).toBe('http://127.0.0.1:4560');
  });

  it('defaults to :4000, and HUB_URL points it elsewhere', async () => {
    vi.stubEnv('PORT', '');
    vi.stubEnv('HUB_URL', '');
    expect((await proxy())['/reports']).toBe('http://127.0.0.1:4000');
    vi.stubEnv('HUB_URL', 'http://hub:4000');
    expect((await proxy())['/documents']).toBe('http://hub:4000');
  });
});
