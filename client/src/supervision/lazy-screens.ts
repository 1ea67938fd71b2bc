// The supervision screens load on first use (their own chunks, still precached for offline), so the field
// inspector's start-up bundle stays small.
import { lazy } from "react";

export const DashboardScreen = lazy(() =>
  import("../dashboard/dashboard-screen.tsx").then((m) => ({ default: m.DashboardScreen })),
);
export const LedgerScreen = lazy(() =>
  import("../ledger/ledger-screen.tsx").then((m) => ({ default: m.LedgerScreen })),
);
export const ProblemListScreen = lazy(() =>
  import("../dashboard/problem-list-screen.tsx").then((m) => ({ default: m.ProblemListScreen })),
);
export const LightListScreen = lazy(() =>
  import("../dashboard/light-list-screen.tsx").then((m) => ({ default: m.LightListScreen })),
);
export const NoticesScreen = lazy(() =>
  import("../notices/notices-screen.tsx").then((m) => ({ default: m.NoticesScreen })),
);
export const NoticeScreen = lazy(() =>
  import("../notices/notice-screen.tsx").then((m) => ({ default: m.NoticeScreen })),
);
export const AnalysisScreen = lazy(() =>
  import("../analysis/analysis-screen.tsx").then((m) => ({ default: m.AnalysisScreen })),
);
export const LookBacksScreen = lazy(() =>
  import("../lookbacks/lookbacks-screen.tsx").then((m) => ({ default: m.LookBacksScreen })),
);
export const ExportsScreen = lazy(() => import("./exports-screen.tsx").then((m) => ({ default: m.ExportsScreen })));
export const OpinionsScreen = lazy(() =>
  import("../opinions/opinions-screen.tsx").then((m) => ({ default: m.OpinionsScreen })),
);
export const InspectionsScreen = lazy(() =>
  import("../inspections/inspections-screen.tsx").then((m) => ({ default: m.InspectionsScreen })),
);
export const InspectionScreen = lazy(() =>
  import("../inspections/inspection-screen.tsx").then((m) => ({ default: m.InspectionScreen })),
);
export const AdminScreen = lazy(() => import("../admin/admin-screen.tsx").then((m) => ({ default: m.AdminScreen })));
export const ImportScreen = lazy(() =>
  import("../import/import-screen.tsx").then((m) => ({ default: m.ImportScreen })),
);
export const CampaignsScreen = lazy(() =>
  import("../campaigns/campaigns-screen.tsx").then((m) => ({ default: m.CampaignsScreen })),
);
export const CampaignPlanScreen = lazy(() =>
  import("../campaigns/plan-screen.tsx").then((m) => ({ default: m.CampaignPlanScreen })),
);
export const CampaignScreen = lazy(() =>
  import("../campaigns/campaign-screen.tsx").then((m) => ({ default: m.CampaignScreen })),
);
export const ActionScreen = lazy(() =>
  import("../campaigns/action-screen.tsx").then((m) => ({ default: m.ActionScreen })),
);
