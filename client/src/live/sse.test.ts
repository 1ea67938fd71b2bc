// The forwarder (graphql-sse underneath) delivers `next` events across chunk borders, ends on `complete`, reconnects
// after a dropped stream and gives up on an HTTP refusal.
import { describe, expect, it } from "vitest";
import { createLiveState, retryDelayMs, sseForwarder } from "./sse.ts";

function stream(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(enc.encode(ch));
      c.close();
    },
  });
}
const sse = (chunks: string[]) =>
  new Response(stream(chunks), { status: 200, headers: { "Content-Type": "text/event-stream" } });
const next = (kind: string) => `event: next\ndata: {"data":{"ledgerChanged":{"kind":"${kind}"}}}\n\n`;

function run(responses: (() => Response)[]) {
  const calls: RequestInit[] = [];
  const got: unknown[] = [];
  const state = createLiveState();
  let ended: "complete" | "error" | null = null;
  const fetch = (async (_url: string, init: RequestInit) => {
    calls.push(init);
    const r = responses.shift();
    if (!r) return new Promise<Response>(() => undefined); // hangs, as an idle live stream does
    return r();
  }) as typeof globalThis.fetch;
  const forward = sseForwarder({ fetch, state, delay: () => 0 });
  const body = {
    query: "subscription { ledgerChanged { kind } }",
    operationName: undefined,
    variables: {},
    extensions: undefined,
  };
  const sub = forward(body, {} as never).subscribe({
    next: (v) => got.push(v),
    complete: () => (ended = "complete"),
    error: () => (ended = "error"),
  });
  return { calls, got, state, sub, ended: () => ended };
}
const settle = () => new Promise((r) => setTimeout(r, 20));

describe("sseForwarder", () => {
  it("posts the operation as JSON asking for an event stream, with the session cookie", async () => {
    const r = run([() => sse([": ping\n\n", next("STATUS"), "event: complete\ndata:\n\n"])]);
    await settle();
    expect(r.calls[0]!.method).toBe("POST");
    expect(r.calls[0]!.credentials).toBe("same-origin");
    expect((r.calls[0]!.headers as Record<string, string>).accept).toBe("text/event-stream");
    expect(JSON.parse(r.calls[0]!.body as string)).toEqual({
      query: "subscription { ledgerChanged { kind } }",
      variables: {},
    });
    expect(r.got).toEqual([{ data: { ledgerChanged: { kind: "STATUS" } } }]);
    expect(r.ended()).toBe("complete");
  });

  it("reads events split anywhere across chunks, with comments and CRLF", async () => {
    const r = run([
      () => sse([":\n\nevent: ne", 'xt\r\ndata: {"data":{"ledgerChanged":{"kind":"A"}}}\r', "\n\r\n", next("B")]),
    ]);
    await settle();
    expect(r.got).toEqual([{ data: { ledgerChanged: { kind: "A" } } }, { data: { ledgerChanged: { kind: "B" } } }]);
  });

  it("reconnects after a dropped stream and counts the connections", async () => {
    const r = run([() => sse([next("RECORD")]), () => sse([next("STATUS")])]);
    await settle();
    expect(r.got).toHaveLength(2);
    expect(r.calls).toHaveLength(3); // the third hangs open
    expect(r.state.get().opened).toBe(2);
    expect(r.ended()).toBeNull();
    r.sub.unsubscribe();
    expect(r.state.get().status).toBe("idle");
  });

  it("retries a network failure, stops on an HTTP refusal", async () => {
    const r = run([
      () => {
        throw new TypeError("Failed to fetch");
      },
      () => new Response("no", { status: 403 }),
    ]);
    await settle();
    expect(r.calls).toHaveLength(2);
    expect(r.ended()).toBe("error");
  });

  it("backs off up to 30 s", () => {
    expect([0, 1, 2, 5, 9].map(retryDelayMs)).toEqual([1000, 2000, 4000, 30000, 30000]);
  });
});
