// Everything behind the login, in its own chunk (app.tsx loads it lazily): the inspection pick and working set, the
// shell with bottom navigation, and the route → screen switch. The sync engine runs while this is mounted.
import { Suspense, useEffect } from "react";
import { LoginScreen } from "./auth/login-screen.tsx";
import { useSession } from "./auth/session.tsx";
import type { CachedUser } from "./cache/cache-db.ts";
import { WorkingSetProvider } from "./cache/working-set-context.tsx";
import { CaptureScreen } from "./capture/capture-screen.tsx";
import { HomeScreen } from "./home/home-screen.tsx";
import { MyMeasuresScreen } from "./progress/my-measures-screen.tsx";
import { ActionsToConfirm, MyActions } from "./campaigns/action-list.tsx";
import { MyTargets } from "./campaigns/my-targets.tsx";
import { ReportScreen } from "./progress/report-screen.tsx";
import { TimelineScreen } from "./progress/timeline-screen.tsx";
import { ProblemScreen } from "./home/problem-screen.tsx";
import { useT } from "./i18n/i18n-context.tsx";
import { InspectionPickProvider } from "./inspections/inspection-pick.tsx";
import { OutboxScreen } from "./outbox-ui/outbox-screen.tsx";
import { RecordsScreen } from "./records/records-screen.tsx";
import { href, useRoute, type Route } from "./router.ts";
import { ServicesProvider, useFullServices, useServices, useSyncSnapshot } from "./services.tsx";
import { SettingsScreen } from "./settings/settings-screen.tsx";
import { Shell } from "./shell.tsx";
import {
  AdminScreen,
  ActionScreen,
  AnalysisScreen,
  CampaignPlanScreen,
  CampaignScreen,
  CampaignsScreen,
  DashboardScreen,
  ExportsScreen,
  ImportScreen,
  InspectionScreen,
  InspectionsScreen,
  LedgerScreen,
  LookBacksScreen,
  NoticeScreen,
  LightListScreen,
  NoticesScreen,
  OpinionsScreen,
  ProblemListScreen,
} from "./supervision/lazy-screens.ts";
import { isSupervisionRoute, mayOpen, supervisionScreens, type Role } from "./supervision/menu.ts";
import { NotAllowed, SupervisionScreen } from "./supervision/supervision-screen.tsx";
import { DeskLinks } from "./ui/desk-nav.tsx";
import { useFocusMainHeading } from "./ui/focus-heading.ts";
import { Icon } from "./ui/icons.tsx";

/** Suspends (in app.tsx's boundary) until the engine's chunk has loaded too, then gives the screens every service. */
export function AuthedApp({ user }: { user: CachedUser }) {
  const services = useFullServices();
  return (
    <ServicesProvider value={services}>
      <Authed user={user} />
    </ServicesProvider>
  );
}

function Authed({ user }: { user: CachedUser }) {
  const t = useT();
  const { engine } = useServices();
  const { reloginOpen, setReloginOpen } = useSession();

  useEffect(() => {
    engine.setOwner(user.id); // already set by the session, unless this mounted first: never start ownerless
    engine.start(); // sends what waits now, on every `online` event, and on a timer while work remains
    return () => engine.stop();
  }, [engine, user.id]);

  return (
    <InspectionPickProvider userId={user.id}>
      <WorkingSetProvider userId={user.id} withTargets={user.role !== "UNIT_LIAISON"}>
        <Shell nav={reloginOpen ? null : <BottomNav role={user.role} />}>
          {reloginOpen ? (
            <LoginScreen initialUsername={user.username} onCancel={() => setReloginOpen(false)} />
          ) : (
            <Suspense fallback={<p className="muted">{t("common.loading")}</p>}>
              <Screen role={user.role} />
            </Suspense>
          )}
        </Shell>
      </WorkingSetProvider>
    </InspectionPickProvider>
  );
}

