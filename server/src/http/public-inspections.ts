// The public index of inspections (/public/inspections): every published inspection with its live problems and
// measures and a link to its progress report. Invariant: unpublished inspections and archived rows never show.
import type { PrismaClient } from "../db.ts";
import { PUBLIC_INSPECTION } from "../queries/visibility.ts";
import { esc, page } from "./html.ts";

export async function inspectionsPage(prisma: PrismaClient) {
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
      const name = `${esc(i.round ?? "")}${esc(i.team)}对${esc(i.inspectedBody)}${esc(i.kind)}`;
      const report = i.reports.length
        ? ` · <a href="/public/report?inspection=${i.id}">整改进展情况</a>`
        : " · 整改进展尚未公布";
      return `<li>${name}：反馈问题${i._count.problems}个${report}</li>`;
    })
    .join("");
  return page(
    "巡视巡察整改公开",
    `<h2>整改公开</h2><ol class="measures">${items || "<li>暂无公开的整改事项</li>"}</ol>`,
  );
}
