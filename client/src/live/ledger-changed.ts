// The live-updates subscription document and its event (ids only: screens re-read what they show).
export const LEDGER_CHANGED = `subscription LedgerChanged { ledgerChanged { kind problemId measureId at } }`;

export interface LedgerEvent {
  kind: "STATUS" | "PROGRESS" | "RECORD" | "IMPORT" | "ASSIGNMENT";
  problemId: string | null;
  measureId: string | null;
  at: string;
}
