// The top-level frame of a report: which "一、二、三、…" heading opens which kind of part (organisation, progress, effects, next
// steps, a problem category, other), and the closing lines (contact, issuer, date) read from the end. Pure.
import type { ReportPoints } from "./report-types.ts";
import { ReportParseError } from "./report-types.ts";
import { EXPECT, matchDateLine, matchOrdinalPoint } from "./line-patterns.ts";
import { intToCn, type SourceLine } from "./normalise.ts";
import { isContactParagraph } from "./facts.ts";

export type PartKind = "organisation" | "progress" | "effects" | "next-steps" | "category" | "other";

const CATEGORY_PART = /方面|存在的[问問][题題]|[问問][题題]整改情[况況]$/;
const NEXT_PART = /下一步|打算|今后|今後|工作安排|工作思路/;
const ORG_PART = /[组組][织織]|[领領][导導]/;
const PROGRESS_PART = /[进進]展|整改情[况況]|落[实實]情[况況]|完成情[况況]|整改[落][实實]|整改工作/;
const EFFECTS_PART = /成效|成果/;
const ORG_LEAD_PART = /[组組][织織][领領][导導]/;
// The tail of a category part heading: "在“…”方面存在的问题整改情况" names the category "在“…”方面".
const CATEGORY_TAIL = /(?:存在的|的)?[问問][题題](?:的)?整改(?:落[实實]|[进進]展)?情[况況]$/;

/** The category a category part's heading names, without its "存在的问题整改情况" tail (so it matches "(一)在“…”方面"). */
export function categoryName(heading: string): string {
  const name = heading.replace(CATEGORY_TAIL, "");
  return /方面$/.test(name) ? name : heading;
}

/** The kind of part a top-level heading opens, by its words. */
export function classifyPart(heading: string): PartKind {
  if (CATEGORY_PART.test(heading) && !PROGRESS_PART.test(heading.replace(/[问問][题題]整改情[况況]$/, ""))) {
    return "category";
  }
  if (NEXT_PART.test(heading)) return "next-steps";
  // "整改工作组织领导情况" is about organisation although it names 整改工作.
  if (ORG_LEAD_PART.test(heading) && !/[进進]展/.test(heading)) return "organisation";
  if (PROGRESS_PART.test(heading)) return "progress";
  if (ORG_PART.test(heading)) return "organisation";
  if (EFFECTS_PART.test(heading)) return "effects";
  return "other";
}

/** Intro paragraphs, then "一是/二是…" paragraphs in order; later unmarked paragraphs continue the last point. */
export function readPoints(lines: SourceLine[]): ReportPoints {
  const intro: string[] = [];
  const points: string[] = [];
  for (const line of lines) {
    const point = matchOrdinalPoint(line.text);
    if (point) {
      if (point.n !== points.length + 1) {
        throw new ReportParseError(line.no, EXPECT.point(intToCn(points.length + 1)), line.text);
      }
      points.push(point.text);
    } else if (points.length > 0) {
      points[points.length - 1] += `\n${line.text}`;
    } else {
      intro.push(line.text);
    }
  }
  return { intro: intro.join("\n"), points };
}

export interface Closing {
  body: SourceLine[];
  contact: SourceLine[];
  issuer: SourceLine | null;
  date: SourceLine | null;
  reportDate: string | null;
}

// After problems (no next-steps part) only an explicit invitation or address is contact, not a measure naming a hotline.
const STRICT_CONTACT_RE = /^[欢歡]迎|联系方式|聯系方式|聯繫方式|@/;

/** Splits the last part into its paragraphs, contact paragraphs, issuer and date, reading from the end. */
export function splitClosing(lines: SourceLine[], strict: boolean): Closing {
  let end = lines.length;
  const at = (i: number): string => lines[i]?.text ?? "";
  const reportDate = end > 0 ? matchDateLine(at(end - 1)) : null;
  const date = reportDate !== null ? (lines[end - 1] ?? null) : null;
  if (reportDate !== null) end--;
  let issuer: SourceLine | null = null;
  // An issuer is a short name line: no sentence punctuation, not a point, not a date, not a numbered item.
  const last = at(end - 1);
  if (
    end > 0 &&
    last.length <= 40 &&
    !/[。，,；;：:！!？?]/.test(last) &&
    !matchOrdinalPoint(last) &&
    !/^[\d(（①-⑳]/.test(last)
  ) {
    issuer = lines[end - 1] ?? null;
    end--;
  }
  const isContact = (t: string) =>
    (strict ? STRICT_CONTACT_RE.test(t) : isContactParagraph(t)) && !matchOrdinalPoint(t);
  let start = end;
  while (start > 0 && isContact(at(start - 1))) start--;
  return { body: lines.slice(0, start), contact: lines.slice(start, end), issuer, date, reportDate };
}
