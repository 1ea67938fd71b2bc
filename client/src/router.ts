// A tiny hash router: hash routes work offline from the precached shell and need nothing from the server.
// parseRoute/href are pure and inverse of each other; useRoute re-renders on hashchange.
import { useSyncExternalStore } from "react";
import type { RecordKind } from "@rectify/server/sync";

// Not the server's RECORD_KINDS value: importing it pulls the sync envelope (zod) into the login screen's JS.
// A Record over RecordKind still fails the type check if a kind is added or removed.
const RECORD_KINDS: Record<RecordKind, true> = { SITE_VISIT: true, LEDGER_CHECK: true, ONSITE_QUESTIONING: true };

export type Route =
  | { name: "home" }
  | { name: "problem"; id: string }
  | {
      name: "capture";
      recordId: string | null;
      problemId: string | null;
      measureId: string | null;
      /** A campaign target (global id) the record is made for; `kind` preselects the method. */
      targetId?: string;
      kind?: RecordKind;
    }
  | { name: "outbox" }
  | { name: "records"; problemId: string | null; measureId: string | null }
  | { name: "settings" }
  | { name: "supervision" }
  | { name: "dashboard" }
  /** Problems of a unit or a lead leader, online (from the dashboard); `label` names the filter for the heading. */
  | { name: "problems"; unitId: string | null; leaderId: string | null; label: string | null }
  /** What a dashboard count opens: the measures (or problems) with a light and/or a flag, red first. */
  | { name: "lights"; of: "measures" | "problems"; light: string | null; flag: string | null }
  | { name: "notices" }
  | { name: "notice"; id: string }
  | { name: "analysis"; period: string | null }
  | { name: "lookbacks" }
  | { name: "exports" }
  | { name: "opinions" }
  /** 用户与单位: accounts and units, for admins. */
  | { name: "admin" }
  /** 我的整改事项: a unit's measures by urgency, with 补充材料 requests. */
  | { name: "myMeasures" }
  /** Report progress (整改进展) on measures (raw ids); `id` is an existing report or draft; `answers` a 补充材料 request. */
  | {
      name: "report";
      id: string | null;
      measureIds: string[];
      answers: string | null;
      /** A rectification action (督促整改事项, global id) the report answers. */
      action?: string;
    }
  /** A measure's timeline (global or raw id). */
  | { name: "timeline"; measureId: string }
  /** 巡察一览: every inspection side by side; `inspection`: one to edit by hand ("new" creates one). */
  | { name: "inspections" }
  | { name: "inspection"; id: string }
  /** 导入: a progress report or a ledger spreadsheet, reviewed before it counts (supervisors). */
  | { name: "import" }
  /** 台账表格: problems × measures as one sortable, filterable table (supervisors, at a desk). */
  | { name: "ledger" }
  /** 专项督查: the list, planning one, and one campaign's coverage. */
  | { name: "campaigns" }
  | { name: "campaignPlan" }
  | { name: "campaign"; id: string }
  /** A rectification action (督促整改事项): answer it (unit) or confirm / reopen it (inspector, supervisor). */
  | { name: "action"; id: string }
  | { name: "notFound"; path: string };

/** Supervision screens without arguments: the path is the name. */
const PLAIN = [
  "supervision",
  "dashboard",
  "notices",
  "lookbacks",
  "exports",
  "opinions",
  "admin",
  "inspections",
  "import",
  "ledger",
  "campaigns",
] as const;
type PlainName = (typeof PLAIN)[number];
const isPlain = (s: string): s is PlainName => (PLAIN as readonly string[]).includes(s);

