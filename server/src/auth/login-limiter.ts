// Throttles password guessing: at most 5 failed logins per user name (and per client address) in 5 minutes.
// In memory on purpose: a restart forgets, which costs an attacker nothing they could not get by waiting.
import { RateLimitedError } from "../errors.ts";

const WINDOW_MS = 5 * 60 * 1000;
const MAX_FAILURES = 5;

export class LoginLimiter {
  private failures = new Map<string, number[]>();

  check(keys: string[], now = Date.now()) {
    for (const key of keys) {
      const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
      this.failures.set(key, recent);
      if (recent.length >= MAX_FAILURES) {
        throw new RateLimitedError(Math.ceil((recent[0]! + WINDOW_MS - now) / 1000));
      }
    }
  }

  fail(keys: string[], now = Date.now()) {
    for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
  }

  succeed(keys: string[]) {
    for (const key of keys) this.failures.delete(key);
  }
}

export const loginLimiter = new LoginLimiter();
