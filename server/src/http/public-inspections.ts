// The public index of inspections (/public/inspections): every published inspection with its live problems and
// measures and a link to its progress report. Invariant: unpublished inspections and archived rows never show.
import type { PrismaClient } from "../db.ts";
import { PUBLIC_INSPECTION } from "../queries/visibility.ts";
import { esc } from "./html.ts";
import { kindLabel, publicT, type PublicLocale } from "./public-i18n.ts";

/** The page's title and body in the reader's script; the caller lays it out. */
export async function inspectionsPage(prisma: PrismaClient, locale: PublicLocale = "zh-CN") {
  const t = publicT(locale);
  const inspections = await prisma.inspection.findMany({
    where: PUBLIC_INSPECTION,
    orderBy: [{ feedbackDate: "desc" }, { createdAt: "desc" }],
    include: {
      _count: { select: { problems: { where: { archivedAt: null, parentId: null } } } },
      reports: { where: { published: true }, select: { id: true }, take: 1 },
    },
  });
  const items = inspections
    .map((i) => {
      const name = t("inspectionName", {
        round: esc(i.round ?? ""),
        team: esc(i.team),
        body: esc(i.inspectedBody),
        kind: esc(kindLabel(locale, i.kind)),
      });
      const report = i.reports.length
        ? ` · <a href="/public/report?inspection=${i.id}">${esc(t("reportLink"))}</a>`
        : ` · ${esc(t("noReport"))}`;
      return `<li>${name}${locale === "en" ? ": " : "："}${esc(t("problemCount", { n: i._count.problems }))}${report}</li>`;
    })
    .join("");
  return {
    title: t("indexTitle"),
    body: `<h2>${esc(t("indexHeading"))}</h2><ol class="measures">${items || `<li>${esc(t("none"))}</li>`}</ol>`,
  };
}
