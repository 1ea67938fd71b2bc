// Working sets (the PWA's offline copy): `workingSetProblems` (the pages of problems, built in SQL), `ledgerClock`
// (the cursor a device keeps after a download) and `removedProblems` (deleted since a cursor); the changed problems
// come from the same pages with filter.changedSince. Logged-in only; rows as the viewer may see them.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { ledgerClock, removedProblemIds } from "../queries/working-set-changes.ts";
import { WORKING_SET_PAGE_MAX, workingSetPage, type WorkingSetPage } from "../queries/working-set-page.ts";
import { decodeId } from "./ids.ts";
import { filterArgs, LedgerFilterInput } from "./ledger.ts";

const WorkingSetPageRef = builder.objectRef<WorkingSetPage>("WorkingSetPage").implement({
  description: "One page of a working-set download",
  fields: (t) => ({
    problems: t.field({
      type: "JSON",
      description:
        "The page's problems, each exactly as `problems` would give these fields of it: id section number title " +
        "body status deadline overdue light inspection{id} archivedAt responsibleUnit{name} leadLeader{name} " +
        "participatingUnits{name} measures{edges{node{id number numbered text subPoints status deadline longTerm " +
        "overdue light responsibleUnit{name}}}} (live measures the viewer may see, by number)",
      resolve: (p) => p.problems,
    }),
    endCursor: t.string({ nullable: true, resolve: (p) => p.endCursor && encodeGlobalID("Problem", p.endCursor) }),
    hasNextPage: t.exposeBoolean("hasNextPage"),
  }),
});

builder.queryFields((t) => ({
  workingSetProblems: t.field({
    type: WorkingSetPageRef,
    authScopes: { loggedIn: true },
    description:
      "Problems in report order, filtered and paged like `problems`, with their measures, in one JSON value: " +
      "what a device downloads for offline work, without resolving ~30k objects field by field",
    args: {
      first: t.arg.int({ required: false, description: `At most ${WORKING_SET_PAGE_MAX}` }),
      after: t.arg.string({ required: false, description: "endCursor of the previous page" }),
      filter: t.arg({ type: LedgerFilterInput, required: false }),
    },
    resolve: (_root, args, ctx) =>
      workingSetPage(
        ctx,
        filterArgs(ctx, args.filter),
        args.after ? decodeId(args.after, "Problem") : null,
        args.first ?? WORKING_SET_PAGE_MAX,
        encodeGlobalID,
      ),
  }),
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
