// The import screen's state: pick → (read, upload, server reads) → review → import or cancel → done. The file is
// read once; the preview and the import send the same bytes (both mutations are stateless). A lost session raises
// the usual "log in again" banner. Invariant: nothing is written before `confirm`, and a cancel forgets the file.
import { useCallback, useState } from "react";
import { runQuery } from "../graphql/client.ts";
import { INSPECTION_LIST_QUERY } from "../inspections/inspections-model.ts";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { useServices } from "../services.tsx";
import type { LedgerField, LedgerSummary, ReportSummary } from "./import-documents.ts";
import type { ImportKind } from "./import-file.ts";
import { runLedger, runReport, type Failure, type Outcome, type Source } from "./import-run.ts";
import { readFileBase64, type Progress } from "./import-transport.ts";
import { mappingOf, allColumns, type ColumnEdits, type Target } from "./ledger-review-model.ts";
import { matchInspection } from "./report-review-model.ts";

export type Done =
  { kind: "report"; summary: ReportSummary; inspectionId: string | null } | { kind: "ledger"; summary: LedgerSummary };

export function useImport() {
  const { client, authLost } = useServices();
  const { refreshList } = useInspectionPick();
  const [kind, setKindState] = useState<ImportKind>("report");
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [source, setSource] = useState<Source | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [report, setReport] = useState<ReportSummary | null>(null);
  const [ledger, setLedger] = useState<LedgerSummary | null>(null);
  const [edits, setEdits] = useState<ColumnEdits>({});
  const [target, setTarget] = useState<Target>({ kind: "auto" });
  const [done, setDone] = useState<Done | null>(null);
  const [cancelled, setCancelled] = useState(false);

  const reset = useCallback(() => {
    setFile(null);
    setText("");
    setSource(null);
    setReport(null);
    setLedger(null);
    setEdits({});
    setTarget({ kind: "auto" });
    setFailure(null);
    setProgress(null);
  }, []);

  const settle = useCallback(
    <T>(o: Outcome<T>): T | null => {
      setProgress(null);
      if (o.ok) {
        setFailure(null);
        return o.value;
      }
      if (o.failure.kind === "transport" && o.failure.failure === "unauthenticated") authLost.emit();
      setFailure(o.failure);
      return null;
    },
    [authLost],
  );

  const send = useCallback(
    async (src: Source, dryRun: boolean, acceptWarnings: boolean, currentEdits: ColumnEdits) => {
      if (kind === "report") {
        const value = settle(await runReport(src, { dryRun, acceptWarnings }, setProgress));
        if (!value) return;
        setReport(value);
        if (dryRun || value.needsReview) return;
        // The summary names the inspection by team and body; find its id so the ledger can be opened.
        const list = await runQuery(client, INSPECTION_LIST_QUERY, {});
        const nodes = list.ok ? list.data.inspections.edges.map((e) => e.node) : [];
        const found = matchInspection(nodes, value.team, value.inspectedBody);
        setDone({ kind: "report", summary: value, inspectionId: found?.id ?? null });
        reset();
        void refreshList(); // a new inspection is offered by every picker at once
        return;
      }
      if (src.kind !== "file") return;
      const mapping = ledger ? mappingOf(allColumns(ledger), currentEdits) : [];
      const value = settle(await runLedger(src, { dryRun, acceptWarnings, mapping, target }, setProgress));
      if (!value) return;
      setLedger(value);
      if (dryRun || !value.written) return;
      setDone({ kind: "ledger", summary: value });
      reset();
      void refreshList(); // a new inspection is offered by every picker at once
    },
    [kind, settle, client, reset, ledger, target, refreshList],
  );

  /** Reads the file (or takes the text) and asks for a preview. */
  const preview = useCallback(async () => {
    setDone(null);
    setCancelled(false);
    setReport(null);
    setLedger(null);
    let src: Source;
    if (file) {
      setProgress({ phase: "reading", loaded: 0, total: file.size });
      try {
        src = { kind: "file", name: file.name, base64: await readFileBase64(file, setProgress) };
      } catch (err) {
        setProgress(null);
        setFailure({ kind: "message", key: "im.error.read", params: { message: String(err) } });
        return;
      }
    } else {
      src = { kind: "text", text };
    }
    setSource(src);
    await send(src, true, false, edits);
  }, [file, text, send, edits]);

  const repreview = useCallback(async () => {
    if (source) await send(source, true, false, edits);
  }, [source, send, edits]);

  const confirm = useCallback(
    async (acceptWarnings: boolean) => {
      if (source) await send(source, false, acceptWarnings, edits);
    },
    [source, send, edits],
  );

  const cancel = useCallback(() => {
    reset();
    setCancelled(true);
  }, [reset]);

  const setKind = useCallback(
    (k: ImportKind) => {
      setKindState(k);
      reset();
      setDone(null);
      setCancelled(false);
    },
    [reset],
  );

  const editColumn = useCallback((header: string, field: LedgerField) => {
    setEdits((e) => ({ ...e, [header]: field }));
  }, []);

  return {
    kind,
    setKind,
    file,
    setFile,
    text,
    setText,
    progress,
    busy: progress !== null,
    failure,
    report,
    ledger,
    edits,
    editColumn,
    target,
    setTarget,
    done,
    cancelled,
    preview,
    repreview,
    confirm,
    cancel,
    again: () => {
      setDone(null);
      setCancelled(false);
    },
  };
}
