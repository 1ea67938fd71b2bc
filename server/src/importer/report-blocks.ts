// The official report layout as typed blocks (heading, section, problem, measure, paragraph …): the one walk of
// a ParsedReport that formatReport (plain text) and the .docx and HTML renderers all use, so every format says
// the same words. Pure.
import type { ParsedProblem, ParsedReport, Section } from "./report-types.ts";
import { bracketArabic, bracketCn, chineseDate, fixedText, type Brackets } from "./fixed-text.ts";
import { intToCn } from "./normalise.ts";
import { extractSummary } from "./facts.ts";

/** Texts the parser searches for summary figures, in its order, as they will be written. */
function summaryScope(r: ParsedReport, progressIntro: string): string[] {
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

const sameSummary = (a: ParsedReport["summary"], b: ParsedReport["summary"]): boolean =>
  a.feedback === b.feedback &&
  a.completed === b.completed &&
  a.inProgress === b.inProgress &&
  a.completionRate === b.completionRate;

/**
 * Section headings are left out when every problem has a category and no section stated its status (the report
 * said it in its own words, or as a whole, or not at all): that is how category-only reports look.
 */
function canOmitSections(r: ParsedReport): boolean {
  return r.problems.every((p) => p.category !== null && p.statusFrom !== "section");
}

export type Block =
  | { kind: "header" | "intro" | "point" | "body" | "contact" | "issuer"; text: string }
  /** 一、二、三、 */
  | { kind: "heading"; text: string }
  /** (一) 集中整改期内已完成的整改事项 / (二) 按计划持续推进的整改事项 */
  | { kind: "section"; text: string; section: Section }
  | { kind: "category"; text: string }
  /** depth 0 for a problem, 1 for its sub-problems. */
  | { kind: "problem"; text: string; depth: number }
  | { kind: "measure"; text: string; depth: number }
  | { kind: "date"; text: string; iso: string };

export type BlockKind = Block["kind"];

/** The report as blocks; multi-line texts stay one block with "\n" inside, which is how the parser reads them. */
export function reportBlocks(r: ParsedReport, brackets: Brackets = "half"): Block[] {
  const t = fixedText(r.script, r.header.kind);
  const out: Block[] = [];
  const push = (
    kind: "header" | "intro" | "point" | "body" | "contact" | "issuer",
    text: string | null | undefined,
  ) => {
    if (text) out.push({ kind, text });
  };
  const pushPoints = (intro: string, points: string[]) => {
    push("intro", intro);
    points.forEach((p, i) => out.push({ kind: "point", text: `${intToCn(i + 1)}是${p}` }));
  };
  const pushProblem = (p: ParsedProblem, prefix: string, depth: number) => {
    out.push({ kind: "problem", text: t.problemHeading(prefix, p.title), depth });
    push("body", p.body);
    for (const m of p.measures) {
      out.push({ kind: "measure", text: m.numbered ? bracketArabic(m.number, brackets) + m.text : m.text, depth });
    }
    for (const c of p.children) pushProblem(c, `${p.number}.${c.number}`, depth + 1);
  };

  push("header", r.header.text);
  out.push({ kind: "heading", text: t.organisationHeading });
  pushPoints(r.organisation.intro, r.organisation.points);
  out.push({ kind: "heading", text: t.progressHeading });
  let progressIntro = r.progressIntro ?? "";
  // Figures not stated in any written text are stated in a sentence of their own so they survive.
  if (!sameSummary(extractSummary(summaryScope(r, progressIntro)), r.summary)) {
    progressIntro = [progressIntro, t.summarySentence(r.summary)].filter((s) => s !== "").join("\n");
  }
  push("intro", progressIntro);

  const omitSections = canOmitSections(r);
  let section: Section | null = null;
  let category: string | null = null;
  let sections = 0;
  let categories = 0;
  for (const p of r.problems) {
    if (!omitSections && p.section !== section) {
      out.push({
        kind: "section",
        text: bracketCn(++sections, brackets) + t.sectionTitle[p.section],
        section: p.section,
      });
      [section, category, categories] = [p.section, null, 0];
    }
    if (p.category !== null && p.category !== category) {
      out.push({ kind: "category", text: bracketCn(++categories, brackets) + p.category });
      category = p.category;
    }
    pushProblem(p, `${p.number}.`, 0);
  }

  out.push({ kind: "heading", text: t.nextStepsHeading });
  pushPoints(r.nextSteps.intro, r.nextSteps.points);
  if (r.contact.text !== null) push("contact", r.contact.text);
  else if (r.contact.phone !== null || r.contact.email !== null) {
    push("contact", t.contactSentence(r.contact.phone, r.contact.email));
  }
  push("issuer", r.issuer);
  if (r.reportDate !== null) out.push({ kind: "date", text: chineseDate(r.reportDate), iso: r.reportDate });
  return out;
}

/** The plain text of the blocks: one line (or multi-line paragraph) per block. */
export function blocksText(blocks: readonly Block[]): string {
  return `${blocks.map((b) => b.text).join("\n")}\n`;
}
