// Close-out (销号) and look-back (回头看) end to end through GraphQL: request with evidence, verification with a
// required field record, rejection back to work, a problem closing with its last measure, relapse reopening.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { send, siteVisit } from "../helpers/records.ts";

let app: TestApp;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
let problem: { id: string; measures: { id: string }[] };

const REQUEST = `mutation($m:ID!,$e:String!){ requestCloseout(measureId:$m, evidenceId:$e, evidence:"整改台账与制度文件已上传", reason:"措施已落实") {
  __typename ... on Measure { status } ... on Error { code message } } }`;
const VERIFY = `mutation($m:ID!,$ok:Boolean!,$r:ID,$lb:Date){ verifyCloseout(measureId:$m, approve:$ok, reason:"现场核查", recordId:$r, lookBackDate:$lb) {
  __typename ... on Measure { status } ... on Error { code message } } }`;
const STATUS = `query($id:ID!){ node(id:$id) { ... on Problem { status } ... on Measure { status } } }`;

beforeAll(async () => {
  app = await startTestApp();
  const p = await app.db.prisma.problem.findFirstOrThrow({
    where: { section: "CONTINUING", measures: { some: {} } },
    orderBy: { number: "asc" },
    include: { measures: { orderBy: { number: "asc" } } },
  });
  problem = p;
  await app.db.prisma.measure.updateMany({ where: { problemId: p.id }, data: { responsibleUnitId: app.units.a } });
});
afterAll(async () => app?.close());

const status = async (type: string, id: string) =>
  ((await app.as("supervisor")(STATUS, { id: gid(type, id) })) as any).data.node.status;

describe("close-out", () => {
  it("cannot be reached by a plain status change", async () => {
    const r: any = await app.as("supervisor")(
      `mutation($id:ID!){ changeStatus(id:$id, status: CLOSE_REQUESTED, reason:"跳过流程") { __typename ... on Error { code message } } }`,
      { id: gid("Measure", problem.measures[0]!.id) },
    );
    expect(r.data.changeStatus).toMatchObject({ __typename: "InvalidTransitionError" });
    expect(r.data.changeStatus.message).toContain("requestCloseout");
  });

  it("is requested by the unit with evidence, and a required field record must verify it", async () => {
    const m = gid("Measure", problem.measures[0]!.id);
    const req: any = await app.as("supervisor")(
      `mutation($m:ID!){ setInspectionRequired(measureId:$m, required:true) { ... on Measure { inspectionRequired } } }`,
      { m },
    );
    expect(req.data.setInspectionRequired.inspectionRequired).toBe(true);
    const early = await send(
      app,
      "inspector",
      siteVisit(problem.id, [problem.measures[0]!.id], { deviceTime: new Date(Date.now() - 3600_000).toISOString() }),
    );
    const asked: any = await app.as("liaisonA")(REQUEST, { m, e: randomUUID() });
    expect(asked.data.requestCloseout).toEqual({ __typename: "Measure", status: "CLOSE_REQUESTED" });
    const noRecord: any = await app.as("supervisor")(VERIFY, { m, ok: true });
    expect(noRecord.data.verifyCloseout).toMatchObject({ __typename: "ValidationError" });
    const stale: any = await app.as("supervisor")(VERIFY, { m, ok: true, r: gid("InspectionRecord", early.recordId) });
    expect(stale.data.verifyCloseout.message).toContain("predates");
    const visit = await send(
      app,
      "inspector",
      siteVisit(problem.id, [problem.measures[0]!.id], { deviceTime: new Date().toISOString() }),
    );
    const ok: any = await app.as("supervisor")(VERIFY, { m, ok: true, r: gid("InspectionRecord", visit.recordId) });
    expect(ok.data.verifyCloseout).toEqual({ __typename: "Measure", status: "CLOSED" });
    const closure = await app.db.prisma.statusChange.findFirstOrThrow({
      where: { measureId: problem.measures[0]!.id, toStatus: "CLOSED" },
      include: { evidence: false },
    });
    expect(closure.verifiedByRecordId).toBe(visit.recordId);
    const requestRow = await app.db.prisma.statusChange.findFirstOrThrow({
      where: { measureId: problem.measures[0]!.id, toStatus: "CLOSE_REQUESTED" },
      include: { evidence: true },
    });
    expect(requestRow.evidence?.text).toBe("整改台账与制度文件已上传");
  });

  it("is rejected back to work with a reason, linked to the request it turns down", async () => {
    const measure = problem.measures[1] ?? problem.measures[0]!;
    const m = gid("Measure", measure.id);
    await app.as("liaisonA")(REQUEST, { m, e: randomUUID() });
    const no: any = await app.as("supervisor")(VERIFY, { m, ok: false });
    expect(no.data.verifyCloseout).toEqual({ __typename: "Measure", status: "IN_PROGRESS" });
    const rejection = await app.db.prisma.statusChange.findFirstOrThrow({
      where: { measureId: measure.id, fromStatus: "CLOSE_REQUESTED" },
      include: { undoes: true },
    });
    expect(rejection.undoes?.toStatus).toBe("CLOSE_REQUESTED");
    expect(await status("Measure", measure.id)).toBe("IN_PROGRESS");
  });

  it("closes the problem when its last measure closes", async () => {
    for (const measure of problem.measures.slice(1)) {
      const m = gid("Measure", measure.id);
      await app.as("liaisonA")(REQUEST, { m, e: randomUUID() });
      expect(await status("Problem", problem.id)).not.toBe("CLOSED");
      const r: any = await app.as("supervisor")(VERIFY, { m, ok: true });
      expect(r.data.verifyCloseout.status).toBe("CLOSED");
    }
    expect(await status("Problem", problem.id)).toBe("CLOSED");
  });
});

