// In-process publish/subscribe for live dashboards (GraphQL subscriptions).
// Invariant: events carry ids only; subscribers re-read what they are allowed to see.
import { createPubSub } from "graphql-yoga";

export interface LedgerEvent {
  kind: "status" | "progress" | "record" | "import" | "assignment";
  problemId: string | null;
  measureId: string | null;
  at: string;
}

export function createLedgerPubSub() {
  return createPubSub<{ ledger: [LedgerEvent] }>();
}
export type PubSub = ReturnType<typeof createLedgerPubSub>;
