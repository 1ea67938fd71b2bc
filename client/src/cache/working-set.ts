// The inspector's working set: every problem and measure they may see, flattened from GraphQL into plain data
// for IndexedDB and offline search. Ids stay Relay global ids for GraphQL; `rawId` is the database UUID the
// sync envelope needs (problemId, measureIds).
import type { Light } from "../lights/lights.ts";
import type { WsTarget } from "../campaigns/targets.ts";

export type Section = "COMPLETED" | "CONTINUING";
export type RectStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "CLOSE_REQUESTED" | "CLOSED" | "RELAPSED";

export interface WsMeasure {
  id: string;
  rawId: string;
  number: number;
  numbered: boolean;
  text: string;
  subPoints: string[];
  status: RectStatus;
  deadline: string | null;
  /** 长期坚持 (absent in copies cached before it existed). */
  longTerm?: boolean;
  overdue: boolean;
  responsibleUnit: string | null;
  /** Traffic light when downloaded (absent in copies cached before lights existed). */
  light?: Light;
}

export interface WsProblem {
  id: string;
  rawId: string;
  section: Section;
  number: number;
  title: string;
  body: string;
  status: RectStatus;
  deadline: string | null;
  overdue: boolean;
  responsibleUnit: string | null;
  leadLeader: string | null;
  participatingUnits: string[];
  measures: WsMeasure[];
  light?: Light;
  /** Global id of its inspection (absent in copies cached before many inspections). */
  inspectionId?: string;
}

export interface WorkingSet {
  /** Whose view of the ledger this is (global user id): another user's cache is never shown. */
  userId: string;
  /** Epoch ms of the download. */
  fetchedAt: number;
  /** The inspections it covers (global ids); absent or empty: every inspection the user may see. */
  inspectionIds?: string[];
  /** The server's ledgerClock read before this copy's download: the next download asks for changes since. */
  clock?: string;
  /** The Asia/Shanghai day of the last full download (lights and overdue flags move with the calendar). */
  day?: string;
  problems: WsProblem[];
  /** The user's campaign targets (专项督查); absent in copies cached before campaigns, or for a unit's liaison. */
  targets?: WsTarget[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The database UUID inside a Relay global id (Pothos encodes base64("Type:uuid")). Accepts a bare UUID too.
 * Throws on anything else: sending a wrong id would only be refused later, far from the cause.
 */
export function rawId(globalId: string): string {
  if (UUID.test(globalId)) return globalId.toLowerCase();
  let decoded = "";
  try {
    decoded = atob(globalId);
  } catch {
    // not base64: fall through to the error below
  }
  const id = decoded.slice(decoded.indexOf(":") + 1);
  if (decoded.includes(":") && UUID.test(id)) return id.toLowerCase();
  throw new Error(`not a global id of a UUID row: ${globalId}`);
}

const SECTION_ORDINAL: Record<Section, string> = { COMPLETED: "一", CONTINUING: "二" };

/** The number inspectors say: section (一 completed, 二 continuing, as in the report) and number, e.g. "二-3". */
export function problemLabel(p: Pick<WsProblem, "section" | "number">): string {
  return `${SECTION_ORDINAL[p.section]}-${p.number}`;
}

export function measureLabel(m: Pick<WsMeasure, "number" | "numbered">): string {
  return m.numbered ? `(${m.number})` : "";
}

// ---- GraphQL result shapes (only what the working-set query asks for) ----
interface Named {
  name: string;
}
interface GqlMeasure {
  id: string;
  number: number;
  numbered: boolean;
  text: string;
  subPoints: string[];
  status: RectStatus;
  deadline: string | null;
  longTerm?: boolean;
  overdue: boolean;
  responsibleUnit: Named | null;
  light?: Light;
}
export interface GqlProblem {
  id: string;
  section: Section;
  number: number;
  title: string;
  body: string;
  status: RectStatus;
  deadline: string | null;
  overdue: boolean;
  responsibleUnit: Named | null;
  leadLeader: Named | null;
  participatingUnits: Named[];
  measures: { edges: { node: GqlMeasure }[] };
  light?: Light;
  inspection?: { id: string };
  /** Asked for in incremental downloads, which include archived problems so the device drops them. */
  archivedAt?: string | null;
}

export function normaliseProblem(p: GqlProblem): WsProblem {
  return {
    id: p.id,
    rawId: rawId(p.id),
    section: p.section,
    number: p.number,
    title: p.title,
    body: p.body,
    status: p.status,
    deadline: p.deadline,
    overdue: p.overdue,
    responsibleUnit: p.responsibleUnit?.name ?? null,
    leadLeader: p.leadLeader?.name ?? null,
    participatingUnits: p.participatingUnits.map((u) => u.name),
    light: p.light,
    ...(p.inspection ? { inspectionId: p.inspection.id } : {}),
    measures: p.measures.edges.map(({ node: m }) => ({
      id: m.id,
      rawId: rawId(m.id),
      number: m.number,
      numbered: m.numbered,
      text: m.text,
      subPoints: m.subPoints,
      status: m.status,
      deadline: m.deadline,
      ...(m.longTerm ? { longTerm: true } : {}),
      overdue: m.overdue,
      responsibleUnit: m.responsibleUnit?.name ?? null,
      light: m.light,
    })),
  };
}

export function findProblem(ws: WorkingSet | null, id: string): WsProblem | null {
  return ws?.problems.find((p) => p.id === id || p.rawId === id) ?? null;
}

/** Keeps the last `max` opened ids, most recent first, without duplicates. */
export function pushRecent(recent: readonly string[], id: string, max = 10): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, max);
}
