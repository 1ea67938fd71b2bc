// Ledger enums shared by several schema modules.
import { builder } from "../builder.ts";

export const SectionEnum = builder.enumType("Section", {
  description: "The two sections of a progress report.",
  values: {
    COMPLETED: { description: "集中整改期内已完成的整改事项" },
    CONTINUING: { description: "按计划持续推进的整改事项" },
  },
});

export const RectStatusEnum = builder.enumType("RectStatus", {
  description: "Rectification status; close-out (CLOSED) only after verification, RELAPSED after a failed look-back.",
  values: ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "CLOSE_REQUESTED", "CLOSED", "RELAPSED"] as const,
});
