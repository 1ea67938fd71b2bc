// The progress screens' routes round-trip through the hash router.
import { describe, expect, it } from "vitest";
import { href, parseRoute, type Route } from "../router.ts";

describe("progress routes", () => {
  it("round-trip", () => {
    const routes: Route[] = [
      { name: "myMeasures" },
      { name: "report", id: null, measureIds: [], answers: null },
      {
        name: "report",
        id: "00000000-0000-4000-8000-000000000001",
        measureIds: ["00000000-0000-4000-8000-0000000000a1", "00000000-0000-4000-8000-0000000000a2"],
        answers: "00000000-0000-4000-8000-0000000000b1",
      },
      { name: "timeline", measureId: "TWVhc3VyZTox" },
    ];
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r);
  });
});
