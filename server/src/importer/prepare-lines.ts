// Before parsing: drops web-page furniture (breadcrumbs, 来源/发布时间, 【字体】, 打印本页, ICP…) and page numbers as skipped lines, takes a
// title line (关于……的通报) off the top, and joins lines hard-wrapped by PDF or e-mail copies back into paragraphs. Linear in the text.
import type { SkippedLine } from "./report-types.ts";
import { toHalfWidth, type SourceLine } from "./normalise.ts";
import { matchMarker, parseAboutHeading } from "./problem-heading.ts";

/** A whole problem heading ("（一）关于“…”问题的整改" without a full stop): complete, so the next line never continues it. */
function isCompleteHeading(text: string): boolean {
  const about = parseAboutHeading(matchMarker(text)?.rest ?? text);
  return about !== null && about.inline === "";
}

export interface PreparedLines {
  lines: SourceLine[];
  title: SourceLine | null;
  skipped: SkippedLine[];
  /** Source lines folded into the line before them, by the line they were joined to. */
  joined: Map<number, number[]>;
}

// Page furniture: whole lines that belong to the web page or PDF page, never to the report.
// Labels of page furniture ("来源：", "发布时间 2024-03-15"): a label word followed by a colon, a space or the end.
const FURNITURE_LABEL =
  /^[【[]?(?:来源|來源|发布时间|發布時間|发布日期|發布日期|发文日期|浏览次数|瀏覽次數|点击数|點擊數|阅读次数|閱讀次數|访问量|訪問量|字号|字號|字体|字體|责任编辑|責任編輯|编辑|編輯|信息来源|信息來源|作者|分享到|当前位置|當前位置|您当前的位置|您當前的位置|您现在的位置|您現在的位置|主办单位|主辦單位|承办单位|承辦單位|网站标识码|網站標識碼|技术支持|技術支持|上一篇|下一篇|相关链接|相關鏈接)\s*(?:[:：]|\s|$)/;
// Whole-line furniture words and copyright lines.
const FURNITURE_START =
  /^(?:[【[]?(?:打印本页|打印本頁|关闭窗口|關閉窗口|打印|关闭|關閉|收藏|扫一扫|掃一掃|网站地图|網站地圖|版权所有|版權所有)[】\]]?(?:\s|$|[|｜【[:：])|Copyright\b|©)/i;
const FURNITURE_ANY =
  /[【[](?:字体|字體|字号|字號)|打印本页|打印本頁|关闭窗口|關閉窗口|ICP备|ICP證|ICP证|公网安备|公網安備|网站标识码|網站標識碼/i;
const PAGE_NUMBER =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*\d{1,4}\s*[页頁])?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d+(?:\s*of\s*\d+)?)$/i;
// A breadcrumb: short, with two or more navigation separators ("首页 > 信息公开 > 巡察工作").
const CRUMB_SEP = /\s[>›»]\s|[>›»]/g;

export function isFurniture(text: string): boolean {
  const h = toHalfWidth(text);
  if (FURNITURE_LABEL.test(h) || FURNITURE_START.test(h) || PAGE_NUMBER.test(h)) return true;
  if (h.length <= 120 && FURNITURE_ANY.test(h)) return true;
  return h.length <= 80 && (h.match(CRUMB_SEP)?.length ?? 0) >= 2 && !/[。；]/.test(h);
}

const TITLE_WORDS = /通[报報]|[报報]告|公告|公示|公[开開]|情[况況]|[进進]展|整改/;
const SENTENCE = /[。；;！!？?]/;

/** A title line: short, no sentence punctuation, names a report (……情况的通报), and is not itself a numbered heading. */
export function isTitleLine(text: string): boolean {
  return (
    text.length <= 80 && !SENTENCE.test(text) && TITLE_WORDS.test(text) && !/^[\d一二三四五六七八九十(（]/.test(text)
  );
}

// Lines that end a paragraph: sentence punctuation or a closing quote/bracket after it; a heading's colon.
const ENDS_PARAGRAPH = /[。；;！!？?：:”」』）)]$/;
// Lines that begin a new block however the previous line ended.
const STARTS_BLOCK =
  /^(?:[一二三四五六七八九十]{1,3}[、，,.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}(?:\.\d{1,3})?[.、．](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,2}是|问题[一二三四五六七八九十\d]|問題[一二三四五六七八九十\d]|[关關][于於][“「"『]|整改|(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年)/;

/**
 * Hard wraps are recognised by width: a line as long as the text's usual full line (within 2 characters), not ending a
 * sentence, continues on the next line unless that line starts a block. Short lines (titles, headings, issuer) never join.
 */
function fullWidthOf(lines: SourceLine[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines) if (l.text.length >= 20) counts.set(l.text.length, (counts.get(l.text.length) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [len, n] of counts) {
    // Around a width: lines of a justified PDF vary by a character or two (punctuation, digits).
    let around = n;
    for (let d = 1; d <= 2; d++) around += (counts.get(len - d) ?? 0) + (counts.get(len + d) ?? 0);
    if (around > bestCount || (around === bestCount && best !== null && len > best)) [best, bestCount] = [len, around];
  }
  // Wrapping shows as many long lines of one width; a few equal lengths are chance. Short lines (headings, short measures)
  // do not count against it: a report of short items with a few wrapped paragraphs is still wrapped.
  let long = 0;
  for (const n of counts.values()) long += n;
  return best !== null && bestCount >= 3 && bestCount * 4 >= long ? best : null;
}

export function prepareLines(all: SourceLine[]): PreparedLines {
  const skipped: SkippedLine[] = [];
  const kept: SourceLine[] = [];
  for (const l of all) {
    if (isFurniture(l.text)) skipped.push({ line: l.no, text: l.text, reason: "page-furniture" });
    else kept.push(l);
  }
  let title: SourceLine | null = null;
  const first = kept[0];
  if (first && kept.length > 1 && isTitleLine(first.text)) {
    title = first;
    kept.shift();
    // A web copy's date line under the title ("2024-03-15" or "（2024年3月15日）") is furniture too.
    const next = kept[0];
    if (
      next &&
      /^[（(]?\s*\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?\s*[）)]?$/.test(toHalfWidth(next.text))
    ) {
      skipped.push({ line: next.no, text: next.text, reason: "page-furniture" });
      kept.shift();
    }
  }
  const width = fullWidthOf(kept);
  const joined = new Map<number, number[]>();
  const lines: SourceLine[] = [];
  // Width of the last physical line appended: a joined paragraph continues only while its last piece is full width.
  let lastLen = 0;
  for (const l of kept) {
    const prev = lines[lines.length - 1];
    const wrapped =
      width !== null &&
      prev !== undefined &&
      lastLen >= width - 2 &&
      !ENDS_PARAGRAPH.test(prev.text) &&
      !STARTS_BLOCK.test(toHalfWidth(l.text)) &&
      !isCompleteHeading(prev.text) &&
      !l.text.includes("\t");
    if (wrapped) {
      lines[lines.length - 1] = { no: prev.no, text: prev.text + l.text };
      const list = joined.get(prev.no) ?? [];
      list.push(l.no);
      joined.set(prev.no, list);
    } else lines.push(l);
    lastLen = l.text.length;
  }
  return { lines, title, skipped, joined };
}
