// The public page: exact words, escaped, language by script, headings without gaps, the opinion channel last.
import { describe, expect, it } from "vitest";
import { parseReport } from "../importer/parse-report.ts";
import { readFixture, readSample, VARIANT_FIXTURES } from "../importer/test-fixtures.ts";
import { escapeHtml, linkContact, reportToHtml } from "./report-html.ts";

const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));

describe("reportToHtml", () => {
  const sample = parseReport(readSample());
  const html = reportToHtml(sample);

  it("is a full page in Traditional Chinese with a title, viewport and no script", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-TW">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>中共常熟市委員會關于巡視整改進展情況的通報</title>");
    expect(html).not.toMatch(/<script|<link|<img|src=/);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("holds every problem heading and measure of the sample", () => {
    expect(html.match(/class="problem"/g)).toHaveLength(36);
    expect(html.match(/class="measure"/g)).toHaveLength(120);
    for (const p of sample.problems) expect(html).toContain(`關于“${escapeHtml(p.title)}”問題的整改。</h4>`);
  });

  it("ends with the opinion channel, phone and e-mail as links", () => {
    const footer = html.slice(html.indexOf("<footer"));
    expect(footer).toContain('<h2 id="opinions">意見建議</h2>');
    expect(footer).toContain('<a href="tel:051252028050">0512-52028050</a>');
    expect(footer).toContain('<a href="mailto:csswxczg@mail.changshu.gov.cn">csswxczg@mail.changshu.gov.cn</a>');
    expect(html.indexOf("</main>")).toBeLessThan(html.indexOf("<footer"));
    expect(html).toContain('<time datetime="2024-03-15">2024年3月15日</time>');
  });

  it.each(VARIANT_FIXTURES)("nests headings without skipping a level (%s)", (name) => {
    const levels = headingLevels(reportToHtml(parseReport(readFixture(name))));
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!).toBeLessThanOrEqual(1));
  });

  it("is Simplified (zh-CN) for a Simplified report", () => {
    const simp = reportToHtml(parseReport(readFixture("simplified.txt")));
    expect(simp).toContain('<html lang="zh-CN">');
    expect(simp).toContain("意见建议");
  });

  it("escapes every text from the database", () => {
    const evil = structuredClone(sample);
    evil.problems[0]!.title = `<script>alert("x")</script>`;
    evil.problems[0]!.measures[0]!.text = `<img src=x onerror=alert(1)> & 'q'`;
    evil.issuer = "</title><script>";
    const out = reportToHtml(evil);
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;");
  });
});

describe("escapeHtml and linkContact", () => {
  it("escape the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
  it("link the phone and e-mail where they occur and escape the rest", () => {
    expect(linkContact("电话:010-1234567<b>,邮箱:a@b.cn。", "010-1234567", "a@b.cn")).toBe(
      '电话:<a href="tel:0101234567">010-1234567</a>&lt;b&gt;,邮箱:<a href="mailto:a@b.cn">a@b.cn</a>。',
    );
    expect(linkContact("无", "123", null)).toBe("无");
  });
});