function Screen({ role }: { role: Role }) {
  const route = useRoute();
  const t = useT();
  useFocusMainHeading(route.name); // screen readers and the keyboard start at the new screen's heading
  if (!mayOpen(role, route)) return <NotAllowed />;
  switch (route.name) {
    case "home":
      // A unit's home starts with what it owes: 补充材料 asked for and its measures by urgency.
      // An inspector's starts with their campaign targets and the answers waiting for their confirmation.
      return role === "UNIT_LIAISON" ? (
        <>
          <MyActions />
          <MyMeasuresScreen />
          <HomeScreen />
        </>
      ) : (
        <HomeScreen>
          <MyTargets />
          <ActionsToConfirm />
        </HomeScreen>
      );
    case "myMeasures":
      return <MyMeasuresScreen />;
    case "report":
      return <ReportScreen key={route.id ?? route.measureIds.join(",")} route={route} />;
    case "timeline":
      return <TimelineScreen measureId={route.measureId} />;
    case "problem":
      return <ProblemScreen id={route.id} />;
    case "capture":
      return <CaptureScreen route={route} />;
    case "outbox":
      return <OutboxScreen />;
    case "records":
      return <RecordsScreen problemId={route.problemId} measureId={route.measureId} />;
    case "settings":
      return <SettingsScreen />;
    case "supervision":
      return <SupervisionScreen />;
    case "dashboard":
      return <DashboardScreen />;
    case "problems":
      return <ProblemListScreen unitId={route.unitId} leaderId={route.leaderId} label={route.label} />;
    case "lights":
      return <LightListScreen of={route.of} light={route.light} flag={route.flag} />;
    case "notices":
      return <NoticesScreen />;
    case "notice":
      return <NoticeScreen id={route.id} />;
    case "analysis":
      return <AnalysisScreen period={route.period} />;
    case "lookbacks":
      return <LookBacksScreen />;
    case "exports":
      return <ExportsScreen />;
    case "opinions":
      return <OpinionsScreen />;
    case "admin":
      return <AdminScreen />;
    case "inspections":
      return <InspectionsScreen />;
    case "inspection":
      return <InspectionScreen id={route.id} />;
    case "import":
      return <ImportScreen />;
    case "ledger":
      return <LedgerScreen />;
    case "campaigns":
      return <CampaignsScreen />;
    case "campaignPlan":
      return <CampaignPlanScreen />;
    case "campaign":
      return <CampaignScreen id={route.id} />;
    case "action":
      return <ActionScreen id={route.id} />;
    case "notFound":
      return <a href={href({ name: "home" })}>{t("common.back")}</a>;
  }
}

function NavLink({
  to,
  active,
  icon,
  label,
  badge,
}: {
  to: Route;
  active: boolean;
  icon: Parameters<typeof Icon>[0]["name"];
  label: string;
  badge?: number;
}) {
  return (
    <li>
      <a href={href(to)} aria-current={active ? "page" : undefined}>
        <Icon name={icon} />
        <span>{label}</span>
        {badge ? <span className="badge">{badge}</span> : null}
      </a>
    </li>
  );
}

function BottomNav({ role }: { role: Role }) {
  const t = useT();
  const route = useRoute();
  const { counts } = useSyncSnapshot();
  const staff = role !== "UNIT_LIAISON";
  const waiting = counts.pending + counts.needs_attention;
  return (
    <nav className="bottom-nav" aria-label={t("nav.label")}>
      <ul>
        <NavLink
          to={{ name: "home" }}
          active={route.name === "home" || route.name === "problem"}
          icon="home"
          label={t("nav.home")}
        />
        {staff ? (
          <NavLink
            to={{ name: "capture", recordId: null, problemId: null, measureId: null }}
            active={route.name === "capture"}
            icon="capture"
            label={t("nav.capture")}
          />
        ) : null}
        <NavLink
          to={{ name: "outbox" }}
          active={route.name === "outbox"}
          icon="outbox"
          label={t("nav.outbox")}
          badge={waiting}
        />
        {staff ? (
          <NavLink
            to={{ name: "records", problemId: null, measureId: null }}
            active={route.name === "records"}
            icon="records"
            label={t("nav.records")}
          />
        ) : null}
        {supervisionScreens(role).length > 0 ? (
          <NavLink
            to={{ name: "supervision" }}
            active={isSupervisionRoute(route)}
            icon="supervision"
            label={t("nav.supervision")}
          />
        ) : null}
        <NavLink
          to={{ name: "settings" }}
          active={route.name === "settings"}
          icon="settings"
          label={t("nav.settings")}
        />
      </ul>
      <DeskLinks role={role} route={route} />
    </nav>
  );
}
