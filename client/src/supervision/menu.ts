// Who sees which supervision screen (pure): supervisors and admins everything; inspectors the inspections overview,
// the dashboard and look-backs, read-only (editing an inspection and 导入 are for supervisors); a unit liaison their
// unit's dashboard and monthly notices; only admins users and units.
import type { CachedUser } from "../cache/cache-db.ts";
import type { Route } from "../router.ts";

export type Role = CachedUser["role"];
export type SupervisionScreen =
  | "inspections"
  | "import"
  | "dashboard"
  | "ledger"
  | "campaigns"
  | "notices"
  | "analysis"
  | "lookbacks"
  | "exports"
  | "opinions"
  | "admin";

/** A supervisor's screens; an admin has the same and user administration. */
const SUPERVISOR_SCREENS: readonly SupervisionScreen[] = [
  "inspections",
  "import",
  "dashboard",
  "ledger",
  "campaigns",
  "notices",
  "analysis",
  "lookbacks",
  "exports",
  "opinions",
];

const BY_ROLE: Record<Role, readonly SupervisionScreen[]> = {
  ADMIN: [...SUPERVISOR_SCREENS, "admin"],
  SUPERVISOR: SUPERVISOR_SCREENS,
  INSPECTOR: ["inspections", "dashboard", "lookbacks"],
  UNIT_LIAISON: ["dashboard", "notices"],
};

/** Where each screen opens (the 督办 menu and the desk layout's side navigation). */
export const SCREEN_ROUTES: Record<SupervisionScreen, Route> = {
  inspections: { name: "inspections" },
  import: { name: "import" },
  dashboard: { name: "dashboard" },
  ledger: { name: "ledger" },
  campaigns: { name: "campaigns" },
  notices: { name: "notices" },
  analysis: { name: "analysis", period: null },
  lookbacks: { name: "lookbacks" },
  exports: { name: "exports" },
  opinions: { name: "opinions" },
  admin: { name: "admin" },
};

export function supervisionScreens(role: Role): readonly SupervisionScreen[] {
  return BY_ROLE[role] ?? [];
}

/** Verifies, closes out, issues notices, answers opinions, changes thresholds. */
export function isSupervisor(role: Role): boolean {
  return role === "ADMIN" || role === "SUPERVISOR";
}

/** Routes that belong to the supervision area (the bottom navigation marks "督办" current on them). */
export function isSupervisionRoute(route: Route): boolean {
  return [
    "supervision",
    "dashboard",
    "problems",
    "lights",
    "notices",
    "notice",
    "analysis",
    "lookbacks",
    "exports",
    "opinions",
    "admin",
    "inspections",
    "inspection",
    "import",
    "ledger",
    "campaigns",
    "campaignPlan",
    "campaign",
  ].includes(route.name);
}

/** Whether a role may open a supervision route; other routes are not this module's concern (true). */
export function mayOpen(role: Role, route: Route): boolean {
  const screens = supervisionScreens(role);
  switch (route.name) {
    case "supervision":
    case "problems":
      return screens.length > 0;
    case "lights":
      return screens.includes("dashboard");
    case "notice":
      return screens.includes("notices");
    case "inspection":
      return screens.includes("inspections");
    case "campaignPlan":
    case "campaign":
      return screens.includes("campaigns");
    case "dashboard":
    case "notices":
    case "analysis":
    case "lookbacks":
    case "exports":
    case "opinions":
    case "admin":
    case "inspections":
    case "import":
    case "ledger":
    case "campaigns":
      return screens.includes(route.name);
    default:
      return true;
  }
}
