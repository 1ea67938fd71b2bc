// The app: providers (services, language, announcer, session) and the login gate. Everything behind the login is a
// lazy chunk (authed-app.tsx), so the login screen's JS stays within its budget (tests/browser/login-js-size).
import { lazy, Suspense, useCallback, useState } from "react";
import { LoginScreen } from "./auth/login-screen.tsx";
import { SessionProvider, useSession } from "./auth/session.tsx";
import { I18nProvider, useT } from "./i18n/i18n-context.tsx";
import { loadLocale, type Locale } from "./i18n/i18n.ts";
import { PwaUpdateProvider } from "./pwa/update-banner.tsx";
import { CoreServicesProvider, type CoreServices } from "./services.tsx";
import { Shell } from "./shell.tsx";
import { AnnouncerProvider } from "./ui/announcer.tsx";

const AuthedApp = lazy(() => import("./authed-app.tsx").then((m) => ({ default: m.AuthedApp })));

export function App({ services, initialLocale }: { services: CoreServices; initialLocale: Locale }) {
  const [locale, setLocale] = useState(initialLocale);
  const onLocale = useCallback(
    (next: Locale) => {
      // Shown once its catalogue arrived (a chunk the service worker holds, so offline too).
      void loadLocale(next)
        .then(() => setLocale(next))
        .catch((error: unknown) => console.warn("language failed to load", error));
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
