// What each role may and may not read and change, Relay node/nodes included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
let P1: string, P2: string, MA: string, MA2: string, MB: string;

beforeAll(async () => {
  app = await startTestApp();
  const problems = await app.db.prisma.problem.findMany({
    where: { section: "CONTINUING" },
    orderBy: { number: "asc" },
    include: { measures: { orderBy: { number: "asc" } } },
  });
  const p1 = problems.find((p) => p.measures.length >= 3)!;
  const p2 = problems.find((p) => p.id !== p1.id && p.measures.length >= 1)!;
  [P1, P2] = [gid("Problem", p1.id), gid("Problem", p2.id)];
  [MA, MA2, MB] = [
    gid("Measure", p1.measures[0]!.id),
    gid("Measure", p1.measures[1]!.id),
    gid("Measure", p2.measures[0]!.id),
  ];
  const assign = `mutation($id:ID!,$u:ID!){ assignMeasure(id:$id, assignment:{responsibleUnitId:$u, deadline:"2030-06-30"}) { __typename } }`;
  const sup = app.as("supervisor");
  expect((await sup(assign, { id: MA, u: gid("Unit", app.units.a) })).data).toEqual({
    assignMeasure: { __typename: "Measure" },
  });
  await sup(assign, { id: MB, u: gid("Unit", app.units.b) });
});
afterAll(async () => app?.close());

