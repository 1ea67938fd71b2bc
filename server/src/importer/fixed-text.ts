// The fixed wording the formatter writes (headings, problem heading frame, summary and contact sentences, dates) in each script; the Traditional strings are exactly those of the published sample.
import type { ParsedReport, Section, SummaryFigures } from "./report-types.ts";
import { intToCn } from "./normalise.ts";

export type Brackets = "half" | "full";

export interface FixedText {
  organisationHeading: string;
  progressHeading: string;
  nextStepsHeading: string;
  sectionTitle: Record<Section, string>;
  /** Frame of "N.关于“TITLE”问题的整改。" around its number prefix ("N." or "N.M") and title. */
  problemHeading: (prefix: string, title: string) => string;
  summarySentence: (s: SummaryFigures) => string;
  contactSentence: (phone: string | null, email: string | null) => string;
}

const SIMPLIFIED = {
  organisationHeading: "一、巡视整改组织领导情况",
  progressHeading: "二、整改进展情况及成效",
  nextStepsHeading: "三、下一步工作打算",
  completed: "集中整改期内已完成的整改事项",
  continuing: "按计划持续推进的整改事项",
  about: "关于",
  tail: "问题的整改。",
  comma: "，",
  colon: "：",
  feedback: (n: number) => `巡视反馈${n}个问题`,
  done: (n: number) => `已完成整改${n}个`,
  doing: (n: number) => `正在整改${n}个`,
  welcome: "欢迎广大干部群众对巡视整改落实情况进行监督。如有意见建议，请及时向我们反映。",
  phone: "联系方式",
  email: "电子邮箱",
};

const TRADITIONAL: typeof SIMPLIFIED = {
  organisationHeading: "一、巡視整改組織領導情況",
  progressHeading: "二、整改進展情況及成效",
  nextStepsHeading: "三、下一步工作打算",
  completed: "集中整改期內已完成的整改事項",
  continuing: "按計劃持續推進的整改事項",
  about: "關于",
  tail: "問題的整改。",
  comma: ",",
  colon: ":",
  feedback: (n: number) => `巡視反饋${n}個問題`,
  done: (n: number) => `已完成整改${n}個`,
  doing: (n: number) => `正在整改${n}個`,
  welcome: "歡迎廣大干部群眾對巡視整改落實情況進行監督。如有意見建議,請及時向我們反映。",
  phone: "聯系方式",
  email: "電子郵箱",
};

/** 巡视 reports and 巡察 reports differ only in that word, in both scripts. */
const forKind = (s: string, kind: ParsedReport["header"]["kind"]): string =>
  kind === "巡察" ? s.replace(/巡[视視]/g, "巡察") : s;

export function fixedText(script: ParsedReport["script"], kind: ParsedReport["header"]["kind"]): FixedText {
  const w = script === "simplified" ? SIMPLIFIED : TRADITIONAL;
  return {
    organisationHeading: forKind(w.organisationHeading, kind),
    progressHeading: w.progressHeading,
    nextStepsHeading: w.nextStepsHeading,
    sectionTitle: { COMPLETED: w.completed, CONTINUING: w.continuing },
    problemHeading: (prefix, title) => `${prefix}${w.about}“${title}”${w.tail}`,
    summarySentence: (s) => {
      const clauses: string[] = [];
      if (s.feedback !== undefined) clauses.push(forKind(w.feedback(s.feedback), kind));
      const progress = [
        s.completed !== undefined ? w.done(s.completed) : null,
        s.inProgress !== undefined ? w.doing(s.inProgress) : null,
      ].filter((x): x is string => x !== null);
      if (progress.length > 0) clauses.push(progress.join("、"));
      if (s.completionRate !== undefined) clauses.push(`整改完成率${s.completionRate}%`);
      return `${clauses.join(w.comma)}。`;
    },
    contactSentence: (phone, email) => {
      const parts = [
        phone !== null ? `${w.phone}${w.colon}${phone}` : null,
        email !== null ? `${w.email}${w.colon}${email}` : null,
      ].filter((x): x is string => x !== null);
      return forKind(w.welcome, kind) + (parts.length > 0 ? `${parts.join(w.comma)}。` : "");
    },
  };
}

export function bracketCn(n: number, brackets: Brackets): string {
  return brackets === "full" ? `（${intToCn(n)}）` : `(${intToCn(n)})`;
}

export function bracketArabic(n: number, brackets: Brackets): string {
  return brackets === "full" ? `（${n}）` : `(${n})`;
}

/** "2024-03-15" → "2024年3月15日"; partial ISO dates ("2024-03", "2024") keep their precision. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年` + (m ? `${Number(m)}月` : "") + (d ? `${Number(d)}日` : "");
}
