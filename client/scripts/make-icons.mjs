// Draws the app icons (red square, white tick) as PNGs without image libraries; run once, output committed.
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function icon(size, maskable) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const s = size / 64;
  const inset = maskable ? 0.2 : 0; // maskable icons keep the mark inside the 80% safe zone
  const map = (v) => (v - 32) * (1 - inset) + 32;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = x / s,
        v = y / s;
      const d = Math.min(
        distToSegment(u, v, map(18), map(33), map(27), map(42)),
        distToSegment(u, v, map(27), map(42), map(46), map(22)),
      );
      const white = d < 3.5 * (1 - inset);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = white ? 255 : 0xb7;
      raw[o + 1] = white ? 255 : 0x1c;
      raw[o + 2] = white ? 255 : 0x1c;
      raw[o + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

writeFileSync(new URL("../public/icons/icon-192.png", import.meta.url), icon(192, false));
writeFileSync(new URL("../public/icons/icon-512.png", import.meta.url), icon(512, false));
writeFileSync(new URL("../public/icons/maskable-512.png", import.meta.url), icon(512, true));
