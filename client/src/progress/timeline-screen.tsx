// A measure's timeline (online): progress updates with their files (images and PDFs preview in the page, other
// files download), status changes, field records, notices and 补充材料 requests, oldest first. A supervisor can
// ask for more on an update; the unit answers an open request with a new report.
import { useState } from "react";
import { useSession } from "../auth/session.tsx";
import { rawId } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf, type MessageKey } from "../i18n/i18n.ts";
import { formatBytes } from "../lib/ids.ts";
import { href } from "../router.ts";
import { isSupervisor } from "../supervision/menu.ts";
import { FormAlert, LoadState } from "../supervision/ui.tsx";
import { useOnlineQuery } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { useMutationForm } from "../closeout/use-mutation-form.ts";
import { PublishControl } from "./publish-control.tsx";
import { REQUEST_SUPPLEMENT, TIMELINE, type TimelineAttachment, type TimelineItem } from "./progress-documents.ts";

function FileLink({ a }: { a: TimelineAttachment }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!a.complete) return <li>{t("pg.timeline.uploading", { name: a.fileName })}</li>;
  return (
    <li className="evidence-file">
      {a.previewable ? (
        <button type="button" className="secondary small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t("pg.timeline.hidePreview") : t("pg.timeline.preview", { name: a.fileName })}
        </button>
      ) : null}{" "}
      <a href={a.downloadUrl} download={a.fileName}>
        {t("pg.timeline.download", { name: a.fileName })}
      </a>{" "}
      <span className="muted small">{formatBytes(a.size)}</span>
      {open && a.mimeType === "application/pdf" ? (
        <iframe className="evidence-preview" src={a.url} title={a.fileName} />
      ) : null}
      {open && a.mimeType.startsWith("image/") ? (
        <img className="evidence-preview" src={a.url} alt={a.fileName} />
      ) : null}
    </li>
  );
}

function AskForMore({ updateId, onDone }: { updateId: string; onDone: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const form = useMutationForm();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const id = `ask-${updateId.replace(/[^a-zA-Z0-9]/g, "")}`;
  if (!open) {
    return (
      <button type="button" className="secondary small" onClick={() => setOpen(true)}>
        {t("pg.timeline.ask")}
      </button>
    );
  }
  async function submit() {
    const ok = await form.save(
      reason.trim().length >= 2 ? {} : { reason: "tooShort" },
      REQUEST_SUPPLEMENT,
      { u: updateId, r: reason.trim() },
      "requestSupplement",
      ["SupplementRequest"],
    );
    if (!ok) return;
    announce(t("pg.timeline.asked"));
    setOpen(false);
    setReason("");
    onDone();
  }
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id}>{t("pg.timeline.askReason")}</label>
      <textarea id={id} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <FormAlert failure={form.failure} />
      <button type="submit" className="primary" disabled={form.busy}>
        {t("pg.timeline.askSubmit")}
      </button>
    </form>
  );
}

function Entry({
  e,
  measureId,
  supervisor,
  reload,
}: {
  e: TimelineItem;
  measureId: string;
  supervisor: boolean;
  reload: () => void;
}) {
  const t = useT();
  const s = e.statusChange;
  return (
    <li className={`timeline-entry kind-${e.kind}`}>
      <p className="timeline-head">
        <strong>{t(`pg.timeline.kind.${e.kind}` as MessageKey)}</strong>{" "}
        <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
      </p>
      {e.progressUpdate ? (
        <>
          <p className="prewrap">{e.progressUpdate.text}</p>
          <p className="muted small">
            {t("pg.timeline.by", { who: e.progressUpdate.authorName })}
            {e.progressUpdate.percentComplete !== null
              ? ` · ${t("pg.timeline.percent", { percent: e.progressUpdate.percentComplete })}`
              : ""}
          </p>
          <ul className="plain">
            {e.progressUpdate.attachments.map((a) => (
              <FileLink key={a.id} a={a} />
            ))}
          </ul>
          {supervisor ? <AskForMore updateId={e.progressUpdate.id} onDone={reload} /> : null}{" "}
          {supervisor ? <PublishControl update={e.progressUpdate} onDone={reload} /> : null}
          {!supervisor && e.progressUpdate.public ? <p className="muted small">{t("pg.publish.isPublic")}</p> : null}
        </>
      ) : null}
      {s ? (
        <p>
          {t("pg.timeline.status", {
            from: s.fromStatus ? t(keyOf("status", s.fromStatus)) : "—",
            to: t(keyOf("status", s.toStatus)),
            reason: s.reason,
          })}
          {s.actorName ? ` · ${s.actorName}` : ""}
        </p>
      ) : null}
      {e.record ? (
        <p>
          {t(keyOf("kind", e.record.kind))} · {e.record.inspectorName}：{e.record.findings}
        </p>
      ) : null}
      {e.notice ? <a href={href({ name: "notice", id: e.notice.id })}>{e.notice.title}</a> : null}
      {e.supplementRequest ? (
        <p>
          {e.supplementRequest.reason}（{e.supplementRequest.requestedByName} ·{" "}
          {e.supplementRequest.open ? t("pg.timeline.open") : t("pg.timeline.answered")}）{" "}
          {!supervisor && e.supplementRequest.open ? (
            <a
              className="button primary small"
              href={href({
                name: "report",
                id: null,
                measureIds: [rawId(measureId)],
                answers: rawId(e.supplementRequest.id),
              })}
            >
              {t("pg.ask.answer")}
            </a>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}

export function TimelineScreen({ measureId }: { measureId: string }) {
  const t = useT();
  const { state } = useSession();
  const supervisor = state.status === "authenticated" && isSupervisor(state.user.role);
  const q = useOnlineQuery(TIMELINE, { id: measureId });
  const node = q.data?.node;
  const m = node?.__typename === "Measure" ? node : null;
  return (
    <section aria-labelledby="tl-title" className="screen">
      <h1 id="tl-title">{t("pg.timeline.title")}</h1>
      <LoadState state={q} />
      {m ? (
        <>
          <p>
            <strong>{m.problem.title}</strong> · {m.number}. {m.text}
          </p>
          {m.timeline.length === 0 ? <p className="muted">{t("pg.timeline.empty")}</p> : null}
          <ol className="timeline">
            {m.timeline.map((e, i) => (
              <Entry key={i} e={e} measureId={m.id} supervisor={supervisor} reload={() => void q.reload()} />
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
