// Reading a picked file and sending an import mutation, with progress: FileReader reports reading, XMLHttpRequest
// reports the upload (fetch cannot), then the server's reading has no measurable progress ("processing").
// Same-origin cookie auth as the urql client; failures are classified the way graphql/client.ts classifies them.
import { stringifyDocument, type TypedDocumentNode } from "urql";
import type { GqlFailureKind, GqlResult } from "../graphql/client.ts";
import { base64OfBytes } from "./import-file.ts";

export type Phase = "reading" | "uploading" | "processing";
export interface Progress {
  phase: Phase;
  loaded: number;
  total: number;
}
export type OnProgress = (p: Progress) => void;

/** Parsing a long report or a large workbook takes a while on a small server; a dead connection still ends. */
export const IMPORT_TIMEOUT_MS = 5 * 60_000;

export function readFileBase64(file: File, onProgress: OnProgress): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress({ phase: "reading", loaded: e.loaded, total: e.total || file.size });
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.onload = () => {
      onProgress({ phase: "reading", loaded: file.size, total: file.size });
      resolve(base64OfBytes(new Uint8Array(reader.result as ArrayBuffer)));
    };
    reader.readAsArrayBuffer(file);
  });
}

interface RawError {
  message: string;
  extensions?: { code?: string };
}

/** The failure kind of a GraphQL error list (the same rules as classifyError, on the raw JSON). */
export function failureOf(errors: RawError[]): { kind: GqlFailureKind; message: string } {
  const codes = errors.map((e) => e.extensions?.code);
  const message = errors.map((e) => e.message).join("; ");
  if (codes.includes("UNAUTHENTICATED")) return { kind: "unauthenticated", message };
  if (codes.includes("FORBIDDEN")) return { kind: "forbidden", message };
  if (errors.some((e) => /Cannot query field|Unknown type|Unknown argument/.test(e.message))) {
    return { kind: "unavailable", message };
  }
  return { kind: "graphql", message };
}

export function postMutation<T, V extends Record<string, unknown>>(
  document: TypedDocumentNode<T, V>,
  variables: V,
  onProgress: OnProgress,
  url = "/graphql",
): Promise<GqlResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/json");
    xhr.setRequestHeader("Accept", "application/graphql-response+json, application/json");
    xhr.timeout = IMPORT_TIMEOUT_MS;
    xhr.upload.onprogress = (e) => onProgress({ phase: "uploading", loaded: e.loaded, total: e.total });
    xhr.upload.onload = () => onProgress({ phase: "processing", loaded: 0, total: 0 });
    const network = (message: string) => resolve({ ok: false, kind: "network", message });
    xhr.onerror = () => network("the connection failed");
    xhr.ontimeout = () => network("no answer in time");
    xhr.onload = () => {
      let body: { data?: T | null; errors?: RawError[] };
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        return network(`HTTP ${xhr.status}`);
      }
      if (body.errors?.length) return resolve({ ok: false, ...failureOf(body.errors) });
      if (!body.data) return network("empty response");
      resolve({ ok: true, data: body.data });
    };
    xhr.send(JSON.stringify({ query: stringifyDocument(document), variables }));
  });
}
