// The public report page (/public/report): the published report with a search form, a table of contents that
// anchors every heading and problem, and under each problem links to its own public page and opinion form; with
// ?q= only the problems whose title, text or measures contain the words, matches marked. Server-rendered, no
// script (the CSP allows none). Invariants: every text is escaped; the query is bounded; links use raw ids.
import type { PrismaClient } from "../db.ts";
import { reportBlocks, reportLang, type Block } from "../exports/report-blocks.ts";
import { reportFromDb } from "../exports/report-from-db.ts";
import { reportToHtml } from "../exports/report-html.ts";
import { esc } from "./html.ts";

/** As long as the ledger's own search allows (schema/ledger.ts MAX_SEARCH_CHARS). */
export const MAX_QUERY_CHARS = 100;

const UI = {
  "zh-CN": {
    searchLabel: "搜索问题或整改措施",
    search: "搜索",
    contents: "目录",
    page: "本问题公开页",
    opinion: "对本问题提出意见建议",
    found: (q: string, n: number) => `搜索“${q}”：找到 ${n} 个问题`,
    none: (q: string) => `没有找到包含“${q}”的问题或整改措施。`,
    tooLong: `搜索词最多 ${MAX_QUERY_CHARS} 个字，请缩短后再搜索。`,
    all: "返回全文",
  },
  "zh-TW": {
    searchLabel: "搜索問題或整改措施",
    search: "搜索",
    contents: "目錄",
    page: "本問題公開頁",
    opinion: "對本問題提出意見建議",
    found: (q: string, n: number) => `搜索「${q}」：找到 ${n} 個問題`,
    none: (q: string) => `沒有找到包含「${q}」的問題或整改措施。`,
    tooLong: `搜索詞最多 ${MAX_QUERY_CHARS} 個字，請縮短後再搜索。`,
    all: "返回全文",
  },
} as const;

const CSS = `
.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:0 0 1rem}
.search label{flex:1 0 100%;font-weight:600}
.search input{flex:1 1 12rem;min-height:44px;font:inherit;padding:.4rem .6rem;border:1px solid #555;border-radius:6px}
.search button{min-height:44px;min-width:44px;padding:.4rem 1.2rem;font:inherit;background:#8b0000;color:#fff;border:0;border-radius:6px}
.toc{border:1px solid #ccc;border-radius:8px;padding:.5rem 1rem;margin:0 0 1.5rem}
.toc ul{list-style:none;margin:0;padding-left:1.2rem}.toc>ul{padding-left:0}
.toc a{display:inline-block;min-height:32px;padding:.2rem 0}
p.links{text-indent:0;font-size:.95rem}
p.links a{display:inline-block;min-height:44px;padding:.5rem 0}
mark{background:#fff3a0;color:#1a1a1a}
.results>li{margin:0 0 1.5rem}.results p{text-indent:0}
.notice{text-indent:0;padding:.75rem;border-radius:6px;background:#fdecea;color:#7a1010}
@media print{.search,.toc,p.links{display:none}}`;

/** One problem as the search sees it: its heading block, its own body and measures (not its sub-problems'). */
interface ProblemText {
  id: string;
  heading: string;
  texts: string[];
}

/** Problem blocks in order, each with the body and measure blocks that follow it (aligned with problemIds). */
function problemTexts(blocks: readonly Block[], ids: readonly string[]): ProblemText[] {
  const out: ProblemText[] = [];
  let current: ProblemText | null = null;
  for (const b of blocks) {
    if (b.kind === "problem") {
      current = { id: ids[out.length] ?? "", heading: b.text, texts: [] };
      out.push(current);
    } else if ((b.kind === "body" || b.kind === "measure") && current) current.texts.push(b.text);
    else if (b.kind === "heading" || b.kind === "section" || b.kind === "category") current = null;
  }
  return out;
}

const anchorOf = (id: string) => `p-${id}`;

function matcher(q: string): RegExp {
  return new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu");
}

/** The text escaped, every match of the query wrapped in <mark>. */
export function highlight(text: string, q: string): string {
  let out = "";
  let from = 0;
  for (const m of text.matchAll(matcher(q))) {
    out += `${esc(text.slice(from, m.index))}<mark>${esc(m[0])}</mark>`;
    from = m.index + m[0].length;
  }
  return out + esc(text.slice(from));
}

function links(id: string, ui: (typeof UI)[keyof typeof UI]): string {
  const raw = esc(id);
  // aria-describedby names which problem, since every problem has links with these same words.
  return `<p class="links"><a href="/public/problems/${raw}" aria-describedby="${anchorOf(raw)}">${ui.page}</a> · <a href="/public/problems/${raw}#opinion" aria-describedby="${anchorOf(raw)}">${ui.opinion}</a></p>`;
}

