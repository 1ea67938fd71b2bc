// The published progress of a measure on the public problem page: only updates a supervisor marked public, and
// with each only the files published with it (links to /files, which checks the same rule). Server-rendered.
import type { PrismaClient } from "../db.ts";
import { esc } from "./html.ts";
import { publicT, type PublicLocale } from "./public-i18n.ts";

const dayFormat = (locale: PublicLocale) =>
  new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium" });

/** measureId → HTML of its public updates (empty when none); dates and frame in the reader's script. */
export async function publicProgressByMeasure(
  prisma: PrismaClient,
  measureIds: string[],
  locale: PublicLocale = "zh-CN",
) {
  const t = publicT(locale);
  const DAY = dayFormat(locale);
  const updates = await prisma.progressUpdate.findMany({
    where: { measureId: { in: measureIds }, public: true },
    include: { attachments: { where: { published: true, completedAt: { not: null } }, orderBy: { fileName: "asc" } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const html = new Map<string, string>();
  for (const u of updates) {
    const files = u.attachments.map((a) => `<li><a href="/files/${esc(a.id)}">${esc(a.fileName)}</a></li>`).join("");
    const item = `<li><time datetime="${u.createdAt.toISOString()}">${esc(DAY.format(u.createdAt))}</time> ${esc(u.text)}${
      u.percentComplete !== null ? esc(t("percent", { n: u.percentComplete })) : ""
    }${files ? `<ul class="files">${files}</ul>` : ""}</li>`;
    html.set(u.measureId!, (html.get(u.measureId!) ?? "") + item);
  }
  return (measureId: string) => {
    const items = html.get(measureId);
    return items ? `<ul class="progress" aria-label="${esc(t("progress"))}">${items}</ul>` : "";
  };
}