const dec = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/";
  const [path = "/", query = ""] = raw.split("?", 2);
  const params = new URLSearchParams(query);
  const parts = path.split("/").filter(Boolean).map(dec);
  const [head, arg] = parts;
  if (!head) return { name: "home" };
  if (head === "problem" && arg && parts.length === 2) return { name: "problem", id: arg };
  if (head === "capture" && parts.length <= 2) {
    const target = params.get("target");
    const kind = params.get("kind");
    return {
      name: "capture",
      recordId: arg && arg !== "new" ? arg : null,
      problemId: params.get("problem"),
      measureId: params.get("measure"),
      ...(target ? { targetId: target } : {}),
      ...(kind && Object.hasOwn(RECORD_KINDS, kind) ? { kind: kind as RecordKind } : {}),
    };
  }
  if (head === "outbox" && parts.length === 1) return { name: "outbox" };
  if (head === "records" && parts.length === 1) {
    return { name: "records", problemId: params.get("problem"), measureId: params.get("measure") };
  }
  if (head === "settings" && parts.length === 1) return { name: "settings" };
  if (isPlain(head) && parts.length === 1) return { name: head };
  if (head === "campaigns" && arg === "new" && parts.length === 2) return { name: "campaignPlan" };
  if (head === "campaigns" && arg && parts.length === 2) return { name: "campaign", id: arg };
  if (head === "actions" && arg && parts.length === 2) return { name: "action", id: arg };
  if (head === "notices" && arg && parts.length === 2) return { name: "notice", id: arg };
  if (head === "inspections" && arg && parts.length === 2) return { name: "inspection", id: arg };
  if (head === "problems" && parts.length === 1) {
    return { name: "problems", unitId: params.get("unit"), leaderId: params.get("leader"), label: params.get("label") };
  }
  if (head === "lights" && parts.length === 1) {
    const of = params.get("of") === "problems" ? "problems" : "measures";
    return { name: "lights", of, light: params.get("light"), flag: params.get("flag") };
  }
  if (head === "analysis" && parts.length === 1) return { name: "analysis", period: params.get("period") };
  if (head === "my" && parts.length === 1) return { name: "myMeasures" };
  if (head === "report" && parts.length <= 2) {
    const measures = params.get("measures");
    const action = params.get("action");
    return {
      name: "report",
      id: arg && arg !== "new" ? arg : null,
      measureIds: measures ? measures.split(",").filter(Boolean) : [],
      answers: params.get("answers"),
      ...(action ? { action } : {}),
    };
  }
  if (head === "timeline" && arg && parts.length === 2) return { name: "timeline", measureId: arg };
  return { name: "notFound", path };
}

function withQuery(path: string, query: Record<string, string | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

export function href(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.name) {
    case "home":
      return "#/";
    case "problem":
      return `#/problem/${enc(route.id)}`;
    case "capture":
      return withQuery(`#/capture/${route.recordId ? enc(route.recordId) : "new"}`, {
        problem: route.problemId,
        measure: route.measureId,
        target: route.targetId ?? null,
        kind: route.kind ?? null,
      });
    case "outbox":
      return "#/outbox";
    case "records":
      return withQuery("#/records", { problem: route.problemId, measure: route.measureId });
    case "settings":
      return "#/settings";
    case "supervision":
    case "dashboard":
    case "notices":
    case "lookbacks":
    case "exports":
    case "opinions":
    case "admin":
    case "inspections":
    case "import":
    case "ledger":
    case "campaigns":
      return `#/${route.name}`;
    case "campaignPlan":
      return "#/campaigns/new";
    case "campaign":
      return `#/campaigns/${enc(route.id)}`;
    case "action":
      return `#/actions/${enc(route.id)}`;
    case "inspection":
      return `#/inspections/${enc(route.id)}`;
    case "notice":
      return `#/notices/${enc(route.id)}`;
    case "problems":
      return withQuery("#/problems", { unit: route.unitId, leader: route.leaderId, label: route.label });
    case "analysis":
      return withQuery("#/analysis", { period: route.period });
    case "lights":
      return withQuery("#/lights", { of: route.of, light: route.light, flag: route.flag });
    case "myMeasures":
      return "#/my";
    case "report":
      return withQuery(`#/report/${route.id ? enc(route.id) : "new"}`, {
        measures: route.measureIds.join(",") || null,
        answers: route.answers,
        action: route.action ?? null,
      });
    case "timeline":
      return `#/timeline/${enc(route.measureId)}`;
    case "notFound":
      return `#${route.path}`;
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const target = href(route);
  if (options.replace) {
    history.replaceState(history.state, "", target);
    // replaceState fires no hashchange; tell the subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    location.hash = target;
  }
}

function subscribe(listener: () => void): () => void {
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}
