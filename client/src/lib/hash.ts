// sha256 of photo bytes: WebCrypto when present (fast, native), else the protocol's pure implementation
// (WebCrypto is missing in insecure contexts, e.g. a LAN server over http). Both give the same lowercase hex.
import { sha256Hex, toHex } from "@rectify/server/sync";

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      // digest() wants an ArrayBuffer-backed view; slice() gives one regardless of the source buffer.
      return toHex(new Uint8Array(await subtle.digest("SHA-256", bytes.slice())));
    } catch {
      // fall through to the pure implementation
    }
  }
  return sha256Hex(bytes);
}
