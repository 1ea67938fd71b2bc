// Relay `node` and `nodes`, defined here rather than by the relay plugin so that ids are checked one by one
// (security/node-ids.ts): a malformed id is a typed INVALID_ID for that id only, never a failed list.
import { resolveNodes } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import { parseNodeId } from "../security/node-ids.ts";

const NodeRef = builder.nodeInterfaceRef();

type Ctx = Parameters<typeof resolveNodes>[1];
type Info = Parameters<typeof resolveNodes>[2];

/** One node, or null when no row has that id (Prisma's P2025 from the plugin's loader). */
async function loadOne(id: { typename: string; id: string }, ctx: Ctx, info: Info) {
  try {
    const [found] = await resolveNodes(builder, ctx, info, [id]);
    return found ?? null;
  } catch (err) {
    if ((err as { code?: string }).code === "P2025") return null;
    throw err;
  }
}

builder.queryFields((t) => ({
  node: t.field({
    type: NodeRef,
    nullable: true,
    description: "Any object by its global id; null when it does not exist.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx, info) => {
      const parsed = parseNodeId(args.id, info);
      if (parsed instanceof GraphQLError) throw parsed;
      return (await loadOne(parsed, ctx, info)) as never;
    },
  }),
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description: "Objects by global id, one answer per id (null for a missing, refused or malformed id).",
    args: { ids: t.arg.idList({ required: true }) },
    resolve: async (_root, args, ctx, info) => {
      const parsed = args.ids.map((id) => parseNodeId(id, info));
      const valid = parsed.map((p) => (p instanceof GraphQLError ? null : p));
      // One batch; if some id does not exist (the loader then throws), each id on its own.
      const loaded = await resolveNodes(builder, ctx, info, valid).catch(() =>
        Promise.all(valid.map((p) => (p ? loadOne(p, ctx, info).catch((e: unknown) => e) : null))),
      );
      // An Error item is that item's null plus an error at its path; the other items stand.
      return parsed.map((p, i) => (p instanceof GraphQLError ? p : (loaded[i] ?? null))) as never;
    },
  }),
}));
