// A traffic light as a badge: colour, a distinct shape (circle, triangle, square, tick) and a text label, so it
// reads without colour vision and in greyscale print; the hidden prefix names the light for screen readers.
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import type { Light } from "./lights.ts";

const SHAPES: Record<Light, string> = {
  GREEN: "M12 4a8 8 0 100 16 8 8 0 000-16z",
  YELLOW: "M12 3l10 18H2z",
  RED: "M4 4h16v16H4z",
  GREY: "M4 13l5 5L20 6",
};

export function LightIcon({ light }: { light: Light }) {
  const tick = light === "GREY";
  return (
    <svg className="light-icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d={SHAPES[light]}
        fill={tick ? "none" : "currentColor"}
        stroke="currentColor"
        strokeWidth={tick ? 3.5 : 0}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function LightBadge({ light }: { light: Light | null | undefined }) {
  const t = useT();
  if (!light) return null;
  return (
    <span className={`chip light light-${light}`}>
      <LightIcon light={light} />
      <span className="visually-hidden">{t(keyOf("lightName", light))}：</span>
      {t(keyOf("light", light))}
    </span>
  );
}
