// parseReport: reads a published rectification progress report (Traditional or Simplified) into a ParsedReport; pure and linear in the text, and throws ReportParseError with the 1-based line of the first thing it cannot read.
import { ReportParseError, type ParsedReport, type ReportPoints } from "./report-types.ts";
import { LineCursor } from "./line-cursor.ts";
import { EXPECT, matchDateLine, matchOrdinalPoint, matchTopHeading } from "./line-patterns.ts";
import { detectScript, intToCn, splitLines, type SourceLine } from "./normalise.ts";
import { extractContact, extractHeaderFacts, extractSummary, isContactParagraph } from "./facts.ts";
import { parseProgress, setSection } from "./parse-progress.ts";
import { defaultSection, reportSaysAllCompleted } from "./sections.ts";

export { ReportParseError, countReport } from "./report-types.ts";

/** Consumes lines up to the next top-level heading. */
function takeUntilTopHeading(cur: LineCursor): SourceLine[] {
  const out: SourceLine[] = [];
  for (let line = cur.peek(); line && !matchTopHeading(line.text); line = cur.peek()) out.push(cur.next());
  return out;
}

/** Requires the top-level heading numbered `n` at the cursor. */
function expectTopHeading(cur: LineCursor, n: number, expected: string): void {
  const line = cur.peek();
  if (!line || matchTopHeading(line.text)?.n !== n) throw cur.error(expected);
  cur.next();
}

/** Intro paragraphs, then "一是/二是…" paragraphs in order; later unmarked paragraphs continue the last point. */
function readPoints(lines: SourceLine[]): ReportPoints {
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

interface Closing {
  body: SourceLine[];
  contact: SourceLine[];
  issuer: string | null;
  reportDate: string | null;
}

/** Splits the last part into next-step paragraphs, contact paragraphs, issuer and date, reading from the end. */
function splitClosing(lines: SourceLine[]): Closing {
  let end = lines.length;
  const at = (i: number): string => lines[i]?.text ?? "";
  const reportDate = end > 0 ? matchDateLine(at(end - 1)) : null;
  if (reportDate !== null) end--;
  let issuer: string | null = null;
  // An issuer is a short name line: no sentence punctuation, not a point, not a date.
  const last = at(end - 1);
  if (end > 0 && last.length <= 40 && !/[。，,；;：:！!？?]/.test(last) && !matchOrdinalPoint(last)) {
    issuer = last;
    end--;
  }
  let start = end;
  while (start > 0 && isContactParagraph(at(start - 1)) && !matchOrdinalPoint(at(start - 1))) start--;
  return { body: lines.slice(0, start), contact: lines.slice(start, end), issuer, reportDate };
}

export function parseReport(text: string): ParsedReport {
  const { lines, eofLine } = splitLines(text);
  const cur = new LineCursor(lines, eofLine);
  if (cur.atEnd()) throw cur.error(EXPECT.content);

  const headerLines = takeUntilTopHeading(cur);
  expectTopHeading(cur, 1, EXPECT.organisationHeading);
  const organisation = readPoints(takeUntilTopHeading(cur));
  expectTopHeading(cur, 2, EXPECT.progressHeading);
  const progress = parseProgress(cur);
  expectTopHeading(cur, 3, EXPECT.nextStepsHeading);
  const closingLines = takeUntilTopHeading(cur);
  if (!cur.atEnd()) throw cur.error(EXPECT.reportEnd);

  const closing = splitClosing(closingLines);
  const nextSteps = readPoints(closing.body);
  const headerText = headerLines.map((l) => l.text).join("\n");
  const progressIntro = progress.intro.join("\n");
  const summary = extractSummary([
    headerText,
    organisation.intro,
    ...organisation.points,
    progressIntro,
    ...progress.headingTexts,
    nextSteps.intro,
  ]);
  const allCompleted = reportSaysAllCompleted(progressIntro, summary);
  for (const p of progress.unsectioned) setSection(p, defaultSection(p.category, allCompleted));

  const contactText = closing.contact.length > 0 ? closing.contact.map((l) => l.text).join("\n") : null;
  const contact = contactText === null ? { phone: null, email: null } : extractContact(contactText);
  return {
    script: detectScript(text),
    header: { text: headerText, ...extractHeaderFacts(headerText) },
    organisation,
    summary,
    ...(progressIntro === "" ? {} : { progressIntro }),
    problems: progress.problems,
    nextSteps,
    contact: { text: contactText, ...contact },
    issuer: closing.issuer,
    reportDate: closing.reportDate,
  };
}
