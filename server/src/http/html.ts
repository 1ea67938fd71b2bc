// Small HTML helpers for server-rendered pages (public pages, posters): escaping and one accessible layout.
// Invariant: every dynamic value goes through esc(); pages work without JavaScript.
export { escapeHtml } from "../exports/report-html.ts";
import { escapeHtml } from "../exports/report-html.ts";

export function esc(v: unknown): string {
  return escapeHtml(String(v ?? ""));
}

export { STATUS_LABEL } from "../domain/labels.ts";

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a;background:#fff}
header{background:#9a1515;color:#fff;padding:12px 16px}header a{color:#fff}h1{font-size:1.25rem;margin:0}
main{max-width:760px;margin:0 auto;padding:16px}h2{font-size:1.1rem;margin:1.5em 0 .5em}
.status{display:inline-block;padding:2px 8px;border-radius:4px;background:#e8eef7;color:#0b3d91;font-size:.9rem}
ol.measures li{margin:.5em 0}label{display:block;font-weight:600;margin-top:12px}
input,textarea{width:100%;font:inherit;padding:10px;border:1px solid #555;border-radius:6px}
button{margin-top:16px;min-height:44px;padding:10px 20px;font:inherit;background:#9a1515;color:#fff;border:0;border-radius:6px}
.notice{padding:12px;border-radius:6px;margin:12px 0}.ok{background:#e6f4ea;color:#0d4a1f}.err{background:#fdecea;color:#7a1010}
.hp{position:absolute;left:-9999px}.langs{font-size:.9rem;margin-bottom:4px}.langs a{display:inline-block;min-height:44px;line-height:44px;padding:0 4px}footer{color:#444;font-size:.9rem;padding:16px;text-align:center}
@media print{header{background:none;color:#000}button,form{display:none}}`;

/** `nav`: HTML above the title (e.g. language links); `footer`: the footer's text in the page's language. */
export function page(
  title: string,
  body: string,
  lang = "zh-CN",
  opts: { nav?: string; footer?: string } = {},
): string {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body><header>${opts.nav ?? ""}<h1>${esc(title)}</h1></header><main>${body}</main><footer>${esc(opts.footer ?? "整改通 · 巡视整改进展公开")}</footer></body></html>`;
}
