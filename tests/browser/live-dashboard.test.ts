// Live updates in a real browser: the supervisor's dashboard subscribes over SSE (graphql-sse client, graphql-yoga
// server) and shows a change made elsewhere without a reload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchPhone, type Phone } from "./helpers/browser.ts";
import { gqlAt } from "./helpers/app-process.ts";
import { logIn, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let sup: Phone;

beforeAll(async () => {
  s = await startScenario(4691);
  sup = await launchPhone(s.app.url);
});
afterAll(async () => {
  await sup?.close();
  await s?.close();
});

describe("the live dashboard", () => {
  it("shows a unit assigned elsewhere without a reload", async () => {
    const { page } = sup;
    await logIn(page, "supervisor1");
    await page.getByRole("navigation").getByRole("link", { name: "督办" }).click();
    await page.getByRole("link", { name: "督办看板" }).first().click();
    await expect.poll(() => page.getByText("实时更新已连接").count(), { timeout: 20_000 }).toBe(1);
    const byUnit = page.getByRole("table", { name: "按责任单位" });
    await expect.poll(() => byUnit.count(), { timeout: 20_000 }).toBe(1);
    expect(await byUnit.getByText("市审计局").count()).toBe(0);

    const unit = await gqlAt(
      s.app.url,
      `mutation { createUnit(name: "市审计局") { ... on Unit { id } } }`,
      {},
      s.adminToken,
    );
    const list = await gqlAt(
      s.app.url,
      `{ problems(first: 1) { edges { node { measures { edges { node { id } } } } } } }`,
      {},
      s.supervisorToken,
    );
    const measureId = list.data.problems.edges[0].node.measures.edges[0].node.id;
    const assigned = await gqlAt(
      s.app.url,
      `mutation($id: ID!, $u: ID!) { assignMeasure(id: $id, assignment: { responsibleUnitId: $u, deadline: "2024-01-31" }) { __typename } }`,
      { id: measureId, u: unit.data.createUnit.id },
      s.supervisorToken,
    );
    expect(assigned.errors).toBeUndefined();

    // No reload, no tap on 刷新: the event arrives over the open stream and the dashboard re-reads.
    await expect.poll(() => byUnit.getByText("市审计局").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByText("实时更新已连接").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
