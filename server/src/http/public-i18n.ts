// The public pages' own words in the reader's script (zh-CN Simplified, zh-TW Traditional, en); pure.
// Invariant: only the generated frame is translated — published text (titles, bodies, names) is shown as published.
// The script is chosen by ?lang= (zh-Hans / zh-Hant / en, or zh-CN / zh-TW), else by a Chinese Accept-Language tag
// (zh-TW, zh-HK, zh-Hant → Traditional), else Simplified: English only when asked for, as the pages are for China.
import type { IncomingMessage } from "node:http";
import type { RectStatus } from "../generated/prisma/enums.ts";

export const PUBLIC_LOCALES = ["zh-CN", "zh-TW", "en"] as const;
export type PublicLocale = (typeof PUBLIC_LOCALES)[number];

/** The value of ?lang= each locale is linked with (BCP 47 script subtags). */
export const LANG_PARAM: Record<PublicLocale, string> = { "zh-CN": "zh-Hans", "zh-TW": "zh-Hant", en: "en" };
const LOCALE_NAME: Record<PublicLocale, string> = { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" };

function localeOfTag(tag: string): PublicLocale | null {
  const t = tag.trim().toLowerCase();
  if (t === "en" || t.startsWith("en-")) return "en";
  if (/^zh-(hant|tw|hk|mo)\b/.test(t)) return "zh-TW";
  if (t === "zh" || t.startsWith("zh-")) return "zh-CN";
  return null;
}

/** The reader's script: ?lang= first, then the first Chinese tag of Accept-Language, else Simplified. */
export function publicLocale(req: IncomingMessage, query: URLSearchParams): PublicLocale {
  const asked = query.get("lang");
  const chosen = asked ? localeOfTag(asked) : null;
  if (chosen) return chosen;
  const header = String(req.headers["accept-language"] ?? "");
  for (const part of header.split(",")) {
    const l = localeOfTag(part.split(";")[0] ?? "");
    if (l && l !== "en") return l;
  }
  return "zh-CN";
}

const STATUS: Record<PublicLocale, Record<RectStatus, string>> = {
  "zh-CN": {
    NOT_STARTED: "未启动",
    IN_PROGRESS: "整改中",
    COMPLETED: "已完成",
    CLOSE_REQUESTED: "申请销号",
    CLOSED: "已销号",
    RELAPSED: "反弹回潮",
  },
  "zh-TW": {
    NOT_STARTED: "未啟動",
    IN_PROGRESS: "整改中",
    COMPLETED: "已完成",
    CLOSE_REQUESTED: "申請銷號",
    CLOSED: "已銷號",
    RELAPSED: "反彈回潮",
  },
  en: {
    NOT_STARTED: "Not started",
    IN_PROGRESS: "In progress",
    COMPLETED: "Completed",
    CLOSE_REQUESTED: "Close-out requested",
    CLOSED: "Closed out",
    RELAPSED: "Relapsed",
  },
};

/** Every generated phrase; {x} marks where published text goes (it is inserted escaped, untranslated). */
export const PUBLIC_MESSAGES = {
  "zh-CN": {
    siteTitle: "巡视整改公开",
    footer: "整改通 · 巡视整改进展公开",
    feedbackOf: "{team}对{body}巡视反馈问题",
    problemHeading: "关于“{title}”问题的整改",
    statusLine: "整改状态：",
    measures: "整改措施",
    unitItems: "{unit}负责的整改事项",
    none: "暂无公开的整改事项",
    opinion: "意见建议",
    opinionText: "您的意见或反映的问题（必填）",
    name: "姓名（可不填）",
    contact: "电话或邮箱（可不填）",
    honeypot: "请勿填写",
    submit: "提交意见",
    thanks: "感谢您的意见。",
    received: "感谢您的意见，我们已收到，将及时处理。",
    receivedTitle: "已收到",
    rateLimited: "提交过于频繁，请一小时后再试。",
    notFoundTitle: "未找到",
    notFound: "该事项不存在或尚未公开。",
    progress: "整改进展",
    percent: "（完成约{n}%）",
    indexTitle: "巡视巡察整改公开",
    indexHeading: "整改公开",
    inspectionName: "{round}{team}对{body}{kind}",
    problemCount: "反馈问题{n}个",
    reportLink: "整改进展情况",
    noReport: "整改进展尚未公布",
    language: "语言",
  },
  "zh-TW": {
    siteTitle: "巡視整改公開",
    footer: "整改通 · 巡視整改進展公開",
    feedbackOf: "{team}對{body}巡視反饋問題",
    problemHeading: "關於「{title}」問題的整改",
    statusLine: "整改狀態：",
    measures: "整改措施",
    unitItems: "{unit}負責的整改事項",
    none: "暫無公開的整改事項",
    opinion: "意見建議",
    opinionText: "您的意見或反映的問題（必填）",
    name: "姓名（可不填）",
    contact: "電話或郵箱（可不填）",
    honeypot: "請勿填寫",
    submit: "提交意見",
    thanks: "感謝您的意見。",
    received: "感謝您的意見，我們已收到，將及時處理。",
    receivedTitle: "已收到",
    rateLimited: "提交過於頻繁，請一小時後再試。",
    notFoundTitle: "未找到",
    notFound: "該事項不存在或尚未公開。",
    progress: "整改進展",
    percent: "（完成約{n}%）",
    indexTitle: "巡視巡察整改公開",
    indexHeading: "整改公開",
    inspectionName: "{round}{team}對{body}{kind}",
    problemCount: "反饋問題{n}個",
    reportLink: "整改進展情況",
    noReport: "整改進展尚未公佈",
    language: "語言",
  },
  en: {
    siteTitle: "Inspection rectification, made public",
    footer: "Rectify · public progress of inspection rectification",
    feedbackOf: "Problems fed back by {team} to {body}",
    problemHeading: "Rectifying “{title}”",
    statusLine: "Status: ",
    measures: "Measures",
    unitItems: "Items {unit} is responsible for",
    none: "No public items yet",
    opinion: "Opinions and suggestions",
    opinionText: "Your opinion or the problem you report (required)",
    name: "Name (optional)",
    contact: "Phone or e-mail (optional)",
    honeypot: "Leave this empty",
    submit: "Send",
    thanks: "Thank you for your opinion.",
    received: "Thank you. We have received your opinion and will deal with it promptly.",
    receivedTitle: "Received",
    rateLimited: "Too many submissions; please try again in an hour.",
    notFoundTitle: "Not found",
    notFound: "This item does not exist or is not public yet.",
    progress: "Progress",
    percent: " (about {n}% done)",
    indexTitle: "Inspections and their rectification, made public",
    indexHeading: "Made public",
    inspectionName: "{round}{team} → {body} ({kind})",
    problemCount: "{n} problems fed back",
    reportLink: "Progress report",
    noReport: "Progress report not yet published",
    language: "Language",
  },
} as const satisfies Record<PublicLocale, Record<string, string>>;

export type PublicKey = keyof (typeof PUBLIC_MESSAGES)["zh-CN"];

/** Values are inserted as given: the caller escapes published text first. */
export type PublicT = (key: PublicKey, params?: Record<string, string | number>) => string;

export function publicT(locale: PublicLocale): PublicT {
  return (key, params = {}) =>
    PUBLIC_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

export function statusLabel(locale: PublicLocale, s: RectStatus): string {
  return STATUS[locale][s];
}

/** The usual kinds of an inspection, as the app's own vocabulary; any other kind is shown as entered. */
const KINDS: Record<PublicLocale, Record<string, string>> = {
  "zh-CN": { 巡视: "巡视", 巡察: "巡察" },
  "zh-TW": { 巡视: "巡視", 巡察: "巡察" },
  en: { 巡视: "inspection", 巡察: "inspection" },
};

export function kindLabel(locale: PublicLocale, kind: string): string {
  return KINDS[locale][kind] ?? kind;
}

/** The HTML lang attribute of a locale. */
export function htmlLang(locale: PublicLocale): string {
  return locale === "zh-CN" ? "zh-Hans" : locale === "zh-TW" ? "zh-Hant" : "en";
}

/** Links to the same page in each script (the current one marked), for a reader whose browser did not choose. */
export function languageLinks(locale: PublicLocale, path: string, query: URLSearchParams): string {
  const links = PUBLIC_LOCALES.map((l) => {
    const q = new URLSearchParams(query);
    q.set("lang", LANG_PARAM[l]);
    const name = LOCALE_NAME[l];
    return l === locale
      ? `<strong aria-current="true" lang="${htmlLang(l)}">${name}</strong>`
      : `<a href="${path}?${q.toString().replace(/&/g, "&amp;")}" lang="${htmlLang(l)}" hreflang="${htmlLang(l)}">${name}</a>`;
  });
  return `<nav class="langs" aria-label="${PUBLIC_MESSAGES[locale].language}">${links.join(" · ")}</nav>`;
}

/** ?lang= to carry the chosen script on links (empty for the default, so existing links stay as they were). */
export function langQuery(locale: PublicLocale, sep: "?" | "&amp;" = "?"): string {
  return locale === "zh-CN" ? "" : `${sep}lang=${LANG_PARAM[locale]}`;
}
