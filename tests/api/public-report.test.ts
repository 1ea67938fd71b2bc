// The public report page (/public/report, issue 13 §13): contents with an anchor for every problem, links from each
// problem to its own page and opinion form that resolve, and a server-side search (?q=) that works without script:
// matching problems only, matches marked, an empty query shows the whole report, the query is escaped and bounded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app?.close());

const get = (path: string) => fetch(`${app.url}${path}`);
const live = () => app.db.prisma.problem.findMany({ where: { archivedAt: null }, include: { measures: true } });

describe("GET /public/report: contents and links", () => {
  it("anchors every problem in the contents and links it to its page and opinion form", async () => {
    const res = await get("/public/report");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("script-src");
    const html = await res.text();
    expect(html).not.toContain("<script");
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf("</nav>"));
    expect(toc).toContain('id="toc-title"');
    const problems = await live();
    expect(problems.length).toBeGreaterThan(30);
    for (const p of problems) {
      expect(toc).toContain(`href="#p-${p.id}"`);
      expect(html).toContain(`id="p-${p.id}"`);
      expect(html).toContain(`href="/public/problems/${p.id}"`);
      expect(html).toContain(`href="/public/problems/${p.id}#opinion"`);
    }
    // Every in-page link of the contents lands on an element of the page.
    for (const [, target] of toc.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${target}"`);
    // The links resolve: a problem's page has the opinion form its link points at.
    for (const p of problems.slice(0, 3)) {
      const page = await get(`/public/problems/${p.id}`);
      expect(page.status).toBe(200);
      const body = await page.text();
      expect(body).toContain(p.title);
      expect(body).toContain('id="opinion"');
    }
  });

  it("offers a search form that submits to the page itself, without script", async () => {
    const html = await (await get("/public/report")).text();
    expect(html).toMatch(/<form class="search" role="search" method="get" action="\/public\/report">/);
    expect(html).toContain('<input id="q" name="q" type="search"');
  });
});

describe("GET /public/report?q=", () => {
  it("returns the matching problem, marked, and not the others", async () => {
    const problems = await live();
    // A phrase from one problem's title that no other problem's title, body or measures contain.
    const unique = problems
      .flatMap((p) =>
        [...Array(Math.max(0, p.title.length - 5)).keys()].map((i) => ({ p, q: p.title.slice(i, i + 6) })),
      )
      .find(
        ({ p, q }) =>
          !/[“”「」（）()]/.test(q) &&
          problems.every(
            (o) => o.id === p.id || ![o.title, o.body, ...o.measures.map((m) => m.text)].some((t) => t.includes(q)),
          ),
      );
    expect(unique).toBeDefined();
    const { p, q } = unique!;
    const res = await get(`/public/report?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<mark>${q}</mark>`);
    expect(html).toContain(`href="/public/problems/${p.id}"`);
    expect(html).toContain(`value="${q}"`);
    for (const o of problems.filter((x) => x.id !== p.id)) {
      expect(html).not.toContain(`/public/problems/${o.id}"`);
      expect(html).not.toContain(o.title);
    }
    expect(html.match(/<ol class="results">[\s\S]*?<\/ol>/)![0].match(/<li>/g)).toHaveLength(1);
  });

  it("finds problems by their measures' words too", async () => {
    const problems = await live();
    const m = problems.flatMap((p) => p.measures.map((x) => ({ p, text: x.text }))).find((x) => x.text.length > 20)!;
    const q = m.text.slice(4, 14);
    const html = await (await get(`/public/report?q=${encodeURIComponent(q)}`)).text();
    expect(html).toContain(`href="/public/problems/${m.p.id}"`);
    expect(html).toContain(`<mark>${q}</mark>`);
  });

  it("shows the whole report for an empty or blank query, and says when nothing matches", async () => {
    for (const q of ["", "%20%20"]) {
      const res = await get(`/public/report?q=${q}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<nav class="toc"');
      expect(html).not.toContain('id="results"');
    }
    const none = await get(`/public/report?q=${encodeURIComponent("不存在的词语组合")}`);
    expect(none.status).toBe(200);
    const html = await none.text();
    expect(html).toContain("沒有找到包含「不存在的词语组合」");
    expect(html).not.toContain('<ol class="results">');
  });

  it("escapes the query everywhere it is shown and treats it as text, not a pattern", async () => {
    const q = `<script>alert("x")</script>.*`;
    const res = await get(`/public/report?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;.*");
    expect(html).not.toContain('<ol class="results">');
  });

  it("refuses a query longer than 100 characters with 400 and the page", async () => {
    const res = await get(`/public/report?q=${"改".repeat(101)}`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('<form class="search"');
  });
});
