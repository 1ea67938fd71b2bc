// A supervisor publishes one progress update on the public pages (公开发布) with the files they pick, or withdraws
// it. Nothing is public until they say so; files not ticked stay private even when the update is public.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { FormAlert } from "../supervision/ui.tsx";
import { useMutationForm } from "../closeout/use-mutation-form.ts";
import { SET_PROGRESS_PUBLIC, type TimelineItem } from "./progress-documents.ts";

type Update = NonNullable<TimelineItem["progressUpdate"]>;

export function PublishControl({ update, onDone }: { update: Update; onDone: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const form = useMutationForm();
  const [open, setOpen] = useState(false);
  const files = update.attachments.filter((a) => a.complete);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(files.filter((a) => a.published).map((a) => a.id)));

  async function send(publish: boolean) {
    const ok = await form.save(
      {},
      SET_PROGRESS_PUBLIC,
      { u: update.id, p: publish, f: publish ? [...picked] : [] },
      "setProgressPublic",
      ["ProgressUpdate"],
    );
    if (!ok) return;
    announce(publish ? t("pg.publish.done") : t("pg.publish.withdrawn"));
    setOpen(false);
    onDone();
  }

  if (update.public && !open) {
    return (
      <p className="publish-state">
        <span className="chip state-synced">{t("pg.publish.isPublic")}</span>{" "}
        <button type="button" className="secondary small" onClick={() => setOpen(true)}>
          {t("pg.publish.change")}
        </button>{" "}
        <button type="button" className="secondary small" disabled={form.busy} onClick={() => void send(false)}>
          {t("pg.publish.withdraw")}
        </button>
        <FormAlert failure={form.failure} />
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className="secondary small" onClick={() => setOpen(true)}>
        {t("pg.publish.open")}
      </button>
    );
  }
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void send(true);
      }}
    >
      {files.length ? (
        <fieldset>
          <legend>{t("pg.publish.files")}</legend>
          {files.map((a) => (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                checked={picked.has(a.id)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(a.id);
                  else next.delete(a.id);
                  setPicked(next);
                }}
              />{" "}
              {a.fileName}
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="muted small">{t("pg.publish.hint")}</p>
      <FormAlert failure={form.failure} />
      <button type="submit" className="primary" disabled={form.busy}>
        {t("pg.publish.submit")}
      </button>{" "}
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        {t("common.cancel")}
      </button>
    </form>
  );
}
