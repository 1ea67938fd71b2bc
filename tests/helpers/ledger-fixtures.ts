// The ledger spreadsheet fixtures of server/src/ledger-sheet/fixtures, read as bytes or base64 for the API.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ledgerFixtureDir = fileURLToPath(new URL("../../server/src/ledger-sheet/fixtures/", import.meta.url));
export const ledgerFixture = (name: string): Buffer => readFileSync(ledgerFixtureDir + name);
export const ledgerBase64 = (name: string): string => ledgerFixture(name).toString("base64");
