// Throttles password guessing with counters in the database (security/rate-limit.ts), reserved BEFORE the
// password hash runs, so parallel guesses are counted too and several server processes share the counts.
// The policy (security/settings.ts, DEFAULT_LOGIN_POLICY): per user name and client address a few free attempts,
// then growing delays; per user name from anywhere the same with more free attempts; per client address a
// fixed window across user names. Invariant: no hard lock, so a stranger cannot shut an account for long.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../db.ts";
import { RateLimitedError } from "../errors.ts";
import { refund, reserveInWindow, reserveWithBackoff, resetLimit } from "../security/rate-limit.ts";
import type { LoginPolicy } from "../security/settings.ts";

/** Keys hold digests, not user names or addresses as such. */
const digest = (s: string) => createHash("sha256").update(s).digest("base64url").slice(0, 32);

export function loginKeys(username: string, address: string) {
  const user = username.trim().toLowerCase();
  return {
    userAtAddress: `login:ua:${digest(`${user}\n${address}`)}`,
    user: `login:u:${digest(user)}`,
    address: `login:a:${digest(address)}`,
  };
}

/** Counts this attempt (all three counters) or throws RATE_LIMITED; call before verifying the password. */
export async function reserveLoginAttempt(
  prisma: PrismaClient,
  policy: LoginPolicy,
  username: string,
  address: string,
) {
  const keys = loginKeys(username, address);
  const byAddress = await reserveInWindow(prisma, keys.address, policy.addressLimit, policy.addressWindowMs);
  if (!byAddress.allowed) throw new RateLimitedError(byAddress.retryAfterSeconds);
  const here = await reserveWithBackoff(prisma, keys.userAtAddress, policy.userAtAddress);
  if (!here.allowed) throw new RateLimitedError(here.retryAfterSeconds);
  const anywhere = await reserveWithBackoff(prisma, keys.user, policy.user);
  if (!anywhere.allowed) throw new RateLimitedError(anywhere.retryAfterSeconds);
  return keys;
}

/** After a successful login: the account's delays end and the address gets its attempt back. */
export async function loginSucceeded(prisma: PrismaClient, keys: ReturnType<typeof loginKeys>) {
  await resetLimit(prisma, keys.userAtAddress);
  await resetLimit(prisma, keys.user);
  await refund(prisma, keys.address);
}
