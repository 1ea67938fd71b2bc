// The live-updates subscription document and its event (ids only: screens re-read what they show).
import { graphql, type ResultOf } from "../graphql/tada.ts";

export const LEDGER_CHANGED = graphql(`
  subscription LedgerChanged {
    ledgerChanged {
      kind
      problemId
      measureId
      at
    }
  }
`);

export type LedgerEvent = ResultOf<typeof LEDGER_CHANGED>["ledgerChanged"];
