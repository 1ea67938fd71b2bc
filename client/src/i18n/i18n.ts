// The i18n core: locales, catalogues and t(key, params). Pure; the React binding lives in i18n-context.tsx.
// Invariant: an unknown {param} is left visible rather than dropped, so a missing value is noticed, not hidden.
import type { MessageKey, MessageParams, Messages } from "./messages-types.ts";
import { zhCN } from "./messages-zh-cn.ts";

export type { MessageKey, MessageParams, Messages };

export const LOCALES = ["zh-CN", "zh-TW", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

/** Each language names itself, so a user who cannot read the current one still finds theirs. */
export const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" };

// Only the default language is in the first download (the login screen's JS budget); another is fetched when chosen
// (main.tsx awaits the saved one before the first render). The service worker precaches every catalogue's chunk.
const CATALOGUES: Partial<Record<Locale, Messages>> = { "zh-CN": zhCN };
const LOADERS: Record<Exclude<Locale, "zh-CN">, () => Promise<Messages>> = {
  "zh-TW": () => import("./messages-zh-tw.ts").then((m) => m.zhTW),
  en: () => import("./messages-en.ts").then((m) => m.en),
};

/** Fetches a language's catalogue once; until it arrives translate() shows zh-CN text, never a key. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === "zh-CN" || CATALOGUES[locale]) return;
  CATALOGUES[locale] = await LOADERS[locale]();
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  // Fall back to zh-CN, then to the key itself: a stale catalogue must never render an empty label.
  const template = CATALOGUES[locale]?.[key] ?? zhCN[key] ?? key;
  return format(template, params);
}

export function createTranslate(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** For keys built from enum values (status, kind…); the caller guarantees the value belongs to the family. */
export function keyOf(prefix: string, value: string): MessageKey {
  return `${prefix}.${value}` as MessageKey;
}

/** Whether a computed key exists (e.g. a server error code we may not have a message for). */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** A loaded catalogue (loadLocale first); throws for one not loaded, so a caller never compares the wrong one. */
export function catalogue(locale: Locale): Messages {
  const messages = CATALOGUES[locale];
  if (!messages) throw new Error(`catalogue ${locale} not loaded`);
  return messages;
}
