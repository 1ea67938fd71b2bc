// Extracts facts stated in prose: the header's team, body, period and feedback date, the contact's phone and e-mail, and summary figures; returns null/absent rather than guessing when a fact is not stated.
import type { ParsedReport, SummaryFigures } from "./report-types.ts";
import { isoDate } from "./line-patterns.ts";
import { toHalfWidth, trimText } from "./normalise.ts";

type HeaderFacts = Omit<ParsedReport["header"], "text">;

interface DateHit {
  at: number;
  end: number;
  y?: number;
  m?: number;
  d?: number;
}

// One alternative per precision so no alternative can match the empty string.
const DATE_RE = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?|(\d{1,2})月(?:(\d{1,2})日)?|(\d{1,2})日/g;

function findDates(h: string): DateHit[] {
  const hits: DateHit[] = [];
  for (const m of h.matchAll(DATE_RE)) {
    const num = (i: number): number | undefined => (m[i] === undefined ? undefined : Number(m[i]));
    const at = m.index ?? 0;
    const hit: DateHit = { at, end: at + m[0].length };
    if (m[1] !== undefined) Object.assign(hit, { y: num(1), m: num(2), d: num(3) });
    else if (m[4] !== undefined) Object.assign(hit, { m: num(4), d: num(5) });
    else hit.d = num(6);
    hits.push(hit);
  }
  return hits;
}

interface FullDate {
  y: number;
  m?: number;
  d?: number;
}

/** Fills a partial date's missing leading parts from `base` ("至6月28日" after "2023年4月18日"). */
function complete(hit: DateHit, base: FullDate | null): FullDate | null {
  if (hit.y !== undefined) return { y: hit.y, m: hit.m, d: hit.d };
  if (base === null) return null;
  if (hit.m !== undefined) return { y: base.y, m: hit.m, d: hit.d };
  return base.m === undefined ? null : { y: base.y, m: base.m, d: hit.d };
}

const iso = (f: FullDate | null): string | null => (f === null ? null : isoDate(f.y, f.m, f.d));
const before = (a: FullDate, b: FullDate): boolean =>
  a.y * 10000 + (a.m ?? 0) * 100 + (a.d ?? 0) < b.y * 10000 + (b.m ?? 0) * 100 + (b.d ?? 0);

const TEAM_RE = /巡[视視察][组組]/;
const DELIMS = new Set([..."，,。；;、：:！!？?\n "]);

export function extractHeaderFacts(text: string): HeaderFacts {
  const h = toHalfWidth(text);
  const teamHit = TEAM_RE.exec(h);
  let team: string | null = null;
  let teamEnd = 0;
  if (teamHit) {
    teamEnd = teamHit.index + teamHit[0].length;
    let start = teamHit.index;
    while (start > 0 && !DELIMS.has(h[start - 1] as string)) start--;
    let candidate = text.slice(start, teamEnd);
    // "根据省委统一部署省委第二巡视组" without a comma: the team starts after 部署.
    const deploy = candidate.lastIndexOf("部署");
    if (deploy >= 0) candidate = candidate.slice(deploy + 2);
    team = trimText(candidate) || null;
  }
  const kind: HeaderFacts["kind"] =
    (team ?? "").includes("巡察") || (!/巡[视視]/.test(h) && h.includes("巡察")) ? "巡察" : "巡视";

  let inspectedBody: string | null = null;
  const dui = h.slice(teamEnd).search(/[对對]/);
  if (dui >= 0) {
    const from = teamEnd + dui + 1;
    const clauseEnd = h.indexOf("。", from);
    const verb = h.slice(from, clauseEnd < 0 ? undefined : clauseEnd).search(/开展|開展|进行|進行|实施|實施/);
    if (verb > 0) inspectedBody = trimText(text.slice(from, from + verb)) || null;
  }

  const dates = findDates(h);
  let start: FullDate | null = null;
  let end: FullDate | null = null;
  let afterPeriod = 0;
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i] as DateHit;
    const b = dates[i + 1] as DateHit;
    if (/^\s*(?:至|到|-|—|–|~|～)\s*$/.test(h.slice(a.end, b.at))) {
      start = complete(a, null);
      end = complete(b, start);
      afterPeriod = b.end;
      break;
    }
  }
  let feedbackDate: string | null = null;
  const fb = h.slice(afterPeriod).search(/反[馈饋]/);
  if (fb >= 0) {
    const fbAt = afterPeriod + fb;
    const hit = dates.filter((d) => d.at >= afterPeriod && d.end <= fbAt).pop();
    const base = end ?? start;
    let f = hit ? complete(hit, base) : null;
    // A yearless feedback date earlier in the year than the period's end belongs to the next year.
    if (f !== null && hit?.y === undefined && base !== null && before(f, base)) f = { ...f, y: f.y + 1 };
    feedbackDate = iso(f);
  }
  return { team, inspectedBody, kind, startDate: iso(start), endDate: iso(end), feedbackDate };
}

