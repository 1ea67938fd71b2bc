// GET /notices/<id>/print (A4 HTML) and /notices/<id>.docx: GraphQL's login and scope; snapshot only; text escaped.
import { esc } from "./html.ts";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { PrismaClient } from "../db.ts";
import { shanghaiDay } from "../domain/dates.ts";
import {
  ACTION_STATUS_LABEL,
  canSeeNotice,
  KIND_LABEL,
  loadPrintableNotice,
  noticeTitle,
  RATING_LABEL,
  STATUS_LABEL,
  type NoticeContent,
  type NoticeItem,
  type PrintableNotice,
} from "../queries/notices.ts";
import { requestUser } from "./request-user.ts";

/** The issuing office printed in red at the top (版头) and above the date (落款). */
const ISSUER = "巡视整改工作领导小组办公室";

interface Block {
  heading: string;
  columns: string[];
  /** Column widths in percent of the text width (sum 100): both renderings lay tables out alike. */
  widths: number[];
  rows: string[][];
}

const chineseDay = (d: Date) => {
  const [y, m, dd] = shanghaiDay(d).split("-");
  return `${y}年${Number(m)}月${Number(dd)}日`;
};
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
const itemRow = (i: NoticeItem, n: number) => [
  String(n + 1),
  `${i.problemNumber}. ${i.problemTitle}`,
  `（${i.measureNumber}）${cut(i.text, 90)}`,
  i.deadline ?? "未定",
  STATUS_LABEL[i.status],
  i.leadLeader ?? "",
];
const ITEMS = {
  columns: ["序号", "问题", "整改措施", "完成时限", "当前状态", "牵头领导"],
  widths: [6, 20, 42, 14, 9, 9],
};

/** The notice as text blocks, shared by the HTML and the Word renderings. */
function compose(n: PrintableNotice) {
  const c = n.content as unknown as NoticeContent;
  // Notices issued before actions were listed carry none: their block says 无 rather than vanishing.
  const actions = c.actions ?? [];
  const [y, m] = c.month.split("-");
  const when = `${y}年${Number(m)}月`;
  const blocks: Block[] = [
    {
      heading: `一、本月到期事项（${c.dueThisMonth.length}项）`,
      ...ITEMS,
      rows: c.dueThisMonth.map(itemRow),
    },
    { heading: `二、逾期未完成事项（${c.overdue.length}项）`, ...ITEMS, rows: c.overdue.map(itemRow) },
    {
      heading: `三、本月无进展事项（${c.withoutProgress.length}项）`,
      ...ITEMS,
      rows: c.withoutProgress.map(itemRow),
    },
    {
      heading: `四、本月督查发现情况（${c.findings.length}条）`,
      columns: ["序号", "日期", "方式", "问题", "发现情况", "评价", "需跟进"],
      widths: [6, 14, 10, 20, 32, 10, 8],
      rows: c.findings.map((f, i) => [
        String(i + 1),
        f.date,
        KIND_LABEL[f.kind],
        f.problemTitle + (f.measureNumbers.length ? `（措施${f.measureNumbers.join("、")}）` : ""),
        f.findings || "—",
        f.rating ? RATING_LABEL[f.rating] : "未评价",
        f.followUpRequired ? "是" : "否",
      ]),
    },
    {
      heading: `五、督促整改事项（${actions.length}项）`,
      columns: ["序号", "督查发现", "整改措施", "整改时限", "当前状态"],
      widths: [6, 36, 30, 14, 14],
      rows: actions.map((a, i) => [
        String(i + 1),
        `${a.problemTitle}：${cut(a.findings || "—", 90)}`,
        a.measureNumber === null ? "（针对问题整体）" : `（${a.measureNumber}）${cut(a.measureText ?? "", 60)}`,
        a.dueOn,
        ACTION_STATUS_LABEL[a.status] + (a.overdue ? "（逾期）" : ""),
      ]),
    },
  ];
  return {
    title: noticeTitle(n.unit.name, n.month),
    salutation: `${n.unit.name}：`,
    intro:
      `根据巡视整改“一月一整理、一季一分析”工作要求，现将你单位牵头负责的巡视整改事项${when}推进情况提示如下：` +
      `本月到期${c.dueThisMonth.length}项，逾期未完成${c.overdue.length}项，本月无进展${c.withoutProgress.length}项，` +
      `督查发现情况${c.findings.length}条，督促整改事项${actions.length}项` +
      `（其中逾期${actions.filter((a) => a.overdue).length}项）。`,
    blocks,
    closing: "请你单位对照上述事项，逐项压实责任、按时限完成整改，并及时报送整改进展情况。",
    date: chineseDay(n.issuedAt),
    receipt: n.acknowledgedAt
      ? `签收：${n.acknowledgedBy?.displayName ?? ""}\u3000${chineseDay(n.acknowledgedAt)}`
      : "签收：（尚未签收）",
  };
}

