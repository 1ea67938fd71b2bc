// formatReport: writes a ParsedReport in the official published layout (the sample's, by default with its half-width brackets); parseReport(formatReport(r)) gives back r's structure and texts for any r that parseReport can produce.
import type { ParsedProblem, ParsedReport, Section } from "./report-types.ts";
import { bracketArabic, bracketCn, chineseDate, fixedText, type Brackets, type FixedText } from "./fixed-text.ts";
import { intToCn } from "./normalise.ts";
import { extractSummary } from "./facts.ts";
import { defaultSection, reportSaysAllCompleted } from "./sections.ts";

export interface FormatOptions {
  /** "half": (一) (1) as in the sample; "full": （一）（1） as in most printed reports. */
  brackets?: Brackets;
}

/** Multi-line texts stay multi-line; empty texts write nothing, which is how the parser reads absence. */
function pushText(out: string[], text: string | null | undefined): void {
  if (text) out.push(text);
}

function pushPoints(out: string[], intro: string, points: string[]): void {
  pushText(out, intro);
  points.forEach((p, i) => out.push(`${intToCn(i + 1)}是${p}`));
}

/** `prefix` is "N." for a problem and "N.M" for a sub-problem. */
function writeProblem(out: string[], p: ParsedProblem, prefix: string, t: FixedText, brackets: Brackets): void {
  out.push(t.problemHeading(prefix, p.title));
  pushText(out, p.body);
  for (const m of p.measures) out.push(m.numbered ? bracketArabic(m.number, brackets) + m.text : m.text);
  // Sub-problems are written in the dotted form "3.1关于“…”问题的整改。", which leaves "(k)" to their measures.
  for (const c of p.children) writeProblem(out, c, `${p.number}.${c.number}`, t, brackets);
}

/** Texts the parser searches for summary figures, in its order, as they will be written. */
export function summaryScope(r: ParsedReport, progressIntro: string): string[] {
  const categories = r.problems.map((p) => p.category).filter((c): c is string => c !== null);
  return [
    r.header.text,
    r.organisation.intro,
    ...r.organisation.points,
    progressIntro,
    ...categories,
    r.nextSteps.intro,
  ];
}

export const sameSummary = (a: ParsedReport["summary"], b: ParsedReport["summary"]): boolean =>
  a.feedback === b.feedback &&
  a.completed === b.completed &&
  a.inProgress === b.inProgress &&
  a.completionRate === b.completionRate;

/**
 * Section headings may be left out when every problem has a category and the parser's default would give
 * each its section anyway: that is how category-only reports look.
 */
export function canOmitSections(r: ParsedReport, progressIntro: string): boolean {
  const allCompleted = reportSaysAllCompleted(progressIntro, r.summary);
  return r.problems.every((p) => p.category !== null && p.section === defaultSection(p.category, allCompleted));
}

export function formatReport(r: ParsedReport, options: FormatOptions = {}): string {
  const brackets = options.brackets ?? "half";
  const t = fixedText(r.script, r.header.kind);
  const out: string[] = [];
  pushText(out, r.header.text);
  out.push(t.organisationHeading);
  pushPoints(out, r.organisation.intro, r.organisation.points);

  out.push(t.progressHeading);
  let progressIntro = r.progressIntro ?? "";
  // Figures not stated in any written text are stated in a sentence of their own so they survive.
  if (!sameSummary(extractSummary(summaryScope(r, progressIntro)), r.summary)) {
    progressIntro = [progressIntro, t.summarySentence(r.summary)].filter((s) => s !== "").join("\n");
  }
  pushText(out, progressIntro);

  const omitSections = canOmitSections(r, progressIntro);
  let section: Section | null = null;
  let category: string | null = null;
  let sections = 0;
  let categories = 0;
  for (const p of r.problems) {
    if (!omitSections && p.section !== section) {
      out.push(bracketCn(++sections, brackets) + t.sectionTitle[p.section]);
      [section, category, categories] = [p.section, null, 0];
    }
    if (p.category !== null && p.category !== category) {
      out.push(bracketCn(++categories, brackets) + p.category);
      category = p.category;
    }
    writeProblem(out, p, `${p.number}.`, t, brackets);
  }

  out.push(t.nextStepsHeading);
  pushPoints(out, r.nextSteps.intro, r.nextSteps.points);
  if (r.contact.text !== null) out.push(r.contact.text);
  else if (r.contact.phone !== null || r.contact.email !== null) {
    out.push(t.contactSentence(r.contact.phone, r.contact.email));
  }
  pushText(out, r.issuer);
  if (r.reportDate !== null) out.push(chineseDate(r.reportDate));
  return `${out.join("\n")}\n`;
}
