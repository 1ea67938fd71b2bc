// The campaign report (督查情况通报) as printable HTML and .docx, from CampaignReportData: one composition (text
// blocks and tables) rendered twice, so both say the same. Invariant: every dynamic value is escaped in HTML.
import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { esc } from "../http/html.ts";
import { KIND_LABEL, RATING_LABEL } from "../domain/labels.ts";
import type { CampaignReportData, ReportImage } from "./campaign-report-data.ts";
import { fitWithin, imageInfo } from "./image-size.ts";

/** Reads a stored file's bytes by its content address; null when it is not stored. */
export type ReadBlob = (sha256: string) => Promise<Buffer | null>;

const STATUS = { DONE: "已完成", NOT_YET: "未完成", OVERDUE: "逾期未完成" } as Record<string, string>;

interface Block {
  heading: string;
  intro?: string;
  columns: string[];
  rows: string[][];
}

export function composeCampaignReport(d: CampaignReportData) {
  const cov = d.coverage;
  const kinds = Object.entries(d.byKind).map(([k, n]) => `${KIND_LABEL[k as keyof typeof KIND_LABEL]}${n}次`);
  const ratings = [
    `${RATING_LABEL.ON_TRACK}${d.byRating.ON_TRACK}条`,
    `${RATING_LABEL.LAGGING}${d.byRating.LAGGING}条`,
    `${RATING_LABEL.PROBLEM_FOUND}${d.byRating.PROBLEM_FOUND}条`,
    `未评价${d.byRating.NONE}条`,
  ];
  const totals = d.actions.reduce(
    (t, u) => ({
      opened: t.opened + u.opened,
      answered: t.answered + u.answered,
      confirmed: t.confirmed + u.confirmed,
      overdue: t.overdue + u.overdue,
    }),
    { opened: 0, answered: 0, confirmed: 0, overdue: 0 },
  );
  const blocks: Block[] = [
    {
      heading: "一、督查对象和覆盖情况",
      intro: `本次督查共安排督查对象${cov.total}个，已完成${cov.done}个，未完成${cov.notYet}个，逾期未完成${cov.overdue}个。`,
      columns: ["督查组", "责任单位", "整改措施", "督查方式", "状态"],
      rows: d.targets.map((t) => [
        t.team,
        t.unit,
        t.measure,
        t.methods.map((m) => KIND_LABEL[m]).join("、"),
        STATUS[t.status] + (t.missing.length ? `（尚缺${t.missing.map((m) => KIND_LABEL[m]).join("、")}）` : ""),
      ]),
    },
    {
      heading: "二、按责任单位统计",
      columns: ["责任单位", "督查对象", "已完成", "未完成", "逾期"],
      rows: cov.byUnit.map((u) => [u.name, String(u.total), String(u.done), String(u.notYet), String(u.overdue)]),
    },
    {
      heading: "三、督查发现情况",
      intro: `共形成督查记录${d.findings.length}条，其中${kinds.join("、")}；${ratings.join("、")}。`,
      columns: ["日期", "方式", "督查人员", "问题", "发现情况", "评价", "照片"],
      rows: d.findings.map((f) => [
        f.date,
        KIND_LABEL[f.kind],
        f.inspector,
        f.problem,
        f.findings || "—",
        (f.rating ? RATING_LABEL[f.rating] : "未评价") + (f.followUp ? "，需跟进" : ""),
        `${f.photos}张`,
      ]),
    },
    {
      heading: "四、督促整改事项办理情况",
      intro: `共交办督促整改事项${totals.opened}项，已答复${totals.answered}项，已确认办结${totals.confirmed}项，逾期未答复${totals.overdue}项。`,
      columns: ["责任单位", "交办", "已答复", "已确认", "逾期"],
      rows: d.actions.map((u) => [
        u.unit,
        String(u.opened),
        String(u.answered),
        String(u.confirmed),
        String(u.overdue),
      ]),
    },
  ];
  // The stamped photos (time and place burnt in), grouped by record, in the order of the findings table.
  const photos = d.findings
    .filter((f) => f.images.length > 0)
    .map((f) => ({
      caption: `${f.date} ${KIND_LABEL[f.kind]} ${f.problem}（${f.inspector}）`,
      images: f.images as ReportImage[],
    }));
  return {
    title: `${d.name}督查情况通报`,
    photoHeading: "附：督查现场照片",
    photos,
    intro:
      `根据巡视整改工作安排，${d.offices.length ? `${d.offices.join("、")}联合` : ""}于${d.period[0]}至${d.period[1]}` +
      `对${d.inspection}反馈问题整改落实情况开展专项督查，采取实地走访、查阅台账、现场问询等方式进行。现将有关情况通报如下：`,
    blocks,
  };
}

