// "原图一并保存" keeps the camera's file (issue 13 §5): a real JPEG carrying EXIF (camera make and a capture time)
// is taken into a record; the server's stored original has the same SHA-256 and bytes, EXIF intact, beside the
// stamped copy, a resized re-encode with the watermark.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchPhone, type Phone } from "./helpers/browser.ts";
import { logIn, save, startRecord, startScenario, type Scenario } from "./helpers/scenario.ts";

let s: Scenario;
let phone: Phone;

beforeAll(async () => {
  s = await startScenario(4753);
  phone = await launchPhone(s.app.url);
}, 420_000);
afterAll(async () => {
  await phone?.close();
  await s?.close();
});

/** An EXIF APP1 segment (big-endian TIFF) with Make and DateTime, as a camera writes them. */
function exifSegment(): Buffer {
  const entries: [number, string][] = [
    [0x010f, "RectifyCam\0"],
    [0x0132, "2026:11:30 10:15:00\0"],
  ];
  const ifdSize = 2 + entries.length * 12 + 4;
  const data: Buffer[] = [];
  let offset = 8 + ifdSize;
  const ifd = Buffer.alloc(ifdSize);
  ifd.writeUInt16BE(entries.length, 0);
  entries.forEach(([tag, text], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16BE(tag, at);
    ifd.writeUInt16BE(2, at + 2); // ASCII
    ifd.writeUInt32BE(text.length, at + 4);
    ifd.writeUInt32BE(offset, at + 8);
    data.push(Buffer.from(text, "latin1"));
    offset += text.length;
  });
  const tiff = Buffer.concat([Buffer.from("MM\0\x2a\0\0\0\x08", "latin1"), ifd, ...data]);
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("the original photo", () => {
  it("is the camera's file, byte for byte, EXIF kept, on the server", async () => {
    const page = phone.page;
    await logIn(page, "inspector1");
    // A camera-sized JPEG from the browser's own encoder, then the camera's EXIF inserted after SOI.
    const base64 = await page.evaluate(async () => {
      const c = new OffscreenCanvas(3000, 2000);
      const ctx = c.getContext("2d")!;
      const g = ctx.createLinearGradient(0, 0, 3000, 2000);
      g.addColorStop(0, "#3a6");
      g.addColorStop(1, "#36a");
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, 3000, 2000);
      const blob = await c.convertToBlob({ type: "image/jpeg", quality: 0.9 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = "";
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    });
    const encoded = Buffer.from(base64, "base64");
    expect(encoded.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const jpeg = Buffer.concat([encoded.subarray(0, 2), exifSegment(), encoded.subarray(2)]);

    await startRecord(page, "三重一大");
    await page.getByRole("radio", { name: "实地走访" }).check();
    await page.getByLabel("走访地点").fill("虞山街道办事处");
    await page.getByLabel("见到的人员").fill("张主任");
    await page.getByLabel("现场所见").fill("公示栏已更新。");
    await page.getByLabel("拍照").setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: jpeg });
    await expect
      .poll(() => page.getByRole("img", { name: /现场照片 1/ }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.getByLabel("核查结论").fill("整改措施已落实。");
    await page.getByRole("radio", { name: "按计划推进" }).check();
    await save(page);

    // Online: the record and both photos reach the server.
    await expect
      .poll(
        async () => {
          const r = await s.records();
          return r.nodes[0]?.photos.filter((p: any) => p.complete).length ?? 0;
        },
        { timeout: 90_000, interval: 1000 },
      )
      .toBe(2);
    const res = await fetch(`${s.app.url}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${s.supervisorToken}` },
      body: JSON.stringify({
        query: `{ inspectionRecords(first: 5) { edges { node { photos { variant sha256 size mimeType url } } } } }`,
      }),
    });
    const photos = ((await res.json()) as any).data.inspectionRecords.edges[0].node.photos;
    const original = photos.find((p: any) => p.variant === "original");
    const stamped = photos.find((p: any) => p.variant === "stamped");
    expect(original).toMatchObject({ sha256: sha256(jpeg), size: jpeg.length, mimeType: "image/jpeg" });
    expect(stamped.sha256).not.toBe(sha256(jpeg));
    // The bytes served are the file's, EXIF and all.
    const file = await fetch(new URL(original.url, s.app.url), {
      headers: { Authorization: `Bearer ${s.supervisorToken}` },
    });
    expect(file.status).toBe(200);
    const served = Buffer.from(await file.arrayBuffer());
    expect(sha256(served)).toBe(sha256(jpeg));
    expect(served.includes(Buffer.from("RectifyCam", "latin1"))).toBe(true);
    expect(served.subarray(2, 4)).toEqual(Buffer.from([0xff, 0xe1]));
  });
});
