// The supervision screens load on first use (their own chunks, still precached for offline), so the field
// inspector's start-up bundle stays small. A chunk that fails to arrive is asked for again (importRetrying), not
// thrown: a plain lazy() that rejects takes the whole app behind the login down with it.
import { lazy } from "react";
import { importRetrying } from "../services.tsx";

export const DashboardScreen = lazy(() =>
  importRetrying(() => import("../dashboard/dashboard-screen.tsx")).then((m) => ({ default: m.DashboardScreen })),
);
export const LedgerScreen = lazy(() =>
  importRetrying(() => import("../ledger/ledger-screen.tsx")).then((m) => ({ default: m.LedgerScreen })),
);
export const ProblemListScreen = lazy(() =>
  importRetrying(() => import("../dashboard/problem-list-screen.tsx")).then((m) => ({ default: m.ProblemListScreen })),
);
export const LightListScreen = lazy(() =>
  importRetrying(() => import("../dashboard/light-list-screen.tsx")).then((m) => ({ default: m.LightListScreen })),
);
export const NoticesScreen = lazy(() =>
  importRetrying(() => import("../notices/notices-screen.tsx")).then((m) => ({ default: m.NoticesScreen })),
);
export const NoticeScreen = lazy(() =>
  importRetrying(() => import("../notices/notice-screen.tsx")).then((m) => ({ default: m.NoticeScreen })),
);
export const AnalysisScreen = lazy(() =>
  importRetrying(() => import("../analysis/analysis-screen.tsx")).then((m) => ({ default: m.AnalysisScreen })),
);
export const LookBacksScreen = lazy(() =>
  importRetrying(() => import("../lookbacks/lookbacks-screen.tsx")).then((m) => ({ default: m.LookBacksScreen })),
);
export const ExportsScreen = lazy(() =>
  importRetrying(() => import("./exports-screen.tsx")).then((m) => ({ default: m.ExportsScreen })),
);
export const OpinionsScreen = lazy(() =>
  importRetrying(() => import("../opinions/opinions-screen.tsx")).then((m) => ({ default: m.OpinionsScreen })),
);
export const InspectionsScreen = lazy(() =>
  importRetrying(() => import("../inspections/inspections-screen.tsx")).then((m) => ({ default: m.InspectionsScreen })),
);
export const InspectionScreen = lazy(() =>
  importRetrying(() => import("../inspections/inspection-screen.tsx")).then((m) => ({ default: m.InspectionScreen })),
);
export const AdminScreen = lazy(() =>
  importRetrying(() => import("../admin/admin-screen.tsx")).then((m) => ({ default: m.AdminScreen })),
);
export const ImportScreen = lazy(() =>
  importRetrying(() => import("../import/import-screen.tsx")).then((m) => ({ default: m.ImportScreen })),
);
export const CampaignsScreen = lazy(() =>
  importRetrying(() => import("../campaigns/campaigns-screen.tsx")).then((m) => ({ default: m.CampaignsScreen })),
);
export const CampaignPlanScreen = lazy(() =>
  importRetrying(() => import("../campaigns/plan-screen.tsx")).then((m) => ({ default: m.CampaignPlanScreen })),
);
export const CampaignScreen = lazy(() =>
  importRetrying(() => import("../campaigns/campaign-screen.tsx")).then((m) => ({ default: m.CampaignScreen })),
);
export const ActionScreen = lazy(() =>
  importRetrying(() => import("../campaigns/action-screen.tsx")).then((m) => ({ default: m.ActionScreen })),
);
