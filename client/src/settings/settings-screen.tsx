// Settings: who is logged in, the language (stored in the cache DB), persistent storage (asked at the first
// capture; re-askable here) with the space used, and logout, which warns when records have not synced yet.
import { useEffect, useState, useSyncExternalStore } from "react";
import { useSession, useUser } from "../auth/session.tsx";
import type { PersistState } from "../cache/cache-db.ts";
import { requestPersistentStorage } from "../capture/persistence.ts";
import { useI18n } from "../i18n/i18n-context.tsx";
import { keyOf, LOCALE_NAMES, LOCALES } from "../i18n/i18n.ts";
import { formatBytes } from "../lib/ids.ts";
import { isOwnedBy } from "../outbox/index.ts";
import { useServices, useSyncSnapshot } from "../services.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { isNearlyFull } from "./storage-space.ts";
import { storagePressure } from "./storage-pressure.ts";

declare const __APP_VERSION__: string;

function useStorageInfo(): {
  persist: PersistState | null;
  usage: { used: number; quota: number } | null;
  refresh: () => void;
} {
  const { cache } = useServices();
  const [persist, setPersist] = useState<PersistState | null>(null);
  const [usage, setUsage] = useState<{ used: number; quota: number } | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void (async () => {
      const settings = (await cache.get("settings")) ?? {};
      // The browser's live answer wins: the permission may have changed since we asked.
      const live = navigator.storage?.persisted ? await navigator.storage.persisted().catch(() => null) : null;
      const supported = typeof navigator.storage?.persist === "function";
      setPersist(live === true ? "granted" : (settings.persist?.state ?? (supported ? null : "unsupported")));
      const estimate = navigator.storage?.estimate ? await navigator.storage.estimate().catch(() => null) : null;
      if (estimate?.quota) setUsage({ used: estimate.usage ?? 0, quota: estimate.quota });
    })();
  }, [cache, tick]);
  return { persist, usage, refresh: () => setTick((n) => n + 1) };
}

export function SettingsScreen() {
  const { t, locale, setLocale } = useI18n();
  const user = useUser();
  const { logout } = useSession();
  const { cache, store } = useServices();
  const announce = useAnnounce();
  const { counts } = useSyncSnapshot();
  const storage = useStorageInfo();
  const fullSince = useSyncExternalStore(storagePressure.subscribe, storagePressure.fullSince);
  const [confirmLogout, setConfirmLogout] = useState<number | null>(null);

  async function onLogout() {
    // Only this user's: other users' records on the phone are not affected by this logout.
    const drafts = (await store.listDrafts()).filter((d) => isOwnedBy(d, user.id)).length;
    const unsynced = counts.pending + counts.needs_attention + counts.draft + drafts;
    if (unsynced > 0 && confirmLogout === null) {
      setConfirmLogout(unsynced);
      return;
    }
    await logout();
  }

  async function askPersist() {
    const state = await requestPersistentStorage(cache);
    announce(t(keyOf("settings.persist", state)));
    storage.refresh();
  }

  const persistKey = keyOf("settings.persist", storage.persist ?? "unknown");
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t("settings.title")}</h1>

      <h2>{t("settings.user")}</h2>
      <p>
        <strong>{user.displayName}</strong> ({user.username}) · {t(keyOf("role", user.role))}
        {user.unitName ? ` · ${user.unitName}` : ""}
      </p>

      <fieldset className="field">
        <legend>{t("settings.language")}</legend>
        <div className="segmented vertical">
          {LOCALES.map((l) => (
            <label key={l} className={l === locale ? "segment selected" : "segment"} lang={l}>
              <input type="radio" name="locale" value={l} checked={l === locale} onChange={() => setLocale(l)} />
              <span>{LOCALE_NAMES[l]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <h2>{t("settings.storage")}</h2>
      <p className={storage.persist === "granted" ? "notice ok" : "notice"}>{t(persistKey)}</p>
      {storage.usage ? (
        <p className="muted">
          {t("settings.usage", { used: formatBytes(storage.usage.used), quota: formatBytes(storage.usage.quota) })}
        </p>
      ) : null}
      {fullSince !== null ? (
        <p className="notice attention" role="alert">
          {t("device.storageFull")}
        </p>
      ) : storage.usage && isNearlyFull(storage.usage) ? (
        <p className="notice attention" role="alert">
          {t("device.storageLow", { free: formatBytes(Math.max(0, storage.usage.quota - storage.usage.used)) })}
        </p>
      ) : null}
      {storage.persist !== "granted" && storage.persist !== "unsupported" ? (
        <button type="button" className="secondary" onClick={() => void askPersist()}>
          {t("settings.persist.request")}
        </button>
      ) : null}

      <div className="logout">
        {confirmLogout !== null ? (
          <div className="confirm" role="group" aria-labelledby="logout-warning">
            <p id="logout-warning" className="notice attention">
              {t("settings.logoutPending", { count: confirmLogout })}
            </p>
            <button type="button" className="danger" onClick={() => void logout()}>
              {t("settings.logoutYes")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmLogout(null)}>
              {t("common.cancel")}
            </button>
          </div>
        ) : (
          <button type="button" className="secondary block" onClick={() => void onLogout()}>
            {t("settings.logout")}
          </button>
        )}
      </div>
      <p className="muted small">{t("settings.version", { version: __APP_VERSION__ })}</p>
    </section>
  );
}
