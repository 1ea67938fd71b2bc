// The one role="status" live region of the app: screens announce progress and results here ("已保存", "正在同步…").
// Invariant: exactly one element with role="status" exists, so assistive tech and tests find one message.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

interface AnnouncerValue {
  announce: (message: string) => void;
  message: string;
  visible: boolean;
}

const AnnouncerContext = createContext<AnnouncerValue>({ announce: () => undefined, message: "", visible: false });

const CLEAR_AFTER_MS = 6_000;

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const [visible, setVisible] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const announce = useCallback((text: string) => {
    if (timer.current) clearTimeout(timer.current);
    // Clear first so the same text twice (two saves in a row) is announced twice.
    setMessage("");
    requestAnimationFrame(() => {
      setMessage(text);
      setVisible(true);
    });
    // Only hide: the text stays in the region (fading out), so nothing flashes and the last message stays readable.
    timer.current = setTimeout(() => setVisible(false), CLEAR_AFTER_MS);
  }, []);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  // A message belongs to its screen: leaving the screen hides it (the text stays in the live region, unannounced).
  useEffect(() => {
    const hide = () => setVisible(false);
    window.addEventListener("hashchange", hide);
    return () => window.removeEventListener("hashchange", hide);
  }, []);
  const value = useMemo(() => ({ announce, message, visible }), [announce, message, visible]);
  return <AnnouncerContext.Provider value={value}>{children}</AnnouncerContext.Provider>;
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnouncerContext).announce;
}

export function StatusRegion() {
  const { message, visible } = useContext(AnnouncerContext);
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={visible && message ? "status-bar visible" : "status-bar"}
    >
      {message}
    </div>
  );
}
