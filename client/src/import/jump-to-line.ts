// Links from a warning or a tree node to its source line. Plain #anchors would be taken by the hash router, so a
// button scrolls the line into view and moves focus to it (it has tabIndex -1) for keyboard and screen readers.
import { lineAnchor } from "./report-review-model.ts";

export function jumpToLine(line: number): void {
  const el = document.getElementById(lineAnchor(line));
  if (!el) return;
  el.scrollIntoView({ block: "center" });
  el.focus({ preventScroll: true });
}
