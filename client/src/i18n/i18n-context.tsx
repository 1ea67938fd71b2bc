// React binding of i18n: the chosen locale (persisted in the cache DB's settings by the caller) and useT().
// Invariant: <html lang> always follows the locale, so screen readers pronounce the right language.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { createTranslate, DEFAULT_LOCALE, loadLocale, type Locale, type Translate } from "./i18n.ts";

interface I18nValue {
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue>({
  locale: DEFAULT_LOCALE,
  t: createTranslate(DEFAULT_LOCALE),
  setLocale: () => undefined,
});

export function I18nProvider(props: { locale: Locale; onChange: (locale: Locale) => void; children: ReactNode }) {
  const { locale, onChange } = props;
  // The chosen locale shows at once (the settings radio); its text once its catalogue has loaded (a lazy chunk).
  const [textLocale, setTextLocale] = useState(locale);
  useEffect(() => {
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // A catalogue's chunk that fails to arrive (the connection dropped before the service worker held it) is asked
    // for again every few seconds, as the app's other chunks are; meanwhile the text stays in the language shown.
    const attempt = () =>
      loadLocale(locale).then(
        () => current && setTextLocale(locale),
        (error: unknown) => {
          console.warn("language failed to load, retrying", error);
          if (current) retry = setTimeout(attempt, 3000);
        },
      );
    void attempt();
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [locale]);
  useEffect(() => {
    document.documentElement.lang = textLocale;
  }, [textLocale]);
  const value = useMemo(
    () => ({ locale, t: createTranslate(textLocale), setLocale: onChange }),
    [locale, textLocale, onChange],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}
