// The input of an update holds only what the user changed since the form opened.
// Why: the server keeps the fields an update omits, so two people editing different fields of one item both keep
// their change; sending every field would silently put back the other's older values (a lost update).
// Invariant: a key whose value is the same as when the form opened (deep, by JSON) is left out.

/** The entries of `now` that differ from `opened`; empty when nothing changed. */
export function changedOnly<T extends Record<string, unknown>>(opened: T, now: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(now) as (keyof T)[]) {
    if (JSON.stringify(opened[key]) !== JSON.stringify(now[key])) out[key] = now[key];
  }
  return out;
}

export const isEmpty = (patch: object) => Object.keys(patch).length === 0;
