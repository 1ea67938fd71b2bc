// The official report as typed blocks (heading, problem, measure, paragraph …) for the .docx and HTML renderers. Invariant: the blocks' texts joined by "\n" are exactly formatReport(r), so every format says the same words; report-blocks.test.ts checks it on the sample and every variant.
import type { ParsedProblem, ParsedReport, Section } from "../importer/report-types.ts";
import { bracketArabic, bracketCn, chineseDate, fixedText, type Brackets } from "../importer/fixed-text.ts";
import { intToCn } from "../importer/normalise.ts";
import { extractSummary } from "../importer/facts.ts";
import { canOmitSections, sameSummary, summaryScope } from "../importer/format-report.ts";

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

/** The words formatReport writes for `r`, as blocks; multi-line texts stay one block with "\n" inside. */
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
  if (!sameSummary(extractSummary(summaryScope(r, progressIntro)), r.summary)) {
    progressIntro = [progressIntro, t.summarySentence(r.summary)].filter((s) => s !== "").join("\n");
  }
  push("intro", progressIntro);

  const omitSections = canOmitSections(r, progressIntro);
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

/** The text formatReport writes, rebuilt from blocks (what the invariant compares). */
export function blocksText(blocks: readonly Block[]): string {
  return `${blocks.map((b) => b.text).join("\n")}\n`;
}

/** The report's title, which the official text leaves to the page: "<issuer>关于巡视整改进展情况的通报". */
export function reportTitle(r: ParsedReport): string {
  const who = r.issuer ?? r.header.inspectedBody ?? "";
  const kind = r.script === "traditional" ? r.header.kind.replace("巡视", "巡視") : r.header.kind;
  return r.script === "traditional" ? `${who}關于${kind}整改進展情況的通報` : `${who}关于${kind}整改进展情况的通报`;
}

/** HTML lang / document language of the report's script. */
export function reportLang(r: ParsedReport): "zh-CN" | "zh-TW" {
  return r.script === "traditional" ? "zh-TW" : "zh-CN";
}