const CSS = `@page{size:A4;margin:37mm 26mm 35mm 28mm}
body{font-family:"FangSong","仿宋",serif;font-size:16pt;line-height:1.75;margin:0}
h1{font-family:"方正小标宋简体","SimHei","黑体",sans-serif;font-size:22pt;font-weight:normal;text-align:center}
h2{font-family:"SimHei","黑体",sans-serif;font-size:16pt;font-weight:normal;margin:12pt 0 6pt}
p{margin:0;text-indent:2em}table{width:100%;border-collapse:collapse;font-size:12pt;line-height:1.4}
th,td{border:1px solid #000;padding:3pt 4pt;vertical-align:top}thead{display:table-header-group}tr{break-inside:avoid}
figure{margin:6pt 0;break-inside:avoid}figure img{max-width:100%;max-height:100mm;margin:0 6pt 6pt 0}
figcaption{font-size:12pt}
@media screen{body{max-width:156mm;margin:2em auto;padding:20mm 26mm}}`;

export function campaignReportHtml(d: CampaignReportData): string {
  const r = composeCampaignReport(d);
  const table = (b: Block) =>
    b.rows.length === 0
      ? `<p>无。</p>`
      : `<table><thead><tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>` +
        b.rows.map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("") +
        `</tbody></table>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title><style>${CSS}</style></head><body>
<h1>${esc(r.title)}</h1>
<p>${esc(r.intro)}</p>
${r.blocks.map((b) => `<h2>${esc(b.heading)}</h2>${b.intro ? `<p>${esc(b.intro)}</p>` : ""}${table(b)}`).join("\n")}
${r.photos.length ? `<h2>${esc(r.photoHeading)}</h2>` : ""}
${r.photos
  .map(
    (g) =>
      `<figure>${g.images.map((i, n) => `<img src="/files/${esc(i.id)}" alt="${esc(`${g.caption} 照片${n + 1}`)}">`).join("")}` +
      `<figcaption>${esc(g.caption)}</figcaption></figure>`,
  )
  .join("\n")}
</body></html>`;
}

const FANGSONG = { ascii: "FangSong", hAnsi: "FangSong", eastAsia: "仿宋", cs: "FangSong" };
const HEI = { ascii: "SimHei", hAnsi: "SimHei", eastAsia: "黑体", cs: "SimHei" };
const run = (text: string, size = 32, font = FANGSONG) => new TextRun({ text, size, font });

/** Embeds each stamped photo read from the blob store; one missing or unreadable is left out, not a broken image. */
async function photoParagraphs(photos: ReturnType<typeof composeCampaignReport>["photos"], read: ReadBlob) {
  const out: Paragraph[] = [];
  for (const g of photos) {
    const runs: ImageRun[] = [];
    for (const i of g.images) {
      const bytes = await read(i.sha256);
      const info = bytes ? imageInfo(bytes) : null;
      if (!bytes || !info) continue;
      // About 10.5 cm wide at most (docx sizes are pixels at 96 dpi): two fit side by side in the text width.
      runs.push(
        new ImageRun({ type: info.type, data: bytes, transformation: fitWithin(info.width, info.height, 280, 280) }),
      );
    }
    if (!runs.length) continue;
    out.push(new Paragraph({ children: runs }), new Paragraph({ children: [run(g.caption, 24)] }));
  }
  return out;
}

export async function campaignReportDocx(d: CampaignReportData, read: ReadBlob = async () => null): Promise<Buffer> {
  const r = composeCampaignReport(d);
  const photos = await photoParagraphs(r.photos, read);
  const para = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: 640 } });
  const table = (b: Block) =>
    b.rows.length === 0
      ? [para("无。")]
      : [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [b.columns, ...b.rows].map(
              (cells, i) =>
                new TableRow({
                  tableHeader: i === 0,
                  children: cells.map(
                    (c) =>
                      new TableCell({
                        children: [new Paragraph({ children: [run(c, 24, i === 0 ? HEI : FANGSONG)] })],
                      }),
                  ),
                }),
            ),
          }),
        ];
  const doc = new Document({
    title: r.title,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(r.title, 44, HEI)] }),
          para(r.intro),
          ...r.blocks.flatMap((b) => [
            new Paragraph({ children: [run(b.heading, 32, HEI)] }),
            ...(b.intro ? [para(b.intro)] : []),
            ...table(b),
          ]),
          ...(photos.length ? [new Paragraph({ children: [run(r.photoHeading, 32, HEI)] }), ...photos] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
