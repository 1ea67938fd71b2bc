// The app: providers (services, language, announcer, session) and the login gate. Everything behind the login is a
// lazy chunk (authed-app.tsx), so the login screen's JS stays within its budget (tests/browser/login-js-size).
import { lazy, Suspense, useCallback, useState } from "react";
import { LoginScreen } from "./auth/login-screen.tsx";
import { SessionProvider, useSession } from "./auth/session.tsx";
import { I18nProvider, useT } from "./i18n/i18n-context.tsx";
import type { Locale } from "./i18n/i18n.ts";
import { PwaUpdateProvider } from "./pwa/update-banner.tsx";
import { CoreServicesProvider, importRetrying, type CoreServices } from "./services.tsx";
import { Shell } from "./shell.tsx";
import { AnnouncerProvider } from "./ui/announcer.tsx";

// Fetched at start-up, not at login: an offline start or a connection lost after the login screen still finds it.
const authedApp = importRetrying(() => import("./authed-app.tsx"));
const AuthedApp = lazy(() => authedApp.then((m) => ({ default: m.AuthedApp })));

export function App({ services, initialLocale }: { services: CoreServices; initialLocale: Locale }) {
  const [locale, setLocale] = useState(initialLocale);
  const onLocale = useCallback(
    (next: Locale) => {
      setLocale(next); // the text follows once its catalogue arrived (I18nProvider)
      void services.cache.updateSettings((s) => ({ ...s, locale: next })).catch(() => undefined);
    },
    [services],
  );
  return (
    <CoreServicesProvider value={services}>
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
    </CoreServicesProvider>
  );
}

function Gate() {
  const t = useT();
  const { state } = useSession();
  const loading = (
    <Shell nav={null}>
      <p className="muted">{t("common.loading")}</p>
    </Shell>
  );
  if (state.status === "loading") return loading;
  if (state.status === "anonymous") {
    return (
      <Shell nav={null}>
        <LoginScreen />
      </Shell>
    );
  }
  return (
    <Suspense fallback={loading}>
      <AuthedApp user={state.user} />
    </Suspense>
  );
}
