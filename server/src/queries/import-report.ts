// Imports a published progress report into the ledger, in one transaction: the same text twice changes nothing;
// a later report of the same inspection (in either script, renumbered or not) updates its problems (found by a
// script-neutral title key) instead of duplicating. Invariants: unreadable input throws ImportParseError or
// ImportFileError and writes nothing; a report with warnings writes nothing unless they are accepted; a dry run rolls
// back after computing exactly what a real run would change; imported statuses only move forward.
import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { RectStatus } from "../generated/prisma/enums.ts";
import type { Viewer } from "../context.ts";
import { parseReport } from "../importer/parse-report.ts";
import {
  countReport,
  ReportParseError,
  type ImportWarning,
  type ParsedMeasure,
  type ParsedProblem,
  type ReadReport,
} from "../importer/report-types.ts";
import {
  readDocument,
  NoTextLayerError,
  UnreadableDocumentError,
  type ReadDocument,
} from "../importer/read-document.ts";
import { UndecodableTextError } from "../importer/decode-text.ts";
import { loadMatchKey, type MatchKey } from "../importer/script-key.ts";
import { ExistingProblems, findInspection } from "./import-match.ts";
import { ImportFileError, ImportParseError } from "../errors.ts";
import { audit } from "./audit.ts";

type Tx = Prisma.TransactionClient;

export interface ImportSummary {
  /** false when nothing was written: a dry run, or warnings that were not accepted. */
  imported: boolean;
  /** Warnings stopped the import: review them and import again with acceptWarnings. */
  needsReview: boolean;
  format: ReadDocument["format"];
  encoding: ReadDocument["encoding"];
  warnings: ImportWarning[];
  parsed: ReadReport;
  /** The text read, one entry per source line (line numbers index it from 1). */
  sourceLines: string[];
  problems: number;
  measures: number;
  completed: number;
  continuing: number;
  dryRun: boolean;
  alreadyImported: boolean;
  created: { problems: number; measures: number };
  updated: { problems: number; measures: number };
  statusChanges: number;
  inspection: {
    team: string;
    inspectedBody: string;
    kind: string;
    startDate: string | null;
    endDate: string | null;
    feedbackDate: string | null;
  };
  report: {
    reportDate: string | null;
    issuer: string | null;
    contactPhone: string | null;
    contactEmail: string | null;
  };
}

class DryRunRollback extends Error {}

const day = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
const RANK: Partial<Record<RectStatus, number>> = { NOT_STARTED: 0, IN_PROGRESS: 1, COMPLETED: 2 };

/** The status a report implies, or null when the current status must stay (forward-only). */
function forwardStatus(current: RectStatus, reported: RectStatus): RectStatus | null {
  const a = RANK[current];
  const b = RANK[reported];
  if (a === undefined || b === undefined || b <= a) return null;
  return reported;
}

export function parseOrThrow(text: string): ReadReport {
  try {
    return parseReport(text);
  } catch (err) {
    if (err instanceof ReportParseError) throw new ImportParseError(err.line, err.expected, err.found, err.message);
    throw err;
  }
}

/** Reads an uploaded file (.txt in any supported encoding, .docx, .pdf) into text, with typed errors. */
export async function readImportFile(bytes: Uint8Array, fileName?: string): Promise<ReadDocument> {
  try {
    return await readDocument(bytes, fileName);
  } catch (err) {
    if (err instanceof UndecodableTextError) throw new ImportFileError("encoding", err.message);
    if (err instanceof NoTextLayerError) throw new ImportFileError("no-text-layer", err.message);
    if (err instanceof UnreadableDocumentError) throw new ImportFileError("document", err.message);
    throw err;
  }
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Import even though the report has warnings (after reviewing them). */
  acceptWarnings?: boolean;
  actor?: Viewer | null;
  /** How the text was read from a file; plain text when absent. */
  source?: Pick<ReadDocument, "format" | "encoding">;
}

