// Smaller rules of the security audit, over real HTTP: weak passwords refused on every path (createUser,
// updateUser, RECTIFY_ADMIN_PASSWORD), roll-up reasons of other units hidden from a liaison, authorisation before
// transition rules (no status leak to another unit), sync bounds (device clock, record size), Secure cookies
// behind HTTPS, and sessions listable and revocable.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, startTestApp, type TestApp } from "../helpers/test-app.ts";
import { ensureAdmin } from "@rectify/server/queries/users";
import { createTestDatabase } from "../helpers/test-db.ts";
import { send, siteVisit } from "../helpers/records.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { PUBLIC_URL: "https://rectify.example.gov.cn" } });
});
afterAll(async () => app?.close());

describe("passwords", () => {
  it("refuses easy passwords when creating or changing a user, whatever their length", async () => {
    for (const password of ["aaaaaaaaaa", "1234567890", "password123", "qwertyuiop"]) {
      const r = await app.as("admin")(
        `mutation($p: String!) { createUser(username: "weak", password: $p, role: INSPECTOR) { __typename ... on ValidationError { code issues { path message } } } }`,
        { p: password },
      );
      expect(r.data?.createUser, password).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    }
    expect(await app.db.prisma.user.count({ where: { username: "weak" } })).toBe(0);
  });

  it("refuses an easy new password on updateUser and keeps the old one", async () => {
    const inspector = await app.db.prisma.user.findUniqueOrThrow({ where: { username: "insp" } });
    const id = Buffer.from(`User:${inspector.id}`).toString("base64");
    const r = await app.as("admin")(
      `mutation($id: ID!) { updateUser(id: $id, password: "1234567890") { __typename ... on ValidationError { code } } }`,
      { id },
    );
    expect(r.data?.updateUser).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    const after = await app.db.prisma.user.findUniqueOrThrow({ where: { id: inspector.id } });
    expect(after.passwordHash).toBe(inspector.passwordHash);
  });

  it("refuses RECTIFY_ADMIN_PASSWORD=1 on first start: no admin is created", async () => {
    const db = await createTestDatabase();
    try {
      await expect(ensureAdmin(db.prisma, "1")).rejects.toThrow(/Password/);
      await expect(ensureAdmin(db.prisma, "aaaaaaaaaa")).rejects.toThrow(/too easy/);
      expect(await db.prisma.user.count()).toBe(0);
      expect(await ensureAdmin(db.prisma, "violet tractor harbour 47")).toMatchObject({ generated: false });
    } finally {
      await db.close();
    }
  });
});

describe("roll-up history on a problem shared by two units", () => {
  it("shows a liaison the reasons of its own unit's measures only", async () => {
    const p = await app.db.prisma.problem.findFirstOrThrow({
      where: { measures: { some: { number: 2 } } },
      include: { measures: { orderBy: { number: "asc" } } },
    });
    const [m1, m2] = p.measures;
    await app.db.prisma.measure.update({ where: { id: m1!.id }, data: { responsibleUnitId: app.units.a } });
    await app.db.prisma.measure.update({ where: { id: m2!.id }, data: { responsibleUnitId: app.units.b } });
    // The problem's roll-up entries quote each measure's reason ("措施N：why").
    await app.db.prisma.statusChange.createMany({
      data: [
        { problemId: p.id, fromStatus: "IN_PROGRESS", toStatus: "IN_PROGRESS", reason: "措施1：甲单位已修订制度" },
        { problemId: p.id, fromStatus: "IN_PROGRESS", toStatus: "IN_PROGRESS", reason: "措施2：乙单位内部人事调整" },
      ],
    });
    const Q = `query($id: ID!) { node(id: $id) { ... on Problem { statusHistory { reason } } } }`;
    const id = Buffer.from(`Problem:${p.id}`).toString("base64");
    const reasons = async (role: "liaisonA" | "liaisonB" | "supervisor") =>
      ((await app.as(role)(Q, { id })) as any).data.node.statusHistory.map((h: { reason: string }) => h.reason);
    const a = await reasons("liaisonA");
    expect(a).toContain("措施1：甲单位已修订制度");
    expect(a.join()).not.toContain("乙单位内部人事调整");
    const b = await reasons("liaisonB");
    expect(b).toContain("措施2：乙单位内部人事调整");
    expect(b.join()).not.toContain("甲单位已修订制度");
    const sup = await reasons("supervisor");
    expect(sup).toEqual(expect.arrayContaining(["措施1：甲单位已修订制度", "措施2：乙单位内部人事调整"]));
  });
});

describe("authorisation before transition rules", () => {
  it("answers another unit's liaison FORBIDDEN without naming the measure's status", async () => {
    const m = await app.db.prisma.measure.findFirstOrThrow({ where: { status: "COMPLETED" } });
    await app.db.prisma.measure.update({ where: { id: m.id }, data: { responsibleUnitId: app.units.a } });
    const id = Buffer.from(`Measure:${m.id}`).toString("base64");
    const r = await app.as("liaisonB")(
      `mutation($id: ID!) { changeStatus(id: $id, status: IN_PROGRESS, reason: "试探") { __typename ... on Error { code message } } }`,
      { id },
    );
    const text = JSON.stringify(r);
    expect(text).toContain("FORBIDDEN");
    expect(text).not.toContain("COMPLETED");
  });
});

