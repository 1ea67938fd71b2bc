// The supervision screens as links in the side navigation of the desk layout (≥ 1024 px, styles/desk.css); on a
// phone they are not shown (display: none), where the 督办 tab opens the same list as a menu.
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { href, type Route } from "../router.ts";
import { SCREEN_ROUTES, supervisionScreens, type Role, type SupervisionScreen } from "../supervision/menu.ts";

/** The screen a route belongs to, so a notice marks 每月提示通报 current and a filtered problem list the dashboard. */
function screenOf(route: Route): SupervisionScreen | null {
  if (route.name === "notice") return "notices";
  if (route.name === "inspection") return "inspections";
  if (route.name === "problems") return "dashboard";
  return route.name in SCREEN_ROUTES ? (route.name as SupervisionScreen) : null;
}

export function DeskLinks({ role, route }: { role: Role; route: Route }) {
  const t = useT();
  const screens = supervisionScreens(role);
  if (screens.length === 0) return null;
  const current = screenOf(route);
  return (
    <div className="side-only">
      <p className="side-title" id="desk-nav-title">
        {t("desk.sideNav")}
      </p>
      <ul aria-labelledby="desk-nav-title">
        {screens.map((s) => (
          <li key={s}>
            <a href={href(SCREEN_ROUTES[s])} aria-current={current === s ? "page" : undefined}>
              <span>{t(keyOf("sv.menu", s))}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