export async function importReport(
  prisma: PrismaClient,
  text: string,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const parsed = parseOrThrow(text);
  const h = parsed.header;
  if (!h.team || !h.inspectedBody) {
    throw new ImportParseError(
      1,
      "a header naming the inspection team and the inspected body",
      h.text.slice(0, 60),
      "第1行: the header does not name the inspection team and the inspected body",
    );
  }
  const counts = countReport(parsed);
  const key = await loadMatchKey();
  const summary: ImportSummary = {
    imported: false,
    needsReview: false,
    format: opts.source?.format ?? "txt",
    encoding: opts.source?.encoding ?? "UTF-8",
    warnings: [...parsed.warnings],
    parsed,
    sourceLines: text.split(/\r\n|\r|\n/),
    ...counts,
    dryRun: !!opts.dryRun,
    alreadyImported: false,
    created: { problems: 0, measures: 0 },
    updated: { problems: 0, measures: 0 },
    statusChanges: 0,
    inspection: {
      team: h.team,
      inspectedBody: h.inspectedBody,
      kind: h.kind,
      startDate: h.startDate,
      endDate: h.endDate,
      feedbackDate: h.feedbackDate,
    },
    report: {
      reportDate: parsed.reportDate,
      issuer: parsed.issuer,
      contactPhone: parsed.contact.phone,
      contactEmail: parsed.contact.email,
    },
  };
  try {
    await prisma.$transaction(
      async (tx) => {
        await writeReport(tx, parsed, text, summary, opts.actor ?? null, key);
        summary.needsReview = summary.warnings.length > 0 && !opts.acceptWarnings && !summary.alreadyImported;
        if (opts.dryRun || summary.needsReview) throw new DryRunRollback();
        summary.imported = !summary.alreadyImported;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return summary;
}

async function writeReport(tx: Tx, r: ReadReport, text: string, s: ImportSummary, actor: Viewer | null, key: MatchKey) {
  const h = r.header;
  const found = await findInspection(tx, r, key, s.warnings);
  const inspection = { id: found.id };
  const sha = createHash("sha256").update(text.replace(/\r\n?/g, "\n").trim()).digest("hex");
  const same = await tx.report.findUnique({
    where: { inspectionId_sourceSha256: { inspectionId: inspection.id, sourceSha256: sha } },
  });
  if (same) {
    s.alreadyImported = true;
    return;
  }
  const report = await tx.report.create({
    data: {
      inspectionId: inspection.id,
      reportDate: day(r.reportDate),
      issuer: r.issuer,
      contactPhone: r.contact.phone,
      contactEmail: r.contact.email,
      contactText: r.contact.text,
      headerText: h.text,
      organisation: { ...r.organisation },
      nextSteps: { ...r.nextSteps },
      summaryFigures: { ...r.summary },
      sourceSha256: sha,
      title: r.title,
      sourceFormat: s.format,
      sourceEncoding: s.encoding,
      layout: { ...r.layout },
    },
  });
  const reason = `据${r.reportDate ?? "导入的"}整改进展报告`;
  const rows = await tx.problem.findMany({
    where: { inspectionId: inspection.id },
    select: {
      id: true,
      status: true,
      section: true,
      number: true,
      title: true,
      titleKey: true,
      body: true,
      category: true,
      parentId: true,
    },
  });
  const existing = new ExistingProblems(rows, key);
  if (found.existed && rows.length > 0) existing.warnUnmatched(r.problems, s.warnings);
  for (const p of r.problems) await writeProblem(tx, inspection.id, p, null, reason, s, actor, existing);
  await audit(tx, actor, "importReport", "Report", report.id, {
    problems: s.problems,
    measures: s.measures,
    created: s.created,
    updated: s.updated,
  });
}

async function writeProblem(
  tx: Tx,
  inspectionId: string,
  p: ParsedProblem,
  parentId: string | null,
  reason: string,
  s: ImportSummary,
  actor: Viewer | null,
  existing: ExistingProblems,
) {
  // A problem whose status is not stated is taken as in progress (only an explicit statement completes it).
  const reported: RectStatus = p.status === "COMPLETED" ? "COMPLETED" : "IN_PROGRESS";
  const found = existing.find(p.titleKey);
  let problemId: string;
  if (!found) {
    const created = await tx.problem.create({
      data: {
        inspectionId,
        parentId,
        section: p.section,
        number: p.number,
        titleKey: p.titleKey,
        title: p.title,
        category: p.category,
        body: p.body,
        status: reported,
      },
    });
    await tx.statusChange.create({
      data: { problemId: created.id, toStatus: reported, reason, actorId: actor?.id ?? null },
    });
    s.created.problems++;
    s.statusChanges++;
    problemId = created.id;
  } else {
    problemId = found.id;
    const next = forwardStatus(found.status, reported);
    const changed =
      found.section !== p.section ||
      found.number !== p.number ||
      found.title !== p.title ||
      found.body !== p.body ||
      found.category !== p.category ||
      found.parentId !== parentId;
    if (changed || next) {
      await tx.problem.update({
        where: { id: found.id },
        data: {
          section: p.section,
          number: p.number,
          title: p.title,
          body: p.body,
          category: p.category,
          parentId,
          ...(next ? { status: next } : {}),
        },
      });
      s.updated.problems++;
    }
    if (next) {
      await tx.statusChange.create({
        data: { problemId: found.id, fromStatus: found.status, toStatus: next, reason, actorId: actor?.id ?? null },
      });
      s.statusChanges++;
    }
  }
  if (!found) await createMeasures(tx, problemId, p.measures, reported, reason, s, actor);
  else for (const m of p.measures) await writeMeasure(tx, problemId, m, reported, reason, s, actor);
  for (const child of p.children) await writeProblem(tx, inspectionId, child, problemId, reason, s, actor, existing);
}

const indicatorRows = (m: ParsedMeasure) =>
  m.indicators.map((i) => ({
    ordinal: i.ordinal,
    value: i.value,
    unit: i.unit,
    label: i.label,
    asOf: i.asOf,
    rawText: i.rawText,
  }));

/**
 * A new problem's measures: nothing to match, so three batched statements (measures, indicators, status history) instead of
 * three per measure. Ids are made here so the batches can refer to each other.
 */
async function createMeasures(
  tx: Tx,
  problemId: string,
  measures: ParsedMeasure[],
  reported: RectStatus,
  reason: string,
  s: ImportSummary,
  actor: Viewer | null,
) {
  if (measures.length === 0) return;
  const rows = measures.map((m) => ({ id: randomUUID(), m }));
  await tx.measure.createMany({
    data: rows.map(({ id, m }) => ({
      id,
      problemId,
      number: m.number,
      numbered: m.numbered,
      text: m.text,
      subPoints: m.subPoints,
      status: reported,
    })),
  });
  const indicators = rows.flatMap(({ id, m }) => indicatorRows(m).map((i) => ({ ...i, measureId: id })));
  if (indicators.length > 0) await tx.indicator.createMany({ data: indicators });
  await tx.statusChange.createMany({
    data: rows.map(({ id }) => ({ measureId: id, toStatus: reported, reason, actorId: actor?.id ?? null })),
  });
  s.created.measures += rows.length;
  s.statusChanges += rows.length;
}

async function writeMeasure(
  tx: Tx,
  problemId: string,
  m: ParsedMeasure,
  reported: RectStatus,
  reason: string,
  s: ImportSummary,
  actor: Viewer | null,
) {
  const found = await tx.measure.findUnique({ where: { problemId_number: { problemId, number: m.number } } });
  const indicators = indicatorRows(m);
  if (!found) {
    const created = await tx.measure.create({
      data: {
        problemId,
        number: m.number,
        numbered: m.numbered,
        text: m.text,
        subPoints: m.subPoints,
        status: reported,
        indicators: { create: indicators },
      },
    });
    await tx.statusChange.create({
      data: { measureId: created.id, toStatus: reported, reason, actorId: actor?.id ?? null },
    });
    s.created.measures++;
    s.statusChanges++;
    return;
  }
  const next = forwardStatus(found.status, reported);
  const textChanged =
    found.text !== m.text ||
    found.numbered !== m.numbered ||
    found.subPoints.join("\u0000") !== m.subPoints.join("\u0000");
  if (textChanged) {
    await tx.indicator.deleteMany({ where: { measureId: found.id } });
    await tx.indicator.createMany({ data: indicators.map((i) => ({ ...i, measureId: found.id })) });
  }
  if (textChanged || next) {
    await tx.measure.update({
      where: { id: found.id },
      data: { text: m.text, numbered: m.numbered, subPoints: m.subPoints, ...(next ? { status: next } : {}) },
    });
    s.updated.measures++;
  }
  if (next) {
    await tx.statusChange.create({
      data: { measureId: found.id, fromStatus: found.status, toStatus: next, reason, actorId: actor?.id ?? null },
    });
    s.statusChanges++;
  }
}
