// The outbox: every record on this device with its state (草稿 / 等待同步 / 发送中 / 已同步 / 需处理 + why),
// "立即同步", and retry / edit / discard. Discarding asks for confirmation inline (no native dialog).
import { useCallback, useEffect, useState } from "react";
import { useUser } from "../auth/session.tsx";
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { deleteIfUnreferenced } from "../capture/photo-store.ts";
import { asFormState, allPhotoIds } from "../capture/form-model.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { formatShort } from "../lib/time.ts";
import { isOwnedBy } from "../outbox/index.ts";
import { href } from "../router.ts";
import { useOnline, useServices, useSyncSnapshot } from "../services.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { itemSubject, outboxItems, type OutboxItem } from "./outbox-model.ts";
import { RecordProgressText, SyncErrorText, SyncProgressView, SyncTrouble, useSyncTrouble } from "./sync-status.tsx";
import { describeSyncError } from "./sync-trouble.ts";

/** The logged-in user's items only; other users' unsynced records (entries or drafts) are just counted. */
function useOutboxItems(): { items: OutboxItem[] | null; others: number; reload: () => void } {
  const { store, engine } = useServices();
  const user = useUser();
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [others, setOthers] = useState(0);
  const reload = useCallback(() => {
    void Promise.all([store.list(), store.listDrafts()]).then(([entries, drafts]) => {
      const mine = <T extends { ownerId?: string }>(x: T) => isOwnedBy(x, user.id);
      setItems(outboxItems(entries.filter(mine), drafts.filter(mine)));
      const theirs = new Set(entries.filter((e) => !mine(e) && e.state !== "synced").map((e) => e.id));
      for (const d of drafts) if (!mine(d)) theirs.add(d.id);
      setOthers(theirs.size);
    });
  }, [store, user.id]);
  useEffect(() => {
    reload();
    return engine.subscribe(reload); // every state change of the engine is a reason to re-read
  }, [engine, reload]);
  return { items, others, reload };
}

function Item({ item, reload }: { item: OutboxItem; reload: () => void }) {
  const t = useT();
  const { engine, store } = useServices();
  const { workingSet } = useWorkingSet();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const subject = itemSubject(workingSet, item);
  const { progress } = useSyncSnapshot();
  const sending = progress?.current?.recordId === item.id ? progress.current : null;

  async function discard() {
    if (item.draftOnly) {
      const draft = await store.getDraft(item.id);
      await store.deleteDraft(item.id);
      const form = draft ? asFormState(draft.data) : null;
      if (form) await deleteIfUnreferenced(store, allPhotoIds(form));
    } else {
      await store.deleteDraft(item.id);
      await engine.discard(item.id);
    }
    announce(t("outbox.discard"));
    reload();
  }

  return (
    <li className={`outbox-item state-${item.state}`}>
      <div className="outbox-head">
        <span className={`chip state-${item.state}`}>{t(keyOf("state", item.state))}</span>
        <span className="muted">{formatShort(new Date(item.deviceTime))}</span>
      </div>
      <p className="outbox-title">
        <strong>{t(keyOf("kind", item.kind))}</strong> {subject ?? t("outbox.unknownItem")}
      </p>
      {item.findings ? <p className="outbox-findings">{item.findings}</p> : null}
      <p className="muted small">{t("outbox.photos", { count: item.photoCount })}</p>
      {sending ? <RecordProgressText progress={sending} /> : null}
      {item.lastError && item.state !== "synced" ? (
        <SyncErrorText
          error={item.lastError}
          className={item.state === "needs_attention" ? "reason attention" : "reason"}
        />
      ) : null}
      {item.nextAttemptAt ? (
        <p className="muted small">{t("outbox.nextAttempt", { time: formatShort(new Date(item.nextAttemptAt)) })}</p>
      ) : null}
      {confirming ? (
        <div className="confirm" role="group" aria-label={t("outbox.discardConfirm")}>
          <p>{t("outbox.discardConfirm")}</p>
          <button type="button" className="danger" onClick={() => void discard()}>
            {t("outbox.discardYes")}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </button>
        </div>
      ) : (
        <div className="item-actions">
          {item.state === "needs_attention" ? (
            <button type="button" className="primary" onClick={() => void engine.retry(item.id).then(reload)}>
              {t("outbox.retry")}
            </button>
          ) : null}
          {item.state !== "sending" ? (
            <a
              className="button secondary"
              href={
                item.kind === "PROGRESS"
                  ? href({ name: "report", id: item.id, measureIds: [], answers: null })
                  : href({ name: "capture", recordId: item.id, problemId: null, measureId: null })
              }
            >
              {item.draftOnly || item.hasDraft ? t("outbox.continue") : t("outbox.edit")}
            </a>
          ) : null}
          {item.state === "needs_attention" || item.state === "draft" || item.state === "synced" ? (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              {t("outbox.discard")}
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}

export function OutboxScreen() {
  const t = useT();
  const { engine } = useServices();
  const snapshot = useSyncSnapshot();
  const online = useOnline();
  const announce = useAnnounce();
  const { items, others, reload } = useOutboxItems();
  const trouble = useSyncTrouble();
  const c = snapshot.counts;

  async function syncNow() {
    announce(t("outbox.syncing"));
    try {
      const summary = await engine.syncNow();
      if (summary.stopped === "offline") announce(t("outbox.offline"));
      else if (summary.error) {
        announce(t("outbox.syncStopped", { message: t(describeSyncError(summary.error, navigator.onLine).key) }));
      } else announce(t("outbox.syncDone", { synced: summary.synced }));
    } catch {
      // A storage failure of the pass (shown as snapshot.failure): no raw exception text on screen.
      announce(t("outbox.syncStopped", { message: t("syncError.other") }));
    }
    reload();
  }

  return (
    <section className="screen" aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t("outbox.title")}</h1>
      <p className="summary">
        {t("outbox.summary", { pending: c.pending, attention: c.needs_attention, synced: c.synced })}
      </p>
      {!online && c.pending === 0 ? <p className="notice">{t("outbox.offline")}</p> : null}
      {trouble ? <SyncTrouble trouble={trouble} onSyncNow={() => void syncNow()} /> : null}
      {snapshot.running && snapshot.progress ? <SyncProgressView progress={snapshot.progress} /> : null}
      {items && items.length === 0 ? <p className="muted">{t("outbox.empty")}</p> : null}
      {others > 0 ? (
        <p className="muted" data-testid="outbox-others">
          {t("outbox.othersUnsynced", { count: others })}
        </p>
      ) : null}
      <ul className="outbox-list">
        {(items ?? []).map((item) => (
          <Item key={item.id} item={item} reload={reload} />
        ))}
      </ul>
      {/* While the trouble notice offers 立即同步 next to its cause, it is the only one (one name, one button). */}
      {trouble && trouble.kind !== "expired" ? null : (
        <div className="bottom-actions">
          {/* The label stays "立即同步" while a pass runs (pressing it joins that pass); progress goes to the status region. */}
          <button type="button" className="primary block" onClick={() => void syncNow()} aria-busy={snapshot.running}>
            {snapshot.running ? <span className="spinner" aria-hidden="true" /> : null}
            {t("outbox.syncNow")}
          </button>
        </div>
      )}
    </section>
  );
}
