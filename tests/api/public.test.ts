// Public disclosure and opinions: pages without login, an opinion form that works without JavaScript,
// validation and rate limits, supervisor triage, and printable QR posters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
let problem: { id: string; title: string };
beforeAll(async () => {
  app = await startTestApp();
  problem = await app.db.prisma.problem.findFirstOrThrow({ where: { section: "CONTINUING", number: 1 } });
  await app.db.prisma.measure.updateMany({
    where: { problemId: problem.id },
    data: { responsibleUnitId: app.units.b },
  });
});
afterAll(async () => app?.close());

const form = (fields: Record<string, string>) =>
  fetch(`${app.url}/public/opinions`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

describe("public pages", () => {
  it("show a published problem and a unit's items without login", async () => {
    const res = await fetch(`${app.url}/public/problems/${problem.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(problem.title);
    expect(html).toContain('<form method="post" action="/public/opinions"');
    expect(html).toContain('<label for="text">');
    const unit = await (await fetch(`${app.url}/public/units/${app.units.b}`)).text();
    expect(unit).toContain("市财政局");
    expect(unit).toContain(problem.title);
  });

  it("hide unpublished inspections", async () => {
    // Inspection.published decides what the public sees (a published report's inspection is marked on import).
    await app.db.prisma.inspection.updateMany({ data: { published: false } });
    try {
      expect((await fetch(`${app.url}/public/problems/${problem.id}`)).status).toBe(404);
    } finally {
      await app.db.prisma.inspection.updateMany({ data: { published: true } });
    }
  });
});

describe("opinions", () => {
  it("are received from the form, validated, and rate-limited per sender", async () => {
    const ok = await form({ problemId: problem.id, text: "公示栏信息未及时更新，请核查。", contact: "13800000000" });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("感谢您的意见");
    const short = await form({ problemId: problem.id, text: "短" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("意见内容至少5个字");
    const badContact = await form({ problemId: problem.id, text: "联系方式格式不对的意见", contact: "???" });
    expect(badContact.status).toBe(400);
    const bot = await form({ problemId: problem.id, text: "机器人填写的内容", website: "http://spam" });
    expect(bot.status).toBe(200);
    expect(await app.db.prisma.opinion.count()).toBe(1);
    for (let i = 0; i < 4; i++)
      expect((await form({ unitId: app.units.b, text: `第${i + 2}条意见内容` })).status).toBe(200);
    const limited = await form({ unitId: app.units.b, text: "第七条意见内容" });
    expect(limited.status).toBe(429);
    expect(await app.db.prisma.opinion.count()).toBe(5);
  });

  it("are triaged and answered by supervisors only", async () => {
    const list: any = await app.as("supervisor")(
      `{ opinions(status: NEW) { totalCount edges { node { id text problem { title } } } } }`,
    );
    expect(list.data.opinions.totalCount).toBe(5);
    const first = list.data.opinions.edges.find((e: any) => e.node.problem)?.node;
    expect(first.problem.title).toBe(problem.title);
    const noText: any = await app.as("supervisor")(
      `mutation($id:ID!){ answerOpinion(id:$id, status: ANSWERED) { __typename } }`,
      { id: first.id },
    );
    expect(noText.data.answerOpinion.__typename).toBe("ValidationError");
    const answered: any = await app.as("supervisor")(
      `mutation($id:ID!){ answerOpinion(id:$id, status: ANSWERED, answer:"已转责任单位核查整改") { ... on Opinion { status answer } } }`,
      { id: first.id },
    );
    expect(answered.data.answerOpinion).toEqual({ status: "ANSWERED", answer: "已转责任单位核查整改" });
    expect((await app.as("liaisonB")(`{ opinions { totalCount } }`)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.as("public")(`{ opinions { totalCount } }`)).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("can be sent through GraphQL by anyone, with typed errors", async () => {
    const pid = Buffer.from(`Problem:${problem.id}`).toString("base64");
    const bad: any = await app.as("public")(
      `mutation($p:ID!){ submitOpinion(problemId:$p, text:"x") { __typename ... on Error { code } } }`,
      { p: pid },
    );
    expect(bad.data.submitOpinion).toEqual({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
  });
});

describe("QR posters", () => {
  it("encode the public page of a problem or a unit", async () => {
    const svg = await fetch(`${app.url}/qr/problems/${problem.id}.svg`);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(await svg.text()).toMatch(/^<svg[^>]*viewBox/);
    const poster = await (await fetch(`${app.url}/qr/units/${app.units.b}`)).text();
    expect(poster).toContain(`/public/units/${app.units.b}`);
    expect(poster).toContain("扫描二维码查看整改进展");
    expect((await fetch(`${app.url}/qr/problems/00000000-0000-4000-8000-000000000000.svg`)).status).toBe(404);
  });
});
