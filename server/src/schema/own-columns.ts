// Whether a list's rows need more than their own columns, and which of those columns a query asks for: then a page
// is read in one raw statement (no relation) with just those columns, answering what the Prisma query would have.
import type { GraphQLResolveInfo } from "graphql";
import { selectedFieldNames } from "./selected-fields.ts";

/** A Pothos query that loads nothing beyond the row itself: no relation, count or narrowed selection. */
export function ownColumnsOnly(query: { include?: object; select?: object }): boolean {
  return !query.select && (!query.include || Object.keys(query.include).length === 0);
}

/**
 * The columns to read for the rows at `path` below the field `info` resolves: when every field asked for there is
 * one column of the row (`exposed`: GraphQL field → column, the type's t.expose fields), those and `always`;
 * otherwise null, i.e. every column, as any other field may need.
 */
export function columnsAskedFor<C extends string>(
  info: GraphQLResolveInfo,
  path: readonly string[],
  exposed: Readonly<Record<string, C>>,
  always: readonly C[],
): C[] | null {
  const columns = new Set<C>(always);
  for (const field of selectedFieldNames(info, path)) {
    if (field === "__typename") continue;
    if (!Object.hasOwn(exposed, field)) return null;
    columns.add(exposed[field]!);
  }
  return [...columns].sort();
}
