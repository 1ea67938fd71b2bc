// An EventTarget for graphql-yoga's pub/sub that spans every server on one PostgreSQL: dispatchEvent sends
// NOTIFY, a dedicated LISTEN connection turns notifications (including our own) back into local events.
// Invariants: payloads are ids only and stay under NOTIFY's 8000-byte limit (a bigger one is refused, never cut);
// a lost LISTEN connection is re-opened with backoff, and subscribers are then told to re-read everything
// (events sent while it was down cannot be replayed by NOTIFY).
import pg from "pg";
import type { Logger } from "pino";

export const CHANNEL = "rectify_events";
/** NOTIFY refuses payloads of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7999;

export interface PgEventTarget extends EventTarget {
  /** Resolves once LISTEN is in place (so an event published after it is heard here too). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface PgEventTargetOptions {
  databaseUrl: string;
  logger?: Logger;
  /** Dispatched locally after a reconnect: events may have been missed meanwhile. */
  onReconnect?: (target: EventTarget) => void;
}

export function createPgEventTarget(opts: PgEventTargetOptions): PgEventTarget {
  const local = new EventTarget();
  const log = opts.logger;
  // Publishing shares nothing with request traffic: two connections at most, for NOTIFY only.
  const publisher = new pg.Pool({ connectionString: opts.databaseUrl, max: 2, application_name: "rectify-notify" });
  publisher.on("error", (err) => log?.warn({ err }, "pub/sub publisher connection failed"));
  let listener: pg.Client | null = null;
  let closed = false;
  let delay = 250;
  let chain: Promise<unknown> = Promise.resolve();

  const deliver = (msg: pg.Notification) => {
    if (msg.channel !== CHANNEL || !msg.payload) return;
    try {
      const { t, d } = JSON.parse(msg.payload) as { t: string; d: unknown };
      local.dispatchEvent(new CustomEvent(t, { detail: d }));
    } catch (err) {
      log?.warn({ err }, "pub/sub: malformed notification ignored");
    }
  };

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: opts.databaseUrl, application_name: "rectify-listen" });
    client.on("notification", deliver);
    const lost = (err?: Error) => {
      if (listener !== client) return;
      listener = null;
      void client.end().catch(() => {});
      if (closed) return;
      log?.warn({ err }, "pub/sub LISTEN connection lost; reconnecting");
      scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    if (closed) {
      await client.end();
      return;
    }
    listener = client;
    delay = 250;
  };

  const scheduleReconnect = () => {
    setTimeout(() => {
      if (closed) return;
      connect().then(
        () => {
          log?.info("pub/sub LISTEN connection restored");
          opts.onReconnect?.(local);
        },
        (err: unknown) => {
          log?.warn({ err }, "pub/sub reconnect failed");
          delay = Math.min(delay * 2, 5000);
          scheduleReconnect();
        },
      );
    }, delay).unref();
  };

  const target = {
    ready: connect(),
    addEventListener: local.addEventListener.bind(local),
    removeEventListener: local.removeEventListener.bind(local),
    dispatchEvent(event: Event) {
      const payload = JSON.stringify({ t: event.type, d: (event as CustomEvent).detail });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
        // Events carry ids; a payload this big is a bug, not something to truncate.
        log?.error({ type: event.type, bytes: Buffer.byteLength(payload) }, "pub/sub payload too large; not sent");
        return false;
      }
      // One after another, so a server's events arrive in the order it published them.
      chain = chain
        .then(() => publisher.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]))
        .catch((err: unknown) => log?.error({ err, type: event.type }, "pub/sub NOTIFY failed"));
      return true;
    },
    async close() {
      closed = true;
      await chain;
      const l = listener;
      listener = null;
      await l?.end().catch(() => {});
      await publisher.end();
    },
  };
  return target as unknown as PgEventTarget;
}
