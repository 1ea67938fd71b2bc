// Incremental working sets: `ledgerClock` (the cursor a device keeps after a download) and `removedProblems`
// (deleted since a cursor); the changed problems come from `problems(filter: { changedSince })`. Logged-in only.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { ledgerClock, removedProblemIds } from "../queries/working-set-changes.ts";
import { decodeId } from "./ids.ts";

builder.queryFields((t) => ({
  ledgerClock: t.field({
    type: "DateTime",
    authScopes: { loggedIn: true },
    description:
      "The ledger's clock now: read it before downloading a working set and pass it as filter.changedSince next time",
    resolve: (_root, _args, ctx) => ledgerClock(ctx.prisma),
  }),
  removedProblems: t.idList({
    authScopes: { loggedIn: true },
    description: "Global ids of problems deleted after `since` (a ledgerClock), of these inspections when given",
    args: {
      since: t.arg({ type: "DateTime", required: true }),
      inspectionIds: t.arg.idList({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const inspections = args.inspectionIds?.map((id) => decodeId(id, "Inspection")) ?? null;
      const ids = await removedProblemIds(ctx.prisma, args.since, inspections);
      return ids.map((id) => encodeGlobalID("Problem", id));
    },
  }),
}));
