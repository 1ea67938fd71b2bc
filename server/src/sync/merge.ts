// The pure merge rule: given the server's bookkeeping for a record and an incoming revision, what happens; idempotent under replay and reordering.
import type { RecordEnvelope } from "./envelope.ts";
import { contentHash } from "./content-hash.ts";
import { SYNC_ERROR_CODES, type ServerAnswer } from "./answer.ts";

/** The incoming copy held beside the server copy while a conflict is open. */
export interface HeldConflict {
  clientRevision: number;
  baseVersion: number;
  contentHash: string;
}

/**
 * What the server must persist per record (besides the content itself). Invariants:
 * 1 <= clientVersion <= version; lastForeignVersion <= version; clientRevision >= 1.
 */
export interface ServerRecordState {
  /** The server copy's version: 1 on create, +1 per applied change (device update, supervisor edit, resolution). */
  version: number;
  /** Highest revision of the record's own device the server has accepted (applied or held as a conflict). */
  clientRevision: number;
  /** The version produced by the device's last APPLIED revision; it is what answers report as serverVersion. */
  clientVersion: number;
  /** Version of the last change by anyone else (supervisor edit, conflict resolution); 0 if none. */
  lastForeignVersion: number;
  /** contentHash of the server copy. */
  contentHash: string;
  /**
   * contentHash of what the device sent as revision `clientRevision` (applied or held), so a resend of that
   * revision with different content is told apart from a true duplicate. null: not known (a record stored
   * before this was kept); such a record treats a same-revision resend as a duplicate, as it always did.
   */
  clientRevisionHash: string | null;
  /** Non-null while a conflict waits for a supervisor; every newer device revision conflicts until then. */
  conflict: HeldConflict | null;
}

export type Decision =
  | { type: "CREATE" }
  | { type: "UPDATE" }
  | { type: "ALREADY_APPLIED"; reason: "duplicate" | "superseded" }
  /**
   * replay: this very revision (same content) is already the held copy; nothing changes, the answer is repeated.
   * revision-reused: the revision was already received with DIFFERENT content; the new copy is held for review.
   */
  | { type: "CONFLICT"; reason: "foreign-edit" | "open-conflict" | "revision-reused"; replay: boolean };

/**
 * Rules, in order:
 * 1. no server copy -> CREATE, whatever the revision (an edit overtaking its create carries the newest content).
 * 2. revision == clientRevision with a content hash other than the one received for it -> CONFLICT
 *    "revision-reused" (as ODK Central refuses a resubmission with different content): the new copy is held
 *    beside the server copy for a supervisor, never answered as a duplicate and dropped.
 * 3. revision <= clientRevision -> ALREADY_APPLIED (a duplicate or a superseded revision; nothing changes),
 *    except the revision currently held as an open conflict, which answers CONFLICT again, so a
 *    resend never makes the device believe its copy was applied.
 * 4. a conflict is open -> CONFLICT (the newer copy replaces the held one), until a supervisor resolves it.
 * 5. someone else changed the record after what this revision builds on -> CONFLICT. The revision builds on
 *    max(baseVersion, clientVersion): the device's revisions form one chain, so it builds on its own last
 *    applied revision even when the answer carrying that version was lost.
 * 6. otherwise -> UPDATE.
 * Pass the incoming hash if already computed; otherwise it is computed from `incoming`.
 */
export function decide(
  server: ServerRecordState | null,
  incoming: RecordEnvelope,
  incomingHash: string = contentHash(incoming),
): Decision {
  if (server === null) return { type: "CREATE" };
  if (
    incoming.revision === server.clientRevision &&
    server.clientRevisionHash !== null &&
    incomingHash !== server.clientRevisionHash
  ) {
    return { type: "CONFLICT", reason: "revision-reused", replay: false };
  }
  if (incoming.revision <= server.clientRevision) {
    if (server.conflict && incoming.revision === server.conflict.clientRevision) {
      return { type: "CONFLICT", reason: "open-conflict", replay: true };
    }
    return {
      type: "ALREADY_APPLIED",
      reason: incoming.revision === server.clientRevision ? "duplicate" : "superseded",
    };
  }
  if (server.conflict) return { type: "CONFLICT", reason: "open-conflict", replay: false };
  if (server.lastForeignVersion > Math.max(incoming.baseVersion, server.clientVersion)) {
    return { type: "CONFLICT", reason: "foreign-edit", replay: false };
  }
  return { type: "UPDATE" };
}

