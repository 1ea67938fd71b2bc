// Arguments of `pnpm cli import-ledger`: flags, values, and every usage error named.
import { describe, expect, it } from "vitest";
import { parseImportLedgerArgs } from "./import-args.ts";

const ID = "6f1c1a52-4a4e-4f53-9d43-1f2a3b4c5d6e";

describe("parseImportLedgerArgs", () => {
  it("reads the file, flags and values in any order", () => {
    expect(parseImportLedgerArgs(["--dry-run", "a.xlsx", "--json", `--inspection=${ID}`, "--accept-warnings"])).toEqual(
      {
        file: "a.xlsx",
        dryRun: true,
        json: true,
        acceptWarnings: true,
        progress: false,
        inspectionId: ID,
      },
    );
    expect(
      parseImportLedgerArgs(["a.csv", "--team", "市委第一巡察组", "--body", "市教育局", "--round", "第五轮"]),
    ).toMatchObject({ team: "市委第一巡察组", body: "市教育局", round: "第五轮" });
  });

  it.each([
    [[], "the spreadsheet file is required"],
    [["a.xlsx", "b.xlsx"], "unexpected argument: b.xlsx"],
    [["a.xlsx", "--nope"], "unknown option: --nope"],
    [["a.xlsx", "--json=1"], "--json takes no value"],
    [["a.xlsx", "--inspection"], "--inspection needs a value"],
    [["a.xlsx", "--inspection", "42"], "--inspection must be an inspection id (a UUID)"],
    [["a.xlsx", "--team", "x"], "--team and --body go together"],
    [
      ["a.xlsx", "--inspection", ID, "--team", "x", "--body", "y"],
      "--inspection cannot be combined with --team/--body",
    ],
  ])("%j → %s", (args, message) => {
    expect(() => parseImportLedgerArgs(args)).toThrow(message);
  });
});
