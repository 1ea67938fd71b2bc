// PWA entry: opens the device databases, reads the saved language, then mounts the app. If storage cannot be
// opened (e.g. a browser mode without IndexedDB) it says so plainly instead of showing a half-working app.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { DEFAULT_LOCALE, isLocale, translate } from "./i18n/i18n.ts";
import { createServices } from "./services.tsx";
import "./styles/index.css";

const root = document.getElementById("root")!;

try {
  const services = await createServices();
  const settings = await services.cache.get("settings").catch(() => undefined);
  const locale = isLocale(settings?.locale) ? settings.locale : DEFAULT_LOCALE;
  document.documentElement.lang = locale;
  createRoot(root).render(
    <StrictMode>
      <App services={services} initialLocale={locale} />
    </StrictMode>,
  );
} catch (error) {
  console.error(error);
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.className = "fatal";
  p.textContent = `${translate(DEFAULT_LOCALE, "app.name")}：${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(p);
}
