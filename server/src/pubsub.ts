// In-process publish/subscribe for live dashboards (GraphQL subscriptions).
// Invariant: events carry ids only; subscribers re-read what they are allowed to see.
import { createPubSub } from "graphql-yoga";

export interface LedgerEvent {
  kind: "status" | "progress" | "record" | "import" | "assignment";
  problemId: string | null;
  measureId: string | null;
  at: string;
}

/** A session (sessionId) or all sessions of a user (sessionId null) ended: their live streams close. */
export interface SessionEndedEvent {
  userId: string;
  sessionId: string | null;
}

export function createLedgerPubSub() {
  return createPubSub<{ ledger: [LedgerEvent]; sessionEnded: [SessionEndedEvent] }>();
}
export type PubSub = ReturnType<typeof createLedgerPubSub>;
