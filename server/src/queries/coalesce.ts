// Coalesces identical concurrent computations without serving anything stale: a caller never joins a computation
// that had already started when it arrived (its reads could predate the caller's own writes); it joins the one
// queued to start when the running one ends, so N identical callers cost at most two computations at a time.
// Hand-written: single-flight libraries share the running promise, which is exactly the staleness ruled out here.

interface Slot<T> {
  running: Promise<T> | null;
  next: Promise<T> | null;
}

export class Coalescer<T> {
  readonly #slots = new Map<string, Slot<T>>();

  /** `compute` of the caller that starts a computation is the one run; every caller with `key` gets its result. */
  run(key: string, compute: () => Promise<T>): Promise<T> {
    let slot = this.#slots.get(key);
    if (!slot) {
      slot = { running: null, next: null };
      this.#slots.set(key, slot);
    }
    const { running } = slot;
    if (!running) return this.#start(key, slot, compute);
    if (slot.next) return slot.next;
    const s = slot;
    const next = running.then(noop, noop).then(() => {
      s.next = null;
      return this.#start(key, s, compute);
    });
    s.next = next;
    return next;
  }

  /** Keys with a computation running or queued (tests: nothing is left behind). */
  get size() {
    return this.#slots.size;
  }

  #start(key: string, slot: Slot<T>, compute: () => Promise<T>): Promise<T> {
    const p = Promise.resolve().then(compute);
    slot.running = p;
    void p.then(noop, noop).then(() => {
      if (slot.running === p) slot.running = null;
      if (!slot.running && !slot.next && this.#slots.get(key) === slot) this.#slots.delete(key);
    });
    return p;
  }
}

function noop() {}
