// SHA-256 for the sync protocol, the same on the phone and the server: @noble/hashes (audited, pure JS, no Node
// crypto or WebCrypto, so it runs in the service worker, the page and Node alike). Incremental, so a large photo is
// hashed chunk by chunk without one big copy. Invariant: lowercase hex everywhere.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

/** An incremental hasher. */
export interface Sha256 {
  update(bytes: Uint8Array): Sha256;
  /** Finishes the hash; the hasher must not be used afterwards. */
  digest(): Uint8Array;
  digestHex(): string;
}

export function createSha256(): Sha256 {
  const inner = sha256.create();
  let finished = false;
  const hasher: Sha256 = {
    update(bytes) {
      if (finished) throw new Error("sha256: update() after digest()");
      inner.update(bytes);
      return hasher;
    },
    digest() {
      if (finished) throw new Error("sha256: digest() called twice");
      finished = true;
      return inner.digest();
    },
    digestHex() {
      return bytesToHex(hasher.digest());
    },
  };
  return hasher;
}

export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/** Lowercase hex SHA-256 of raw bytes (e.g. a photo), as the envelope's `photos[].sha256` expects. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** Lowercase hex SHA-256 of a string's UTF-8 encoding (TextEncoder is a web standard, global in browsers and Node). */
export function sha256HexOfString(text: string): string {
  return sha256Hex(new TextEncoder().encode(text));
}
