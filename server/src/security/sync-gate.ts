// Admission control for record sync: at most `concurrency` sync transactions at once (the database's pool), a
// bounded queue waiting up to `maxWaitMs`, and beyond that a typed SYNC_BUSY with a Retry-After that spreads the
// retries of many devices over the time the backlog needs. Invariant: overload is never a generic error.
import { SyncBusyError } from "../errors.ts";

export interface SyncGateOptions {
  concurrency: number;
  maxQueue: number;
  maxWaitMs: number;
}

export class SyncGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  /** Moving average of one sync's duration. */
  private avgMs = 50;
  /** Retries promised to busy devices, not yet due: later busy answers are sent further out. */
  private promised = 0;
  private promisedAt = Date.now();

  constructor(readonly opts: SyncGateOptions) {}

  private retryAfterSeconds(): number {
    const now = Date.now();
    // Promised work drains at `concurrency` syncs per average duration.
    this.promised = Math.max(0, this.promised - ((now - this.promisedAt) / this.avgMs) * this.opts.concurrency);
    this.promisedAt = now;
    this.promised++;
    const backlog = this.active + this.queue.length + this.promised;
    return Math.min(120, Math.max(1, Math.ceil((backlog * this.avgMs) / this.opts.concurrency / 1000)));
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.opts.concurrency) {
      if (this.queue.length >= this.opts.maxQueue) throw new SyncBusyError(this.retryAfterSeconds());
      await new Promise<void>((resolve, reject) => {
        const entry = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          this.queue.splice(this.queue.indexOf(entry), 1);
          reject(new SyncBusyError(this.retryAfterSeconds()));
        }, this.opts.maxWaitMs);
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
