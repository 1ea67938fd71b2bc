// Relay `node`/`nodes` for every Node type of the printed schema × every role (the public, liaisons of units A
// and B, inspector, supervisor, admin), generated from the schema: a new Node type fails here until it has a
// sample and a policy. Also malformed ids: typed INVALID_ID per item, missing ids null, the rest of a list intact.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type RoleName, type TestApp } from "../helpers/test-app.ts";
import { send, siteVisit } from "../helpers/records.ts";

const ROLES: RoleName[] = ["public", "liaisonA", "liaisonB", "inspector", "supervisor", "admin"];
const STAFF: RoleName[] = ["inspector", "supervisor", "admin"];
const LOGGED_IN: RoleName[] = ["liaisonA", "liaisonB", ...STAFF];

/** Who may read the sample of each type (the sample belongs to unit A, on a published inspection). */
const POLICY: Record<string, RoleName[]> = {
  Inspection: ROLES,
  Report: ROLES,
  Problem: ["public", "liaisonA", ...STAFF],
  Measure: ["public", "liaisonA", ...STAFF],
  ProgressUpdate: ["liaisonA", ...STAFF],
  SupplementRequest: ["liaisonA", ...STAFF],
  MonthlyNotice: ["liaisonA", ...STAFF],
  LookBack: STAFF,
  InspectionRecord: STAFF,
  Opinion: ["supervisor", "admin"],
  AuditEvent: ["supervisor", "admin"],
  User: STAFF, // the sample is the inspector: staff, and the inspector as themself
  Unit: LOGGED_IN,
  Person: LOGGED_IN,
  // The sample campaign's team has the inspector on it; the action is unit A's.
  Campaign: STAFF,
  CampaignTeam: STAFF,
  CampaignTarget: STAFF,
  RectificationAction: ["liaisonA", ...STAFF],
};

