import type express from 'express';
import type { HubConfig } from '@shared/config';
import type { AuditStore } from '../audit/auditStore';

/**
 * `GET /health`: each module with its state and latency (ms), and the audit
 * database: 200 when all are up, else 503; a module that does not answer
 * within the upstream timeout (at most 3 s, so a load balancer's probe gets
 * an answer) is down.
 */
export function registerHealthRoute(app: express.Express, deps: { config: HubConfig; audit: AuditStore }): void {
  const { config, audit } = deps;
  const probeMs = Math.min(config.upstream.timeoutMs, 3000);
  app.get('/health', async (_req, res) => {
    const checks: Record<string, string> = {};
    const latencyMs: Record<string, number> = {};
    const timed = async (name: string, probe: () => Promise<boolean>) => {
      const t0 = performance.now();
      try {
        checks[name] = (await probe()) ? 'up' : 'down';
      } catch {
        checks[name] = 'down';
      }
      latencyMs[name] = Math.round(performance.now() - t0);
    };
    await Promise.all([
      ...(['sinba', 'asso', 'asmi'] as const).map((name) =>
        timed(name, async () => (await fetch(config.subgraphUrls[name].replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(probeMs) })).ok),
      ),
      timed('database', () => withTimeout(audit.ping(), probeMs)),
    ]);
    const ok = Object.values(checks).every((v) => v === 'up');
    res.status(ok ? 200 : 503).json({ status: ok ? 'up' : 'down', checks, latencyMs });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<T>((_r, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]).finally(() => clearTimeout(timer));
}
