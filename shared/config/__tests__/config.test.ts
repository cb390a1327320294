import { ConfigError, DEV_DEFAULTS, loadConfig } from '../config';

describe('loadConfig', () => {
  it('has working development defaults and warns about them', () => {
    const c = loadConfig({});
    expect(c.gatewayPort).toBe(4000);
    expect(c.ports).toEqual({ sinba: 4001, asso: 4002, asmi: 4003 });
    expect(c.database.adminUrl).toBeUndefined();
    expect(c.demoData).toBe(true);
    expect(c.minCellSize).toBe(5);
    expect(c.privacyMode).toBe('enforce');
    expect(c.jwt.secret).toBe(DEV_DEFAULTS.JWT_SECRET);
    expect(c.warnings.length).toBeGreaterThanOrEqual(3);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('notifications: delivered every 2 s, no NATS unless NOTIFY_NATS_URL is set', () => {
    expect(loadConfig({}).notify).toEqual({ intervalMs: 2000, natsUrl: undefined, natsSubjectPrefix: 'sirmi.notifications', natsStream: 'SIRMI_NOTIFICATIONS' });
    const c = loadConfig({ NOTIFY_NATS_URL: 'nats://127.0.0.1:4222', NOTIFY_INTERVAL_MS: '500', NOTIFY_NATS_SUBJECT_PREFIX: 'comune.x', NOTIFY_NATS_STREAM: 'X' });
    expect(c.notify).toEqual({ intervalMs: 500, natsUrl: 'nats://127.0.0.1:4222', natsSubjectPrefix: 'comune.x', natsStream: 'X' });
    expect(() => loadConfig({ NOTIFY_INTERVAL_MS: '10' })).toThrow(ConfigError);
  });

  it("runs ASMI's daily data-quality rewrite unless QUALITY_SCHEDULE is off, and not under NODE_ENV=test unless asked", () => {
    expect(loadConfig({}).qualitySchedule).toBe(true);
    expect(loadConfig({ QUALITY_SCHEDULE: 'off' }).qualitySchedule).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).qualitySchedule).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', QUALITY_SCHEDULE: 'on' }).qualitySchedule).toBe(true);
    expect(() => loadConfig({ QUALITY_SCHEDULE: 'sometimes' })).toThrow(/QUALITY_SCHEDULE/);
  });

  it('reads JWT_MAX_TTL (default 12 h) in seconds or with a unit, and refuses nonsense', () => {
    expect(loadConfig({}).jwt.maxTtlSeconds).toBe(12 * 3600);
    expect(loadConfig({ JWT_MAX_TTL: '3600' }).jwt.maxTtlSeconds).toBe(3600);
    expect(loadConfig({ JWT_MAX_TTL: '8h' }).jwt.maxTtlSeconds).toBe(8 * 3600);
    expect(loadConfig({ JWT_MAX_TTL: '90m' }).jwt.maxTtlSeconds).toBe(5400);
    expect(() => loadConfig({ JWT_MAX_TTL: 'forever' })).toThrow(/JWT_MAX_TTL/);
  });

  it('derives one connection per module role from DATABASE_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://admin:pw@db:5432/sirmi' });
    expect(c.database.moduleUrls.sinba).toBe('postgres://sirmi_sinba:sirmi-dev-role-password@db:5432/sirmi');
    expect(c.database.moduleUrls.audit).toContain('sirmi_gateway');
    expect(c.demoData).toBe(false);
  });

  it('refuses development secrets and dry-run privacy in production, reporting every problem at once', () => {
    try {
      loadConfig({ NODE_ENV: 'production', PRIVACY_MODE: 'dry_run' });
      throw new Error('should have failed');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/JWT_SECRET/);
      expect(problems).toMatch(/INTERNAL_SECRET/);
      expect(problems).toMatch(/PSEUDONYM_KEY/);
      expect(problems).toMatch(/DB_ROLE_PASSWORD/);
      expect(problems).toMatch(/dry_run/);
    }
  });

  it('starts in production with real secrets and no introspection', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-real-secret-of-enough-length',
      INTERNAL_SECRET: 'another-real-secret-long-enough',
      PSEUDONYM_KEY: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      DB_ROLE_PASSWORD: 'a-real-db-password-long',
    });
    expect(c.production).toBe(true);
    expect(c.introspection).toBe(false);
    expect(c.qualitySchedule).toBe(true);
    expect(c.warnings).toEqual([]);
  });

  it.each([
    ['PORT', 'abc'],
    ['MIN_CELL_SIZE', '0'],
    ['PRIVACY_MODE', 'off'],
    ['DEMO_DATA', 'maybe'],
    ['SINBA_URL', 'not a url'],
    ['GATEWAY_WORKERS', '0'],
  ])('rejects an invalid %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('runs as many gateway workers as cores unless GATEWAY_WORKERS says otherwise', () => {
    expect(loadConfig({}).gatewayWorkers).toBe(require('node:os').availableParallelism());
    expect(loadConfig({ GATEWAY_WORKERS: '3' }).gatewayWorkers).toBe(3);
  });
});
