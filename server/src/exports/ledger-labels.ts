// Chinese labels and cell texts of the ledger (台账): statuses, record kinds, ratings, close-out state, latest progress and inspection; pure. Invariant: dates are Asia/Shanghai calendar days, as everywhere in the ledger.
import type { Rating, RecordKind, RectStatus } from "../generated/prisma/enums.ts";
import { shanghaiDay } from "../domain/dates.ts";

export { KIND_LABEL, RATING_LABEL, SECTION_LABEL, STATUS_LABEL } from "../domain/labels.ts";
import { KIND_LABEL, RATING_LABEL } from "../domain/labels.ts";

/** 销号状态: CLOSED → 已销号 with the day it was closed; CLOSE_REQUESTED → 申请销号; anything else → 未销号. */
export function closeOutLabel(status: RectStatus, closedAt: Date | null): string {
  if (status === "CLOSED") return closedAt ? `已销号（${shanghaiDay(closedAt)}）` : "已销号";
  if (status === "CLOSE_REQUESTED") return "申请销号";
  return "未销号";
}

/** 最近进展: "YYYY-MM-DD text". */
export function progressLabel(update: { text: string; createdAt: Date } | null): string {
  return update ? `${shanghaiDay(update.createdAt)} ${update.text}` : "";
}

/** 最近核查: "YYYY-MM-DD 实地走访 · 进度滞后", the day being when the inspector recorded it on site. */
export function recordLabel(record: { kind: RecordKind; deviceTime: Date; rating: Rating | null } | null): string {
  if (!record) return "";
  const rating = record.rating ? ` · ${RATING_LABEL[record.rating]}` : " · 未评价";
  return `${shanghaiDay(record.deviceTime)} ${KIND_LABEL[record.kind]}${rating}`;
}

/** A list of names as Chinese text lists them. */
export const joinNames = (names: readonly string[]): string => names.join("、");
