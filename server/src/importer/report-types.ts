// Types of a parsed rectification progress report (巡视整改进展情况) plus its error and counting helper; pure data, no behaviour beyond counting.

/** Which of the two official sections a problem is reported in. */
export type Section = "COMPLETED" | "CONTINUING";

/** A problem's status as the report states it; NOT_STATED when no section, column or own words say it (never guessed). */
export type ProblemStatus = "COMPLETED" | "CONTINUING" | "NOT_STATED";

/** Where a problem's status was read: its section heading, a status column or line, its own words, or the report as a whole. */
export type StatusSource = "section" | "column" | "words" | "report";

/** What each used line of the source is (every non-blank line is used once or listed as skipped). */
export type LineRole =
  | "title"
  | "header"
  | "part"
  | "section"
  | "category"
  | "problem"
  | "body"
  | "measure"
  | "status"
  | "table"
  | "next-steps"
  | "contact"
  | "issuer"
  | "date";

export interface SkippedLine {
  line: number;
  text: string;
  reason: "page-furniture" | "unplaced";
}

export type WarningCode =
  | "SUMMARY_MISMATCH"
  | "BODY_LINE_SKIPPED"
  | "STATUS_NOT_STATED"
  | "UNMATCHED_PROBLEM"
  | "POSSIBLE_DUPLICATE_INSPECTION";

export interface ImportWarning {
  code: WarningCode;
  /** 1-based source line, null for the report as a whole. */
  line: number | null;
  message: string;
}

export interface ReportLayout {
  /** Top-level parts in order: organisation, progress, effects, next-steps, category, other. */
  parts: string[];
  /** Status sections ("(一)已完成…") present. */
  sections: boolean;
  /** Category headings present (parts or "(一)在“…”方面"). */
  categories: boolean;
  /** How problems are marked: "N." "(N)" "(一)" "问题一" "关于" (numbers lost) "table". */
  problemMarker: string | null;
  /** Hard-wrapped lines were joined back into paragraphs. */
  joinedWrappedLines: number;
}

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
  /** Stored section: CONTINUING when the status is not stated (a problem is never taken as done unless the report says so). */
  section: Section;
  status: ProblemStatus;
  statusFrom: StatusSource | null;
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
  /** "N个方面M个问题": the categories N (the problems are M, in `feedback`). */
  categories?: number;
  /** 未完成Z个. */
  notCompleted?: number;
}

export interface ParsedReport {
  script: "traditional" | "simplified";
  /** A title line above the header (关于……的通报), null or absent when there is none. */
  title?: string | null;
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
  /** Prose of parts other than organisation, progress and next steps (e.g. 三、整改成效), heading first. */
  otherParts?: string[];
}

/** What parseReport returns: the report and the account of how it was read. */
export interface ReadReport extends ParsedReport {
  title: string | null;
  otherParts: string[];
  layout: ReportLayout;
  /** Role of every used line, by 1-based line number (joined wrapped lines each get the role). */
  lineRoles: Array<{ line: number; role: LineRole }>;
  skipped: SkippedLine[];
  warnings: ImportWarning[];
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
