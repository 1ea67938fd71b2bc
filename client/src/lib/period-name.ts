// A period's name in the current language: 2024年3月 / 2024年第1季度 / March 2024 style, from the catalogues.
import type { Translate } from "../i18n/i18n.ts";
import { periodParts } from "./shanghai.ts";

export function periodName(t: Translate, period: string): string {
  const p = periodParts(period);
  if (!p) return period;
  return p.kind === "MONTH"
    ? t("period.MONTH", { year: p.year, month: p.n })
    : t("period.QUARTER", { year: p.year, quarter: p.n });
}
