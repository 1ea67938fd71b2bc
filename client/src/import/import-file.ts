// Files for import, pure parts: which kind a name is (report or ledger), the size limit the server takes, base64 in
// chunks (a 10 MB file must not build one giant string argument), and progress as a whole percentage.
export type ImportKind = "report" | "ledger";

export const ACCEPT: Record<ImportKind, string> = {
  report:
    ".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ledger: ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
const EXTENSIONS: Record<ImportKind, readonly string[]> = {
  report: ["txt", "docx", "pdf"],
  ledger: ["xlsx", "csv"],
};

/** Both mutations take at most 10 MB of file. */
export const MAX_BYTES = 10 * 1024 * 1024;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** Why this file cannot go to the server as `kind`, or null: checked before reading so nothing big is read in vain. */
export function fileProblem(kind: ImportKind, file: { name: string; size: number }): "type" | "empty" | "size" | null {
  if (!EXTENSIONS[kind].includes(extensionOf(file.name))) return "type";
  if (file.size === 0) return "empty";
  if (file.size > MAX_BYTES) return "size";
  return null;
}

const CHUNK = 0x8000;

/** Standard base64 of the bytes, built 32 KB at a time (String.fromCharCode takes a bounded argument list). */
export function base64OfBytes(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(""));
}

/** 0–100, whole; an unknown total reads as 0 so the bar never jumps past the end. */
export function percentOf(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.floor((loaded / total) * 100)));
}

/** "2.4 MB", "830 KB", "12 B" (1024-based, as file managers show them). */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
