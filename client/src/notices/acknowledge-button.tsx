// "确认已阅": a unit liaison acknowledges (签收) their unit's monthly notice, once; errors show beside the button.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { FormAlert, when } from "../supervision/ui.tsx";
import type { FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { ACK_NOTICE } from "./notices-model.ts";

export function AcknowledgeButton({ id, title, onDone }: { id: string; title: string; onDone: () => void }) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  async function acknowledge() {
    setBusy(true);
    const r = await run(ACK_NOTICE, { id }, "acknowledgeMonthlyNotice", ["MonthlyNotice"]);
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    announce(t("notice.acknowledged"));
    onDone();
  }
  return (
    <div className="ack">
      <button
        type="button"
        className="primary"
        disabled={busy}
        aria-describedby={`ack-${id}`}
        onClick={() => void acknowledge()}
      >
        {t("notice.acknowledge")}
      </button>
      <span id={`ack-${id}`} className="visually-hidden">
        {title}
      </span>
      <FormAlert failure={failure} />
    </div>
  );
}

export function AckState({
  n,
}: {
  n: { acknowledged: boolean; acknowledgedAt: string | null; acknowledgedByName: string | null };
}) {
  const t = useT();
  if (!n.acknowledged) return <span className="chip attention">{t("notice.unacknowledged")}</span>;
  const at = n.acknowledgedAt ? when(n.acknowledgedAt) : "";
  return (
    <span className="chip status-CLOSED">
      {t("notice.acknowledgedBy", { name: n.acknowledgedByName ?? "", date: at })}
    </span>
  );
}
