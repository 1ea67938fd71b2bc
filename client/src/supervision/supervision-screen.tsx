// 督办: the supervision screens this user's role may open, as a menu (the bottom bar has room for one entry).
import { useUser } from "../auth/session.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { href } from "../router.ts";
import { SCREEN_ROUTES, supervisionScreens } from "./menu.ts";

export function SupervisionScreen() {
  const t = useT();
  const user = useUser();
  const screens = supervisionScreens(user.role);
  return (
    <section className="screen" aria-labelledby="sv-title">
      <h1 id="sv-title">{t("sv.title")}</h1>
      <ul className="item-list" aria-labelledby="sv-title">
        {screens.map((s) => (
          <li key={s}>
            <a className="item-row" href={href(SCREEN_ROUTES[s])}>
              <span className="item-text">
                <span className="item-title">{t(keyOf("sv.menu", s))}</span>
                <span className="item-sub">{t(keyOf("sv.menuHint", s))}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Shown instead of a supervision screen the role may not open (e.g. a typed-in address). */
export function NotAllowed() {
  const t = useT();
  return (
    <section className="screen" aria-labelledby="na-title">
      <h1 id="na-title">{t("sv.notAllowedTitle")}</h1>
      <p className="notice attention">{t("sv.notAllowed")}</p>
      <a href={href({ name: "home" })}>{t("common.back")}</a>
    </section>
  );
}
