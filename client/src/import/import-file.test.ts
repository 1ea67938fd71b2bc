// File checks before reading, chunked base64, progress percentages and size labels.
import { describe, expect, it } from "vitest";
import { base64OfBytes, extensionOf, fileProblem, MAX_BYTES, percentOf, sizeLabel } from "./import-file.ts";

describe("import files", () => {
  it("takes reports and ledgers by extension, refuses empty and oversized files", () => {
    expect(extensionOf("整改报告.DOCX")).toBe("docx");
    expect(extensionOf("noext")).toBe("");
    expect(fileProblem("report", { name: "a.txt", size: 10 })).toBeNull();
    expect(fileProblem("report", { name: "a.pdf", size: 10 })).toBeNull();
    expect(fileProblem("report", { name: "a.xlsx", size: 10 })).toBe("type");
    expect(fileProblem("ledger", { name: "台账.xlsx", size: 10 })).toBeNull();
    expect(fileProblem("ledger", { name: "台账.csv", size: 10 })).toBeNull();
    expect(fileProblem("ledger", { name: "台账.xls", size: 10 })).toBe("type");
    expect(fileProblem("ledger", { name: "a.csv", size: 0 })).toBe("empty");
    expect(fileProblem("report", { name: "a.txt", size: MAX_BYTES + 1 })).toBe("size");
  });

  it("encodes base64 the way Node does, across chunk boundaries", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(base64OfBytes(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(base64OfBytes(new TextEncoder().encode("整改"))).toBe(Buffer.from("整改").toString("base64"));
    expect(base64OfBytes(new Uint8Array())).toBe("");
  });

  it("reports progress as whole percents within 0–100", () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 4)).toBe(100);
    expect(percentOf(10, 10)).toBe(100);
  });

  it("labels sizes", () => {
    expect(sizeLabel(12)).toBe("12 B");
    expect(sizeLabel(2048)).toBe("2 KB");
    expect(sizeLabel(2.5 * 1024 * 1024)).toBe("2.5 MB");
  });
});
