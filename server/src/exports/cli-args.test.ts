// Export command lines: accepted forms, inferred format, and the errors named before anything runs.
import { describe, expect, it } from "vitest";
import { ArgumentError, parseLedgerArgs, parseReportArgs } from "./cli-args.ts";

describe("parseReportArgs", () => {
  it("reads --name value and --name=value, and infers the format from the file", () => {
    expect(parseReportArgs(["--format", "docx", "--out", "a.bin", "--date=2024-03-15", "--progress"])).toEqual({
      format: "docx",
      out: "a.bin",
      date: "2024-03-15",
      inspectionId: undefined,
      progress: true,
    });
    expect(parseReportArgs(["--out", "report.HTML"]).format).toBe("html");
  });
  it.each([
    [["--format", "pdf", "--out", "a.pdf"], 'unknown format "pdf"'],
    [["--format", "txt"], "--out <file> is required"],
    [["--out", "a.bin"], "--format is required"],
    [["--out", "a.txt", "--date", "2024-02-30"], "--date must be a day"],
    [["--out", "a.txt", "--colour"], "unknown option: --colour"],
    [["--out", "a.txt", "extra"], "unexpected argument: extra"],
    [["--out", "--format", "txt"], "--out needs a value"],
    [["--out", "a.txt", "--inspection", "x"], "--inspection must be"],
  ])("rejects %j", (args, message) => {
    expect(() => parseReportArgs(args)).toThrow(ArgumentError);
    expect(() => parseReportArgs(args)).toThrow(message);
  });
});

describe("parseLedgerArgs", () => {
  it("needs --out and takes --progress", () => {
    expect(parseLedgerArgs(["--out", "l.xlsx"])).toEqual({ out: "l.xlsx", inspectionId: undefined, progress: false });
    expect(() => parseLedgerArgs([])).toThrow("--out <file.xlsx> is required");
    expect(() => parseLedgerArgs(["--out", "l.xlsx", "--format", "txt"])).toThrow("unknown option: --format");
  });
});
