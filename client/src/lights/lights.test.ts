// Light helpers: the red-count sort is stable and cycles through its directions; counts read per light.
import { describe, expect, it } from "vitest";
import { countOf, isLight, nextDirection, sortByRed, type LightCounts } from "./lights.ts";

const c = (red: number): LightCounts => ({
  red,
  yellow: 1,
  green: 2,
  grey: 3,
  total: red + 6,
  overdue: 0,
  dueSoon: 0,
  relapsed: 0,
});

describe("lights", () => {
  const rows = [
    { name: "a", counts: c(1) },
    { name: "b", counts: c(3) },
    { name: "c", counts: c(1) },
    { name: "d", counts: c(0) },
  ];
  const names = (r: typeof rows) => r.map((x) => x.name).join("");

  it("sorts by red count, ties in the server's order", () => {
    expect(names(sortByRed(rows, (r) => r.counts, "descending"))).toBe("bacd");
    expect(names(sortByRed(rows, (r) => r.counts, "ascending"))).toBe("dacb");
    expect(names(sortByRed(rows, (r) => r.counts, "none"))).toBe("abcd");
    expect(names(rows)).toBe("abcd"); // not sorted in place
  });

  it("cycles sort directions starting with most red first", () => {
    expect(nextDirection("none")).toBe("descending");
    expect(nextDirection("descending")).toBe("ascending");
    expect(nextDirection("ascending")).toBe("none");
  });

  it("reads counts per light and recognises lights", () => {
    expect(countOf(c(4), "RED")).toBe(4);
    expect(countOf(c(4), "GREY")).toBe(3);
    expect(isLight("YELLOW")).toBe(true);
    expect(isLight("BLUE")).toBe(false);
  });
});
