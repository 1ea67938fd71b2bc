// 编辑巡察: one inspection by hand — its facts, its problems per report section (add, edit, move, remove) with
// their measures, and bulk assignment of the measures ticked. "new" creates the inspection first, then follows it.
import { useCallback, useState } from "react";
import { problemLabel } from "../cache/working-set.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { href, navigate } from "../router.ts";
import { FormAlert, LoadState } from "../supervision/ui.tsx";
import type { FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner, useOnlineQuery } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { BulkAssignForm } from "./bulk-assign-form.tsx";
import { useInspectionPick } from "./inspection-pick.tsx";
import { InspectionForm } from "./inspection-form.tsx";
import { EDIT_QUERY, moved, REORDER_PROBLEMS, type EditProblem } from "./inspections-model.ts";
import { NameLists } from "./measure-fields.tsx";
import { ProblemCard } from "./problem-card.tsx";
import { ProblemForm } from "./problem-form.tsx";

const SECTIONS = ["COMPLETED", "CONTINUING"] as const;

export function InspectionScreen({ id }: { id: string }) {
  const t = useT();
  const { pick, refreshList } = useInspectionPick();
  const announce = useAnnounce();
  if (id === "new") {
    return (
      <section className="screen" aria-labelledby="ie-title">
        <h1 id="ie-title">{t("au.inspection.new")}</h1>
        <a href={href({ name: "inspections" })}>{t("au.backToOverview")}</a>
        <InspectionForm
          inspection={null}
          onSaved={(newId) => {
            announce(t("au.inspection.created"));
            pick(newId);
            void refreshList();
            navigate({ name: "inspection", id: newId }, { replace: true });
          }}
        />
      </section>
    );
  }
  return <EditInspection id={id} />;
}

function EditInspection({ id }: { id: string }) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const { refreshList } = useInspectionPick();
  const state = useOnlineQuery(EDIT_QUERY, { id });
  const { reload } = state;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const changed = useCallback(() => void reload(), [reload]);
  const node = state.data?.node;
  const inspection = node?.__typename === "Inspection" ? node : null;
  const problems = state.data?.problems.edges.map((e) => e.node) ?? [];

  function select(measureId: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(measureId);
      else next.delete(measureId);
      return next;
    });
  }

  async function move(list: EditProblem[], index: number, by: -1 | 1) {
    const ids = moved(
      list.map((p) => p.id),
      index,
      by,
    );
    const r = await run(REORDER_PROBLEMS, { inspectionId: id, section: list[index]!.section, ids }, "reorderProblems", [
      "Inspection",
    ]);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    announce(t("au.moved"));
    changed();
  }

  return (
    <section className="screen" aria-labelledby="ie-title">
      <h1 id="ie-title">{t("au.inspection.title")}</h1>
      <a href={href({ name: "inspections" })}>{t("au.backToOverview")}</a>
      <LoadState state={state} />
      {state.data && !inspection ? <p className="notice attention">{t("au.inspection.notFound")}</p> : null}
      {inspection ? (
        <>
          <InspectionForm
            key={JSON.stringify(inspection)}
            inspection={inspection}
            onSaved={() => {
              announce(t("au.saved"));
              void refreshList();
              changed();
            }}
          />
          <NameLists
            people={state.data!.people.edges.map((e) => e.node.name)}
            units={state.data!.units.edges.map((e) => e.node.name)}
          />
          <FormAlert failure={failure} />
          {SECTIONS.map((section) => {
            const list = problems.filter((p) => p.section === section);
            return (
              <section key={section} aria-labelledby={`ie-${section}`}>
                <h2 id={`ie-${section}`}>{t(keyOf("au.section", section))}</h2>
                {list.length === 0 ? <p className="muted">{t("au.problem.none")}</p> : null}
                {list.map((p, i) => (
                  <ProblemCard
                    key={p.id}
                    inspectionId={id}
                    problem={p}
                    label={problemLabel(p)}
                    selected={selected}
                    onSelect={select}
                    onMove={(by) => void move(list, i, by)}
                    first={i === 0}
                    last={i === list.length - 1}
                    onChanged={changed}
                  />
                ))}
              </section>
            );
          })}
          <h2 id="ie-add">{t("au.problem.new")}</h2>
          <ProblemForm inspectionId={id} problem={null} onDone={changed} />
          {selected.size > 0 ? (
            <div className="sticky-panel">
              <BulkAssignForm
                ids={[...selected]}
                onDone={() => {
                  setSelected(new Set());
                  changed();
                }}
                onClear={() => setSelected(new Set())}
              />
            </div>
          ) : (
            <p className="muted small">{t("au.bulk.hint")}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