describe("sync bounds", () => {
  it("refuses a device time of 0001-01-01 or before the inspection, and a record of millions of characters", async () => {
    const problem = await app.db.prisma.problem.findFirstOrThrow();
    const old = await send(app, "inspector", siteVisit(problem.id, [], { deviceTime: "0001-01-01T00:00:00Z" }));
    expect(old).toMatchObject({ outcome: "REJECTED", error: { code: "SYNC_INVALID_RECORD" } });
    // Before the inspection began (its first day, Asia/Shanghai) is refused; that day itself is fine.
    await app.db.prisma.inspection.update({
      where: { id: problem.inspectionId },
      data: { startDate: new Date("2025-06-01T00:00:00Z") },
    });
    const early = await send(app, "inspector", siteVisit(problem.id, [], { deviceTime: "2025-05-31T23:00:00+08:00" }));
    expect(early).toMatchObject({ outcome: "REJECTED", error: { code: "SYNC_INVALID_RECORD" } });
    expect((early as { error: { message: string } }).error.message).toContain("before the inspection began");
    const firstDay = await send(
      app,
      "inspector",
      siteVisit(problem.id, [], { deviceTime: "2025-06-01T08:00:00+08:00" }),
    );
    expect(firstDay).toMatchObject({ outcome: "CREATED" });
    await app.db.prisma.inspectionRecord.deleteMany();
    // A progress report's device time has the same floor.
    const measure = await app.db.prisma.measure.findFirstOrThrow({ where: { problemId: problem.id } });
    await app.db.prisma.measure.update({ where: { id: measure.id }, data: { responsibleUnitId: app.units.a } });
    const progress: any = await app.as("liaisonA")(
      `mutation($e: JSON!) { syncProgressReport(envelope: $e) { outcome error { code message } } }`,
      {
        e: {
          entryKind: "progress",
          recordId: randomUUID(),
          revision: 1,
          baseVersion: 0,
          measureIds: [measure.id],
          text: "已整改",
          percentComplete: 50,
          answersRequestId: null,
          deviceTime: "0001-01-01T00:00:00Z",
          photos: [],
        },
      },
    );
    expect(progress.data?.syncProgressReport).toMatchObject({
      outcome: "REJECTED",
      error: { code: "SYNC_INVALID_RECORD", message: expect.stringContaining("before 2000-01-01") },
    });
    const qa = Array.from({ length: 200 }, () => ({ question: "问".repeat(20_000), answer: "答".repeat(20_000) }));
    const huge = siteVisit(problem.id, [], {
      kind: "ONSITE_QUESTIONING",
      details: { interviewee: { name: "李四", post: "", unit: "" }, qa, signature: null },
    } as never);
    const r: any = await app.as("inspector")(
      `mutation($e: JSON!) { syncRecord(envelope: $e) { outcome error { code } } }`,
      { e: huge },
    );
    // Refused before it reaches the sync code (8 million characters in one request).
    expect(r.errors?.[0]?.extensions?.code ?? r.data?.syncRecord?.error?.code).toMatch(
      /VALIDATION_FAILED|SYNC_INVALID_RECORD/,
    );
    expect(await app.db.prisma.inspectionRecord.count()).toBe(0);
  });
});

describe("sessions", () => {
  it("sets a Secure cookie when PUBLIC_URL is https, and lists and revokes sessions", async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(username: "insp", password: "${PASSWORD}") { __typename } }` }),
    });
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/; Secure/);
    const mine = await app.as("inspector")(`{ mySessions { id kind current expiresAt } }`);
    const sessions = mine.data!.mySessions as { id: string; kind: string; current: boolean; expiresAt: string }[];
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    const bearer = sessions.find((s) => s.current)!;
    expect(bearer.kind).toBe("bearer");
    // Shorter default lifetimes: 30 days for API tokens.
    expect(Date.parse(bearer.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * 24 * 3600_000 + 60_000);
    const other = sessions.find((s) => !s.current)!;
    const byOther = await app.as("liaisonA")(
      `mutation($id: ID!) { revokeSession(id: $id) { __typename ... on Error { code } } }`,
      { id: other.id },
    );
    expect(byOther.data?.revokeSession).toMatchObject({ code: "FORBIDDEN" });
    const byAdmin = await app.as("admin")(`mutation($id: ID!) { revokeSession(id: $id) { __typename } }`, {
      id: other.id,
    });
    expect(byAdmin.errors).toBeUndefined();
    const cookie = setCookie.split(";")[0]!;
    const after = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify({ query: `{ me { username } }` }),
    });
    expect((await after.json()).data.me).toBeNull();
  });
});
