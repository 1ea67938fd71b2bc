// The position state shown to the inspector, and coordinates turned into the envelope's position.
import { describe, expect, it } from "vitest";
import { geoLabel, toPosition } from "./geolocation.ts";

describe("geolocation", () => {
  const p = { latitude: 31.6, longitude: 120.7, accuracyM: 12.4 };
  it("labels every state", () => {
    expect(geoLabel("locating", p)).toEqual({ key: "geo.locating" });
    expect(geoLabel("denied", null)).toEqual({ key: "geo.denied" });
    expect(geoLabel("idle", p)).toEqual({ key: "geo.located", params: { accuracy: 12 } });
    expect(geoLabel("unavailable", null)).toEqual({ key: "geo.unavailable" });
    expect(geoLabel("idle", null)).toEqual({ key: "geo.idle" });
  });
  it("rounds accuracy and guards against NaN", () => {
    expect(toPosition({ latitude: 1, longitude: 2, accuracy: 12.345 })).toEqual({
      latitude: 1,
      longitude: 2,
      accuracyM: 12.3,
    });
    expect(toPosition({ latitude: 1, longitude: 2, accuracy: NaN }).accuracyM).toBe(0);
  });
});
