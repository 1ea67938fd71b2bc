// Writes a parsed ledger spreadsheet into an inspection, inside the caller's transaction. Invariants: a problem is
// found by title key, a measure by its text (else its number) within its problem, so re-importing updates instead
// of duplicating; a column the sheet lacks leaves the stored value alone, an empty cell in a present column clears
// it; statuses only move forward (未启动 → 整改中 → 已完成) and never undo a close-out, which goes through 销号.
import type { Prisma } from "../generated/prisma/client.ts";
import type { RectStatus } from "../generated/prisma/enums.ts";
import type { Viewer } from "../context.ts";
import { titleKey } from "../importer/normalise.ts";
import { splitSubPoints } from "../importer/sub-points.ts";
import { extractIndicators } from "../importer/indicators.ts";
import type { LedgerField, ParsedLedger, SheetMeasure, SheetProblem } from "../ledger-sheet/types.ts";
import type { ProgressFn } from "../exports/load-inspection.ts";

type Tx = Prisma.TransactionClient;

export interface WriteCounts {
  created: { problems: number; measures: number; people: number; units: number };
  updated: { problems: number; measures: number };
  unchanged: { problems: number; measures: number };
  statusChanges: number;
  /** Statuses the sheet states but that were kept, because they would move backwards or skip close-out. */
  keptStatuses: number;
  /** Problems of the inspection (and measures of the sheet's problems) the sheet does not list; left as they are. */
  notInSheet: { problems: number; measures: number };
}

const RANK: Partial<Record<RectStatus, number>> = { NOT_STARTED: 0, IN_PROGRESS: 1, COMPLETED: 2 };
const REASON = "据导入的整改台账";
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const sameDay = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** The status to store for an existing item, or null to keep the current one. */
function forward(current: RectStatus, stated: RectStatus | null): RectStatus | null {
  if (!stated || stated === current) return null;
  const a = RANK[current];
  const b = RANK[stated];
  if (a === undefined || b === undefined || b < a) return null;
  return stated;
}

/** A new problem's status: its measures' common status, else completed when all are done, else in progress. */
function problemStatus(p: SheetProblem): RectStatus {
  const statuses = p.measures.map((m) => m.status ?? "IN_PROGRESS");
  if (statuses.length > 0 && statuses.every((s) => s === statuses[0])) return statuses[0]!;
  return p.section === "COMPLETED" ? "COMPLETED" : "IN_PROGRESS";
}

