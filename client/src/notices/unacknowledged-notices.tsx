// A unit's home names the monthly notices (提示通报) it has not acknowledged yet, each a link to sign for it, so a
// liaison never has to go looking. Online only (notices are not part of the working set); nothing shows otherwise.
import { graphql } from "../graphql/tada.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { href } from "../router.ts";
import { useOnlineQuery } from "../supervision/use-query.ts";

export const UNACKNOWLEDGED_NOTICES = graphql(`
  query UnacknowledgedNotices {
    monthlyNotices(first: 50) {
      edges {
        node {
          id
          title
          month
          acknowledged
        }
      }
    }
  }
`);

export function UnacknowledgedNotices() {
  const t = useT();
  const q = useOnlineQuery(UNACKNOWLEDGED_NOTICES);
  const open = (q.data?.monthlyNotices.edges ?? []).map((e) => e.node).filter((n) => !n.acknowledged);
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="notices-open-title" className="panel attention">
      <h2 id="notices-open-title">{t("notices.open.title", { count: open.length })}</h2>
      <ul className="plain">
        {open.map((n) => (
          <li key={n.id}>
            <a href={href({ name: "notice", id: n.id })}>{n.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
