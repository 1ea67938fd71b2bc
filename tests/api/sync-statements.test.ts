// The lean sync path: a new record costs the statements the work needs (session and user in one, lock-and-read,
// one reference check, insert, measure links, audit), not read-backs; a resend writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.ts";
import { send, siteVisit } from "../helpers/records.ts";

let app: TestApp;
let statements: string[] = [];
let problemId: string;
let measureIds: string[];

beforeAll(async () => {
  app = await startTestApp({ onStatement: (sql) => statements.push(sql) });
  const p = await app.db.prisma.problem.findFirstOrThrow({ include: { measures: true } });
  problemId = p.id;
  measureIds = p.measures.map((m) => m.id).slice(0, 2);
});
afterAll(async () => app?.close());

describe("sync statements", () => {
  it("a new record without photos: at most 8 statements including the session lookup and BEGIN/COMMIT", async () => {
    const env = siteVisit(problemId, measureIds);
    statements = [];
    expect((await send(app, "inspector", env)).outcome).toBe("CREATED");
    const work = statements.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(s.trim()));
    expect(work.length).toBeGreaterThanOrEqual(5);
    expect(work.length).toBeLessThanOrEqual(6);
    expect(statements.length).toBeLessThanOrEqual(8);
    // the resend is answered from the locked row alone: no insert, no audit
    statements = [];
    expect((await send(app, "inspector", env)).outcome).toBe("ALREADY_APPLIED");
    expect(statements.some((s) => /^\s*INSERT/i.test(s))).toBe(false);
  });
});