const COUNTS = `{ problems { totalCount } measures { totalCount } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Measure { text } ... on Problem { title } } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
const STATUS = `mutation($id: ID!, $s: RectStatus!) { changeStatus(id: $id, status: $s, reason: "核查后调整") {
  __typename ... on Problem { status } ... on Error { code message } } }`;
const PROGRESS = `mutation($id: String!, $m: ID!) { addProgressUpdate(id: $id, measureId: $m, text: "已完成自查") {
  __typename ... on AddProgressUpdatePayload { created } ... on Error { code } } }`;
/** The error code of a denied request: a GraphQL error's, or a typed error result's (mutations list ForbiddenError). */
const code = (r: any) =>
  r.errors?.[0]?.extensions?.code ?? Object.values(r.data ?? {}).find((v: any) => v?.code)?.["code" as never];

describe("the public (anonymous)", () => {
  const pub = () => app.as("public");
  it("reads the published problems and measures but no internal field", async () => {
    expect((await pub()(COUNTS)).data).toEqual({ problems: { totalCount: 36 }, measures: { totalCount: 120 } });
    const r = await pub()(`query($id:ID!){ node(id:$id) { ... on Measure { text deadline } } }`, { id: MA });
    expect(code(r)).toBe("UNAUTHENTICATED");
    expect((await pub()(`{ me { id } }`)).data).toEqual({ me: null });
  });
  it("cannot list users or the audit trail, nor change anything", async () => {
    expect(code(await pub()(`{ users { totalCount } }`))).toBe("UNAUTHENTICATED");
    expect(code(await pub()(`{ auditEvents { totalCount } }`))).toBe("UNAUTHENTICATED");
    expect(code(await pub()(STATUS, { id: MA, s: "COMPLETED" }))).toBe("UNAUTHENTICATED");
    expect(code(await pub()(PROGRESS, { id: crypto.randomUUID(), m: MA }))).toBe("UNAUTHENTICATED");
    expect(code(await pub()(`mutation { importReport(text: "x") { __typename } }`))).toBe("UNAUTHENTICATED");
  });
  it("learns no input rules: invalid input to a guarded mutation is refused as unauthenticated", async () => {
    const bad: any = await pub()(
      `mutation { createUser(username: "x", password: "short", role: ADMIN) { __typename } }`,
    );
    expect(code(bad)).toBe("UNAUTHENTICATED");
    expect(bad.errors[0].message).not.toMatch(/letters|characters/);
    const login: any = await pub()(
      `mutation { login(username: "", password: "") { __typename ... on ValidationError { issues { path } } } }`,
    );
    expect(login.data.login).toEqual({
      __typename: "ValidationError",
      issues: [{ path: "username" }, { path: "password" }],
    });
  });
  it("sees nothing of an unpublished inspection", async () => {
    // Inspection.published decides what the public sees (a published report's inspection is marked on import).
    await app.db.prisma.inspection.updateMany({ data: { published: false } });
    try {
      expect((await pub()(COUNTS)).data).toEqual({ problems: { totalCount: 0 }, measures: { totalCount: 0 } });
      const r = await pub()(NODE, { id: P1 });
      expect(r.data?.node ?? null).toBeNull();
      expect(code(r)).toBe("UNAUTHENTICATED");
    } finally {
      await app.db.prisma.inspection.updateMany({ data: { published: true } });
    }
  });
});

describe("a unit liaison", () => {
  const a = () => app.as("liaisonA");
  it("sees only its own unit's problems and measures", async () => {
    expect((await a()(COUNTS)).data).toEqual({ problems: { totalCount: 1 }, measures: { totalCount: 1 } });
    const r: any = await a()(`{ problems { edges { node { id measures { totalCount edges { node { id } } } } } } }`);
    expect(r.data.problems.edges).toEqual([
      { node: { id: P1, measures: { totalCount: 1, edges: [{ node: { id: MA } }] } } },
    ]);
  });
  it("cannot read another unit's items through node() or nodes()", async () => {
    const own: any = await a()(NODE, { id: MA });
    expect(own.data.node.id).toBe(MA);
    for (const id of [MB, P2, MA2]) {
      const r = await a()(NODE, { id });
      expect(r.data?.node ?? null).toBeNull();
      expect(code(r)).toBe("FORBIDDEN");
    }
    const many: any = await a()(NODES, { ids: [MA, MB] });
    expect(many.data.nodes).toEqual([{ id: MA }, null]);
    expect(code(many)).toBe("FORBIDDEN");
  });
  it("changes and reports on its own measures only, along allowed transitions", async () => {
    const other: any = await a()(STATUS, { id: MB, s: "COMPLETED" });
    expect(other.data.changeStatus).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    const ok: any = await a()(STATUS, { id: MA, s: "COMPLETED" });
    expect(ok.data.changeStatus.__typename).toBe("Problem");
    const skip: any = await a()(STATUS, { id: MA, s: "CLOSED" });
    expect(skip.data.changeStatus).toMatchObject({ __typename: "InvalidTransitionError", code: "INVALID_TRANSITION" });
    const problem: any = await a()(STATUS, { id: P1, s: "COMPLETED" });
    expect(problem.data.changeStatus.__typename).toBe("ForbiddenError");
    expect((await a()(PROGRESS, { id: crypto.randomUUID(), m: MA })).data).toEqual({
      addProgressUpdate: { __typename: "AddProgressUpdatePayload", created: true },
    });
    expect(((await a()(PROGRESS, { id: crypto.randomUUID(), m: MB })).data as any).addProgressUpdate.code).toBe(
      "FORBIDDEN",
    );
    const measure = await app.db.prisma.measure.findUniqueOrThrow({
      where: { id: Buffer.from(MB, "base64").toString().split(":")[1] },
    });
    expect(measure.status).toBe("IN_PROGRESS");
  });
  it("cannot assign, import, or read users and the audit trail", async () => {
    const assign = await a()(
      `mutation($id:ID!){ assignMeasure(id:$id, assignment:{deadline:"2031-01-01"}) { __typename } }`,
      { id: MA },
    );
    expect(code(assign)).toBe("FORBIDDEN");
    expect(code(await a()(`mutation { importReport(text: "x") { __typename } }`))).toBe("FORBIDDEN");
    expect(code(await a()(`{ users { totalCount } }`))).toBe("FORBIDDEN");
    expect(code(await a()(`{ auditEvents { totalCount } }`))).toBe("FORBIDDEN");
  });
  it("of another unit sees that unit's items and not these", async () => {
    const b: any = await app.as("liaisonB")(`{ measures { edges { node { id } } } }`);
    expect(b.data.measures.edges).toEqual([{ node: { id: MB } }]);
  });
});

describe("an inspector", () => {
  const i = () => app.as("inspector");
  it("reads the whole ledger but changes no status and assigns nothing", async () => {
    expect((await i()(COUNTS)).data).toEqual({ problems: { totalCount: 36 }, measures: { totalCount: 120 } });
    expect(((await i()(NODE, { id: MB })).data as any).node.id).toBe(MB);
    expect(code(await i()(STATUS, { id: MB, s: "COMPLETED" }))).toBe("FORBIDDEN");
    expect(
      code(
        await i()(`mutation($id:ID!){ assignMeasure(id:$id, assignment:{deadline:"2031-01-01"}) { __typename } }`, {
          id: MB,
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(code(await i()(`{ users { totalCount } }`))).toBe("FORBIDDEN");
  });
});

describe("a supervisor", () => {
  const s = () => app.as("supervisor");
  it("verifies and closes out, with the history recorded", async () => {
    const req: any = await app.as("liaisonA")(
      `mutation($m:ID!,$e:String!){ requestCloseout(measureId:$m, evidenceId:$e, evidence:"整改材料已归档", reason:"已完成整改") { __typename ... on Measure { status } } }`,
      { m: MA, e: crypto.randomUUID() },
    );
    expect(req.data.requestCloseout).toEqual({ __typename: "Measure", status: "CLOSE_REQUESTED" });
    const byLiaison: any = await app.as("liaisonA")(
      `mutation($m:ID!){ verifyCloseout(measureId:$m, approve:true, reason:"自行销号") { __typename ... on Error { code } } }`,
      { m: MA },
    );
    expect(code(byLiaison)).toBe("FORBIDDEN");
    const closed: any = await s()(
      `mutation($m:ID!){ verifyCloseout(measureId:$m, approve:true, reason:"核查后调整") { __typename ... on Measure { status } } }`,
      { m: MA },
    );
    expect(closed.data.verifyCloseout).toEqual({ __typename: "Measure", status: "CLOSED" });
    const h: any = await s()(
      `query($id:ID!){ node(id:$id) { ... on Measure { status statusHistory { fromStatus toStatus reason actorName } } } }`,
      { id: MA },
    );
    expect(h.data.node.status).toBe("CLOSED");
    expect(h.data.node.statusHistory.map((x: any) => x.toStatus)).toEqual([
      "IN_PROGRESS",
      "COMPLETED",
      "CLOSE_REQUESTED",
      "CLOSED",
    ]);
    expect(h.data.node.statusHistory.at(-1)).toMatchObject({
      fromStatus: "CLOSE_REQUESTED",
      reason: "核查后调整",
      actorName: "sup",
    });
  });
  it("reads the audit trail of every mutation but cannot manage users", async () => {
    const r: any = await s()(`{ auditEvents(first: 100) { edges { node { action actorName } } } }`);
    const actions = r.data.auditEvents.edges.map((e: any) => e.node.action);
    for (const a of ["assignMeasure", "changeMeasureStatus", "addProgressUpdate", "login"])
      expect(actions).toContain(a);
    expect(code(await s()(`{ users { totalCount } }`))).toBe("FORBIDDEN");
    expect(code(await s()(`mutation { createUnit(name: "某单位") { __typename } }`))).toBe("FORBIDDEN");
  });
});

describe("an admin", () => {
  it("manages users and units; a deactivated user's token stops working", async () => {
    const ad = app.as("admin");
    const users: any = await ad(`{ users { totalCount } }`);
    expect(users.data.users.totalCount).toBe(5);
    const unit: any = await ad(`mutation { createUnit(name: "市审计局") { ... on Unit { id name } } }`);
    expect(unit.data.createUnit.name).toBe("市审计局");
    const dup: any = await ad(`mutation { createUnit(name: "市审计局") { __typename ... on Error { code } } }`);
    expect(dup.data.createUnit).toEqual({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    const noUnit: any = await ad(
      `mutation { createUser(username:"x1", password:"velvet tundra 83 quokka", role: UNIT_LIAISON) { __typename ... on ValidationError { issues { path } } } }`,
    );
    expect(noUnit.data.createUser).toEqual({ __typename: "ValidationError", issues: [{ path: "unitId" }] });
    const shortPw: any = await ad(
      `mutation { createUser(username:"x1", password:"short", role: INSPECTOR) { __typename ... on ValidationError { issues { path message } } } }`,
    );
    expect(shortPw.data.createUser.__typename).toBe("ValidationError");
    expect(await app.db.prisma.user.count({ where: { username: "x1" } })).toBe(0);
    const me: any = await app.as("inspector")(`{ me { id username role } }`);
    expect(me.data.me).toMatchObject({ username: "insp", role: "INSPECTOR" });
    const off: any = await ad(`mutation($id:ID!){ updateUser(id:$id, active:false) { ... on User { active } } }`, {
      id: me.data.me.id,
    });
    expect(off.data.updateUser.active).toBe(false);
    expect((await app.as("inspector")(`{ me { id } }`)).data).toEqual({ me: null });
  });
});
