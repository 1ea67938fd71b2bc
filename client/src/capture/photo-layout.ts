// Geometry and text of the photo pipeline, kept pure so it can be tested without a canvas: resize bounds, the
// watermark band's lines and layout, and fitting text into a width.
import type { Position } from "@rectify/server/sync";

/** Long edge of the stamped copy (what supervisors look at); the original is the camera's file, not resized. */
export const STAMPED_MAX_EDGE = 1600;
export const JPEG_QUALITY = 0.8;

/** Scales (w, h) down so the long edge is at most maxEdge; never scales up. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= maxEdge) return { width, height };
  const k = maxEdge / long;
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

export interface StampInfo {
  /** Already formatted local time. */
  time: string;
  /** Already formatted position line (or "no position"). */
  position: string;
  place: string;
  /** Item label and title, e.g. "二-3 生态环境保护存在短板". */
  item: string;
  /** Already formatted "督查：name". */
  inspector: string;
}

export function formatPosition(
  p: Position | null,
  template: (lat: string, lng: string, acc: string) => string,
  none: string,
) {
  if (!p) return none;
  return template(p.latitude.toFixed(5), p.longitude.toFixed(5), String(Math.round(p.accuracyM)));
}

/** The band's lines, top to bottom: time and inspector first (what a reviewer checks first), then where and what. */
export function stampLines(info: StampInfo): string[] {
  return [`${info.time}  ${info.inspector}`, info.place ? `${info.position}  ${info.place}` : info.position, info.item]
    .map((l) => l.trim())
    .filter(Boolean);
}

export interface BandLayout {
  fontSize: number;
  lineHeight: number;
  padding: number;
  bandHeight: number;
}

/** Font scaled to the image width so the stamp reads the same on any resolution, within legible bounds. */
export function bandLayout(width: number, height: number, lines: number): BandLayout {
  const fontSize = Math.round(Math.min(48, Math.max(14, Math.min(width, height * 1.4) * 0.03)));
  const lineHeight = Math.round(fontSize * 1.35);
  const padding = Math.round(fontSize * 0.6);
  return { fontSize, lineHeight, padding, bandHeight: Math.min(height, padding * 2 + lineHeight * lines) };
}

/** Cuts `text` with "…" so measure(text) fits maxWidth (binary search on code points). */
export function fitText(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join("") + "…") <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join("") + "…";
}
