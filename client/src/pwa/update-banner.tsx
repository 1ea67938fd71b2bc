// "有新版本 / 更新": the service worker is registered with registerType "prompt", so a new version waits until the
// inspector chooses to reload (never mid-form; drafts autosave anyway). Registration happens once per page in
// PwaUpdateProvider (above the login gate); the banner, shown under the header, only reads its state.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { useRegisterSW } from "virtual:pwa-register/react";
import { useT } from "../i18n/i18n-context.tsx";
import { useAnnounce } from "../ui/announcer.tsx";

/** Long-lived tabs (an inspector's phone) check for a new version hourly, not only at navigation. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
const RELOAD_FALLBACK_MS = 3000;

interface PwaUpdate {
  needRefresh: boolean;
  apply: () => void;
  dismiss: () => void;
}

const PwaUpdateContext = createContext<PwaUpdate>({
  needRefresh: false,
  apply: () => undefined,
  dismiss: () => undefined,
});

export function PwaUpdateProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const announce = useAnnounce();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
  });

  useEffect(() => {
    if (!offlineReady) return;
    announce(t("update.offlineReady"));
    setOfflineReady(false);
  }, [offlineReady, setOfflineReady, announce, t]);

  const value = useMemo(
    () => ({
      needRefresh,
      apply() {
        void updateServiceWorker(true);
        // The plugin reloads when the new worker takes control; a page it never controlled gets no such event.
        setTimeout(() => window.location.reload(), RELOAD_FALLBACK_MS);
      },
      dismiss: () => setNeedRefresh(false),
    }),
    [needRefresh, setNeedRefresh, updateServiceWorker],
  );
  return <PwaUpdateContext.Provider value={value}>{children}</PwaUpdateContext.Provider>;
}

export function UpdateBanner() {
  const t = useT();
  const { needRefresh, apply, dismiss } = useContext(PwaUpdateContext);
  if (!needRefresh) return null;
  return (
    <div className="banner update" role="region" aria-label={t("update.available")}>
      <span>{t("update.available")}</span>
      <button type="button" className="primary small" onClick={apply}>
        {t("update.apply")}
      </button>
      <button type="button" className="secondary small" onClick={dismiss}>
        {t("update.later")}
      </button>
    </div>
  );
}
