// The HTTP transport against a fake same-origin server: answer passing, failure classification, and resumable
// uploads (chunking, resume from the server's offset, lost answers, mismatch, oversize, expired session).
import { describe, expect, it, vi } from "vitest";
import { sha256Hex, type RecordEnvelope } from "@rectify/server/sync";
import { TransportError, type PhotoUploadMeta } from "../outbox/index.ts";
import { createGraphqlTransport } from "./graphql-transport.ts";

const envelope = { recordId: "00000000-0000-4000-8000-000000000001" } as RecordEnvelope;
const answer = { recordId: envelope.recordId, outcome: "CREATED", serverVersion: 1, missingPhotos: [], error: null };

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

async function caught(p: Promise<unknown>): Promise<TransportError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TransportError);
  return e as TransportError;
}

describe("sendRecord", () => {
  it("posts the mutation with the envelope and returns the answer", async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json({ data: { syncRecord: answer } }));
    const t = createGraphqlTransport({ fetch });
    expect(await t.sendRecord(envelope)).toEqual(answer);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/graphql");
    expect(init!.credentials).toBe("same-origin");
    const body = JSON.parse(init!.body as string);
    expect(body.query).toContain("syncRecord(envelope: $e)");
    expect(body.variables.e).toEqual(envelope);
  });

  it("classifies failures: network and 5xx retry, session loss retries and tells the UI, forbidden is final", async () => {
    const onAuthRequired = vi.fn();
    const make = (f: () => Promise<Response>) => createGraphqlTransport({ fetch: f, onAuthRequired });
    let e = await caught(make(() => Promise.reject(new TypeError("Failed to fetch"))).sendRecord(envelope));
    expect([e.code, e.retryable]).toEqual(["SYNC_UNREACHABLE", true]); // online, but no answer: the server's side
    for (const status of [502, 503, 504]) {
      e = await caught(make(async () => new Response("bad gateway", { status })).sendRecord(envelope));
      expect([e.code, e.retryable]).toEqual(["SYNC_UNREACHABLE", true]); // a proxy answering for a missing server
    }
    e = await caught(make(async () => new Response("oops", { status: 500 })).sendRecord(envelope));
    expect([e.code, e.retryable]).toEqual(["SYNC_SERVER_ERROR", true]);
    e = await caught(
      make(async () =>
        json({ errors: [{ message: "Log in first", extensions: { code: "UNAUTHENTICATED" } }] }),
      ).sendRecord(envelope),
    );
    expect([e.code, e.retryable]).toEqual(["SYNC_AUTH_REQUIRED", true]);
    expect(onAuthRequired).toHaveBeenCalledTimes(1);
    e = await caught(
      make(async () => json({ errors: [{ message: "no", extensions: { code: "FORBIDDEN" } }], data: null })).sendRecord(
        envelope,
      ),
    );
    expect([e.code, e.retryable]).toEqual(["SYNC_FORBIDDEN", false]);
    e = await caught(make(async () => json({ errors: [{ message: "Cannot query field" }] }, 400)).sendRecord(envelope));
    expect(e.retryable).toBe(true);
  });

  it("says offline, not unreachable, when the device has no network", async () => {
    vi.stubGlobal("navigator", { onLine: false });
    try {
      const t = createGraphqlTransport({ fetch: () => Promise.reject(new TypeError("Failed to fetch")) });
      const e = await caught(t.sendRecord(envelope));
      expect([e.code, e.retryable]).toEqual(["SYNC_OFFLINE", true]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("passes a typed refusal's code from the server's catalogue through, and names a bare 4xx a refusal", async () => {
    let e = await caught(
      createGraphqlTransport({
        fetch: async () => json({ errors: [{ message: "Too many", extensions: { code: "RATE_LIMITED" } }] }),
      }).sendRecord(envelope),
    );
    expect([e.code, e.retryable]).toEqual(["RATE_LIMITED", true]);
    e = await caught(
      createGraphqlTransport({
        fetch: async () => json({ errors: [{ message: "cross-site", extensions: { code: "CSRF_REJECTED" } }] }, 403),
      }).sendRecord(envelope),
    );
    expect(e.code).toBe("CSRF_REJECTED");
    e = await caught(
      createGraphqlTransport({ fetch: async () => new Response("nope", { status: 405 }) }).sendRecord(envelope),
    );
    expect([e.code, e.retryable]).toEqual(["SYNC_REFUSED", true]);
    // A masked internal error is the server's fault, not a refusal.
    e = await caught(
      createGraphqlTransport({
        fetch: async () =>
          json({ errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }),
      }).sendRecord(envelope),
    );
    expect(e.code).toBe("SYNC_SERVER_ERROR");
  });

  it("probes GET /healthz: true on 2xx, false on failure, never throws", async () => {
    const fetch = vi.fn(async (_u: RequestInfo | URL, _i?: RequestInit) => json({ ok: true }));
    expect(await createGraphqlTransport({ fetch }).probe!()).toBe(true);
    expect(fetch.mock.calls[0]![0]).toBe("/healthz");
    expect(fetch.mock.calls[0]![1]!.method).toBe("GET");
    expect(await createGraphqlTransport({ fetch: async () => new Response("", { status: 502 }) }).probe!()).toBe(false);
    expect(await createGraphqlTransport({ fetch: () => Promise.reject(new TypeError("x")) }).probe!()).toBe(false);
  });

  it("turns SYNC_BUSY (503) into a retryable error that carries the server's Retry-After", async () => {
    const busy = (retryAfter: string | null) => async () =>
      new Response(
        JSON.stringify({ errors: [{ message: "busy", extensions: { code: "SYNC_BUSY", retryAfterSeconds: 7 } }] }),
        {
          status: 503,
          headers: { "Content-Type": "application/json", ...(retryAfter ? { "Retry-After": retryAfter } : {}) },
        },
      );
    let e = await caught(createGraphqlTransport({ fetch: busy("7") }).sendRecord(envelope));
    expect([e.code, e.retryable, e.retryAfterMs]).toEqual(["SYNC_BUSY", true, 7000]);
    // Without the header (a proxy dropped it) it still waits a little rather than hammering.
    e = await caught(createGraphqlTransport({ fetch: busy(null) }).sendRecord(envelope));
    expect([e.code, e.retryable, e.retryAfterMs]).toEqual(["SYNC_BUSY", true, 5000]);
  });

  it("times out a request that never answers", async () => {
    const fetch = (_u: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_r, reject) =>
        init!.signal!.addEventListener("abort", () => reject(new Error("aborted"))),
      );
    const e = await caught(createGraphqlTransport({ fetch, timeoutMs: 20 }).sendRecord(envelope));
    expect([e.code, e.retryable]).toEqual(["SYNC_TIMEOUT", true]);
  });
});

/** A tus 1.0.0 upload endpoint in memory (creation, HEAD, PATCH), with hooks to misbehave. */
function uploadServer(expected: Uint8Array, opts: { known?: boolean; loseAnswers?: number[]; status?: number } = {}) {
  let held = new Uint8Array(0);
  const patches: number[] = [];
  const methods: string[] = [];
  let patchCount = 0;
  const fetch = async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init!.headers);
    methods.push(init!.method!);
    expect(headers.get("Tus-Resumable")).toBe("1.0.0");
    if (opts.known === false) return new Response(null, { status: 404 });
    const state = { "Upload-Offset": String(held.length), "Upload-Length": String(expected.length) };
    if (init!.method === "POST") {
      expect(String(url)).toBe("http://localhost/uploads");
      const id = atob(/attachmentId ([^,]+)/.exec(headers.get("Upload-Metadata") ?? "")![1]!);
      if (Number(headers.get("Upload-Length")) !== expected.length) return new Response(null, { status: 400 });
      return new Response(null, { status: 201, headers: { ...state, Location: `/uploads/${id}` } });
    }
    expect(String(url)).toMatch(/^http:\/\/localhost\/uploads\/[0-9a-f-]{36}$/);
    if (init!.method === "HEAD") return new Response(null, { status: 200, headers: state });
    patchCount++;
    if (opts.status) return new Response(null, { status: opts.status, headers: state });
    expect(headers.get("Content-Type")).toBe("application/offset+octet-stream");
    const offset = Number(headers.get("Upload-Offset"));
    if (offset !== held.length) return new Response(null, { status: 409, headers: state });
    const chunk = new Uint8Array(await new Response(init!.body).arrayBuffer());
    patches.push(chunk.length);
    const next = new Uint8Array(held.length + chunk.length);
    next.set(held);
    next.set(chunk, held.length);
    held = next;
    if (opts.loseAnswers?.includes(patchCount)) throw new TypeError("connection reset"); // applied, answer lost
    const done = held.length === expected.length;
    if (done && sha256Hex(held) !== sha256Hex(expected)) return new Response(null, { status: 422 });
    return new Response(null, {
      status: 204,
      headers: { "Upload-Offset": String(held.length), ...(done ? { "Upload-Complete": "1" } : {}) },
    });
  };
  return { fetch, held: () => held, patches, methods };
}

