// For supervisors on a problem screen: its public disclosure page and its printable QR poster, both served by the
// server at the problem's database UUID (the Relay id decoded), opened outside the app.
import type { CachedUser } from "../cache/cache-db.ts";
import type { WsProblem } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { isSupervisor } from "../supervision/menu.ts";
import { publicProblemUrls } from "./public-urls.ts";

export function PublicLinks({ problem, role }: { problem: WsProblem; role: CachedUser["role"] }) {
  const t = useT();
  if (!isSupervisor(role)) return null;
  const urls = publicProblemUrls(problem);
  return (
    <p className="item-actions">
      <a className="link-button" href={urls.page} target="_blank" rel="noopener">
        {t("problem.publicPage")}
      </a>
      <a className="link-button" href={urls.poster} target="_blank" rel="noopener">
        {t("problem.qrPoster")}
      </a>
    </p>
  );
}
