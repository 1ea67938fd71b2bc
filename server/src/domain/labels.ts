// The one Chinese vocabulary for statuses, record kinds, ratings and sections in printed and public output
// (ledger workbook, notices, public pages). Pure. The PWA has its own catalogues because it is translated.
import type { ActionStatus, Rating, RecordKind, RectStatus, Section } from "../generated/prisma/enums.ts";

export const SECTION_LABEL: Record<Section, string> = {
  COMPLETED: "集中整改期内已完成",
  CONTINUING: "按计划持续推进",
};

export const STATUS_LABEL: Record<RectStatus, string> = {
  NOT_STARTED: "未启动",
  IN_PROGRESS: "整改中",
  COMPLETED: "已完成",
  CLOSE_REQUESTED: "申请销号",
  CLOSED: "已销号",
  RELAPSED: "反弹回潮",
};

export const KIND_LABEL: Record<RecordKind, string> = {
  SITE_VISIT: "实地走访",
  LEDGER_CHECK: "查阅台账",
  ONSITE_QUESTIONING: "现场问询",
};

export const RATING_LABEL: Record<Rating, string> = {
  ON_TRACK: "按计划推进",
  LAGGING: "进度滞后",
  PROBLEM_FOUND: "发现问题",
};

export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  OPEN: "待整改",
  ANSWERED: "已答复待确认",
  CONFIRMED: "已确认办结",
  REOPENED: "退回重新整改",
};