const bytes = Uint8Array.from({ length: 2500 }, (_, i) => (i * 31) & 0xff);
const meta: PhotoUploadMeta = {
  recordId: envelope.recordId,
  id: "00000000-0000-4000-8000-0000000000f1",
  sha256: sha256Hex(bytes),
  size: bytes.length,
  mimeType: "image/jpeg",
  variant: "stamped",
  fileName: "p.jpg",
};

describe("uploadPhoto", () => {
  it("sends the bytes in chunks until complete, telling the engine's onProgress (sent, total) per chunk", async () => {
    const server = uploadServer(bytes);
    const progress: [number, number][] = [];
    await createGraphqlTransport({ fetch: server.fetch, chunkBytes: 1000 }).uploadPhoto(meta, bytes, (sent, total) =>
      progress.push([sent, total]),
    );
    expect(server.patches).toEqual([1000, 1000, 500]);
    expect(progress).toEqual([
      [0, 2500],
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    expect(sha256Hex(server.held())).toBe(meta.sha256);
  });

  it("resumes after a lost answer from the offset the server holds, never duplicating bytes", async () => {
    const server = uploadServer(bytes, { loseAnswers: [2] });
    const t = createGraphqlTransport({ fetch: server.fetch, chunkBytes: 1000 });
    expect((await caught(t.uploadPhoto(meta, bytes))).retryable).toBe(true);
    expect(server.held().length).toBe(2000);
    await t.uploadPhoto(meta, bytes);
    expect(server.patches).toEqual([1000, 1000, 500]);
    expect(sha256Hex(server.held())).toBe(meta.sha256);
  });

  it("maps 422, 413, 401 and 404 onto the outbox's retry rules", async () => {
    const onAuthRequired = vi.fn();
    const wrong = Uint8Array.from(bytes, (b) => b ^ 1);
    let e = await caught(createGraphqlTransport({ fetch: uploadServer(bytes).fetch }).uploadPhoto(meta, wrong));
    expect([e.code, e.retryable]).toEqual(["SYNC_PHOTO_MISMATCH", false]);
    e = await caught(
      createGraphqlTransport({ fetch: uploadServer(bytes, { status: 413 }).fetch }).uploadPhoto(meta, bytes),
    );
    expect([e.code, e.retryable]).toEqual(["SYNC_PHOTO_TOO_LARGE", false]);
    e = await caught(
      createGraphqlTransport({ fetch: uploadServer(bytes, { status: 401 }).fetch, onAuthRequired }).uploadPhoto(
        meta,
        bytes,
      ),
    );
    expect([e.code, e.retryable]).toEqual(["SYNC_AUTH_REQUIRED", true]);
    expect(onAuthRequired).toHaveBeenCalled();
    e = await caught(
      createGraphqlTransport({ fetch: uploadServer(bytes, { known: false }).fetch }).uploadPhoto(meta, bytes),
    );
    expect(e.retryable).toBe(true);
  });

  it("resumes from the URL the outbox kept (HEAD, no new creation) and hands a new URL to the outbox", async () => {
    const server = uploadServer(bytes, { loseAnswers: [1] });
    const t = createGraphqlTransport({ fetch: server.fetch, chunkBytes: 1000 });
    const saved: string[] = [];
    const resume = { saveUrl: async (url: string) => void saved.push(url) };
    await caught(t.uploadPhoto(meta, bytes, undefined, resume));
    expect(saved).toEqual([`http://localhost/uploads/${meta.id}`]);
    server.methods.length = 0;
    await t.uploadPhoto(meta, bytes, undefined, { ...resume, url: saved[0] });
    expect(server.methods).toEqual(["HEAD", "PATCH", "PATCH"]);
    expect(server.patches).toEqual([1000, 1000, 500]);
  });

  it("refuses when the server expects another size", async () => {
    const e = await caught(
      createGraphqlTransport({ fetch: uploadServer(bytes.slice(0, 10)).fetch }).uploadPhoto(meta, bytes),
    );
    expect([e.code, e.retryable]).toEqual(["SYNC_PHOTO_MISMATCH", false]);
  });

  it("does nothing when the server already has the photo", async () => {
    const server = uploadServer(bytes);
    const t = createGraphqlTransport({ fetch: server.fetch, chunkBytes: 4096 });
    await t.uploadPhoto(meta, bytes);
    await t.uploadPhoto(meta, bytes);
    expect(server.patches).toEqual([2500]);
  });
});
