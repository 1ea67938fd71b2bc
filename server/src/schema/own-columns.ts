// Whether a Pothos Prisma query reads only the row's own columns: then a list may read its page in one raw
// statement (every column, no relation) and answer exactly what the Prisma query would have.

/** A Pothos query that loads nothing beyond the row itself: no relation, count or narrowed selection. */
export function ownColumnsOnly(query: { include?: object; select?: object }): boolean {
  return !query.select && (!query.include || Object.keys(query.include).length === 0);
}
