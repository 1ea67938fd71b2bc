import { describe, expect, it } from "vitest";
import { Coalescer } from "./coalesce.ts";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setImmediate(r));

describe("Coalescer", () => {
  it("runs a lone caller at once and forgets the key afterwards", async () => {
    const c = new Coalescer<number>();
    await expect(c.run("k", async () => 1)).resolves.toBe(1);
    await tick();
    expect(c.size).toBe(0);
  });

  it("callers arriving while one runs share one computation started after the running one ends", async () => {
    const c = new Coalescer<string>();
    const first = deferred<string>();
    const started: string[] = [];
    const a = c.run("k", () => (started.push("a"), first.promise));
    await tick();
    const second = deferred<string>();
    const b = c.run("k", () => (started.push("b"), second.promise));
    const d = c.run("k", () => (started.push("d"), Promise.resolve("never")));
    await tick();
    // b and d arrived after a had started: they must not get a's (possibly stale) result, nor start yet.
    expect(started).toEqual(["a"]);
    first.resolve("A");
    await expect(a).resolves.toBe("A");
    await tick();
    expect(started).toEqual(["a", "b"]);
    second.resolve("B");
    await expect(b).resolves.toBe("B");
    await expect(d).resolves.toBe("B");
    await tick();
    expect(c.size).toBe(0);
  });

  it("keys do not share", async () => {
    const c = new Coalescer<string>();
    const [x, y] = await Promise.all([c.run("x", async () => "X"), c.run("y", async () => "Y")]);
    expect([x, y]).toEqual(["X", "Y"]);
  });

  it("a failed computation fails its callers only; the queued one still runs", async () => {
    const c = new Coalescer<string>();
    const first = deferred<string>();
    const a = c.run("k", () => first.promise);
    await tick();
    const b = c.run("k", async () => "B");
    first.reject(new Error("boom"));
    await expect(a).rejects.toThrow("boom");
    await expect(b).resolves.toBe("B");
    await tick();
    expect(c.size).toBe(0);
  });

  it("a computation that throws synchronously rejects instead of throwing", async () => {
    const c = new Coalescer<string>();
    await expect(
      c.run("k", () => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
  });
});
