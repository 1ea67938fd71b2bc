// After a screen change, focus moves to the new screen's main heading (h1, made focusable with tabindex -1), so
// a screen reader starts there and keyboard users continue from it; the heading draws no focus ring (it is not
// a control: styles/desk.css), nor does <main>. Lazy screens render their heading later, so it is awaited.
// Invariant: focus the new screen placed on a field of its own is left alone.
import { useEffect } from "react";

/** Give up waiting for a heading after this long and focus <main> instead. */
const WAIT_MS = 5000;

export function focusMainHeading(main: HTMLElement): boolean {
  const heading = main.querySelector("h1");
  if (!heading) return false;
  const active = document.activeElement;
  if (active && active !== document.body && active !== main && main.contains(active) && active !== heading) {
    return true;
  }
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
  return true;
}

export function useFocusMainHeading(screenKey: string): void {
  useEffect(() => {
    window.scrollTo(0, 0);
    const main = document.getElementById("main");
    if (!main || focusMainHeading(main)) return;
    const observer = new MutationObserver(() => {
      if (focusMainHeading(main)) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      main.focus({ preventScroll: true });
    }, WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [screenKey]);
}