const nodeTypes = [
  ...readFileSync(new URL("../../server/schema.graphql", import.meta.url), "utf8").matchAll(
    /^type (\w+) implements [^{]*\bNode\b/gm,
  ),
].map((m) => m[1]!);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

let app: TestApp;
const samples: Record<string, string> = {};
beforeAll(async () => {
  app = await startTestApp();
  const p = app.db.prisma;
  const problem = await p.problem.findFirstOrThrow({ include: { measures: true }, orderBy: { number: "asc" } });
  const measure = problem.measures[0]!;
  await p.measure.update({ where: { id: measure.id }, data: { responsibleUnitId: app.units.a } });
  const users = Object.fromEntries((await p.user.findMany()).map((u) => [u.username, u.id]));
  const closure = await p.statusChange.create({
    data: { measureId: measure.id, fromStatus: "IN_PROGRESS", toStatus: "CLOSED", reason: "销号", actorId: users.sup },
  });
  const record = siteVisit(problem.id, [measure.id]);
  await send(app, "inspector", record);
  const progress = await p.progressUpdate.create({
    data: {
      id: randomUUID(),
      problemId: problem.id,
      measureId: measure.id,
      unitId: app.units.a,
      authorId: users["liaison-a"]!,
      text: "整改材料",
    },
  });
  const campaign = await p.campaign.create({
    data: {
      name: "专项督查",
      startsOn: new Date("2024-01-01"),
      endsOn: new Date("2099-12-31"),
      inspectionId: problem.inspectionId,
      createdById: users.sup!,
      teams: { create: { name: "第一组", members: { create: { userId: users.insp! } } } },
    },
    include: { teams: true },
  });
  const target = await p.campaignTarget.create({
    data: { campaignId: campaign.id, teamId: campaign.teams[0]!.id, measureId: measure.id, methods: ["SITE_VISIT"] },
  });
  const finding = siteVisit(problem.id, [measure.id], { rating: "PROBLEM_FOUND" });
  await send(app, "inspector", finding);
  Object.assign(samples, {
    Campaign: campaign.id,
    CampaignTeam: campaign.teams[0]!.id,
    CampaignTarget: target.id,
    RectificationAction: (await p.rectificationAction.findFirstOrThrow({ where: { recordId: finding.recordId } })).id,
    Inspection: problem.inspectionId,
    Report: (await p.report.findFirstOrThrow({ where: { published: true } })).id,
    Problem: problem.id,
    Measure: measure.id,
    ProgressUpdate: progress.id,
    SupplementRequest: (
      await p.supplementRequest.create({
        data: { progressUpdateId: progress.id, measureId: measure.id, reason: "补充照片", requestedById: users.sup! },
      })
    ).id,
    MonthlyNotice: (
      await p.monthlyNotice.create({
        data: { month: "2026-10", unitId: app.units.a, content: {}, issuedById: users.sup! },
      })
    ).id,
    LookBack: (
      await p.lookBack.create({
        data: {
          measureId: measure.id,
          closureId: closure.id,
          dueDate: new Date("2027-01-01"),
          scheduledById: users.sup!,
        },
      })
    ).id,
    InspectionRecord: record.recordId,
    Opinion: (await p.opinion.create({ data: { problemId: problem.id, text: "群众意见", sourceHash: "x" } })).id,
    AuditEvent: (await p.auditEvent.findFirstOrThrow()).id,
    User: users.insp,
    Unit: app.units.a,
    Person: (await p.person.create({ data: { name: "张三" } })).id,
  });
});
afterAll(async () => app?.close());

describe("node access matrix", () => {
  it("has a sample and a policy for every Node type of the schema", () => {
    expect(nodeTypes.length).toBeGreaterThanOrEqual(14);
    expect(Object.keys(POLICY).sort()).toEqual([...nodeTypes].sort());
    expect(Object.keys(samples).sort()).toEqual([...nodeTypes].sort());
  });

  for (const type of nodeTypes) {
    for (const role of ROLES) {
      const allowed = POLICY[type]?.includes(role) ?? false;
      it(`${type} × ${role}: ${allowed ? "readable" : "refused"}`, async () => {
        const id = gid(type, samples[type]!);
        const r = await app.as(role)(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
        if (allowed) {
          expect(r.errors).toBeUndefined();
          expect(r.data?.node).toEqual({ __typename: type, id });
        } else {
          expect(r.data?.node ?? null).toBeNull();
          expect(r.errors?.[0]?.extensions?.code).toBe(role === "public" ? "UNAUTHENTICATED" : "FORBIDDEN");
        }
      });
    }
  }

  for (const role of ROLES) {
    it(`nodes as ${role}: one answer per id, refused, missing and malformed ones null on their own`, async () => {
      const ids = nodeTypes.map((t) => gid(t, samples[t]!));
      const missing = gid("Problem", randomUUID());
      const malformed = [gid("Problem", "not-a-uuid"), "%%%", gid("NoSuchType", randomUUID())];
      const r = await app.as(role)(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
        ids: [...ids, missing, ...malformed],
      });
      const list = r.data?.nodes as ({ id: string } | null)[];
      expect(list).toHaveLength(ids.length + 1 + malformed.length);
      nodeTypes.forEach((t, i) => expect(list[i]?.id ?? null, t).toBe(POLICY[t]!.includes(role) ? ids[i] : null));
      expect(list[ids.length]).toBeNull();
      const invalid = (r.errors ?? []).filter((e) => e.extensions?.code === "INVALID_ID").map((e) => e.path?.[1]);
      expect(invalid).toEqual([ids.length + 1, ids.length + 2, ids.length + 3]);
    });
  }
});

describe("malformed input", () => {
  it("answers a malformed node id with INVALID_ID and a missing one with null", async () => {
    const bad = await app.as("public")(`{ node(id: "${gid("Problem", "not-a-uuid")}") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe("INVALID_ID");
    const missing = await app.as("supervisor")(`{ node(id: "${gid("Problem", randomUUID())}") { id } }`);
    expect(missing).toEqual({ data: { node: null } });
  });

  it("answers a bad cursor, NUL, a lone surrogate and a huge search with typed errors", async () => {
    const cursor = await app.as("supervisor")(`{ problems(first: 1, after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(["INVALID_ID", "VALIDATION_FAILED"]).toContain(cursor.errors?.[0]?.extensions?.code);
    const q = `query($s: String!) { problems(filter: { search: $s }) { totalCount } }`;
    for (const s of ["a\u0000b", "a\ud800b", "x".repeat(3_000_000)]) {
      const r = await app.as("public")(q, { s });
      expect(r.errors?.[0]?.extensions?.code, s.slice(0, 5)).toBe("VALIDATION_FAILED");
    }
    const long = await app.as("public")(q, { s: "整".repeat(101) });
    expect(long.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
  });

  it("answers malformed file and upload paths with 4xx", async () => {
    const auth = { Authorization: `Bearer ${app.tokenOf("supervisor")}` };
    const file = await fetch(`${app.url}/files/${"-".repeat(36)}`, { headers: auth });
    expect(file.status).toBeGreaterThanOrEqual(400);
    expect(file.status).toBeLessThan(500);
    const upload = await fetch(`${app.url}/uploads/${"-".repeat(36)}`, {
      method: "HEAD",
      headers: { Authorization: `Bearer ${app.tokenOf("inspector")}` },
    });
    expect(upload.status).toBeGreaterThanOrEqual(400);
    expect(upload.status).toBeLessThan(500);
  });
});