/**
 * The state after `decision`. CREATE/UPDATE store the incoming content; a new CONFLICT stores the incoming
 * copy beside the server copy (the server copy and its version do not change). Pass the hash if already
 * computed; otherwise it is computed from `incoming`.
 */
export function applyDecision(
  state: ServerRecordState | null,
  incoming: RecordEnvelope,
  decision: Decision,
  incomingHash: string = contentHash(incoming),
): ServerRecordState {
  switch (decision.type) {
    case "CREATE":
      return {
        version: 1,
        clientRevision: incoming.revision,
        clientVersion: 1,
        lastForeignVersion: 0,
        contentHash: incomingHash,
        clientRevisionHash: incomingHash,
        conflict: null,
      };
    case "UPDATE": {
      const s = required(state, decision);
      return {
        ...s,
        version: s.version + 1,
        clientRevision: incoming.revision,
        clientVersion: s.version + 1,
        contentHash: incomingHash,
        clientRevisionHash: incomingHash,
      };
    }
    case "ALREADY_APPLIED":
      return required(state, decision);
    case "CONFLICT": {
      const s = required(state, decision);
      if (decision.replay) return s;
      return {
        ...s,
        clientRevision: incoming.revision,
        clientRevisionHash: incomingHash,
        conflict: { clientRevision: incoming.revision, baseVersion: incoming.baseVersion, contentHash: incomingHash },
      };
    }
  }
}

function required(state: ServerRecordState | null, decision: Decision): ServerRecordState {
  if (!state) throw new Error(`applyDecision: ${decision.type} needs an existing server state`);
  return state;
}

/** The answer for a decided (not rejected) record; `missingPhotos` comes from the server's photo storage. */
export function answerFor(
  recordId: string,
  decision: Decision,
  next: ServerRecordState,
  missingPhotos: readonly string[],
): ServerAnswer {
  const outcome = decision.type === "CREATE" ? "CREATED" : decision.type === "UPDATE" ? "UPDATED" : decision.type;
  return {
    recordId,
    outcome,
    serverVersion: next.clientVersion,
    missingPhotos: [...missingPhotos],
    error:
      decision.type === "CONFLICT"
        ? {
            code: SYNC_ERROR_CODES.CONFLICT,
            message:
              decision.reason === "open-conflict"
                ? "This record has an unresolved conflict; your copy is kept beside the server copy until a supervisor resolves it."
                : decision.reason === "revision-reused"
                  ? "This revision was already received with different content; your copy is kept beside the server copy for a supervisor to review."
                  : "Someone else changed this record after your copy was made; both copies are kept for a supervisor to resolve.",
          }
        : null,
  };
}

/** A change by anyone but the record's own device (supervisor edit on the web). An open conflict stays open. */
export function applyForeignEdit(state: ServerRecordState, newContentHash: string): ServerRecordState {
  const version = state.version + 1;
  return { ...state, version, lastForeignVersion: version, contentHash: newContentHash };
}

export type ConflictResolution = { keep: "server" } | { keep: "device" } | { keep: "merged"; contentHash: string };

/**
 * A supervisor closes an open conflict. Keeping the device copy makes it the device's applied content
 * (clientVersion moves), so the device's next edits update normally; keeping the server copy or a merge
 * is a foreign change, so the device's next edit, built on its rejected copy, conflicts again.
 */
export function resolveConflict(state: ServerRecordState, resolution: ConflictResolution): ServerRecordState {
  if (!state.conflict) throw new Error("resolveConflict: no open conflict");
  const version = state.version + 1;
  switch (resolution.keep) {
    case "device":
      return { ...state, version, clientVersion: version, contentHash: state.conflict.contentHash, conflict: null };
    case "server":
      return { ...state, version, lastForeignVersion: version, conflict: null };
    case "merged":
      return { ...state, version, lastForeignVersion: version, contentHash: resolution.contentHash, conflict: null };
  }
}
