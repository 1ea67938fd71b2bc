// After a screen change, focus moves to the new screen's main heading (h1, made focusable with tabindex -1), so
// a screen reader starts there and keyboard users continue from it; the heading draws no focus ring (it is not
// a control: styles/desk.css), nor does <main>. Lazy screens render their heading later, so it is awaited.
// Invariant: focus the new screen placed on a field of its own is left alone.
import { useEffect } from "react";

/** Give up waiting for a heading after this long and focus <main> instead. */
const WAIT_MS = 5000;

/** Whether focus is already on something of the screen's own (a field it focused, or one the user chose). */
function focusTakenInside(main: HTMLElement): boolean {
  const active = document.activeElement;
  return !!active && active !== document.body && active !== main && main.contains(active);
}

/** Focuses the first shown h1 of <main> (a suspended screen's old content may linger hidden); false: none yet. */
export function focusMainHeading(main: HTMLElement): boolean {
  const heading = [...main.querySelectorAll("h1")].find((h) => h.getClientRects().length > 0);
  if (!heading) return false;
  if (focusTakenInside(main)) return true;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
  return document.activeElement === heading;
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
      if (!focusTakenInside(main)) main.focus({ preventScroll: true });
    }, WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [screenKey]);
}
