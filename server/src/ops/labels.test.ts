// Metric labels stay bounded: route patterns carry no ids, operation names are plain and capped in number.
import { describe, expect, it } from "vitest";
import { routeOf } from "./request-log.ts";
import { operationLabeler } from "./graphql-observer.ts";

describe("metric labels", () => {
  it("names routes by pattern, never by id or query string", () => {
    expect(routeOf("/graphql?query=secret")).toBe("/graphql");
    expect(routeOf("/uploads/7f1c2a9e-0000-4000-8000-000000000000")).toBe("/uploads/*");
    expect(routeOf("/files/abc?download=1")).toBe("/files/*");
    expect(routeOf("/readyz")).toBe("/readyz");
    expect(routeOf("/some/page/of/the/pwa")).toBe("static");
  });

  it("keeps the first N plain operation names, then says other", () => {
    const label = operationLabeler(2);
    expect(label(null)).toBe("anonymous");
    expect(label("Sync")).toBe("Sync");
    expect(label("bad name; DROP")).toBe("invalid");
    expect(label("x".repeat(65))).toBe("invalid");
    expect(label("Login")).toBe("Login");
    expect(label("Third")).toBe("other");
    expect(label("Sync")).toBe("Sync");
  });
});
