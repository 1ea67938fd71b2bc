// Progress on stderr: rewritten in place on a terminal, one line per tenth in a log.
import { describe, expect, it } from "vitest";
import { createProgressPrinter } from "./progress-printer.ts";

describe("createProgressPrinter", () => {
  it("rewrites one line on a terminal and ends it on finish", () => {
    let out = "";
    const p = createProgressPrinter((s) => (out += s), true);
    p.report(0, 3);
    p.report(1, 3);
    p.report(1, 3);
    p.report(3, 3);
    p.finish();
    expect(out).toBe("\r导出进度 0/3\r导出进度 1/3\r导出进度 3/3\n");
  });
  it("writes a line per tenth of the work in a log, first and last always", () => {
    const lines: string[] = [];
    const p = createProgressPrinter((s) => lines.push(s), false);
    for (let i = 0; i <= 120; i++) p.report(i, 120);
    p.finish();
    expect(lines[0]).toBe("导出进度 0/120\n");
    expect(lines.at(-1)).toBe("导出进度 120/120\n");
    expect(lines).toHaveLength(11);
  });
});
