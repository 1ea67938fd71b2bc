// Admission control for sync: at most `concurrency` sync transactions at once (the database's connections), a
// queue that admits a request only while its expected wait is under `maxWaitMs`, and beyond that a typed SYNC_BUSY
// whose Retry-After reserves the device a later slot: busy answers hand out successive slots after the backlog
// and after every slot already promised, so 600 devices at once come back spread over the time the work needs
// instead of together. Invariant: overload is never a generic error; the estimate adapts to measured durations.
import { SyncBusyError } from "../errors.ts";

export interface SyncGateOptions {
  concurrency: number;
  /** Hard cap on waiting requests (each holds an HTTP request open). */
  maxQueue: number;
  /** A request is queued only if it should start within this long; one that waits longer is answered busy. */
  maxWaitMs: number;
  /** First guess of one sync's duration, before any was measured. */
  initialAvgMs?: number;
}

/** Longest Retry-After given (seconds); the outbox's own backoff caps near this too. */
export const MAX_RETRY_AFTER_S = 120;

export class SyncGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  /** Moving average of one sync's duration (ms). */
  private avgMs: number;
  /** When the retries promised so far will have been served (epoch ms). */
  private promisedUntil = 0;

  constructor(readonly opts: SyncGateOptions) {
    this.avgMs = opts.initialAvgMs ?? 100;
  }

  /** One slot: the time for one sync to pass through the gate at full concurrency. */
  private slotMs() {
    return this.avgMs / this.opts.concurrency;
  }

  /** Reserves the next free slot after the backlog and the promised retries; whole seconds from now. */
  retryAfterSeconds(now = Date.now()): number {
    const backlogEnd = now + (this.active + this.queue.length) * this.slotMs();
    const start = Math.max(backlogEnd, this.promisedUntil);
    this.promisedUntil = start + this.slotMs();
    return Math.min(MAX_RETRY_AFTER_S, Math.max(1, Math.ceil((this.promisedUntil - now) / 1000)));
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.opts.concurrency) {
      const expectedWait = (this.queue.length + 1) * this.slotMs();
      if (this.queue.length >= this.opts.maxQueue || expectedWait > this.opts.maxWaitMs) {
        throw new SyncBusyError(this.retryAfterSeconds());
      }
      await new Promise<void>((resolve, reject) => {
        const entry = () => {
          clearTimeout(timer);
          resolve();
        };
        // The estimate was wrong (syncs slowed down): give up the place rather than hang.
        const timer = setTimeout(() => {
          this.queue.splice(this.queue.indexOf(entry), 1);
          reject(new SyncBusyError(this.retryAfterSeconds()));
        }, this.opts.maxWaitMs * 2);
        this.queue.push(entry);
      });
    } else {
      this.active++;
    }
    const started = Date.now();
    try {
      return await work();
    } finally {
      this.avgMs = this.avgMs * 0.9 + Math.max(1, Date.now() - started) * 0.1;
      const next = this.queue.shift();
      // The slot passes straight to the next waiter; otherwise it is freed.
      if (next) next();
      else this.active--;
    }
  }
}