// GB/T 9704 layout: A4, margins 37/26/35/28 mm, body 3号仿宋 (16pt), title 2号小标宋 (22pt), red masthead.
const CSS = `@page{size:A4;margin:37mm 26mm 35mm 28mm}
body{font-family:"FangSong","仿宋","STFangsong","FangSong_GB2312",serif;font-size:16pt;line-height:1.75;color:#000;margin:0}
.masthead{color:#c00;text-align:center;font-family:"SimSun","宋体","STSong",serif;font-size:26pt;letter-spacing:.1em;margin:0}
hr{border:0;border-top:2px solid #c00;margin:6pt 0 18pt}
h1{font-family:"FZXiaoBiaoSong-B05S","方正小标宋简体","SimHei","黑体",sans-serif;font-size:22pt;font-weight:normal;text-align:center;margin:0 0 18pt}
h2{font-family:"SimHei","黑体",sans-serif;font-size:16pt;font-weight:normal;margin:12pt 0 6pt}
p{margin:0;text-indent:2em}p.flush{text-indent:0}p.right{text-align:right;text-indent:0}
table{width:100%;border-collapse:collapse;font-size:12pt;line-height:1.4}
th,td{border:1px solid #000;padding:3pt 4pt;vertical-align:top}th{font-family:"SimHei","黑体",sans-serif;font-weight:normal}
thead{display:table-header-group}.nw{white-space:nowrap}tr{break-inside:avoid}.none{text-indent:2em}
.receipt{margin-top:24pt;font-size:12pt;text-indent:0}
@media screen{body{max-width:156mm;margin:2em auto;padding:20mm 26mm;box-shadow:0 0 6px #999}}`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function renderHtml(n: PrintableNotice): string {
  const d = compose(n);
  const table = (b: Block) =>
    b.rows.length === 0
      ? `<p class="none">无。</p>`
      : `<table><colgroup>${b.widths.map((w) => `<col style="width:${w}%">`).join("")}</colgroup><thead><tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>` +
        b.rows
          .map((r) => `<tr>${r.map((c) => `<td${DAY.test(c) ? ' class="nw"' : ""}>${esc(c)}</td>`).join("")}</tr>`)
          .join("") +
        `</tbody></table>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${esc(d.title)}</title>
<style>${CSS}</style></head><body>
<p class="masthead">${esc(ISSUER)}</p><hr>
<h1>${esc(d.title)}</h1>
<p class="flush">${esc(d.salutation)}</p>
<p>${esc(d.intro)}</p>
${d.blocks.map((b) => `<h2>${esc(b.heading)}</h2>${table(b)}`).join("\n")}
<p style="margin-top:12pt">${esc(d.closing)}</p>
<p class="right" style="margin-top:24pt">${esc(ISSUER)}</p>
<p class="right">${esc(d.date)}</p>
<p class="receipt">${esc(d.receipt)}</p>
</body></html>`;
}

const FANGSONG = { ascii: "FangSong", hAnsi: "FangSong", eastAsia: "仿宋", cs: "FangSong" };
const HEI = { ascii: "SimHei", hAnsi: "SimHei", eastAsia: "黑体", cs: "SimHei" };
const mm = (x: number) => Math.round(x * 56.7); // twentieths of a point
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const run = (text: string, size = 32, font = FANGSONG, color?: string) => new TextRun({ text, size, font, color });

function renderDocx(n: PrintableNotice): Promise<Buffer> {
  const d = compose(n);
  const para = (text: string, indent = true) =>
    new Paragraph({ children: [run(text)], indent: indent ? { firstLine: 640 } : undefined, spacing: { line: 560 } });
  const cell = (text: string, width: number, header = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [new Paragraph({ children: [run(text, 24, header ? HEI : FANGSONG)] })],
    });
  const table = (b: Block) => {
    if (b.rows.length === 0) return [para("无。")];
    // Explicit grid widths: without them some readers (LibreOffice, WPS) squeeze every column to a minimum.
    const widths = b.widths.map((w) => Math.floor((TEXT_WIDTH * w) / 100));
    const row = (cells: string[], header = false) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: cells.map((c, i) => cell(c, widths[i]!, header)),
      });
    return [
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        rows: [row(b.columns, true), ...b.rows.map((r) => row(r))],
      }),
    ];
  };
  const doc = new Document({
    title: d.title,
    creator: ISSUER,
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: MARGIN,
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { color: "C00000", style: BorderStyle.SINGLE, size: 18, space: 6 } },
            children: [run(ISSUER, 52, { ...FANGSONG, eastAsia: "宋体" }, "C00000")],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 360, after: 360 },
            children: [run(d.title, 44, { ...HEI, eastAsia: "方正小标宋简体" })],
          }),
          para(d.salutation, false),
          para(d.intro),
          ...d.blocks.flatMap((b) => [new Paragraph({ children: [run(b.heading, 32, HEI)] }), ...table(b)]),
          para(d.closing),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [run(ISSUER)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(d.date)] }),
          new Paragraph({ spacing: { before: 480 }, children: [run(d.receipt, 24)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createNoticeHandler(prisma: PrismaClient) {
  return async (req: IncomingMessage, res: ServerResponse, id: string, format: "html" | "docx") => {
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { Allow: "GET, HEAD" }).end();
    const user = await requestUser(prisma, req);
    if (!user) return void res.writeHead(401).end();
    const notice = UUID.test(id) ? await loadPrintableNotice(prisma, id) : null;
    if (!notice) return void res.writeHead(404).end();
    if (!canSeeNotice(user, notice)) return void res.writeHead(403).end();
    const body = format === "html" ? Buffer.from(renderHtml(notice), "utf8") : await renderDocx(notice);
    const fileName = encodeURIComponent(`${noticeTitle(notice.unit.name, notice.month)}.docx`);
    res.writeHead(200, {
      "Content-Type":
        format === "html"
          ? "text/html; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Length": body.length,
      // Needs a login, and a notice's acknowledgement line changes: never cache in shared caches, nor keep stale.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...(format === "html"
        ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" }
        : { "Content-Disposition": `attachment; filename="notice.docx"; filename*=UTF-8''${fileName}` }),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
