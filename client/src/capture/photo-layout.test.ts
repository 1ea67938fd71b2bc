// Photo pipeline geometry: bounds, band layout, stamp lines and text fitting.
import { describe, expect, it } from "vitest";
import { bandLayout, fitText, fitWithin, formatPosition, stampLines } from "./photo-layout.ts";

describe("photo layout", () => {
  it("bounds the long edge without upscaling", () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 2560)).toEqual({ width: 1920, height: 2560 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });

  it("scales the band with the image, within legible bounds", () => {
    const big = bandLayout(1600, 1200, 3);
    expect(big.fontSize).toBe(48);
    expect(big.bandHeight).toBe(big.padding * 2 + big.lineHeight * 3);
    expect(bandLayout(200, 150, 3).fontSize).toBe(14);
    expect(bandLayout(100, 20, 3).bandHeight).toBe(20);
  });

  it("writes time, inspector, position, place and item, skipping empty parts", () => {
    const lines = stampLines({
      time: "2024-03-15 10:00:00",
      inspector: "督查：张三",
      position: "未定位",
      place: "",
      item: "二-3 标题",
    });
    expect(lines).toEqual(["2024-03-15 10:00:00  督查：张三", "未定位", "二-3 标题"]);
    expect(
      formatPosition({ latitude: 31.652345, longitude: 120.74, accuracyM: 12.4 }, (a, b, c) => `${a},${b}±${c}`, "-"),
    ).toBe("31.65235,120.74000±12");
  });

  it("cuts text to a width with an ellipsis", () => {
    const measure = (s: string) => [...s].length * 10;
    expect(fitText("短", 100, measure)).toBe("短");
    const cut = fitText("这是一段很长很长的问题标题需要截断", 100, measure);
    expect(measure(cut)).toBeLessThanOrEqual(100);
    expect(cut.endsWith("…")).toBe(true);
  });
});
