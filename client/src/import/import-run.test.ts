// Answers of the import mutations turned into what the screen shows: a summary, a parse error naming its line, a
// file or spreadsheet error with its reason, warnings not accepted, or a transport failure.
import type { GqlResult } from "../graphql/client.ts";
import { describe, expect, it } from "vitest";
import { outcomeOfPayload } from "./import-run.ts";
import { failureOf } from "./import-transport.ts";

describe("import outcomes", () => {
  it("passes the summary through", () => {
    const r = outcomeOfPayload(
      { ok: true, data: { importReport: { __typename: "ImportSummary" } } },
      "importReport",
      "ImportSummary",
    );
    expect(r).toEqual({ ok: true, value: { __typename: "ImportSummary" } });
  });

  it("names the line of a parse error and the reason of a file error", () => {
    const parse = outcomeOfPayload(
      {
        ok: true,
        data: {
          importReport: { __typename: "ImportParseError", message: "m", line: 7, expected: "a problem", found: "x" },
        },
      },
      "importReport",
      "ImportSummary",
    );
    expect(parse).toEqual({
      ok: false,
      failure: { kind: "message", key: "im.error.parse", params: { line: 7, expected: "a problem", found: "x" } },
    });
    const file = outcomeOfPayload(
      {
        ok: true,
        data: { importLedger: { __typename: "SpreadsheetError", message: "encrypted", reason: "password" } },
      },
      "importLedger",
      "LedgerImportSummary",
    );
    expect(file).toMatchObject({ ok: false, failure: { key: "im.error.sheet", params: { reason: "password" } } });
  });

  it("keeps the warnings of a refused ledger import and classifies transport failures", () => {
    const w = { code: "EMPTY_MEASURE", sheet: "s", row: 3, column: null, message: "m" };
    const r = outcomeOfPayload(
      { ok: true, data: { importLedger: { __typename: "WarningsNotAcceptedError", message: "m", warnings: [w] } } },
      "importLedger",
      "LedgerImportSummary",
    );
    expect(r).toEqual({
      ok: false,
      failure: { kind: "typed", typename: "WarningsNotAcceptedError", message: "m", warnings: [w] },
    });
    const down = {
      ok: false,
      kind: "network",
      message: "down",
    } as GqlResult<{ importReport: { __typename: "ImportSummary" } }>;
    expect(outcomeOfPayload(down, "importReport", "ImportSummary")).toEqual({
      ok: false,
      failure: { kind: "transport", failure: "network", message: "down" },
    });
    expect(failureOf([{ message: "no", extensions: { code: "UNAUTHENTICATED" } }]).kind).toBe("unauthenticated");
    expect(failureOf([{ message: "Cannot query field importReport" }]).kind).toBe("unavailable");
    expect(failureOf([{ message: "boom" }]).kind).toBe("graphql");
  });
});
