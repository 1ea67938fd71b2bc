// Live updates for open dashboards: a GraphQL subscription (served over SSE by graphql-yoga) that fires when
// records sync or statuses, assignments or imports change. Events carry ids only; clients re-query what they may see.
import { filter, pipe } from "graphql-yoga";
import { builder } from "../builder.ts";
import type { LedgerEvent } from "../pubsub.ts";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { liaisonScope } from "../queries/visibility.ts";
import { untilSessionEnds } from "../security/live-session.ts";

const LedgerEventKind = builder.enumType("LedgerEventKind", {
  description: "What changed.",
  values: {
    STATUS: { value: "status" },
    PROGRESS: { value: "progress" },
    RECORD: { value: "record" },
    IMPORT: { value: "import" },
    ASSIGNMENT: { value: "assignment" },
    CAMPAIGN: { value: "campaign", description: "A campaign, its teams or targets changed (coverage may have moved)" },
    ACTION: { value: "action", description: "A rectification action was opened, answered, confirmed or reopened" },
  } as const,
});

const LedgerEventRef = builder.objectRef<LedgerEvent>("LedgerEvent").implement({
  description: "Something in the ledger changed; re-read the named problem or measure.",
  fields: (t) => ({
    kind: t.field({ type: LedgerEventKind, resolve: (e) => e.kind }),
    problemId: t.id({ nullable: true, resolve: (e) => (e.problemId ? encodeGlobalID("Problem", e.problemId) : null) }),
    measureId: t.id({ nullable: true, resolve: (e) => (e.measureId ? encodeGlobalID("Measure", e.measureId) : null) }),
    at: t.string({ resolve: (e) => e.at }),
    campaignId: t.id({
      nullable: true,
      resolve: (e) => (e.campaignId ? encodeGlobalID("Campaign", e.campaignId) : null),
    }),
    actionId: t.id({
      nullable: true,
      resolve: (e) => (e.actionId ? encodeGlobalID("RectificationAction", e.actionId) : null),
    }),
  }),
});

builder.subscriptionType({ description: "Live updates (served as server-sent events)." });
builder.subscriptionField("ledgerChanged", (t) =>
  t.field({
    type: LedgerEventRef,
    description: "Fires on every ledger change the viewer may see (a unit liaison: their own unit's problems only).",
    authScopes: { staff: true, liaison: true },
    // The stream ends with its session (logout, revocation, deactivation): security/live-session.ts.
    subscribe: (_root, _args, ctx) =>
      untilSessionEnds(
        pipe(
          ctx.pubsub.subscribe("ledger"),
          filter(async (e: LedgerEvent) => {
            if (ctx.viewer?.role !== "UNIT_LIAISON") return true;
            // Campaigns are not a liaison's business; an action only when it is their unit's.
            if (e.kind === "campaign") return false;
            if (e.kind === "action") return !!e.unitId && e.unitId === ctx.viewer.unitId;
            // Read afresh per event: a long-lived dashboard must follow assignments made after it subscribed.
            return !!e.problemId && (await liaisonScope(ctx.prisma, ctx.viewer.unitId)).problemIds.has(e.problemId);
          }),
        ),
        ctx,
      ),
    resolve: (e) => e,
  }),
);
