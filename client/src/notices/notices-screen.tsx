// 每月提示通报: supervisors pick a month (default: this month in Shanghai) and a unit and issue the notice, then see
// it; everyone allowed lists the notices with their acknowledgement, and a unit liaison confirms having read them.
import { useState, type FormEvent } from "react";
import { useUser } from "../auth/session.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { periodName } from "../lib/period-name.ts";
import { isMonth, shanghaiMonth } from "../lib/shanghai.ts";
import { href, navigate } from "../router.ts";
import { isSupervisor } from "../supervision/menu.ts";
import { FormAlert, LoadState, when } from "../supervision/ui.tsx";
import type { FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner, useOnlineQuery } from "../supervision/use-query.ts";
import { useInspectionPick } from "../inspections/inspection-pick.tsx";
import { InspectionPicker } from "../inspections/inspection-picker.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { AcknowledgeButton, AckState } from "./acknowledge-button.tsx";
import { ISSUE_NOTICE, NOTICES_QUERY, UNITS_QUERY } from "./notices-model.ts";

function IssueForm() {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const units = useOnlineQuery(UNITS_QUERY);
  const [month, setMonth] = useState(() => shanghaiMonth(new Date()));
  const [unitId, setUnitId] = useState("");
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!isMonth(month)) fields.month = t("notice.monthInvalid");
    if (!unitId) fields.unitId = t("error.required");
    if (Object.keys(fields).length) return setFailure({ kind: "ValidationError", message: "", fields });
    setBusy(true);
    const r = await run(ISSUE_NOTICE, { month, unitId }, "issueMonthlyNotice", ["IssueMonthlyNoticePayload"]);
    setBusy(false);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    announce(r.value.created ? t("notice.issued") : t("notice.alreadyIssued"));
    if (r.value.notice) navigate({ name: "notice", id: r.value.notice.id });
  }

  const err = failure?.fields ?? {};
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="issue-title">
      <h2 id="issue-title">{t("notice.issueTitle")}</h2>
      <div className={err.month ? "field has-error" : "field"}>
        <label htmlFor="f-notice-month">{t("notice.month")}</label>
        <input
          id="f-notice-month"
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          aria-invalid={err.month ? true : undefined}
          aria-describedby={err.month ? "f-notice-month-error" : undefined}
        />
        {err.month ? (
          <p id="f-notice-month-error" className="field-error">
            {err.month}
          </p>
        ) : null}
      </div>
      <div className={err.unitId ? "field has-error" : "field"}>
        <label htmlFor="f-notice-unit">{t("notice.unit")}</label>
        <select
          id="f-notice-unit"
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          aria-invalid={err.unitId ? true : undefined}
          aria-describedby={err.unitId ? "f-notice-unit-error" : undefined}
        >
          <option value="">{t("notice.chooseUnit")}</option>
          {(units.data?.units.edges ?? []).map(({ node: u }) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        {err.unitId ? (
          <p id="f-notice-unit-error" className="field-error">
            {err.unitId}
          </p>
        ) : null}
      </div>
      <FormAlert failure={failure} />
      <button type="submit" className="primary block" disabled={busy}>
        {t("notice.issue")}
      </button>
    </form>
  );
}

export function NoticesScreen() {
  const t = useT();
  const user = useUser();
  const supervisor = isSupervisor(user.role);
  const liaison = user.role === "UNIT_LIAISON";
  const { current } = useInspectionPick();
  const state = useOnlineQuery(NOTICES_QUERY, { inspection: current });
  const notices = state.data?.monthlyNotices.edges.map((e) => e.node) ?? [];
  return (
    <section className="screen" aria-labelledby="notices-title">
      <h1 id="notices-title">{t("notice.title")}</h1>
      <InspectionPicker />
      {supervisor ? <IssueForm /> : null}
      <h2 id="notices-list">{t("notice.list", { count: state.data?.monthlyNotices.totalCount ?? 0 })}</h2>
      <LoadState state={state} />
      {state.data && notices.length === 0 ? <p className="muted">{t("notice.none")}</p> : null}
      <ul className="card-list" aria-labelledby="notices-list">
        {notices.map((n) => (
          <li key={n.id} className="card">
            <p className="eyebrow">
              {periodName(t, n.month)} · {n.unit.name}
            </p>
            <h3>
              <a href={href({ name: "notice", id: n.id })}>{n.title}</a>
            </h3>
            <p className="muted small">{t("notice.issuedBy", { name: n.issuedByName, date: when(n.issuedAt) })}</p>
            <p>
              <AckState n={n} />
            </p>
            {liaison && !n.acknowledged ? (
              <AcknowledgeButton id={n.id} title={n.title} onDone={() => void state.reload()} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
