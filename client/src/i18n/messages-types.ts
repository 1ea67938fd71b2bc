// Message key and catalogue types, derived from the zh-CN catalogue (the source of truth for keys).
import type { zhCN } from "./messages-zh-cn.ts";

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;
