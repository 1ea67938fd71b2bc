// The frame around every screen, login included: skip link, header with the connectivity pill, banners, main and
// (behind the login) the bottom navigation. The pill needs the sync engine, so it appears once that chunk loaded.
import { lazy, Suspense, type ReactNode } from "react";
import { useSession } from "./auth/session.tsx";
import { useT } from "./i18n/i18n-context.tsx";
import { UpdateBanner } from "./pwa/update-banner.tsx";
import { href } from "./router.ts";
import { importRetrying, ServicesProvider, useFullServices } from "./services.tsx";
import { StatusRegion } from "./ui/announcer.tsx";
import { focusMainHeading } from "./ui/focus-heading.ts";

// Retried like the other lazy chunks: a plain lazy() that failed would throw here and take the login screen down.
const ConnectivityPill = lazy(() =>
  importRetrying(() => import("./outbox-ui/sync-status.tsx")).then((m) => ({ default: m.ConnectivityPill })),
);

function Pill() {
  const services = useFullServices();
  return (
    <ServicesProvider value={services}>
      <ConnectivityPill />
    </ServicesProvider>
  );
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

function skipToMain() {
  const main = document.getElementById("main");
  if (main && !focusMainHeading(main)) main.focus();
}

export function Shell({ nav, children }: { nav: ReactNode; children: ReactNode }) {
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
        <Suspense fallback={null}>
          <Pill />
        </Suspense>
      </header>
      <UpdateBanner />
      <SessionBanner />
      <StatusRegion />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {nav}
    </div>
  );
}
