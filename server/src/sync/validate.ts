// validateEnvelope: schema + clock check, turning zod issues into one English message that names each field path.
import type { z } from "zod";
import {
  MAX_CLOCK_SKEW_MS,
  MAX_RECORD_CHARS,
  MIN_DEVICE_TIME,
  recordEnvelopeSchema,
  type RecordEnvelope,
} from "./envelope.ts";
import { canonicalJson } from "./canonical-json.ts";
import { contentOf } from "./content-hash.ts";
import type { SyncError } from "./answer.ts";

export interface ValidationIssue {
  /** Field path as written in code, e.g. `details.qa[0].question`; "" for the record itself. */
  path: string;
  message: string;
}

export interface InvalidRecordError extends SyncError {
  code: "SYNC_INVALID_RECORD";
  issues: ValidationIssue[];
}

export type ValidationResult = { ok: true; value: RecordEnvelope } | { ok: false; error: InvalidRecordError };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

export function issueMessage(issue: z.core.$ZodIssue): string {
  // zod's defaults read "Invalid input: expected string, received undefined"; say what the user must do.
  if (issue.code === "invalid_type") {
    if (/received undefined$/.test(issue.message)) return "is required";
    if (/^Invalid input: expected /.test(issue.message)) {
      const expected = String(issue.expected);
      return `must be ${/^[aeiou]/.test(expected) ? "an" : "a"} ${expected}`;
    }
  }
  if (issue.code === "unrecognized_keys") {
    return `has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  }
  return issue.message.replace(/^Invalid input: /, "");
}

/**
 * Validates an untrusted envelope. `now` is the receiver's clock: `deviceTime` may not be more than
 * five minutes ahead of it (a device with a wrong clock would otherwise reorder the problem's history), nor
 * before MIN_DEVICE_TIME; the whole content at most MAX_RECORD_CHARS.
 * Both sides run it: the client before queueing, the server before deciding.
 */
export function validateEnvelope(input: unknown, now: Date): ValidationResult {
  const parsed = recordEnvelopeSchema.safeParse(input);
  const issues: ValidationIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: issueMessage(i) }));
  if (parsed.success) {
    const skew = Date.parse(parsed.data.deviceTime) - now.getTime();
    if (skew > MAX_CLOCK_SKEW_MS) {
      issues.push({
        path: "deviceTime",
        message: `is ${Math.round(skew / 60000)} minutes ahead of the server clock (at most 5 allowed); check the device clock`,
      });
    }
    if (Date.parse(parsed.data.deviceTime) < Date.parse(MIN_DEVICE_TIME)) {
      issues.push({ path: "deviceTime", message: `is before ${MIN_DEVICE_TIME.slice(0, 10)}; check the device clock` });
    }
    const size = canonicalJson(contentOf(parsed.data)).length;
    if (size > MAX_RECORD_CHARS) {
      issues.push({ path: "", message: `is ${size} characters long; at most ${MAX_RECORD_CHARS} are accepted` });
    }
  }
  if (parsed.success && issues.length === 0) return { ok: true, value: parsed.data };
  const lines = issues.map((i) => (i.path ? `${i.path} ${i.message}` : `record ${i.message}`));
  return {
    ok: false,
    error: {
      code: "SYNC_INVALID_RECORD",
      message: `Invalid inspection record: ${lines.join("; ")}.`,
      issues,
    },
  };
}
