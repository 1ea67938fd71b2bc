// The names of the fields a query selects at a path below the field being resolved, through aliases, inline
// fragments and named fragments. Invariant: a superset, never less: type conditions and @skip/@include are not
// evaluated, so whatever might be selected is in the set (callers use it to decide what they may leave unread).
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

function fieldsOf(set: SelectionSetNode, info: GraphQLResolveInfo, seen = new Set<string>()): FieldNode[] {
  return set.selections.flatMap((s): FieldNode[] => {
    if (s.kind === "Field") return [s];
    if (s.kind === "InlineFragment") return fieldsOf(s.selectionSet, info, seen);
    const name = s.name.value;
    const fragment = info.fragments[name];
    if (!fragment || seen.has(name)) return [];
    return fieldsOf(fragment.selectionSet, info, new Set(seen).add(name));
  });
}

/** Field names selected under `path` (field names, not aliases) below the field `info` resolves. */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const step of path) {
    sets = sets.flatMap((s) =>
      fieldsOf(s, info).flatMap((f) => (f.name.value === step && f.selectionSet ? [f.selectionSet] : [])),
    );
  }
  return new Set(sets.flatMap((s) => fieldsOf(s, info).map((f) => f.name.value)));
}
