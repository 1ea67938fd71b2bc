// Publish/subscribe for live dashboards (GraphQL subscriptions): in-process for the embedded database, and
// across every server on one PostgreSQL (LISTEN/NOTIFY, ops/pg-event-target.ts) when DATABASE_URL is set.
// Invariant: events carry ids only; subscribers re-read what they are allowed to see.
import { createPubSub } from "graphql-yoga";
import type { Logger } from "pino";
import { createPgEventTarget } from "./ops/pg-event-target.ts";

export interface LedgerEvent {
  kind: "status" | "progress" | "record" | "import" | "assignment" | "campaign" | "action";
  problemId: string | null;
  measureId: string | null;
  at: string;
  /** For "campaign" and "action" events: the campaign concerned, if any. */
  campaignId?: string | null;
  /** For "action" events: the action and its unit (a liaison's stream carries only its unit's). */
  actionId?: string | null;
  unitId?: string | null;
}

/** A session (sessionId) or all sessions of a user (sessionId null) ended: their live streams close. */
export interface SessionEndedEvent {
  userId: string;
  sessionId: string | null;
}

type Events = { ledger: [LedgerEvent]; sessionEnded: [SessionEndedEvent] };

export function createLedgerPubSub() {
  return createPubSub<Events>();
}
export type PubSub = ReturnType<typeof createLedgerPubSub>;

export interface SharedPubSub {
  pubsub: PubSub;
  /** "local" (one process) or "postgres" (LISTEN/NOTIFY). */
  transport: "local" | "postgres";
  close(): Promise<void>;
}

/** The pub/sub for a server: shared through PostgreSQL when given its URL, else in-process. */
export async function openPubSub(opts: { databaseUrl?: string; logger?: Logger }): Promise<SharedPubSub> {
  if (!opts.databaseUrl) return { pubsub: createLedgerPubSub(), transport: "local", close: async () => {} };
  const target = createPgEventTarget({
    databaseUrl: opts.databaseUrl,
    logger: opts.logger,
    // Events sent while this server was not listening are gone: dashboards are told to re-read everything.
    onReconnect: (local) =>
      local.dispatchEvent(
        new CustomEvent("ledger", {
          detail: { kind: "import", problemId: null, measureId: null, at: new Date().toISOString() } as LedgerEvent,
        }),
      ),
  });
  await target.ready;
  return {
    pubsub: createPubSub<Events>({ eventTarget: target as never }),
    transport: "postgres",
    close: () => target.close(),
  };
}
