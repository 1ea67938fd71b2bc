// Rebuilds a ParsedReport from the database for an inspection, as of now: prose from its latest published report, problems and measures from the ledger, sections from their CURRENT statuses. Invariant: formatReport of the result is a report parseReport reads back to the same problems and measures.
import type { PrismaClient } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ParsedMeasure, ParsedProblem, ParsedReport, ReportPoints } from "../importer/report-types.ts";
import { countReport, type ReportCounts } from "../importer/report-types.ts";
import { detectScript } from "../importer/normalise.ts";
import { extractSummary } from "../importer/facts.ts";
import { shanghaiDay } from "../domain/dates.ts";
import { ValidationError } from "../errors.ts";
import { arrangeProblems, currentSummary, type Arranged } from "./arrange.ts";
import {
  findPublishedReport,
  isoDay,
  loadProblems,
  type DbMeasure,
  type DbProblem,
  type ProgressFn,
} from "./load-inspection.ts";

export interface ReportExportOptions {
  /** Defaults to the inspection of the latest published report. */
  inspectionId?: string;
  /** YYYY-MM-DD printed as the report's date; defaults to today in Asia/Shanghai. */
  date?: string;
  onProgress?: ProgressFn;
}

export interface ReportExport {
  report: ParsedReport;
  inspection: { id: string; team: string; inspectedBody: string };
  counts: ReportCounts;
  /** Database ids of the report's problems in its own order (each problem, then its sub-problems): the order of
   *  the "problem" blocks, so a page can anchor and link each one. */
  problemIds: string[];
}

/** YYYY-MM-DD that is a real calendar day. */
export function isValidDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Report JSON written by the importer; anything else (hand-edited rows) reads as empty rather than failing. */
function points(json: Prisma.JsonValue): ReportPoints {
  const o = json !== null && typeof json === "object" && !Array.isArray(json) ? json : {};
  const intro = typeof o.intro === "string" ? o.intro : "";
  const list = Array.isArray(o.points) ? o.points.filter((p): p is string => typeof p === "string") : [];
  return { intro, points: list };
}

function summaryOf(json: Prisma.JsonValue): ParsedReport["summary"] {
  const o = json !== null && typeof json === "object" && !Array.isArray(json) ? json : {};
  const out: ParsedReport["summary"] = {};
  for (const key of ["feedback", "completed", "inProgress", "completionRate"] as const) {
    const v = o[key];
    if (typeof v === "number" && Number.isFinite(v)) out[key] = v;
  }
  return out;
}

function toMeasure(m: DbMeasure): ParsedMeasure {
  return {
    number: m.number,
    numbered: m.numbered,
    text: m.text,
    subPoints: m.subPoints,
    indicators: m.indicators.map((i) => ({
      ordinal: i.ordinal,
      value: i.value.toString(),
      unit: i.unit,
      label: i.label,
      asOf: i.asOf,
      rawText: i.rawText,
    })),
    line: 0,
  };
}

function toProblem(a: Arranged<DbProblem>): ParsedProblem {
  const p = a.problem;
  return {
    section: a.section,
    status: a.section,
    statusFrom: "section",
    number: a.number,
    title: p.title,
    titleKey: p.titleKey,
    category: p.category,
    body: p.body,
    measures: [...p.measures].sort((x, y) => x.number - y.number).map(toMeasure),
    children: a.children.map(toProblem),
    line: 0,
  };
}

export async function reportFromDb(prisma: PrismaClient, opts: ReportExportOptions = {}): Promise<ReportExport> {
  const date = opts.date ?? shanghaiDay(new Date());
  if (!isValidDay(date)) {
    throw new ValidationError(`not a date: ${date} (expected YYYY-MM-DD)`, [{ path: "date", message: "YYYY-MM-DD" }]);
  }
  const source = await findPublishedReport(prisma, opts.inspectionId);
  const ins = source.inspection;
  const dbProblems = await loadProblems(prisma, ins.id, { onProgress: opts.onProgress });
  const arranged = arrangeProblems(dbProblems);
  const problems = arranged.map(toProblem);
  const problemIds: string[] = [];
  const walk = (a: Arranged<DbProblem>): void => {
    problemIds.push(a.problem.id);
    a.children.forEach(walk);
  };
  arranged.forEach(walk);
  const organisation = points(source.organisation);
  const nextSteps = points(source.nextSteps);
  const categories = problems.map((p) => p.category).filter((c): c is string => c !== null);
  // The same texts the formatter searches for figures (less the progress intro, which is not stored).
  const stated = extractSummary([
    source.headerText,
    organisation.intro,
    ...organisation.points,
    ...categories,
    nextSteps.intro,
  ]);
  const completed = problems.filter((p) => p.section === "COMPLETED").length;
  const summary = currentSummary(summaryOf(source.summaryFigures), stated, {
    completed,
    continuing: problems.length - completed,
  });
  const scriptSample = [source.headerText, organisation.intro, ...problems.map((p) => p.title)].join("");
  const report: ParsedReport = {
    script: detectScript(scriptSample),
    header: {
      text: source.headerText,
      team: ins.team,
      inspectedBody: ins.inspectedBody,
      kind: ins.kind === "巡察" ? "巡察" : "巡视",
      startDate: isoDay(ins.startDate),
      endDate: isoDay(ins.endDate),
      feedbackDate: isoDay(ins.feedbackDate),
    },
    organisation,
    summary,
    problems,
    nextSteps,
    contact: { text: source.contactText, phone: source.contactPhone, email: source.contactEmail },
    issuer: source.issuer,
    reportDate: date,
  };
  return {
    report,
    inspection: { id: ins.id, team: ins.team, inspectedBody: ins.inspectedBody },
    counts: countReport(report),
    problemIds,
  };
}