const PHONE_RE = /(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|\d{7,8})(?!\d)/;
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;

/** Phone and e-mail of the contact paragraph; the e-mail is scanned by hand around "@" to stay linear. */
export function extractContact(text: string): { phone: string | null; email: string | null } {
  const h = toHalfWidth(text);
  const phone = PHONE_RE.exec(h)?.[0] ?? null;
  let email: string | null = null;
  for (let at = h.indexOf("@"); at >= 0 && email === null; at = h.indexOf("@", at + 1)) {
    let a = at;
    while (a > 0 && EMAIL_LOCAL.test(h[a - 1] as string)) a--;
    let b = at + 1;
    while (b < h.length && EMAIL_DOMAIN.test(h[b] as string)) b++;
    const domain = h.slice(at + 1, b).replace(/\.+$/, "");
    if (a < at && /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/.test(domain)) email = `${h.slice(a, at)}@${domain}`;
  }
  return { phone, email };
}

// Not bare 联系: next-step prose says 密切联系群众.
const CONTACT_RE = /联系方式|聯系方式|聯繫方式|电话|電話|邮箱|郵箱|信箱|@|^[欢歡]迎/;

/** Whether a closing paragraph is (part of) the contact details. */
export const isContactParagraph = (line: string): boolean => CONTACT_RE.test(line);

const UNIT = "(?:个|個|项|項|条|條|件)";
const PROBLEMS = "(?:问题|問題)";
const SUMMARY_PATTERNS: Array<[keyof SummaryFigures, RegExp]> = [
  // "N个方面M个问题": M problems in N categories, so this pattern comes before the plain feedback ones.
  ["categories", new RegExp(`(\\d+)${UNIT}方面(?:的)?(?:共)?\\d+${UNIT}${PROBLEMS}`)],
  ["feedback", new RegExp(`\\d+${UNIT}方面(?:的)?(?:共)?(\\d+)${UNIT}${PROBLEMS}`)],
  ["feedback", new RegExp(`反[馈饋](?:的|了)?(?:各类|具体|具體)?(?:${PROBLEMS})?(?:共)?(\\d+)${UNIT}`)],
  ["feedback", new RegExp(`(\\d+)${UNIT}(?:巡[视視察])?反[馈饋]${PROBLEMS}`)],
  [
    "completed",
    new RegExp(
      `已(?:全部)?(?:完成整改|整改完成|完成|整改到位|整改|办结|辦結|销号|銷號)(?:的)?(?:问题|問題)?(\\d+)${UNIT}`,
    ),
  ],
  [
    "inProgress",
    new RegExp(
      `(?:正在整改|正在推进|正在推進|持续整改|持續整改|持续推进|持續推進|基本完成|长期坚持|長期堅持|阶段性完成|階段性完成)(?:的)?(?:问题|問題)?(\\d+)${UNIT}`,
    ),
  ],
  ["notCompleted", new RegExp(`(?:未完成整改|未完成|尚未完成|未整改)(?:的)?(?:问题|問題)?(\\d+)${UNIT}`)],
  ["completionRate", /完成率(?:为|為|达到|達到|达|達)?(\d+(?:\.\d+)?)%/],
];

/** First statement of each figure across `texts`, in order; e.g. "反馈25个问题，已完成整改19个、正在整改6个，整改完成率76%". */
export function extractSummary(texts: string[]): SummaryFigures {
  const out: SummaryFigures = {};
  for (const t of texts) {
    const h = toHalfWidth(t);
    for (const [key, re] of SUMMARY_PATTERNS) {
      if (out[key] !== undefined) continue;
      const m = re.exec(h);
      if (m) out[key] = Number(m[1]);
    }
  }
  return out;
}
