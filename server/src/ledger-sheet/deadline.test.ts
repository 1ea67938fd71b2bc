// Deadlines as offices write them: every form the issue names, and what is not a deadline.
import { describe, expect, it } from "vitest";
import { parseDeadline } from "./deadline.ts";

const d = (day: string) => ({ kind: "date", day });

describe("parseDeadline", () => {
  it.each([
    ["2024年6月底", d("2024-06-30")],
    ["2024年6月底前", d("2024-06-30")],
    ["2024年2月", d("2024-02-29")],
    ["2024年6月15日", d("2024-06-15")],
    ["2024年6月中旬", d("2024-06-20")],
    ["2024.06.30", d("2024-06-30")],
    ["2024.6.3", d("2024-06-03")],
    ["2024/06/30", d("2024-06-30")],
    ["2024-06", d("2024-06-30")],
    ["2024-11-30", d("2024-11-30")],
    ["２０２４年９月底", d("2024-09-30")],
    ["2024年底", d("2024-12-31")],
    ["2024年上半年", d("2024-06-30")],
    ["2024年第三季度", d("2024-09-30")],
    ["20240630", d("2024-06-30")],
    ["2024年6月底前完成，并长期坚持", d("2024-06-30")],
    ["45473", d("2024-06-30")],
    ["长期坚持", { kind: "longTerm" }],
    ["持续推进", { kind: "longTerm" }],
    ["立即整改，长期坚持", { kind: "longTerm" }],
    ["", { kind: "none" }],
    ["/", { kind: "none" }],
    ["尽快", { kind: "unreadable", text: "尽快" }],
    ["2024年13月", { kind: "unreadable", text: "2024年13月" }],
    ["2024.02.30", { kind: "unreadable", text: "2024.02.30" }],
  ])("%s", (text, expected) => {
    expect(parseDeadline(text)).toEqual(expected);
  });

  it("reads real dates and Excel serial numbers", () => {
    expect(parseDeadline(new Date("2024-06-30T00:00:00Z"))).toEqual(d("2024-06-30"));
    expect(parseDeadline(45473)).toEqual(d("2024-06-30"));
    expect(parseDeadline(12)).toEqual({ kind: "unreadable", text: "12" });
    expect(parseDeadline(null)).toEqual({ kind: "none" });
  });
});
