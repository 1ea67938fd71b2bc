// A tiny hash router: hash routes work offline from the precached shell and need nothing from the server.
// parseRoute/href are pure and inverse of each other; useRoute re-renders on hashchange.
import { useSyncExternalStore } from "react";

export type Route =
  | { name: "home" }
  | { name: "problem"; id: string }
  | { name: "capture"; recordId: string | null; problemId: string | null; measureId: string | null }
  | { name: "outbox" }
  | { name: "records"; problemId: string | null; measureId: string | null }
  | { name: "settings" }
  | { name: "supervision" }
  | { name: "dashboard" }
  /** Problems of a unit or a lead leader, online (from the dashboard); `label` names the filter for the heading. */
  | { name: "problems"; unitId: string | null; leaderId: string | null; label: string | null }
  | { name: "notices" }
  | { name: "notice"; id: string }
  | { name: "analysis"; period: string | null }
  | { name: "lookbacks" }
  | { name: "exports" }
  | { name: "opinions" }
  /** 用户与单位: accounts and units, for admins. */
  | { name: "admin" }
  | { name: "notFound"; path: string };

/** Supervision screens without arguments: the path is the name. */
const PLAIN = ["supervision", "dashboard", "notices", "lookbacks", "exports", "opinions", "admin"] as const;
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
    return {
      name: "capture",
      recordId: arg && arg !== "new" ? arg : null,
      problemId: params.get("problem"),
      measureId: params.get("measure"),
    };
  }
  if (head === "outbox" && parts.length === 1) return { name: "outbox" };
  if (head === "records" && parts.length === 1) {
    return { name: "records", problemId: params.get("problem"), measureId: params.get("measure") };
  }
  if (head === "settings" && parts.length === 1) return { name: "settings" };
  if (isPlain(head) && parts.length === 1) return { name: head };
  if (head === "notices" && arg && parts.length === 2) return { name: "notice", id: arg };
  if (head === "problems" && parts.length === 1) {
    return { name: "problems", unitId: params.get("unit"), leaderId: params.get("leader"), label: params.get("label") };
  }
  if (head === "analysis" && parts.length === 1) return { name: "analysis", period: params.get("period") };
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
      return `#/${route.name}`;
    case "notice":
      return `#/notices/${enc(route.id)}`;
    case "problems":
      return withQuery("#/problems", { unit: route.unitId, leader: route.leaderId, label: route.label });
    case "analysis":
      return withQuery("#/analysis", { period: route.period });
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
