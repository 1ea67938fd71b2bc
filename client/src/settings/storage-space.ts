// When the device counts as nearly full: the browser's quota for this app (navigator.storage.estimate) is
// almost used up, so the next photo may not fit; the inspector is warned to sync and free space first.

/** Less than this left is nearly full, whatever the quota (a few stamped photos and their originals). */
export const LOW_SPACE_BYTES = 50 * 1024 * 1024;
/** Or this share of the quota used. */
export const LOW_SPACE_RATIO = 0.9;

export function isNearlyFull(usage: { used: number; quota: number }): boolean {
  if (!(usage.quota > 0)) return false;
  return usage.used / usage.quota >= LOW_SPACE_RATIO || usage.quota - usage.used < LOW_SPACE_BYTES;
}
