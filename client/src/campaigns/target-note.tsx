// On the capture form: which campaign target (专项督查) the record counts towards, when it was started from one.
import { useWorkingSet } from "../cache/working-set-context.tsx";
import { useT } from "../i18n/i18n-context.tsx";
import { findTarget } from "./targets.ts";

export function TargetNote({ targetId }: { targetId: string | undefined }) {
  const t = useT();
  const { workingSet } = useWorkingSet();
  if (!targetId) return null;
  const target = findTarget(workingSet?.targets, targetId);
  return <p className="notice">{t("cp.capture.target", { campaign: target?.campaignName ?? "" })}</p>;
}
