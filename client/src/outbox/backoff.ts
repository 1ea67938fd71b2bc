// Retry delay: exponential from 2 s, capped at 5 min, with "equal jitter" so devices that lost the network together do not retry together.

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * Delay before the next attempt after `attempts` consecutive failures (1 = the first failure).
 * Half the exponential step is fixed, half random: the delay never collapses to zero (as full jitter
 * can), yet spreads retries over [step/2, step].
 */
export function backoffDelay(
  attempts: number,
  random: () => number = Math.random,
  baseMs: number = BACKOFF_BASE_MS,
  capMs: number = BACKOFF_CAP_MS,
): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30); // 2^30 * base is far past any cap
  const step = Math.min(capMs, baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (r * step) / 2);
}
