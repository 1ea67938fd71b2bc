// The public progress page (党务公开): one self-contained, accessible, mobile-friendly HTML page with the report's exact words and the opinion channel at the end. Invariants: every text from the database is escaped; no script, no external resource (the page works under a CSP of default-src 'none').
import type { ParsedReport } from "../importer/report-types.ts";
import { reportBlocks, reportLang, reportTitle, type Block } from "./report-blocks.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const UI = {
  "zh-CN": { skip: "跳到正文", opinions: "意见建议", phone: "电话", email: "电子邮箱" },
  "zh-TW": { skip: "跳到正文", opinions: "意見建議", phone: "電話", email: "電子郵箱" },
} as const;

/** Paragraphs of a multi-line block. */
const paragraphs = (text: string, cls?: string) =>
  text
    .split("\n")
    .map((line) => `<p${cls ? ` class="${cls}"` : ""}>${escapeHtml(line)}</p>`)
    .join("\n");

/** The contact text with its phone number and e-mail address made into links (tel:, mailto:). */
export function linkContact(text: string, phone: string | null, email: string | null): string {
  const targets = [
    phone ? { at: text.indexOf(phone), s: phone, href: `tel:${phone.replace(/[^\d+]/g, "")}` } : null,
    email ? { at: text.indexOf(email), s: email, href: `mailto:${email}` } : null,
  ]
    .filter((t): t is { at: number; s: string; href: string } => t !== null && t.at >= 0)
    .sort((a, b) => a.at - b.at);
  let html = "";
  let from = 0;
  for (const t of targets) {
    if (t.at < from) continue;
    html += `${escapeHtml(text.slice(from, t.at))}<a href="${escapeHtml(t.href)}">${escapeHtml(t.s)}</a>`;
    from = t.at + t.s.length;
  }
  return html + escapeHtml(text.slice(from));
}

/** Headings nest without gaps: h2 (一、) > h3 (section) > category > problem > sub-problem, whichever are present. */
function renderBody(blocks: Block[], problems: HtmlOptions["problems"] = []): string {
  const out: string[] = [];
  let problemIndex = 0;
  let sectionOpen = false;
  let id = 0;
  // The level of the nearest enclosing heading: problems and categories go one below it.
  let enclosing = 2;
  let sectionLevel = 2;
  const closeSection = () => {
    if (sectionOpen) out.push("</section>");
    sectionOpen = false;
  };
  for (const b of blocks) {
    switch (b.kind) {
      case "heading":
        closeSection();
        if (id > 0) out.push("</section>");
        id++;
        out.push(`<section aria-labelledby="sec-${id}">`, `<h2 id="sec-${id}">${escapeHtml(b.text)}</h2>`);
        enclosing = sectionLevel = 2;
        break;
      case "section":
        closeSection();
        id++;
        out.push(`<section aria-labelledby="sec-${id}">`, `<h3 id="sec-${id}">${escapeHtml(b.text)}</h3>`);
        sectionOpen = true;
        enclosing = sectionLevel = 3;
        break;
      case "category":
        out.push(`<h${sectionLevel + 1} class="category">${escapeHtml(b.text)}</h${sectionLevel + 1}>`);
        enclosing = sectionLevel + 1;
        break;
      case "problem": {
        const level = Math.min(6, enclosing + 1 + b.depth);
        const extra = problems[problemIndex++];
        const anchor = extra ? ` id="${escapeHtml(extra.anchor)}"` : "";
        out.push(`<h${level} class="problem"${anchor}>${escapeHtml(b.text)}</h${level}>`);
        if (extra?.after) out.push(extra.after);
        break;
      }
      case "measure":
        out.push(paragraphs(b.text, "measure"));
        break;
      case "header":
      case "intro":
      case "point":
      case "body":
        out.push(paragraphs(b.text));
        break;
      // Contact, issuer and date are placed by reportToHtml.
      default:
        break;
    }
  }
  closeSection();
  if (id > 0) out.push("</section>");
  return out.join("\n");
}

const CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f6f6f3;color:#1a1a1a;font:1.0625rem/1.85 "PingFang SC","PingFang TC","Noto Sans CJK SC","Noto Sans CJK TC","Microsoft YaHei","Source Han Sans",sans-serif}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:1}
main{max-width:46rem;margin:0 auto;padding:1.25rem 1rem 2rem;background:#fff}
h1{font-size:1.5rem;line-height:1.4;text-align:center;margin:.5rem 0 1.5rem;color:#8b0000}
h2{font-size:1.2rem;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:1.5rem 0 .75rem}
h4,h5,h6{font-size:1rem;margin:1.25rem 0 .5rem}
p{margin:0 0 .75rem;text-indent:2em;overflow-wrap:anywhere}
.measure{padding-left:.25rem}
.signature{margin-top:2rem}
.signature p{text-align:right;text-indent:0;margin:0}
footer{max-width:46rem;margin:0 auto 2rem;padding:1rem;background:#fff;border-top:3px solid #8b0000}
footer p{text-indent:0}
a{color:#0b57d0;text-decoration:underline;text-underline-offset:2px}
a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#121212;color:#e8e8e8}main,footer{background:#1e1e1e}h1{color:#ff8a80}a{color:#8ab4f8}}
@media print{body{background:#fff}.skip{display:none}}
`.trim();

export interface HtmlOptions {
  /** Extra lines for the opinion box, e.g. a link to an online form; plain text, escaped. */
  opinionNote?: string;
  /** Per problem block, in report order: its heading's anchor and trusted HTML placed after it (links). */
  problems?: readonly { anchor: string; after: string }[];
  /** Trusted HTML placed before the report's body (the public page's search and contents); built from escaped parts. */
  before?: string;
  /** Trusted HTML that replaces the body (search results): the title and signature stay. */
  replaceBody?: string;
  /** Extra style rules for what `before` and `problems` add. */
  css?: string;
}

export function reportToHtml(r: ParsedReport, opts: HtmlOptions = {}): string {
  const lang = reportLang(r);
  const ui = UI[lang];
  const title = reportTitle(r);
  const blocks = reportBlocks(r);
  const issuer = r.issuer ? `<p>${escapeHtml(r.issuer)}</p>` : "";
  const date = r.reportDate
    ? `<p><time datetime="${escapeHtml(r.reportDate)}">${escapeHtml(
        blocks.find((b) => b.kind === "date")?.text ?? r.reportDate,
      )}</time></p>`
    : "";
  const contactText = blocks.find((b) => b.kind === "contact")?.text ?? null;
  const channel: string[] = [];
  if (contactText) {
    channel.push(...contactText.split("\n").map((l) => `<p>${linkContact(l, r.contact.phone, r.contact.email)}</p>`));
  }
  if (opts.opinionNote) channel.push(paragraphs(opts.opinionNote));
  const footer =
    channel.length > 0
      ? `<footer aria-labelledby="opinions">\n<h2 id="opinions">${ui.opinions}</h2>\n${channel.join("\n")}\n</footer>`
      : "";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${CSS}${opts.css ?? ""}</style>
</head>
<body>
<a class="skip" href="#main">${ui.skip}</a>
<main id="main">
<article aria-labelledby="title">
<h1 id="title">${escapeHtml(title)}</h1>
${opts.before ?? ""}
${opts.replaceBody ?? renderBody(blocks, opts.problems)}
<div class="signature">${issuer}${date}</div>
</article>
</main>
${footer}
</body>
</html>
`;
}
