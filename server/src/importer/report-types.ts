// Types of a parsed rectification progress report (巡视整改进展情况) plus its error and counting helper; pure data, no behaviour beyond counting.

/** Which of the two official sections a problem is reported in. */
export type Section = "COMPLETED" | "CONTINUING";

export interface ParsedIndicator {
  /** 1-based position among the indicators of its measure. */
  ordinal: number;
  /** Decimal as written, half-width, e.g. "5.5". Kept as a string so no precision is lost. */
  value: string;
  /** Normalised to Simplified so figures from Traditional and Simplified reports aggregate: "%", "个", "天", "万元" … */
  unit: string;
  /** What it measures: the clause text before the number, without a leading date or subject (我市/全市). */
  label: string;
  /** A year or date the clause names ("2023", "2023-12", "2023-12-04"), else one named earlier in the same sentence, else null. */
  asOf: string | null;
  /** The clause (comma-delimited fragment) as written. */
  rawText: string;
}

export interface ParsedMeasure {
  number: number;
  /** false: the problem's single unnumbered paragraph, number 1. */
  numbered: boolean;
  /** Full paragraph without the "(1)" prefix; continuation paragraphs are joined with "\n". */
  text: string;
  /** The 一是/二是/三是 points' texts, in order, [] when none. */
  subPoints: string[];
  indicators: ParsedIndicator[];
  line: number;
}

export interface ParsedProblem {
  section: Section;
  number: number;
  /** Inner quotes kept, e.g. 部分單位‘三重一大’事項問題整改不夠徹底. */
  title: string;
  /** Whitespace removed, all quote marks unified to '"', full-width ASCII forms → half-width; used to find the same problem in a later report. */
  titleKey: string;
  /** The category heading's text without its "(一)" marker, e.g. 在“落实党中央重大决策部署”方面; children inherit it. */
  category: string | null;
  /** Paragraphs between heading and first measure (or first sub-problem), "" if none. */
  body: string;
  measures: ParsedMeasure[];
  /** Sub-problems ("3.1关于“…”问题的整改。" or "(1)关于“…”问题的整改。" under the problem). */
  children: ParsedProblem[];
  line: number;
}

export interface ReportPoints {
  intro: string;
  /** Texts of the 一是/二是 … paragraphs without the "一是" prefix. */
  points: string[];
}

export interface SummaryFigures {
  feedback?: number;
  completed?: number;
  inProgress?: number;
  /** Percent, e.g. 76 for 76%. */
  completionRate?: number;
}

export interface ParsedReport {
  script: "traditional" | "simplified";
  header: {
    text: string;
    team: string | null;
    inspectedBody: string | null;
    kind: "巡视" | "巡察";
    startDate: string | null;
    endDate: string | null;
    /** A date without a year takes the year of the period's end (the next year if it would otherwise precede the end). */
    feedbackDate: string | null;
  };
  organisation: ReportPoints;
  summary: SummaryFigures;
  /**
   * Extension of the brief's contract: paragraphs between the "二、" heading and the first section,
   * category or problem (often where summary figures are stated). Absent when there are none.
   */
  progressIntro?: string;
  problems: ParsedProblem[];
  nextSteps: ReportPoints;
  contact: { text: string | null; phone: string | null; email: string | null };
  issuer: string | null;
  reportDate: string | null;
}

const MAX_FOUND = 40;

/** Thrown by parseReport on text it cannot read; `line` is 1-based in the original text. */
export class ReportParseError extends Error {
  constructor(
    readonly line: number,
    readonly expected: string,
    readonly found: string,
  ) {
    // Long paragraphs would drown the message, so only the start of the offending line is quoted.
    const shown = found.length > MAX_FOUND ? `${found.slice(0, MAX_FOUND)}…` : found;
    super(`第${line}行: expected ${expected}, found ${found === "" ? "end of text" : `"${shown}"`}`);
    this.name = "ReportParseError";
  }
}

export interface ReportCounts {
  problems: number;
  measures: number;
  completed: number;
  continuing: number;
}

/** Problems and sections count top-level problems only; measures count every problem's, sub-problems' included. */
export function countReport(r: ParsedReport): ReportCounts {
  const measuresOf = (p: ParsedProblem): number =>
    p.measures.length + p.children.reduce((n, c) => n + measuresOf(c), 0);
  return {
    problems: r.problems.length,
    measures: r.problems.reduce((n, p) => n + measuresOf(p), 0),
    completed: r.problems.filter((p) => p.section === "COMPLETED").length,
    continuing: r.problems.filter((p) => p.section === "CONTINUING").length,
  };
}
