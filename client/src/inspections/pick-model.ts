// The inspection picker's state (pure): which inspection the screens follow, and which inspections the offline
// working set covers. Invariants: the working list holds the last WORKING_MAX inspections picked, newest first,
// without duplicates; picking "all" (null) leaves it as it is; an empty list means every inspection.
export interface KnownInspection {
  /** Relay global id. */
  id: string;
  name: string;
}

export interface InspectionPick {
  current: string | null;
  working: string[];
  /** Names of the inspections last listed, so the picker works offline. */
  known: KnownInspection[];
}

export const WORKING_MAX = 3;
export const EMPTY_PICK: InspectionPick = { current: null, working: [], known: [] };

export function pickInspection(state: InspectionPick, id: string | null): InspectionPick {
  if (id === null) return { ...state, current: null };
  return { ...state, current: id, working: [id, ...state.working.filter((w) => w !== id)].slice(0, WORKING_MAX) };
}

/** Forgets an inspection that no longer exists (or is no longer visible) everywhere. */
export function withKnown(state: InspectionPick, known: KnownInspection[]): InspectionPick {
  const ids = new Set(known.map((k) => k.id));
  return {
    known,
    current: state.current && ids.has(state.current) ? state.current : null,
    working: state.working.filter((w) => ids.has(w)),
  };
}

export function inspectionName(i: {
  kind: string;
  round?: string | null;
  team: string;
  inspectedBody: string;
}): string {
  return `${i.round ? `${i.round} · ` : ""}${i.team} → ${i.inspectedBody}（${i.kind}）`;
}

/** The database UUID of a Relay global id (base64 "Type:uuid"), for HTTP exports' ?inspection=. */
export function rawInspectionId(globalId: string): string {
  try {
    const decoded = atob(globalId);
    return decoded.slice(decoded.indexOf(":") + 1);
  } catch {
    return globalId;
  }
}
