// contentHash: SHA-256 of the canonical JSON of a record's content (everything except revision and baseVersion).
import { canonicalJson } from "./canonical-json.ts";
import type { RecordContent, RecordEnvelope } from "./envelope.ts";
import type { ProgressContent, ProgressEnvelope } from "./progress-envelope.ts";
import { sha256HexOfString } from "./sha256.ts";

/** The content part of an envelope: what a revision says, without the bookkeeping of when it was said. */
export function contentOf(envelope: RecordEnvelope | RecordContent): RecordContent {
  const { revision: _r, baseVersion: _b, ...content } = envelope as RecordEnvelope;
  return content as RecordContent;
}

/**
 * Lowercase hex SHA-256 of `canonicalJson(contentOf(envelope))`. Hash the VALIDATED envelope (ids are
 * lowercased by validation) so client and server agree. Array order counts (photo order is content).
 */
export function contentHash(envelope: RecordEnvelope | RecordContent | ProgressEnvelope | ProgressContent): string {
  // A progress report hashes by the same rule (its content without revision and baseVersion).
  return sha256HexOfString(canonicalJson(contentOf(envelope as RecordEnvelope)));
}
