/**
 * The one place that reads the environment (docs/conventions.md "Configuration").
 *
 * `loadConfig(env)` returns a frozen, typed object with every default written
 * once. Problems are collected and reported together. Development secrets exist
 * so `npm ci && npm start` works on a fresh machine; they print a warning and
 * are refused when NODE_ENV=production (docs/conventions.md "Running it").
 */
import os from 'node:os';
import path from 'node:path';

export type PrivacyMode = 'enforce' | 'dry_run';
export type ModuleName = 'sinba' | 'asso' | 'asmi';
export const MODULES: readonly ModuleName[] = ['sinba', 'asso', 'asmi'];

/** Development defaults: obvious, public, refused in production. */
export const DEV_DEFAULTS = Object.freeze({
  JWT_SECRET: 'sirmi-dev-jwt-secret-change-me',
  INTERNAL_SECRET: 'sirmi-dev-internal-secret-change-me',
  PSEUDONYM_KEY: 'sirmi-dev-pseudonym-key-change-me',
  DB_ROLE_PASSWORD: 'sirmi-dev-role-password',
});

export interface HubConfig {
  readonly nodeEnv: string;
  readonly production: boolean;
  readonly logLevel: string;
  readonly host: string;
  readonly gatewayPort: number;
  readonly ports: Readonly<Record<ModuleName, number>>;
  /** URLs the gateway (and the subgraphs, for service calls) use to reach each subgraph. */
  readonly subgraphUrls: Readonly<Record<ModuleName, string>>;
  readonly database: {
    /** Admin connection (migrations, role set-up). Undefined: embedded PostgreSQL. */
    readonly adminUrl: string | undefined;
    /** One connection string per module role (docs/privacy.md §9); derived from adminUrl unless set. */
    readonly moduleUrls: Readonly<Partial<Record<ModuleName | 'audit', string>>>;
    readonly rolePassword: string;
    /** Create the module roles during migration (off on managed PostgreSQL where roles are provisioned). */
    readonly manageRoles: boolean;
    readonly embeddedDir: string;
    readonly embeddedPort: number;
    readonly poolSize: number;
  };
  readonly jwt: {
    readonly secret: string;
    readonly publicKey: string | undefined;
    readonly issuer: string | undefined;
    readonly audience: string | undefined;
    /** Seconds of clock skew tolerated on exp/nbf/iat (docs/privacy.md §1). */
    readonly clockToleranceSeconds: number;
    /** Longest lifetime of a user token, in seconds, from `iat` (or from now without one): JWT_MAX_TTL, default 12 h (docs/privacy.md §1). */
    readonly maxTtlSeconds: number;
  };
  readonly internalSecret: string;
  /** Lifetime of the gateway→subgraph token (docs/privacy.md §9). */
  readonly internalTokenTtlSeconds: number;
  readonly pseudonymKey: string;
  readonly demoData: boolean;
  readonly minCellSize: number;
  readonly privacyMode: PrivacyMode;
  readonly introspection: boolean;
  /**
   * Notifications (docs/architecture.md "Notifications"): how often ASMI's
   * dispatcher delivers the outbox (and the base of its retry back-off), and
   * the optional NATS JetStream publication of every notification.
   */
  readonly notify: {
    readonly intervalMs: number;
    /** NOTIFY_NATS_URL; undefined: notifications stay in the hub only. */
    readonly natsUrl: string | undefined;
    /** Subjects are `<prefix>.service.<serviceId>` and `<prefix>.structure.<structureCode>`. */
    readonly natsSubjectPrefix: string;
    /** The JetStream stream (created when missing, on `<prefix>.>`). */
    readonly natsStream: string;
  };
  /**
   * QUALITY_SCHEDULE (default on, off under NODE_ENV=test): ASMI rewrites the
   * stored data-quality flags itself shortly after start-up and a few minutes
   * after every midnight Europe/Rome (docs/architecture.md "Data-quality
   * listings"), so no request pays for the day's rewrite.
   */
  readonly qualitySchedule: boolean;
  /** Worker processes of a standalone gateway (`node dist/gateway/index.js`, node:cluster); default the number of cores. */
  readonly gatewayWorkers: number;
  /**
   * Gateway → subgraph calls (issue 16): a fetch not answered within
   * `timeoutMs` is abandoned and its fields answer UPSTREAM_UNAVAILABLE; a
   * subgraph keeps an idle keep-alive socket `keepAliveMs`, longer than the
   * gateway keeps it (the server's hint minus a second), so the gateway never
   * writes on a socket the subgraph has just closed.
   */
  readonly upstream: {
    readonly timeoutMs: number;
    readonly keepAliveMs: number;
  };
  /** Development secrets in use (printed as warnings at start). */
  readonly warnings: readonly string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n - ${problems.join('\n - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function parsePort(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    problems.push(`${name} must be a port number (0-65535), got "${raw}"`);
    return fallback;
  }
  return n;
}

function parseIntVar(env: Env, name: string, fallback: number, min: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    problems.push(`${name} must be an integer >= ${min}, got "${raw}"`);
    return fallback;
  }
  return n;
}

