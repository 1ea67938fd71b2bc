// On-device photo pipeline (browser only): decode a camera file, keep the camera's file itself as the original
// (byte-identical, EXIF kept: evidence, hashed by storePhoto) and a resized copy stamped like a field "watermark
// camera" (≤ 1600 px, band with time, place, item, inspector, JPEG); and render signature strokes to PNG.
// Invariants: the stamp is drawn into the pixels, so what the server stores is exactly what the inspector saw; the
// original is never re-encoded unless its format is one the server does not take (e.g. HEIC), and then at full size.
import {
  bandLayout,
  fitText,
  fitWithin,
  JPEG_QUALITY,
  STAMPED_MAX_EDGE,
  stampLines,
  type StampInfo,
} from "./photo-layout.ts";
import type { Stroke } from "./form-model.ts";

export interface EncodedImage {
  bytes: Uint8Array;
  mimeType: "image/jpeg" | "image/png" | "image/webp";
  width: number;
  height: number;
}

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;
type Ctx2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
type Drawable = ImageBitmap | HTMLImageElement;

function makeCanvas(width: number, height: number): { canvas: AnyCanvas; ctx: Ctx2D } {
  // OffscreenCanvas avoids touching the DOM; older iOS Safari lacks it (or its 2D context), so fall back.
  if (typeof OffscreenCanvas !== "undefined") {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d");
    if (ctx) return { canvas, ctx };
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("2D canvas is not available");
  return { canvas, ctx };
}

async function encode(canvas: AnyCanvas, type: "image/jpeg" | "image/png", quality?: number): Promise<Uint8Array> {
  const blob =
    "convertToBlob" in canvas
      ? await canvas.convertToBlob({ type, quality })
      : await new Promise<Blob>((resolve, reject) =>
          canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas encoding failed"))), type, quality),
        );
  return new Uint8Array(await blob.arrayBuffer());
}

/** Decodes with EXIF orientation applied; falls back to <img> where createImageBitmap cannot read the file. */
async function decode(file: Blob): Promise<{ image: Drawable; width: number; height: number; release: () => void }> {
  if (typeof createImageBitmap === "function") {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
      return { image: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
    } catch {
      // e.g. HEIC on a browser whose createImageBitmap does not decode it, while <img> does
    }
  }
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  return { image: img, width: img.naturalWidth, height: img.naturalHeight, release: () => URL.revokeObjectURL(url) };
}

function drawStamp(ctx: Ctx2D, width: number, height: number, info: StampInfo): void {
  const lines = stampLines(info);
  const layout = bandLayout(width, height, lines.length);
  const top = height - layout.bandHeight;
  // Semi-transparent dark band: the photo stays visible beneath, the white text stays readable on any scene.
  ctx.fillStyle = "rgba(0, 0, 0, 0.55)";
  ctx.fillRect(0, top, width, layout.bandHeight);
  ctx.fillStyle = "#ffffff";
  ctx.textBaseline = "top";
  ctx.font = `600 ${layout.fontSize}px system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`;
  const maxWidth = width - layout.padding * 2;
  lines.forEach((line, i) => {
    const text = fitText(line, maxWidth, (s) => ctx.measureText(s).width);
    const y = top + layout.padding + i * layout.lineHeight + (layout.lineHeight - layout.fontSize) / 2;
    ctx.fillText(text, layout.padding, y);
  });
}

async function render(image: Drawable, w: number, h: number, maxEdge: number, stamp: StampInfo | null) {
  const size = fitWithin(w, h, maxEdge);
  const { canvas, ctx } = makeCanvas(size.width, size.height);
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(image, 0, 0, size.width, size.height);
  if (stamp) drawStamp(ctx, size.width, size.height, stamp);
  const bytes = await encode(canvas, "image/jpeg", JPEG_QUALITY);
  return { bytes, mimeType: "image/jpeg" as const, ...size };
}

/** Full size in practice: the largest phone sensors stay below it; beyond it a canvas may not be allocated. */
const ORIGINAL_MAX_EDGE_REENCODE = 8192;

/** Formats the server stores as they are; anything else (HEIC…) has to be re-encoded. */
const KEPT_AS_IS: readonly string[] = ["image/jpeg", "image/png", "image/webp"];

export async function processPhoto(
  file: Blob,
  stamp: StampInfo,
): Promise<{ original: EncodedImage; stamped: EncodedImage; reencoded: boolean }> {
  const decoded = await decode(file);
  try {
    const stamped = await render(decoded.image, decoded.width, decoded.height, STAMPED_MAX_EDGE, stamp);
    if (KEPT_AS_IS.includes(file.type)) {
      // The camera's own bytes: same hash as the file on the phone, EXIF (time, camera, GPS) intact.
      const bytes = new Uint8Array(await file.arrayBuffer());
      const mimeType = file.type as EncodedImage["mimeType"];
      return { original: { bytes, mimeType, width: decoded.width, height: decoded.height }, stamped, reencoded: false };
    }
    // Not storable as it is: a full-size JPEG, never downscaled (one canvas at a time, for a phone's memory).
    const original = await render(decoded.image, decoded.width, decoded.height, ORIGINAL_MAX_EDGE_REENCODE, null);
    return { original, stamped, reencoded: true };
  } finally {
    decoded.release();
  }
}

export const SIGNATURE_WIDTH = 600;
export const SIGNATURE_HEIGHT = 240;

/** Draws strokes (0..1 coordinates) on a canvas context of the given size. Shared by the pad and the export. */
export function drawStrokes(ctx: Ctx2D, strokes: readonly Stroke[], width: number, height: number): void {
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.strokeStyle = "#111111";
  ctx.lineWidth = Math.max(2, width / 200);
  for (const s of strokes) {
    ctx.beginPath();
    if (s.length === 2) {
      // a dot: a tap without movement is still part of the signature
      ctx.arc(s[0]! * width, s[1]! * height, ctx.lineWidth / 2, 0, Math.PI * 2);
      ctx.fillStyle = "#111111";
      ctx.fill();
      continue;
    }
    ctx.moveTo(s[0]! * width, s[1]! * height);
    for (let i = 2; i + 1 < s.length; i += 2) ctx.lineTo(s[i]! * width, s[i + 1]! * height);
    ctx.stroke();
  }
}

/** The signature as a PNG on white (readable in any viewer, printable on a report). */
export async function renderSignature(strokes: readonly Stroke[]): Promise<EncodedImage> {
  const { canvas, ctx } = makeCanvas(SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
  drawStrokes(ctx, strokes, SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
  const bytes = await encode(canvas, "image/png");
  return { bytes, mimeType: "image/png", width: SIGNATURE_WIDTH, height: SIGNATURE_HEIGHT };
}
