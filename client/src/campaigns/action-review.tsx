// Confirm (确认整改到位) or reopen (重新督促整改, with a reason) a unit's answered rectification action; for the
// inspector who found it or a supervisor (the server checks who may). Errors show in the form's alert.
import { useState } from "react";
import { Labelled, PanelForm } from "../closeout/form-bits.tsx";
import { useMutationForm } from "../closeout/use-mutation-form.ts";
import type { Checks } from "../closeout/closeout-model.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { FormAlert } from "../supervision/ui.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { CONFIRM_ACTION, REOPEN_ACTION } from "./action-documents.ts";

export function ActionReview({ actionId, onDone }: { actionId: string; onDone: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const confirm = useMutationForm();
  const reopen = useMutationForm();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState("");

  async function onConfirm() {
    if (!(await confirm.save({}, CONFIRM_ACTION, { id: actionId }, "confirmAction", ["RectificationAction"]))) return;
    announce(t("cp.act.confirmed"));
    onDone();
  }

  async function onReopen() {
    const own: Checks = reason.trim() ? {} : { reason: "required" };
    const ok = await reopen.save(own, REOPEN_ACTION, { id: actionId, reason: reason.trim() }, "reopenAction", [
      "RectificationAction",
    ]);
    if (!ok) return;
    announce(t("cp.act.reopened"));
    setReopening(false);
    setReason("");
    onDone();
  }

  return (
    <>
      <FormAlert failure={confirm.failure} />
      <div className="item-actions">
        <button type="button" className="primary" disabled={confirm.busy} onClick={() => void onConfirm()}>
          {t("cp.act.confirm")}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={reopening}
          onClick={() => setReopening((open) => !open)}
        >
          {t("cp.act.reopen")}
        </button>
      </div>
      {reopening ? (
        <PanelForm label={t("cp.act.reopen")} onSubmit={onReopen} busy={reopen.busy}>
          <FormAlert failure={reopen.failure} />
          <Labelled name={`reopen-${actionId}`} label={t("cp.act.reopenLabel")} error={reopen.errorFor("reason")}>
            {(common) => (
              <textarea
                {...common}
                rows={3}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Labelled>
          <button type="submit" className="danger block">
            {t("cp.act.reopenSubmit")}
          </button>
        </PanelForm>
      ) : null}
    </>
  );
}
