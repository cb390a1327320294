import { loadConfig, ConfigError } from '@shared/config';
import { AuditStore } from './auditStore';

/**
 * `npm run audit:verify -- [--from 2026-01-01] [--to 2026-12-31]`: checks the
 * audit trail's hash chain (docs/privacy.md §7) with the gateway's own
 * database role (AUDIT_DATABASE_URL, or derived from DATABASE_URL), prints
 * the result as one JSON line and exits 0 when the chain holds, 1 when it is
 * broken, 2 when it could not be checked. Keep the printed `lastHash`
 * outside the database: a later run that no longer reaches it from the same
 * entry shows the chain was rewritten.
 */
function parseArgs(argv: string[]): { from: string | null; to: string | null } {
  const out: { from: string | null; to: string | null } = { from: null, to: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if ((flag !== '--from' && flag !== '--to') || value === undefined) throw new Error('usage: npm run audit:verify -- [--from YYYY-MM-DD|ISO time] [--to YYYY-MM-DD|ISO time]');
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const t = Date.parse(day ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(t)) throw new Error(`${flag} must be a date (YYYY-MM-DD) or an ISO 8601 time`);
    // A --to date is inclusive: up to the end of that day.
    out[flag === '--from' ? 'from' : 'to'] = new Date(flag === '--to' && day ? t + 86_400_000 : t).toISOString();
  }
  return out;
}

async function main(): Promise<number> {
  let range;
  let url: string | undefined;
  try {
    range = parseArgs(process.argv.slice(2));
    url = loadConfig().database.moduleUrls.audit;
  } catch (err) {
    console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
    return 2;
  }
  if (!url) {
    console.error('Set DATABASE_URL or AUDIT_DATABASE_URL to reach the audit trail');
    return 2;
  }
  const store = AuditStore.connect(url);
  try {
    const result = await store.verify(range.from, range.to);
    console.log(JSON.stringify({ ...range, ...result }));
    return result.ok ? 0 : 1;
  } catch (err) {
    console.error(`The audit trail could not be read: ${(err as Error).name}`);
    return 2;
  } finally {
    await store.close();
  }
}

void main().then((code) => process.exit(code));
