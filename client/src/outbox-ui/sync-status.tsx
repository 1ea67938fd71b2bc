// What the inspector sees of sync beyond the list: the header's connectivity pill (在线 / 离线 / 服务器无法连接),
// the trouble notice with its cause and 立即同步, a sync error's localized reason with the raw text folded away,
// and the progress of a running pass. Invariant: no raw (English) error text outside a <details> technical line.
import type { SyncError } from "@rectify/server/sync";
import { useSession } from "../auth/session.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import type { MessageKey } from "../i18n/i18n.ts";
import { formatBytes } from "../lib/ids.ts";
import type { PassProgress, RecordProgress } from "../outbox/pass-progress.ts";
import { useOnline, useSyncSnapshot } from "../services.tsx";
import { describeSyncError, type Trouble, type TroubleKind } from "./sync-trouble.ts";

/** The header pill: the device's network first, then what the last contact taught about the server. */
export function ConnectivityPill() {
  const t = useT();
  const online = useOnline();
  const { server } = useSyncSnapshot();
  const state = !online ? "offline" : server === "unreachable" ? "unreachable" : "online";
  const label = t(state === "offline" ? "net.offline" : state === "unreachable" ? "net.unreachable" : "net.online");
  return (
    <span className={`net ${state}`} data-testid="net-pill">
      {label}
    </span>
  );
}

/** A sync error in the user's language; the code and raw message only inside a collapsed technical line. */
export function SyncErrorText({ error, className }: { error: SyncError; className?: string }) {
  const t = useT();
  const online = useOnline();
  const trouble = describeSyncError(error, online);
  return (
    <div className={className}>
      <p className="reason-text">{t(trouble.key)}</p>
      <details className="tech-details">
        <summary>{t("syncError.details")}</summary>
        <code>{trouble.detail}</code>
      </details>
    </div>
  );
}

const TROUBLE_TEXT: Partial<Record<TroubleKind, MessageKey>> = {
  offline: "sync.troubleOffline",
  unreachable: "sync.troubleUnreachable",
  expired: "sync.troubleExpired",
  serverError: "sync.troubleServer",
  busy: "sync.troubleServer",
};

/** Why the queue is stuck now, or null (nothing waits, or the last pass had no trouble). */
export function useSyncTrouble(): Trouble | null {
  const online = useOnline();
  const snapshot = useSyncSnapshot();
  // The head of the queue's last error holds everything behind it up (a pass that only found it backing off
  // changes nothing about that).
  const error = snapshot.headError;
  if (snapshot.counts.pending === 0) return null;
  if (!online) return { kind: "offline", key: "sync.troubleOffline", detail: "" };
  return error ? describeSyncError(error, online) : null;
}

/**
 * The trouble in words with the one action that helps: 立即同步 (which then replaces the screen's bottom button, so
 * there is one), or 请重新登录 for an expired session.
 */
export function SyncTrouble({ trouble, onSyncNow }: { trouble: Trouble; onSyncNow: () => void }) {
  const t = useT();
  const snapshot = useSyncSnapshot();
  const { setReloginOpen, reloginOpen } = useSession();
  const text = TROUBLE_TEXT[trouble.kind] ?? trouble.key;
  return (
    <div className="notice attention trouble" data-testid="sync-trouble" data-kind={trouble.kind}>
      <p>{t(text)}</p>
      {trouble.kind === "unreachable" && snapshot.probeAt ? (
        <p className="small">{t("sync.probeAt", { time: new Date(snapshot.probeAt).toTimeString().slice(0, 8) })}</p>
      ) : null}
      {trouble.kind === "expired" ? (
        reloginOpen ? null : (
          <button type="button" className="primary" onClick={() => setReloginOpen(true)}>
            {t("session.relogin")}
          </button>
        )
      ) : (
        <button type="button" className="primary" onClick={onSyncNow} aria-busy={snapshot.running}>
          {snapshot.running ? <span className="spinner" aria-hidden="true" /> : null}
          {t("outbox.syncNow")}
        </button>
      )}
    </div>
  );
}

/** The running pass: records done / total, photo bytes sent / total, and how many wait behind. */
export function SyncProgressView({ progress }: { progress: PassProgress }) {
  const t = useT();
  if (progress.recordsTotal === 0) return null;
  return (
    <div className="notice sync-progress" role="group" aria-label={t("sync.progressLabel")} data-testid="sync-progress">
      <p>{t("sync.progressRecords", { done: progress.recordsDone, total: progress.recordsTotal })}</p>
      {progress.bytesTotal > 0 ? (
        <>
          <progress max={progress.bytesTotal} value={progress.bytesSent} aria-label={t("sync.progressLabel")} />
          <p className="small">
            {t("sync.progressBytes", {
              sent: formatBytes(progress.bytesSent),
              total: formatBytes(progress.bytesTotal),
            })}
          </p>
        </>
      ) : null}
      {progress.waiting > 0 ? <p className="small">{t("sync.progressWaiting", { count: progress.waiting })}</p> : null}
    </div>
  );
}

/** One record's photo upload while it is being sent. */
export function RecordProgressText({ progress }: { progress: RecordProgress }) {
  const t = useT();
  if (progress.photosTotal === 0) return null;
  return (
    <p className="small record-progress" data-testid="record-progress">
      {t("sync.recordProgress", {
        done: progress.photosDone,
        count: progress.photosTotal,
        sent: formatBytes(progress.bytesSent),
        total: formatBytes(progress.bytesTotal),
      })}
    </p>
  );
}
