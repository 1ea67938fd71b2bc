// The app: providers (services, language, announcer, session), the login gate, the shell with header, main and
// bottom navigation, and the route → screen switch. The sync engine runs while someone is logged in.
import { Suspense, useCallback, useEffect, useState } from "react";
import { LoginScreen } from "./auth/login-screen.tsx";
import { SessionProvider, useSession } from "./auth/session.tsx";
import { WorkingSetProvider } from "./cache/working-set-context.tsx";
import { CaptureScreen } from "./capture/capture-screen.tsx";
import { HomeScreen } from "./home/home-screen.tsx";
import { MyMeasuresScreen } from "./progress/my-measures-screen.tsx";
import { ActionsToConfirm, MyActions } from "./campaigns/action-list.tsx";
import { MyTargets } from "./campaigns/my-targets.tsx";
import { ReportScreen } from "./progress/report-screen.tsx";
import { TimelineScreen } from "./progress/timeline-screen.tsx";
import { ProblemScreen } from "./home/problem-screen.tsx";
import { I18nProvider, useT } from "./i18n/i18n-context.tsx";
import { InspectionPickProvider } from "./inspections/inspection-pick.tsx";
import type { Locale } from "./i18n/i18n.ts";
import { OutboxScreen } from "./outbox-ui/outbox-screen.tsx";
import { ConnectivityPill } from "./outbox-ui/sync-status.tsx";
import { PwaUpdateProvider, UpdateBanner } from "./pwa/update-banner.tsx";
import { RecordsScreen } from "./records/records-screen.tsx";
import { href, useRoute, type Route } from "./router.ts";
import { ServicesProvider, useServices, useSyncSnapshot, type Services } from "./services.tsx";
import { SettingsScreen } from "./settings/settings-screen.tsx";
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
import { AnnouncerProvider, StatusRegion } from "./ui/announcer.tsx";
import { DeskLinks } from "./ui/desk-nav.tsx";
import { focusMainHeading, useFocusMainHeading } from "./ui/focus-heading.ts";
import { Icon } from "./ui/icons.tsx";

export function App({ services, initialLocale }: { services: Services; initialLocale: Locale }) {
  const [locale, setLocale] = useState(initialLocale);
  const onLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      void services.cache.updateSettings((s) => ({ ...s, locale: next })).catch(() => undefined);
    },
    [services],
  );
  return (
    <ServicesProvider value={services}>
      <I18nProvider locale={locale} onChange={onLocale}>
        <AnnouncerProvider>
          {/* Outside the gate: the service worker is registered once per page, whatever screen shows. */}
          <PwaUpdateProvider>
            <SessionProvider>
              <Gate />
            </SessionProvider>
          </PwaUpdateProvider>
        </AnnouncerProvider>
      </I18nProvider>
    </ServicesProvider>
  );
}

function Gate() {
  const t = useT();
  const { engine } = useServices();
  const { state, reloginOpen, setReloginOpen } = useSession();
  const authenticated = state.status === "authenticated";

  useEffect(() => {
    if (!authenticated) return;
    engine.start(); // sends what waits now, on every `online` event, and on a timer while work remains
    return () => engine.stop();
  }, [authenticated, engine]);

  if (state.status === "loading") {
    return (
      <Shell nav={false}>
        <p className="muted">{t("common.loading")}</p>
      </Shell>
    );
  }
  if (state.status === "anonymous") {
    return (
      <Shell nav={false}>
        <LoginScreen />
      </Shell>
    );
  }
  return (
    <InspectionPickProvider userId={state.user.id}>
      <WorkingSetProvider userId={state.user.id} withTargets={state.user.role !== "UNIT_LIAISON"}>
        <Shell nav={!reloginOpen} role={state.user.role}>
          {reloginOpen ? (
            <LoginScreen initialUsername={state.user.username} onCancel={() => setReloginOpen(false)} />
          ) : (
            <Suspense fallback={<p className="muted">{t("common.loading")}</p>}>
              <Screen role={state.user.role} />
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

function SessionBanner() {
  const t = useT();
  const { state, setReloginOpen, reloginOpen } = useSession();
  if (state.status !== "authenticated" || !state.expired || reloginOpen) return null;
  return (
    <div className="banner expired" role="region" aria-label={t("session.relogin")}>
      <span>{t("session.expired")}</span>
      <button type="button" className="primary small" onClick={() => setReloginOpen(true)}>
        {t("session.relogin")}
      </button>
    </div>
  );
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

function skipToMain() {
  const main = document.getElementById("main");
  if (main && !focusMainHeading(main)) main.focus();
}

function Shell({ nav, role, children }: { nav: boolean; role?: Role; children: React.ReactNode }) {
  const t = useT();
  return (
    <div className={nav ? "shell with-nav" : "shell"}>
      <button type="button" className="skip-link" onClick={() => skipToMain()}>
        {t("app.skip")}
      </button>
      <header className="app-header">
        <a className="brand" href={href({ name: "home" })}>
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t("app.name")}</span>
        </a>
        <ConnectivityPill />
      </header>
      <UpdateBanner />
      <SessionBanner />
      <StatusRegion />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {nav && role ? <BottomNav role={role} /> : null}
    </div>
  );
}
