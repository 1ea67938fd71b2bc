// The saved file's name comes from the server's Content-Disposition, UTF-8 name first.
import { describe, expect, it } from "vitest";
import { fileNameOf } from "./download-link.tsx";

describe("fileNameOf", () => {
  it("prefers filename* (UTF-8), then filename, then the fallback", () => {
    expect(
      fileNameOf(`attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent("整改台账.xlsx")}`, "x"),
    ).toBe("整改台账.xlsx");
    expect(fileNameOf(`attachment; filename="report.txt"`, "x")).toBe("report.txt");
    expect(fileNameOf(null, "report.docx")).toBe("report.docx");
    expect(fileNameOf(`attachment; filename*=UTF-8''%E0%A4%A; filename="a.txt"`, "x")).toBe("a.txt");
  });
});
