// PWA entry: opens the cache database, reads the saved language (fetching its catalogue), then mounts the app; the
// sync engine's chunk loads meanwhile (services.tsx). If storage cannot be opened (e.g. a browser mode without
// IndexedDB) it says so plainly instead of showing a half-working app.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { DEFAULT_LOCALE, isLocale, loadLocale, translate } from "./i18n/i18n.ts";
import { createCoreServices } from "./services.tsx";
import "./styles/index.css";

const root = document.getElementById("root")!;

function fatal(error: unknown) {
  console.error(error);
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.className = "fatal";
  p.textContent = `${translate(DEFAULT_LOCALE, "app.name")}：${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(p);
}

try {
  const services = await createCoreServices();
  // The outbox database not opening is as fatal as before; it is only noticed a moment later.
  services.full.catch(fatal);
  const settings = await services.cache.get("settings").catch(() => undefined);
  const saved = isLocale(settings?.locale) ? settings.locale : DEFAULT_LOCALE;
  // A catalogue that cannot load (should not happen: precached) leaves the app in the default language.
  const locale = await loadLocale(saved).then(
    () => saved,
    () => DEFAULT_LOCALE,
  );
  document.documentElement.lang = locale;
  createRoot(root).render(
    <StrictMode>
      <App services={services} initialLocale={locale} />
    </StrictMode>,
  );
} catch (error) {
  fatal(error);
}
