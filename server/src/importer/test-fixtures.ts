// Test-only helpers (the one module here that reads files): read the seed sample and fixture files, and project a ParsedReport onto what a round trip must preserve (everything but source line numbers).
import { readFileSync } from "node:fs";
import type { ParsedProblem, ParsedReport } from "./report-types.ts";

// The repository keeps a byte-identical copy of ../shared/seed/000_f4782084faa45978.txt (the product imports it on
// first start), so the tests need nothing outside the checkout.
const SAMPLE_URL = new URL("../../seed/sample-report.txt", import.meta.url);

export const readSample = (): string => readFileSync(SAMPLE_URL, "utf8");

export const readFixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

export const VARIANT_FIXTURES = [
  "simplified.txt",
  "full-width-brackets.txt",
  "enumeration-comma.txt",
  "categories-in-sections.txt",
  "categories-only.txt",
  "categories-only-completed.txt",
  "sub-problems-dotted.txt",
  "sub-problems-paren.txt",
  "summary-figures.txt",
] as const;

function problemShape(p: ParsedProblem): unknown {
  return {
    section: p.section,
    number: p.number,
    title: p.title,
    titleKey: p.titleKey,
    category: p.category,
    body: p.body,
    measures: p.measures.map((m) => ({
      number: m.number,
      numbered: m.numbered,
      text: m.text,
      subPoints: m.subPoints,
      indicators: m.indicators,
    })),
    children: p.children.map(problemShape),
  };
}

/** Everything a round trip must keep; line numbers are left out because layout may differ. */
export function reportShape(r: ParsedReport): unknown {
  return {
    script: r.script,
    header: r.header,
    organisation: r.organisation,
    summary: r.summary,
    progressIntro: r.progressIntro,
    problems: r.problems.map(problemShape),
    nextSteps: r.nextSteps,
    contact: r.contact,
    issuer: r.issuer,
    reportDate: r.reportDate,
  };
}
