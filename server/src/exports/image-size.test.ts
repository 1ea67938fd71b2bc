import { describe, expect, it } from "vitest";
import { fitWithin, imageInfo } from "./image-size.ts";

function png(w: number, h: number) {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "latin1");
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  return b;
}

function jpeg(w: number, h: number) {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x04, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  sof.writeUInt16BE(h, 5);
  sof.writeUInt16BE(w, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
}

describe("imageInfo", () => {
  it("reads PNG and JPEG sizes", () => {
    expect(imageInfo(png(1400, 900))).toEqual({ type: "png", width: 1400, height: 900 });
    expect(imageInfo(jpeg(4032, 3024))).toEqual({ type: "jpg", width: 4032, height: 3024 });
  });
  it("is null for anything else or a truncated file", () => {
    expect(imageInfo(Buffer.from("GIF89a........................"))).toBeNull();
    expect(imageInfo(jpeg(10, 10).subarray(0, 8))).toBeNull();
    expect(imageInfo(png(0, 10))).toBeNull();
  });
});

describe("fitWithin", () => {
  it("scales down keeping the ratio, never up", () => {
    expect(fitWithin(4032, 3024, 400, 400)).toEqual({ width: 400, height: 300 });
    expect(fitWithin(100, 50, 400, 400)).toEqual({ width: 100, height: 50 });
  });
});