describe("look-back", () => {
  it("reopens a relapsed item linked to the closure it undoes, and shows on the problem", async () => {
    const measure = problem.measures[0]!;
    const due = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const scheduled: any = await app.as("supervisor")(
      `mutation($m:ID!,$d:Date!){ scheduleLookBack(measureId:$m, dueDate:$d) { __typename ... on LookBack { id dueDate outcome } ... on Error { message } } }`,
      { m: gid("Measure", measure.id), d: due },
    );
    expect(scheduled.data.scheduleLookBack).toMatchObject({ __typename: "LookBack", dueDate: due, outcome: "PENDING" });
    const past: any = await app.as("supervisor")(
      `mutation($m:ID!){ scheduleLookBack(measureId:$m, dueDate:"2020-01-01") { __typename } }`,
      { m: gid("Measure", measure.id) },
    );
    expect(past.data.scheduleLookBack.__typename).toBe("ValidationError");
    const list: any = await app.as("inspector")(
      `{ lookBacks(outcome: PENDING) { totalCount edges { node { id measure { id } } } } }`,
    );
    expect(list.data.lookBacks.totalCount).toBe(1);
    const visit = await send(
      app,
      "inspector",
      siteVisit(problem.id, [measure.id], { rating: "PROBLEM_FOUND", findings: "回头看：问题反弹" }),
    );
    const done: any = await app.as("supervisor")(
      `mutation($id:ID!,$r:ID){ completeLookBack(id:$id, relapsed:true, note:"台账又未更新", recordId:$r) { __typename ... on LookBack { outcome record { id } } } }`,
      { id: scheduled.data.scheduleLookBack.id, r: gid("InspectionRecord", visit.recordId) },
    );
    expect(done.data.completeLookBack.outcome).toBe("RELAPSED");
    expect(await status("Measure", measure.id)).toBe("RELAPSED");
    expect(await status("Problem", problem.id)).toBe("RELAPSED");
    const relapse = await app.db.prisma.statusChange.findFirstOrThrow({
      where: { measureId: measure.id, toStatus: "RELAPSED" },
      include: { undoes: true },
    });
    expect(relapse.undoes?.toStatus).toBe("CLOSED");
    const again: any = await app.as("supervisor")(
      `mutation($id:ID!){ completeLookBack(id:$id, relapsed:false, note:"重复提交") { __typename } }`,
      { id: scheduled.data.scheduleLookBack.id },
    );
    expect(again.data.completeLookBack.__typename).toBe("ValidationError");
    const liaison: any = await app.as("liaisonA")(`{ lookBacks { totalCount } }`);
    expect(liaison.errors[0].extensions.code).toBe("FORBIDDEN");
  });
});
