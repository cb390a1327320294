import { connect, headers, type JetStreamClient, type NatsConnection } from 'nats';
import type { NotificationRow } from '../repositories/notificationRepository';

/** Publishes delivered notifications outside the hub (docs/architecture.md "Notifications"). */
export interface NotificationPublisher {
  publish(n: NotificationRow): Promise<void>;
  close(): Promise<void>;
}

/** A subject token: what NATS allows in one token (no dots, spaces or wildcards). */
export function subjectToken(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function subjectOf(prefix: string, n: Pick<NotificationRow, 'recipientKind' | 'recipient'>): string {
  return `${prefix}.${n.recipientKind === 'SERVICE' ? 'service' : 'structure'}.${subjectToken(n.recipient)}`;
}

/**
 * NATS JetStream: one subject per recipient, the notification id as
 * Nats-Msg-Id so the stream drops a re-publication (the dispatcher publishes
 * at least once: a crash between publishing and marking it published sends
 * it again). The payload carries ids and the kind only: never a name or a
 * fiscal code; the subscriber asks the hub for the rest with its own token.
 * The connection is opened on first use and reopened after a failure.
 */
export function createNatsPublisher(options: { url: string; subjectPrefix: string; stream: string }): NotificationPublisher {
  let nc: NatsConnection | null = null;
  let js: JetStreamClient | null = null;

  async function client(): Promise<JetStreamClient> {
    if (nc && !nc.isClosed() && js) return js;
    nc = await connect({ servers: options.url, timeout: 2000, maxReconnectAttempts: 0 });
    const jsm = await nc.jetstreamManager();
    try {
      await jsm.streams.info(options.stream);
    } catch {
      await jsm.streams.add({ name: options.stream, subjects: [`${options.subjectPrefix}.>`] });
    }
    js = nc.jetstream();
    return js;
  }

  return {
    async publish(n) {
      const stream = await client();
      const h = headers();
      h.set('Sirmi-Kind', n.kind);
      const body = JSON.stringify({ id: n.id, kind: n.kind, at: n.at, minorId: n.minorId, placementId: n.placementId, requestId: n.requestId, recipient: { kind: n.recipientKind, id: n.recipient } });
      try {
        await stream.publish(subjectOf(options.subjectPrefix, n), new TextEncoder().encode(body), { msgID: n.id, headers: h, timeout: 5000 });
      } catch (err) {
        const old = nc;
        nc = null;
        js = null;
        await old?.close().catch(() => undefined);
        throw err;
      }
    },
    async close() {
      const old = nc;
      nc = null;
      js = null;
      if (old && !old.isClosed()) await old.drain().catch(() => undefined);
    },
  };
}