export async function writeLedger(
  tx: Tx,
  inspectionId: string,
  parsed: ParsedLedger,
  opts: { actor: Viewer | null; onProgress?: ProgressFn },
): Promise<WriteCounts> {
  const c: WriteCounts = {
    created: { problems: 0, measures: 0, people: 0, units: 0 },
    updated: { problems: 0, measures: 0 },
    unchanged: { problems: 0, measures: 0 },
    statusChanges: 0,
    keptStatuses: 0,
    notInSheet: { problems: 0, measures: 0 },
  };
  const actorId = opts.actor?.id ?? null;
  const columns = new Map(
    parsed.sheets.map((s) => [s.name, new Set(s.columns.filter((x) => x.imported).map((x) => x.field as LedgerField))]),
  );
  const units = new Map<string, string>();
  const people = new Map<string, string>();

  const unitId = async (name: string) => {
    const known = units.get(name);
    if (known) return known;
    let unit = await tx.unit.findUnique({ where: { name } });
    if (!unit) {
      unit = await tx.unit.create({ data: { name } });
      c.created.units++;
    }
    units.set(name, unit.id);
    return unit.id;
  };
  const personId = async (p: { name: string; post: string | null }) => {
    const known = people.get(p.name);
    if (known) return known;
    let person = await tx.person.findUnique({ where: { name: p.name } });
    if (!person) {
      person = await tx.person.create({ data: { name: p.name, post: p.post } });
      c.created.people++;
    }
    people.set(p.name, person.id);
    return person.id;
  };

  const total = parsed.problems.length;
  opts.onProgress?.(0, total);
  const seen = new Set<string>();
  for (const [i, p] of parsed.problems.entries()) {
    const has = columns.get(p.sheet) ?? new Set<LedgerField>();
    const problemId = await writeProblem(p, has);
    seen.add(problemId);
    await writeMeasures(problemId, p, has);
    opts.onProgress?.(i + 1, total);
  }
  c.notInSheet.problems = await tx.problem.count({
    where: { inspectionId, id: { notIn: [...seen] }, parentId: null },
  });
  return c;

  async function writeProblem(p: SheetProblem, has: Set<LedgerField>): Promise<string> {
    const found = await tx.problem.findUnique({
      where: { inspectionId_titleKey: { inspectionId, titleKey: p.titleKey } },
    });
    if (!found) {
      const status = problemStatus(p);
      const created = await tx.problem.create({
        data: {
          inspectionId,
          section: p.section,
          number: p.number,
          titleKey: p.titleKey,
          title: p.title,
          body: p.body,
          category: p.category,
          status,
        },
      });
      await tx.statusChange.create({ data: { problemId: created.id, toStatus: status, reason: REASON, actorId } });
      c.created.problems++;
      c.statusChanges++;
      return created.id;
    }
    const data: Prisma.ProblemUpdateInput = {};
    if (found.title !== p.title) data.title = p.title;
    if (p.body && found.body !== p.body) data.body = p.body;
    if ((has.has("category") || p.category) && found.category !== p.category) data.category = p.category;
    if (has.has("section") && found.section !== p.section) data.section = p.section;
    if ((has.has("number") || has.has("section")) && found.number !== p.number) data.number = p.number;
    if (found.archivedAt) data.archivedAt = null;
    if (Object.keys(data).length > 0) {
      await tx.problem.update({ where: { id: found.id }, data });
      c.updated.problems++;
    } else c.unchanged.problems++;
    return found.id;
  }

  async function writeMeasures(problemId: string, p: SheetProblem, has: Set<LedgerField>) {
    const existing = await tx.measure.findMany({
      where: { problemId },
      include: { participants: true },
      orderBy: { number: "asc" },
    });
    const free = new Set(existing.map((m) => m.id));
    const byText = new Map(existing.map((m) => [titleKey(m.text), m]));
    let maxNumber = Math.max(0, ...existing.map((m) => m.number));
    for (const m of p.measures) {
      const key = titleKey(m.text);
      let found = byText.get(key);
      if (!found || !free.has(found.id)) found = existing.find((e) => e.number === m.number && free.has(e.id));
      const assigned = await assignment(m, has);
      if (!found) {
        const taken = existing.some((e) => e.number === m.number);
        const number = taken ? ++maxNumber : m.number;
        maxNumber = Math.max(maxNumber, number);
        const status = m.status ?? "IN_PROGRESS";
        const created = await tx.measure.create({
          data: {
            problemId,
            number,
            numbered: m.numbered,
            text: m.text,
            subPoints: splitSubPoints(m.text),
            status,
            leadLeaderId: assigned.leadLeaderId ?? null,
            responsibleUnitId: assigned.responsibleUnitId ?? null,
            deadline: assigned.deadline ?? null,
            longTerm: assigned.longTerm ?? false,
            participants: { create: (assigned.participants ?? []).map((unitId) => ({ unitId })) },
            indicators: { create: indicatorsOf(m.text) },
          },
        });
        await tx.statusChange.create({ data: { measureId: created.id, toStatus: status, reason: REASON, actorId } });
        existing.push({ ...created, participants: [] });
        c.created.measures++;
        c.statusChanges++;
        continue;
      }
      free.delete(found.id);
      const data: Prisma.MeasureUncheckedUpdateInput = {};
      if (found.text !== m.text) {
        data.text = m.text;
        data.subPoints = splitSubPoints(m.text);
        await tx.indicator.deleteMany({ where: { measureId: found.id } });
        await tx.indicator.createMany({ data: indicatorsOf(m.text).map((x) => ({ ...x, measureId: found.id })) });
      }
      if (assigned.leadLeaderId !== undefined && found.leadLeaderId !== assigned.leadLeaderId) {
        data.leadLeaderId = assigned.leadLeaderId;
      }
      if (assigned.responsibleUnitId !== undefined && found.responsibleUnitId !== assigned.responsibleUnitId) {
        data.responsibleUnitId = assigned.responsibleUnitId;
      }
      if (assigned.deadline !== undefined && !sameDay(found.deadline, assigned.deadline))
        data.deadline = assigned.deadline;
      if (assigned.longTerm !== undefined && found.longTerm !== assigned.longTerm) data.longTerm = assigned.longTerm;
      if (found.archivedAt) data.archivedAt = null;
      const next = forward(found.status, m.status);
      if (m.status && m.status !== found.status && !next) c.keptStatuses++;
      if (next) data.status = next;
      let participantsChanged = false;
      if (assigned.participants !== undefined) {
        const before = found.participants.map((x) => x.unitId).sort();
        const after = [...assigned.participants].sort();
        if (before.join() !== after.join()) {
          participantsChanged = true;
          await tx.measureParticipant.deleteMany({ where: { measureId: found.id } });
          await tx.measureParticipant.createMany({ data: after.map((unitId) => ({ measureId: found.id, unitId })) });
        }
      }
      if (Object.keys(data).length > 0) await tx.measure.update({ where: { id: found.id }, data });
      if (next) {
        await tx.statusChange.create({
          data: { measureId: found.id, fromStatus: found.status, toStatus: next, reason: REASON, actorId },
        });
        c.statusChanges++;
      }
      if (Object.keys(data).length > 0 || participantsChanged) c.updated.measures++;
      else c.unchanged.measures++;
    }
    c.notInSheet.measures += free.size;
  }

  /** The assignment a row states; undefined where its sheet has no such column (the stored value stays). */
  async function assignment(m: SheetMeasure, has: Set<LedgerField>) {
    const out: {
      leadLeaderId?: string | null;
      responsibleUnitId?: string | null;
      participants?: string[];
      deadline?: Date | null;
      longTerm?: boolean;
    } = {};
    if (has.has("leadLeader")) out.leadLeaderId = m.leadLeader ? await personId(m.leadLeader) : null;
    if (has.has("responsibleUnit")) out.responsibleUnitId = m.responsibleUnit ? await unitId(m.responsibleUnit) : null;
    if (has.has("responsibleUnit") || has.has("participants")) {
      out.participants = [];
      for (const name of m.participants) out.participants.push(await unitId(name));
    }
    // An unreadable deadline (warned about) leaves the stored one alone.
    if (has.has("deadline") && m.deadline.kind !== "unreadable") {
      out.deadline = m.deadline.kind === "date" ? day(m.deadline.day) : null;
      out.longTerm = m.deadline.kind === "longTerm";
    }
    return out;
  }
}

function indicatorsOf(text: string) {
  return extractIndicators(text).map((i) => ({
    ordinal: i.ordinal,
    value: i.value,
    unit: i.unit,
    label: i.label,
    asOf: i.asOf,
    rawText: i.rawText,
  }));
}
