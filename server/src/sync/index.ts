// Public surface of @rectify/server/sync: the offline-sync protocol shared by server and client; pure, I/O-free, zod only.
export * from "./envelope.ts";
export * from "./validate.ts";
export * from "./answer.ts";
export * from "./merge.ts";
export { contentHash, contentOf } from "./content-hash.ts";
export { canonicalJson } from "./canonical-json.ts";
export { createSha256, sha256Hex, sha256HexOfString, toHex, type Sha256 } from "./sha256.ts";
export * from "./progress-envelope.ts";
