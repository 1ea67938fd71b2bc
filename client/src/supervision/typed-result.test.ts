// Typed mutation results become form failures: success passes through, typed errors keep their message and
// per-field issues, transport failures keep their kind.
import { describe, expect, it } from "vitest";
import { outcomeOf, type TypedPayload } from "./typed-result.ts";

const ok = (p: TypedPayload) => ({ ok: true as const, data: { verifyCloseout: p } });

describe("outcomeOf", () => {
  it("passes a success through", () => {
    const r = outcomeOf(ok({ __typename: "Measure" }), "verifyCloseout", ["Measure"]);
    expect(r).toEqual({ ok: true, value: { __typename: "Measure" } });
  });

  it("maps validation issues to fields by the last path segment", () => {
    const r = outcomeOf(
      ok({
        __typename: "ValidationError",
        message: "bad",
        issues: [
          { path: "recordId", message: "not on this measure" },
          { path: "input.reason", message: "give a reason" },
          { path: "input.reason", message: "too short" },
        ],
      }),
      "verifyCloseout",
      ["Measure"],
    );
    expect(r).toEqual({
      ok: false,
      failure: {
        kind: "ValidationError",
        message: "bad",
        fields: { recordId: "not on this measure", reason: "give a reason; too short" },
      },
    });
  });

  it("keeps an invalid transition's message, and transport failures' kind", () => {
    const t = outcomeOf(
      ok({ __typename: "InvalidTransitionError", message: "no close-out was requested" }),
      "verifyCloseout",
      ["Measure"],
    );
    expect(t.ok ? null : t.failure).toEqual({
      kind: "InvalidTransitionError",
      message: "no close-out was requested",
      fields: {},
    });
    const n = outcomeOf({ ok: false, kind: "network", message: "Failed to fetch" }, "verifyCloseout", ["Measure"]);
    expect(n.ok ? null : n.failure.kind).toBe("network");
  });
});
