// Relay `node`/`nodes` (defined in schema/nodes.ts instead of by the plugin) with malformed ids: a typed INVALID_ID error for that id (never an internal error), and in
// `nodes` only for that item, so one bad or missing id cannot null the whole list. Well-formed ids of nothing
// are null, as Relay expects. Invariant: no malformed id reaches the database.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError, isObjectType, type GraphQLResolveInfo } from "graphql";
import { ErrorCodes } from "../errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parsed id when `id` is a global id of a Node type with a UUID; otherwise the error to answer for it. */
export function parseNodeId(id: unknown, info: GraphQLResolveInfo): { typename: string; id: string } | GraphQLError {
  let decoded: { typename: string; id: string } | null = null;
  try {
    decoded = decodeGlobalID(String(id));
  } catch {
    decoded = null;
  }
  const type = decoded ? info.schema.getType(decoded.typename) : null;
  const isNode = !!type && isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node");
  if (decoded && isNode && UUID.test(decoded.id)) return { typename: decoded.typename, id: decoded.id.toLowerCase() };
  return new GraphQLError(`"${String(id).slice(0, 100)}" is not a valid id`, {
    extensions: { code: ErrorCodes.INVALID_ID },
  });
}
