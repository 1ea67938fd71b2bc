// The chaos run's reckoning: every record a phone was asked to save, compared with the phone's outbox and the
// server. Pure, so its rules are unit-tested; the run feeds it what it read at the end.
import type { StoredEntry } from "./device.ts";

export interface Attempt {
  recordId: string;
  device: number;
  /** details.place: unique per capture, never changed by anyone, so doubles are found by it. */
  marker: string;
  /** Findings saved on the phone, in order; `at`: epoch ms the save began; `confirmed`: the PWA said saved. */
  saves: { text: string; at: number; confirmed: boolean }[];
  /** A supervisor's revisions of the findings on the server; `at`: epoch ms the mutation returned. */
  revisions: { text: string; at: number }[];
}

export interface ServerRecord {
  recordId: string;
  place: string;
  findings: string;
  /** The device copy held while a conflict is open. */
  conflictFindings: string | null;
  photos: { id: string; sha256: string; complete: boolean }[];
}

export interface Verdict {
  created: number;
  synced: number;
  conflicts: number;
  lost: number;
  duplicated: number;
  stuck: number;
  rejected: number;
  overwritten: number;
  photos: number;
  photosLost: number;
  problems: string[];
}

export function reckon(attempts: Attempt[], devices: StoredEntry[][], server: ServerRecord[]): Verdict {
  const v: Verdict = {
    created: 0,
    synced: 0,
    conflicts: 0,
    lost: 0,
    duplicated: 0,
    stuck: 0,
    rejected: 0,
    overwritten: 0,
    photos: 0,
    photosLost: 0,
    problems: [],
  };
  const byId = new Map(server.map((r) => [r.recordId, r]));
  const known = new Set(attempts.map((a) => a.recordId));
  const places = new Map<string, number>();
  for (const r of server) places.set(r.place, (places.get(r.place) ?? 0) + 1);
  for (const r of server) {
    if (!known.has(r.recordId)) {
      v.duplicated++;
      v.problems.push(`server holds record ${r.recordId} that no phone saved`);
    }
  }
  for (const [place, n] of places) {
    if (n > 1) {
      v.duplicated += n - 1;
      v.problems.push(`${n} server records for capture ${place}`);
    }
  }

  for (const a of attempts) {
    const e = devices[a.device]?.find((x) => x.id === a.recordId) ?? null;
    const s = byId.get(a.recordId) ?? null;
    const confirmed = a.saves.map((x) => x.confirmed).lastIndexOf(true);
    if (!e) {
      if (confirmed >= 0 || s) {
        v.created++;
        v.lost++;
        v.problems.push(`${a.marker}: saved, but gone from phone ${a.device}`);
      }
      continue;
    }
    v.created++;
    // The phone must hold the last confirmed text or a later one (a later save may have landed unconfirmed).
    const at = a.saves.map((x) => x.text).lastIndexOf(e.findings);
    if (at < 0 || at < confirmed) {
      v.lost++;
      v.problems.push(`${a.marker}: phone holds "${e.findings}", last confirmed "${a.saves[confirmed]?.text}"`);
      continue;
    }
    v.photos += e.photos.length;
    if (e.state === "waiting" || e.state === "sending" || e.state === "draft") {
      v.stuck++;
      v.problems.push(`${a.marker}: still ${e.state} after the drain`);
      continue;
    }
    if (e.state === "needs_attention") {
      if (e.lastError?.code !== "SYNC_CONFLICT") {
        v.rejected++;
        v.problems.push(`${a.marker}: needs attention: ${e.lastError?.code} ${e.lastError?.message}`);
      } else if (s?.conflictFindings === e.findings) {
        v.conflicts++;
      } else {
        v.lost++;
        v.problems.push(`${a.marker}: conflict on the phone, but the server does not hold its copy`);
      }
      continue;
    }
    // synced. A save begun after a supervisor's revision builds on a copy older than that revision: the
    // server must have held it as a conflict, so "synced" with it applied means the revision was overwritten.
    const revisedBefore = a.revisions.some((r) => r.at < a.saves[at]!.at);
    const revisedText = a.revisions.at(-1)?.text;
    if (s?.findings === e.findings && revisedBefore) {
      v.overwritten++;
      v.problems.push(`${a.marker}: a supervisor's revision was overwritten by the phone`);
      continue;
    }
    if (!s || (s.findings !== e.findings && (revisedBefore || s.findings !== revisedText))) {
      v.lost++;
      v.problems.push(`${a.marker}: synced on the phone, server has ${s ? `"${s.findings}"` : "nothing"}`);
      continue;
    }
    const missing = e.photos.filter((p) => !s.photos.some((q) => q.id === p.id && q.sha256 === p.sha256 && q.complete));
    if (missing.length) {
      v.photosLost += missing.length;
      v.problems.push(`${a.marker}: ${missing.length} photo(s) synced on the phone but not complete on the server`);
      continue;
    }
    v.synced++;
  }
  return v;
}

export function failed(v: Verdict): boolean {
  return v.lost + v.duplicated + v.stuck + v.rejected + v.overwritten + v.photosLost > 0;
}
