// One import call from the screen's point of view: the source (a picked file read once, or pasted text) and the
// options go out through import-transport; the answer comes back as a summary or as a failure with what to say
// (a parse error names its line, a file error its reason). Nothing here renders.
import type { GqlResult } from "../graphql/client.ts";
import type { MessageKey, MessageParams } from "../i18n/i18n.ts";
import type { LedgerField, LedgerSummary, LedgerWarning, ReportSummary } from "./import-documents.ts";
import { asReportSummary, IMPORT_LEDGER, IMPORT_REPORT } from "./import-documents.ts";
import { postMutation, type OnProgress } from "./import-transport.ts";
import type { Target } from "./ledger-review-model.ts";
import { targetVariables } from "./ledger-review-model.ts";

export type Source = { kind: "file"; name: string; base64: string } | { kind: "text"; text: string };

/** A failure as the screen shows it: a message key of ours, or the server's words under a generic heading. */
export type Failure =
  | { kind: "message"; key: MessageKey; params: MessageParams }
  | { kind: "typed"; typename: string; message: string; warnings?: LedgerWarning[] }
  | { kind: "transport"; failure: string; message: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

interface Payload {
  __typename: string;
  code?: string;
  message?: string;
  line?: number;
  expected?: string;
  found?: string;
  reason?: string;
  warnings?: LedgerWarning[];
}

/** The typed answer of `field` as an outcome: the success member of its union, or what to tell the supervisor. */
export function outcomeOfPayload<R, K extends keyof R & string, S extends string>(
  result: GqlResult<R>,
  field: K,
  success: S,
): Outcome<Extract<NonNullable<R[K]>, { __typename: S }>> {
  type T = Extract<NonNullable<R[K]>, { __typename: S }>;
  if (!result.ok) return { ok: false, failure: { kind: "transport", failure: result.kind, message: result.message } };
  // Only __typename and the error members' fields are read here; the success member is returned as the schema typed it.
  const p = (result.data as Record<string, Payload | undefined>)[field];
  if (!p)
    return { ok: false, failure: { kind: "transport", failure: "graphql", message: `no ${field} in the answer` } };
  if (p.__typename === success) return { ok: true, value: p as unknown as T };
  const message = p.message ?? p.__typename;
  switch (p.__typename) {
    case "ImportParseError":
      return {
        ok: false,
        failure: {
          kind: "message",
          key: "im.error.parse",
          params: { line: p.line ?? 0, expected: p.expected ?? "", found: p.found ?? "" },
        },
      };
    case "ImportFileError":
      return {
        ok: false,
        failure: { kind: "message", key: "im.error.file", params: { reason: p.reason ?? "", message } },
      };
    case "SpreadsheetError":
      return {
        ok: false,
        failure: { kind: "message", key: "im.error.sheet", params: { reason: p.reason ?? "", message } },
      };
    default:
      return {
        ok: false,
        failure: { kind: "typed", typename: p.__typename, message, ...(p.warnings ? { warnings: p.warnings } : {}) },
      };
  }
}

export async function runReport(
  source: Source,
  opts: { dryRun: boolean; acceptWarnings: boolean },
  onProgress: OnProgress,
): Promise<Outcome<ReportSummary>> {
  const input = source.kind === "file" ? { fileBase64: source.base64, fileName: source.name } : { text: source.text };
  const r = await postMutation(IMPORT_REPORT, { ...input, ...opts }, onProgress);
  const outcome = outcomeOfPayload(r, "importReport", "ImportSummary");
  return outcome.ok ? { ok: true, value: asReportSummary(outcome.value) } : outcome;
}

export async function runLedger(
  source: Extract<Source, { kind: "file" }>,
  opts: { dryRun: boolean; acceptWarnings: boolean; mapping: { header: string; field: LedgerField }[]; target: Target },
  onProgress: OnProgress,
): Promise<Outcome<LedgerSummary>> {
  const variables = {
    file: source.base64,
    fileName: source.name,
    dryRun: opts.dryRun,
    acceptWarnings: opts.acceptWarnings,
    mapping: opts.mapping.length ? opts.mapping : null,
    ...targetVariables(opts.target),
  };
  const r = await postMutation(IMPORT_LEDGER, variables, onProgress);
  return outcomeOfPayload(r, "importLedger", "LedgerImportSummary");
}