/** Nested lists from (level, item) pairs; a level deeper by more than one is clamped so the lists stay valid. */
function nested(items: readonly { level: number; html: string }[]): string {
  let out = "<ul>";
  let cur = 0;
  items.forEach((it, i) => {
    const level = i === 0 ? 0 : Math.min(it.level, cur + 1);
    if (i > 0 && level > cur) out += "<ul>";
    else if (i > 0) {
      out += "</li>";
      for (; cur > level; cur--) out += "</ul></li>";
    }
    out += `<li>${it.html}`;
    cur = level;
  });
  if (items.length) out += "</li>";
  for (; cur > 0; cur--) out += "</ul></li>";
  return `${out}</ul>`;
}

/** Contents: the report's headings (same sec-N ids the page gives them) and every problem, nested. */
function contents(blocks: readonly Block[], ids: readonly string[], title: string): string {
  const items: { level: number; html: string }[] = [];
  let sec = 0;
  let problem = 0;
  let inSection = false;
  for (const b of blocks) {
    if (b.kind === "heading") {
      items.push({ level: 0, html: `<a href="#sec-${++sec}">${esc(b.text)}</a>` });
      inSection = false;
    } else if (b.kind === "section") {
      items.push({ level: 1, html: `<a href="#sec-${++sec}">${esc(b.text)}</a>` });
      inSection = true;
    } else if (b.kind === "problem") {
      const id = ids[problem++] ?? "";
      const level = (inSection ? 2 : 1) + b.depth;
      items.push({ level, html: `<a href="#${esc(anchorOf(id))}">${esc(b.text)}</a>` });
    }
  }
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${title}</h2>${nested(items)}</nav>`;
}

function searchForm(ui: (typeof UI)[keyof typeof UI], inspectionId: string, q: string): string {
  return `<form class="search" role="search" method="get" action="/public/report">
<input type="hidden" name="inspection" value="${esc(inspectionId)}">
<label for="q">${ui.searchLabel}</label><input id="q" name="q" type="search" value="${esc(q)}" maxlength="${MAX_QUERY_CHARS}" autocomplete="off">
<button type="submit">${ui.search}</button></form>`;
}

function results(found: ProblemText[], q: string, inspectionId: string, ui: (typeof UI)[keyof typeof UI]): string {
  const base = `/public/report?inspection=${esc(inspectionId)}`;
  const shownQ = esc(q);
  const items = found
    .map((p) => {
      const re = matcher(q);
      const hits = p.texts.filter((t) => t.search(re) >= 0);
      return `<li><h3 id="${esc(anchorOf(p.id))}"><a href="${base}#${esc(anchorOf(p.id))}">${highlight(p.heading, q)}</a></h3>
${hits.map((t) => `<p>${highlight(t, q)}</p>`).join("\n")}
${links(p.id, ui)}</li>`;
    })
    .join("\n");
  const heading = found.length ? ui.found(shownQ, found.length) : ui.none(shownQ);
  return `<section aria-labelledby="results"><h2 id="results">${heading}</h2>
${found.length ? `<ol class="results">${items}</ol>` : ""}
<p class="links"><a href="${base}">${ui.all}</a></p></section>`;
}

export interface PublicReportQuery {
  inspectionId?: string;
  date: string;
  /** The raw ?q= value; blank means the whole report. */
  q: string | null;
}

/** The page and its status: 400 (with the page and a notice) for a query over MAX_QUERY_CHARS. */
export async function publicReportPage(
  prisma: PrismaClient,
  query: PublicReportQuery,
): Promise<{ status: number; body: Buffer }> {
  const built = await reportFromDb(prisma, { inspectionId: query.inspectionId, date: query.date });
  const r = built.report;
  const ui = UI[reportLang(r)];
  const blocks = reportBlocks(r);
  const ids = built.problemIds;
  const q = (query.q ?? "").trim();
  const form = searchForm(ui, built.inspection.id, q);
  if ([...q].length > MAX_QUERY_CHARS) {
    const html = reportToHtml(r, {
      css: CSS,
      before: form,
      replaceBody: `<p class="notice" role="alert">${ui.tooLong}</p>`,
    });
    return { status: 400, body: Buffer.from(html, "utf8") };
  }
  if (q) {
    const re = () => matcher(q);
    const found = problemTexts(blocks, ids).filter(
      (p) => p.heading.search(re()) >= 0 || p.texts.some((t) => t.search(re()) >= 0),
    );
    const html = reportToHtml(r, { css: CSS, before: form, replaceBody: results(found, q, built.inspection.id, ui) });
    return { status: 200, body: Buffer.from(html, "utf8") };
  }
  const html = reportToHtml(r, {
    css: CSS,
    before: form + contents(blocks, ids, ui.contents),
    problems: ids.map((id) => ({ anchor: anchorOf(id), after: links(id, ui) })),
  });
  return { status: 200, body: Buffer.from(html, "utf8") };
}
