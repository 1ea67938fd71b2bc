// An incompressible PNG of random pixels (width × height RGB), for photos that must be big on the wire and on disk.
import { randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import { pngChunk } from "../../chaos/png.ts";

export function noisyPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(Buffer.concat(rows), { level: 1 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
