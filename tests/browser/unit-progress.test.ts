// A unit's month in the PWA (phone-sized Chromium, real server): the liaison reports offline on two measures with
// a PDF and a photo, goes online and the outbox drains; the supervisor opens the measure's timeline, previews the
// PDF and asks for more (补充材料); the liaison answers from its home; the unit requests close-out picking that
// PDF, and the supervisor verifies it using that evidence. Accessibility checked with axe on each new screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { gqlAt } from "./helpers/app-process.ts";
import { logIn, PASSWORD, startScenario, type Scenario } from "./helpers/scenario.ts";
import { makePdf, makePng } from "../helpers/evidence-files.ts";

let s: Scenario;
let sup: Phone;
let liaison: Phone;
let problem: { gid: string; title: string; number: number; measures: string[] };

async function asSupervisor(query: string, variables: object = {}) {
  const r = await gqlAt(s.app.url, query, variables, s.supervisorToken);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

const PDF = { name: "整改制度.pdf", mimeType: "application/pdf", buffer: makePdf("Rules issued") };
const PHOTO = { name: "现场照片.png", mimeType: "image/png", buffer: makePng(600, 400) };

beforeAll(async () => {
  s = await startScenario(4631);
  const unit = await gqlAt(
    s.app.url,
    `mutation { createUnit(name: "市财政局") { ... on Unit { id } } }`,
    {},
    s.adminToken,
  );
  const unitId = unit.data.createUnit.id;
  await gqlAt(
    s.app.url,
    `mutation($u: ID!, $p: String!) { createUser(username: "liaison1", displayName: "财政局联络员", password: $p, role: UNIT_LIAISON, unitId: $u) { __typename } }`,
    { u: unitId, p: PASSWORD },
    s.adminToken,
  );
  const list = await asSupervisor(
    `{ problems(first: 5, filter: { section: CONTINUING }) { edges { node { id number title measures { edges { node { id } } } } } } }`,
  );
  const node = list.problems.edges.find((e: any) => e.node.measures.edges.length >= 2).node;
  problem = {
    gid: node.id,
    title: node.title,
    number: node.number,
    measures: node.measures.edges.slice(0, 2).map((e: any) => e.node.id),
  };
  for (const m of problem.measures) {
    await asSupervisor(
      `mutation($id: ID!, $u: ID!) { assignMeasure(id: $id, assignment: { responsibleUnitId: $u, deadline: "2099-12-31" }) { __typename } }`,
      { id: m, u: unitId },
    );
  }
  sup = await launchPhone(s.app.url);
  liaison = await launchPhone(s.app.url);
}, 420_000);
afterAll(async () => {
  await sup?.close();
  await liaison?.close();
  await s?.close();
});

const updates = async () =>
  (
    await asSupervisor(
      `query($id: ID!) { node(id: $id) { ... on Measure { progressUpdates(first: 10) { edges { node { text
        attachments { fileName mimeType complete } } } } } } }`,
      { id: problem.measures[0] },
    )
  ).node.progressUpdates.edges.map((e: any) => e.node);

describe("a unit reports progress with evidence", () => {
  it("reports offline, syncs, is asked for more, answers, and the close-out is verified on that evidence", async () => {
    const lp = liaison.page;
    await logIn(lp, "liaison1");
    // The unit's home starts with its measures.
    await expect.poll(() => lp.getByRole("heading", { name: "我的整改事项" }).count(), { timeout: 20_000 }).toBe(1);
    expect(await axeViolations(lp)).toEqual([]);

    // Offline: pick both measures and report once for both, with a PDF and a photo.
    await liaison.setOffline(true);
    const labels = [1, 2].map((n) => new RegExp(`选择 ${problem.number}\\.${n} `));
    for (const l of labels) await lp.getByRole("checkbox", { name: l }).first().check();
    await lp.getByRole("button", { name: "报送所选 2 项的进展" }).click();
    await lp.getByLabel("整改进展", { exact: true }).fill("已印发《奖补资金管理办法》，召开专题会议部署。");
    await lp.getByLabel("完成程度估计（%，可不填）").fill("70");
    await lp.locator("#pg-files").setInputFiles([PDF, PHOTO]);
    await expect.poll(() => lp.getByText(/整改制度\.pdf/).count()).toBeGreaterThan(0);
    expect(await axeViolations(lp)).toEqual([]);
    await lp.getByRole("button", { name: "提交（联网后自动发送）" }).click();
    await expect.poll(() => lp.getByRole("status").textContent(), { timeout: 15_000 }).toContain("2 项措施");
    expect(await updates()).toEqual([]);
    // The outbox names what the waiting report is about (its measures), not "not in this device's ledger".
    await lp.goto("/#/outbox");
    const waiting = lp.locator(".outbox-item").first();
    await expect.poll(() => waiting.textContent(), { timeout: 15_000 }).toContain("整改进展");
    expect(await waiting.textContent()).not.toContain("事项不在本机台账中");
    expect(await waiting.textContent()).toContain("已印发《奖补资金管理办法》");

    // Online: the outbox drains; both measures hold the update with both files, complete.
    await liaison.setOffline(false);
    await expect
      .poll(async () => (await updates()).flatMap((u: any) => u.attachments.filter((a: any) => a.complete)).length, {
        timeout: 60_000,
      })
      .toBe(2);
    const [u] = await updates();
    expect(u.attachments.map((a: any) => a.mimeType).sort()).toEqual(["application/pdf", "image/png"]);

    // The supervisor reads the measure's timeline and previews the PDF in the page.
    const p = sup.page;
    await logIn(p, "supervisor1");
    await p.goto(`/#/timeline/${encodeURIComponent(problem.measures[0]!)}`);
    await expect.poll(() => p.getByText("已印发《奖补资金管理办法》").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await p.getByRole("button", { name: "预览 整改制度.pdf" }).click();
    const frame = p.locator("iframe.evidence-preview");
    await expect.poll(() => frame.count()).toBe(1);
    const src = await frame.getAttribute("src");
    const pdf = await p.request.get(src!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toMatch(/^inline/);
    expect(Buffer.from(await pdf.body()).equals(PDF.buffer)).toBe(true);
    expect(await axeViolations(p)).toEqual([]);

    // 公开发布: the supervisor publishes the update with the PDF only; the public page shows it, not the photo.
    const publicPage = async () =>
      (
        await fetch(`${s.app.url}/public/problems/${Buffer.from(problem.gid, "base64").toString().split(":")[1]}`)
      ).text();
    expect(await publicPage()).not.toContain("奖补资金管理办法");
    await p.getByRole("button", { name: "公开发布" }).first().click();
    await p.getByRole("checkbox", { name: "整改制度.pdf" }).check();
    expect(await axeViolations(p)).toEqual([]);
    await p.getByRole("button", { name: "确认公开" }).click();
    await expect.poll(() => p.getByText("已公开发布").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const html = await publicPage();
    expect(html).toContain("奖补资金管理办法");
    expect(html).toContain("整改制度.pdf");
    expect(html).not.toContain("现场照片.png");

    // 补充材料: the supervisor asks for the sign-in sheet.
    await p.getByRole("button", { name: "要求补充材料" }).first().click();
    await p.getByLabel("需要补充什么、为什么").fill("请补充专题会议签到表");
    await p.getByRole("button", { name: "发送要求" }).click();
    await expect.poll(() => p.getByText(/请补充专题会议签到表/).count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // The liaison sees it on its home and answers with a new update; the answer closes the request.
    await lp.goto("/");
    await expect.poll(() => lp.getByText(/请补充专题会议签到表/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await lp.getByRole("link", { name: "补充材料" }).first().click();
    await lp.getByLabel("整改进展", { exact: true }).fill("已补充专题会议签到表。");
    await lp.getByRole("button", { name: "提交（联网后自动发送）" }).click();
    await expect
      .poll(async () => (await asSupervisor(`{ supplementRequests { open answer { text } } }`)).supplementRequests[0], {
        timeout: 60_000,
      })
      .toEqual({ open: false, answer: { text: "已补充专题会议签到表。" } });

    // Close-out: the unit picks the PDF it reported as evidence.
    await lp.goto(`/#/problem/${encodeURIComponent(problem.gid)}`);
    await lp.getByRole("button", { name: /申请销号 · 措施（1）/ }).click();
    await lp.getByRole("checkbox", { name: /整改制度\.pdf/ }).check();
    await lp.getByLabel("销号证据").fill("制度已印发执行，签到表已补充");
    await lp.getByLabel("申请理由").fill("措施已全部落实");
    await lp.getByRole("button", { name: "提交销号申请" }).click();
    const history = async () =>
      (
        await asSupervisor(
          `query($id: ID!) { node(id: $id) { ... on Measure { status statusHistory { toStatus evidence { attachments { fileName complete } } } } } }`,
          { id: problem.measures[0] },
        )
      ).node;
    await expect.poll(async () => (await history()).status, { timeout: 20_000 }).toBe("CLOSE_REQUESTED");
    const request = (await history()).statusHistory.find((h: any) => h.toStatus === "CLOSE_REQUESTED");
    expect(request.evidence.attachments).toEqual([{ fileName: "整改制度.pdf", complete: true }]);

    // The supervisor verifies using that evidence.
    await p.goto(`/#/problem/${encodeURIComponent(problem.gid)}`);
    await p.getByRole("button", { name: /核查销号 · 措施（1）/ }).click();
    await p.getByRole("radio", { name: "同意销号" }).check();
    await p.getByLabel("核查意见").fill("制度文件与签到表齐全，整改到位");
    await p.getByRole("button", { name: "提交核查结论" }).click();
    await expect.poll(async () => (await history()).status, { timeout: 20_000 }).toBe("CLOSED");
  }, 420_000);
});