/** A duration in seconds: `43200`, `43200s`, `720m` or `12h`. */
function parseDuration(env: Env, name: string, fallback: number, min: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const m = /^(\d+)\s*([smh]?)$/.exec(raw.trim());
  const n = m ? Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    problems.push(`${name} must be a duration of at least ${min} s (seconds, or with s/m/h: "12h"), got "${raw}"`);
    return fallback;
  }
  return n;
}

function parseBool(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be 1/0 or true/false, got "${raw}"`);
  return fallback;
}

function secret(env: Env, name: keyof typeof DEV_DEFAULTS, production: boolean, problems: string[], warnings: string[]): string {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === DEV_DEFAULTS[name]) {
    if (production) problems.push(`${name} must be set to a real secret when NODE_ENV=production`);
    else warnings.push(`${name} is unset: using the public development value (never use it with real data)`);
    return DEV_DEFAULTS[name];
  }
  if (production && raw.length < 16) problems.push(`${name} must be at least 16 characters`);
  return raw;
}

/** Module role name in PostgreSQL (one role per module, docs/privacy.md §9). */
export function moduleRole(module: ModuleName | 'audit'): string {
  return module === 'audit' ? 'sirmi_gateway' : `sirmi_${module}`;
}

/** Derive a module's connection string from the admin URL: same host and database, the module's role. */
export function deriveModuleUrl(adminUrl: string, module: ModuleName | 'audit', rolePassword: string): string {
  const url = new URL(adminUrl);
  url.username = moduleRole(module);
  url.password = rolePassword;
  return url.toString();
}

export function loadConfig(env: Env = process.env): HubConfig {
  const problems: string[] = [];
  const warnings: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const host = env.HOST || '127.0.0.1';
  const ports = {
    sinba: parsePort(env, 'SINBA_PORT', 4001, problems),
    asso: parsePort(env, 'ASSO_PORT', 4002, problems),
    asmi: parsePort(env, 'ASMI_PORT', 4003, problems),
  };
  const gatewayPort = parsePort(env, 'PORT', 4000, problems);
  const localUrl = (port: number) => `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`;
  const subgraphUrls = {
    sinba: env.SINBA_URL || localUrl(ports.sinba),
    asso: env.ASSO_URL || localUrl(ports.asso),
    asmi: env.ASMI_URL || localUrl(ports.asmi),
  };
  for (const [name, value] of Object.entries(subgraphUrls)) {
    try {
      new URL(value);
    } catch {
      problems.push(`${name.toUpperCase()}_URL is not a URL: "${value}"`);
    }
  }

  const adminUrl = env.DATABASE_URL || undefined;
  if (adminUrl) {
    try {
      new URL(adminUrl);
    } catch {
      problems.push('DATABASE_URL is not a postgres:// URL');
    }
  }
  const rolePassword = secret(env, 'DB_ROLE_PASSWORD', production, problems, warnings);
  const moduleUrls: Partial<Record<ModuleName | 'audit', string>> = {};
  for (const m of [...MODULES, 'audit'] as const) {
    const explicit = env[`${m.toUpperCase()}_DATABASE_URL`];
    if (explicit) moduleUrls[m] = explicit;
    else if (adminUrl) moduleUrls[m] = deriveModuleUrl(adminUrl, m, rolePassword);
  }

  const jwtPublicKey = env.JWT_PUBLIC_KEY ? env.JWT_PUBLIC_KEY.replace(/\\n/g, '\n') : undefined;
  if (jwtPublicKey && !jwtPublicKey.includes('BEGIN')) problems.push('JWT_PUBLIC_KEY must be a PEM public key');
  const jwtSecret = jwtPublicKey && !env.JWT_SECRET ? DEV_DEFAULTS.JWT_SECRET : secret(env, 'JWT_SECRET', production, problems, warnings);

  const privacyModeRaw = env.PRIVACY_MODE || 'enforce';
  let privacyMode: PrivacyMode = 'enforce';
  if (privacyModeRaw === 'enforce' || privacyModeRaw === 'dry_run') privacyMode = privacyModeRaw;
  else problems.push(`PRIVACY_MODE must be "enforce" or "dry_run", got "${privacyModeRaw}"`);
  // docs/privacy.md §6: the hub refuses to start in dry_run in production.
  if (production && privacyMode === 'dry_run') problems.push('PRIVACY_MODE=dry_run is refused when NODE_ENV=production');

  const config: HubConfig = {
    nodeEnv,
    production,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    host,
    gatewayPort,
    ports,
    subgraphUrls,
    database: {
      adminUrl,
      moduleUrls,
      rolePassword,
      manageRoles: parseBool(env, 'DB_MANAGE_ROLES', true, problems),
      embeddedDir: path.resolve(env.EMBEDDED_PG_DIR || '.data/postgres'),
      embeddedPort: parsePort(env, 'EMBEDDED_PG_PORT', 54329, problems),
      poolSize: parseIntVar(env, 'DB_POOL_SIZE', 10, 1, problems),
    },
    jwt: {
      secret: jwtSecret,
      publicKey: jwtPublicKey,
      issuer: env.JWT_ISSUER || undefined,
      audience: env.JWT_AUDIENCE || undefined,
      clockToleranceSeconds: 30,
      maxTtlSeconds: parseDuration(env, 'JWT_MAX_TTL', 12 * 3600, 60, problems),
    },
    internalSecret: secret(env, 'INTERNAL_SECRET', production, problems, warnings),
    internalTokenTtlSeconds: parseIntVar(env, 'INTERNAL_TOKEN_TTL', 60, 5, problems),
    pseudonymKey: secret(env, 'PSEUDONYM_KEY', production, problems, warnings),
    demoData: parseBool(env, 'DEMO_DATA', !adminUrl, problems),
    minCellSize: parseIntVar(env, 'MIN_CELL_SIZE', 5, 2, problems),
    notify: {
      intervalMs: parseIntVar(env, 'NOTIFY_INTERVAL_MS', 2000, 50, problems),
      natsUrl: env.NOTIFY_NATS_URL || undefined,
      natsSubjectPrefix: env.NOTIFY_NATS_SUBJECT_PREFIX || 'sirmi.notifications',
      natsStream: env.NOTIFY_NATS_STREAM || 'SIRMI_NOTIFICATIONS',
    },
    // Tests fix "today" and count statements: a background rewrite at start-up would disturb them (the schedule's own tests start it explicitly).
    qualitySchedule: parseBool(env, 'QUALITY_SCHEDULE', nodeEnv !== 'test', problems),
    privacyMode,
    introspection: !production,
    gatewayWorkers: parseIntVar(env, 'GATEWAY_WORKERS', os.availableParallelism(), 1, problems),
    upstream: {
      // 10 s: the slowest legitimate single call measured is a data-quality first page at regional scale (8.8 s at 200,000 minors, docs/benchmarks.md).
      timeoutMs: parseIntVar(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 100, problems),
      keepAliveMs: parseIntVar(env, 'SUBGRAPH_KEEP_ALIVE_MS', 65000, 1000, problems),
    },
    warnings,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** With only an admin URL known later (embedded database), fill the module URLs. */
export function withDatabase(config: HubConfig, adminUrl: string): HubConfig {
  const moduleUrls: Partial<Record<ModuleName | 'audit', string>> = { ...config.database.moduleUrls };
  for (const m of [...MODULES, 'audit'] as const) {
    moduleUrls[m] = moduleUrls[m] ?? deriveModuleUrl(adminUrl, m, config.database.rolePassword);
  }
  return Object.freeze({ ...config, database: Object.freeze({ ...config.database, adminUrl, moduleUrls }) });
}
