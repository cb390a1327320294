import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Principal } from '@shared/auth';
import { badInput, forbidden } from '@shared/errors';
import { requireRole } from '@shared/auth';
import { cursorCodec, pageSize, toPage } from '@shared/graphql';
import type { Clock } from '@shared/time';
import { uncounted } from '@shared/db';
import {
  claimDue,
  countUnread,
  deliver,
  findNotificationPage,
  findUnpublished,
  insertOutbox,
  markPublished,
  markRead,
  postpone,
  type OutboxRow,
  type Recipient,
} from '../repositories/notificationRepository';
import { expirePending } from '../repositories/placementRequestRepository';
import { isUuid } from '../repositories/placementRepository';
import type { NotificationPublisher } from './natsPublisher';
import type { Upstream } from './upstream';

/** At most this many ids per markNotificationsRead call. */
export const MAX_MARK_READ = 500;

const notificationCursor = cursorCodec('ntf:', (k) => {
  const [at, id] = k.split('|');
  return id !== undefined && isUuid(id) && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(at);
});

/** docs/privacy.md §5: notifications are listed and marked by the service or structure they are addressed to. */
function recipientOf(principal: Principal): Recipient {
  requireRole(principal, ['SOCIAL_WORKER', 'STRUCTURE_OPERATOR'], 'Notifications are read by the service or structure they are addressed to');
  if (principal.role === 'SOCIAL_WORKER') return { kind: 'SERVICE', id: principal.serviceId };
  if (principal.role === 'STRUCTURE_OPERATOR') return { kind: 'STRUCTURE', id: principal.structureCode };
  throw forbidden();
}

/** Retry delay after a failed delivery: the interval doubled per attempt, at most 5 minutes. */
export function retryDelaySeconds(intervalMs: number, attempts: number): number {
  return Math.min((intervalMs / 1000) * 2 ** Math.max(0, attempts - 1), 300);
}

/**
 * Notifications (docs/privacy.md §3a; design in docs/architecture.md
 * "Notifications"). Writers put an intent in asmi.notification_outbox in the
 * transaction of their event; `dispatchOnce` (run every NOTIFY_INTERVAL_MS by
 * the module) expires due placement requests, delivers due intents — asking
 * SINBA at delivery which services hold the minor's case on the event's day,
 * and retrying with back-off while SINBA does not answer — and, when a
 * publisher is configured, publishes new notifications to NATS.
 */
export function createNotificationService(deps: { dataSource: DataSource; upstream: Upstream; clock: Clock; intervalMs?: number; publisher?: NotificationPublisher | null; logger?: Logger }) {
  const { dataSource, upstream, clock } = deps;
  const intervalMs = deps.intervalMs ?? 2000;

  async function expireRequests(): Promise<number> {
    const today = clock();
    return dataSource.transaction(async (tx) => {
      const expired = await expirePending(tx, today);
      for (const r of expired) {
        await insertOutbox(tx, { kind: 'REQUEST_EXPIRED', minorId: r.minorId, requestId: r.id, eventDate: today, recipient: { kind: 'SERVICE', id: r.requestedBy } });
      }
      return expired.length;
    });
  }

  async function deliverDue(): Promise<{ delivered: number; postponed: number }> {
    const due = await claimDue(dataSource.manager, 100, 60);
    if (due.length === 0) return { delivered: 0, postponed: 0 };
    const holders = new Map<string, string[]>();
    const failed: OutboxRow[] = [];
    const byDate = new Map<string, OutboxRow[]>();
    for (const o of due) if (!o.recipientService && !o.recipientStructure) byDate.set(o.eventDate, [...(byDate.get(o.eventDate) ?? []), o]);
    for (const [date, rows] of byDate) {
      try {
        for (const h of await upstream.caseHolders([...new Set(rows.map((r) => r.minorId))], date)) {
          const key = `${date}|${h.minorId}`;
          holders.set(key, [...(holders.get(key) ?? []), h.serviceId]);
        }
      } catch {
        failed.push(...rows);
      }
    }
    let delivered = 0;
    for (const o of due) {
      if (failed.includes(o)) continue;
      const recipients: Recipient[] = o.recipientService
        ? [{ kind: 'SERVICE', id: o.recipientService }]
        : o.recipientStructure
          ? [{ kind: 'STRUCTURE', id: o.recipientStructure }]
          : (holders.get(`${o.eventDate}|${o.minorId}`) ?? []).map((id) => ({ kind: 'SERVICE', id }));
      try {
        await deliver(dataSource.manager, o, recipients);
        delivered += 1;
      } catch {
        failed.push(o);
      }
    }
    for (const o of failed) await postpone(dataSource.manager, [o.id], retryDelaySeconds(intervalMs, o.attempts));
    if (failed.length > 0) deps.logger?.warn({ postponed: failed.length }, 'notifications postponed: a module needed to address them did not answer');
    return { delivered, postponed: failed.length };
  }

  async function publish(): Promise<number> {
    if (!deps.publisher) return 0;
    const rows = await findUnpublished(dataSource.manager, 200);
    const done: string[] = [];
    try {
      for (const n of rows) {
        await deps.publisher.publish(n);
        done.push(n.id);
      }
    } catch {
      deps.logger?.warn({ pending: rows.length - done.length }, 'NATS publication failed; retried on the next run');
    } finally {
      await markPublished(dataSource.manager, done);
    }
    return done.length;
  }

  /** One run of the dispatcher: expiry sweep, delivery, publication. Never throws (a failed step is retried next run). */
  async function dispatchOnce(): Promise<{ expired: number; delivered: number; postponed: number; published: number }> {
    const out = { expired: 0, delivered: 0, postponed: 0, published: 0 };
    try {
      out.expired = await expireRequests();
      Object.assign(out, await deliverDue());
      out.published = await publish();
    } catch (err) {
      deps.logger?.warn({ err: (err as Error).name }, 'notification dispatch failed; retried on the next run');
    }
    return out;
  }

  return {
    async list(principal: Principal, unreadOnly: boolean | null | undefined, first: number | null | undefined, after: string | null | undefined) {
      const recipient = recipientOf(principal);
      const size = pageSize(first);
      const key = notificationCursor.after(after);
      const [at, id] = key ? key.split('|') : [null, null];
      const rows = await findNotificationPage(dataSource.manager, recipient, unreadOnly === true, at && id ? { at, id } : null, size + 1);
      const page = toPage(rows, size, (n) => `${n.at}|${n.id}`, notificationCursor);
      return { ...page, unreadCount: () => countUnread(dataSource.manager, recipient) };
    },

    async markRead(principal: Principal, ids: string[]): Promise<number> {
      const recipient = recipientOf(principal);
      if (ids.length > MAX_MARK_READ) throw badInput('ids', `At most ${MAX_MARK_READ} ids per call`);
      return markRead(dataSource.manager, recipient, [...new Set(ids.filter(isUuid).map((i) => i.toLowerCase()))]);
    },

    dispatchOnce,

    /** Run dispatchOnce every intervalMs until stopped (one run at a time; a slow run skips ticks). */
    start(): { stop(): Promise<void> } {
      let stopped = false;
      let busy = false;
      let running: Promise<unknown> = Promise.resolve();
      const timer = setInterval(() => {
        if (stopped || busy) return;
        busy = true;
        running = uncounted(dispatchOnce).finally(() => {
          busy = false;
        });
      }, intervalMs);
      timer.unref();
      return {
        stop: async () => {
          stopped = true;
          clearInterval(timer);
          await running.catch(() => undefined);
          await deps.publisher?.close();
        },
      };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
