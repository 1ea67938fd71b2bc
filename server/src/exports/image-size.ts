// The type and pixel size of a JPEG or PNG from its bytes (what a Word ImageRun needs to keep the aspect ratio).
// Pure; anything else, or a truncated file, is null so the caller leaves the picture out instead of a broken one.

export interface ImageInfo {
  type: "jpg" | "png";
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function imageInfo(b: Buffer): ImageInfo | null {
  if (b.length >= 24 && b.subarray(0, 8).equals(PNG_SIGNATURE) && b.toString("latin1", 12, 16) === "IHDR") {
    return ok("png", b.readUInt32BE(16), b.readUInt32BE(20));
  }
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  // JPEG: walk the segments to the first start-of-frame (SOF0–SOF15 except DHT C4, JPG C8, DAC CC).
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return ok("jpg", b.readUInt16BE(i + 7), b.readUInt16BE(i + 5));
    }
    i += 2 + length;
  }
  return null;
}

function ok(type: ImageInfo["type"], width: number, height: number): ImageInfo | null {
  return width > 0 && height > 0 ? { type, width, height } : null;
}

/** Scales down (never up) to fit within maxWidth × maxHeight, keeping the aspect ratio. */
export function fitWithin(w: number, h: number, maxWidth: number, maxHeight: number) {
  const s = Math.min(1, maxWidth / w, maxHeight / h);
  return { width: Math.max(1, Math.round(w * s)), height: Math.max(1, Math.round(h * s)) };
}
