// Public pages in the reader's script (issue 13 §14): the generated frame follows ?lang= / Accept-Language,
// published text (names, titles, measures) is shown exactly as published, even when it mixes scripts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_MESSAGES } from "@rectify/server/http/public-i18n";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
let problem: { id: string; title: string; body: string };
let measures: string[];
const TEAM = "省委第二巡視組"; // published in Traditional characters
const BODY = "常熟市";

/** Characters a script's frame uses that the other script's frame never does, phrase by phrase. */
function onlyIn(a: Record<string, string>, b: Record<string, string>): Set<string> {
  const out = new Set<string>();
  for (const key of Object.keys(a)) {
    const other = new Set(b[key]);
    for (const ch of a[key]!) if (/\p{Script=Han}/u.test(ch) && !other.has(ch)) out.add(ch);
  }
  return out;
}
const SIMPLIFIED_ONLY = onlyIn(PUBLIC_MESSAGES["zh-CN"], PUBLIC_MESSAGES["zh-TW"]);
const TRADITIONAL_ONLY = onlyIn(PUBLIC_MESSAGES["zh-TW"], PUBLIC_MESSAGES["zh-CN"]);

/** The page's text with the published strings taken out: what is left is the app's own words. */
function generated(html: string, published: string[]): string {
  let text = html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&");
  // Longest first, so a name inside a longer published text does not leave pieces behind.
  for (const p of [...published].sort((a, b) => b.length - a.length)) text = text.split(p).join(" ");
  return text;
}
const found = (text: string, chars: Set<string>) => [...new Set([...text].filter((c) => chars.has(c)))];

beforeAll(async () => {
  app = await startTestApp();
  const db = app.db.prisma;
  const p = await db.problem.findFirstOrThrow({
    where: { section: "CONTINUING", number: 1 },
    include: { measures: { where: { archivedAt: null }, orderBy: { number: "asc" } } },
  });
  problem = p;
  measures = p.measures.map((m) => m.text);
  await db.inspection.update({ where: { id: p.inspectionId }, data: { team: TEAM, inspectedBody: BODY } });
  await db.measure.updateMany({ where: { problemId: p.id }, data: { responsibleUnitId: app.units.b } });
});
afterAll(async () => app?.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { headers }).then(async (r) => ({ status: r.status, html: await r.text() }));

describe("public pages in the reader's script", () => {
  it("sanity: the two frames differ in script", () => {
    expect(SIMPLIFIED_ONLY.has("对")).toBe(true);
    expect(TRADITIONAL_ONLY.has("對")).toBe(true);
  });

  it("Traditional chosen: no Simplified-only frame characters; published text untouched", async () => {
    const { status, html } = await get(`/public/problems/${problem.id}?lang=zh-Hant`);
    expect(status).toBe(200);
    expect(html).toContain('<html lang="zh-Hant">');
    expect(html).toContain(`${TEAM}對${BODY}巡視反饋問題`);
    expect(html).toContain(problem.title);
    for (const m of measures) expect(html).toContain(m.slice(0, 40));
    const own = generated(html, [TEAM, BODY, problem.title, problem.body, ...measures]);
    expect(found(own, SIMPLIFIED_ONLY)).toEqual([]);
    expect(found(own, TRADITIONAL_ONLY).length).toBeGreaterThan(5);
  });

  it("Simplified (default): no Traditional-only frame characters; the Traditional team name kept as published", async () => {
    const { html } = await get(`/public/problems/${problem.id}`);
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toContain(`${TEAM}对${BODY}巡视反馈问题`);
    const own = generated(html, [TEAM, BODY, problem.title, problem.body, ...measures]);
    expect(found(own, TRADITIONAL_ONLY)).toEqual([]);
    expect(found(own, SIMPLIFIED_ONLY).length).toBeGreaterThan(5);
  });

  it("takes a Chinese Accept-Language tag, and ?lang= over it; English only when asked", async () => {
    const hk = await get(`/public/units/${app.units.b}`, { "Accept-Language": "zh-HK,zh;q=0.9,en;q=0.8" });
    expect(hk.html).toContain("市财政局負責的整改事項");
    expect(found(generated(hk.html, ["市财政局", problem.title, ...measures]), SIMPLIFIED_ONLY)).toEqual([]);
    const forced = await get(`/public/units/${app.units.b}?lang=zh-Hans`, { "Accept-Language": "zh-TW" });
    expect(forced.html).toContain("市财政局负责的整改事项");
    const en = await get(`/public/units/${app.units.b}`, { "Accept-Language": "en-US,en;q=0.9" });
    expect(en.html).toContain("负责的整改事项");
    const english = await get(`/public/problems/${problem.id}?lang=en`);
    expect(english.html).toContain(`Problems fed back by ${TEAM} to ${BODY}`);
    // Each language names itself in the language links.
    const own = generated(english.html, [TEAM, BODY, problem.title, problem.body, ...measures, "简体中文", "繁體中文"]);
    expect(own).not.toMatch(/\p{Script=Han}/u);
  });

  it("the index of inspections and the opinion reply follow the script too", async () => {
    const index = await get(`/public/inspections?lang=zh-Hant`);
    expect(index.html).toContain(`${TEAM}對${BODY}`);
    expect(found(generated(index.html, [TEAM, BODY]), SIMPLIFIED_ONLY)).toEqual([]);
    const page = await get(`/public/problems/${problem.id}?lang=zh-Hant`);
    expect(page.html).toContain('<input type="hidden" name="lang" value="zh-Hant">');
    const res = await fetch(`${app.url}/public/opinions`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ problemId: problem.id, lang: "zh-Hant", text: "建議公開更多整改材料" }).toString(),
    });
    const reply = await res.text();
    expect(reply).toContain("感謝您的意見，我們已收到");
    expect(found(generated(reply, [TEAM, BODY, problem.title, problem.body, ...measures]), SIMPLIFIED_ONLY)).toEqual(
      [],
    );
  });
});
