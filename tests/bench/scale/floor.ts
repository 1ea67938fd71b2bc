// The floors: a minimal node:http + pg server doing what Rectify does for the same questions with nothing but
// hand-written SQL (auth by session token, a record's sync in one transaction of 6 statements, the dashboard's
// GROUP BY, the list queries). It is the yardstick in RESULTS.md, not a product: no validation beyond shape.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import pg from "pg";

const DONE = `('COMPLETED','CLOSE_REQUESTED','CLOSED')`;

export const FLOOR_DASHBOARD_SQL = `
  WITH l AS (
    SELECT m."problemId", m."responsibleUnitId", m."leadLeaderId", m.status,
      (m.deadline < $1::date AND m.status NOT IN ${DONE}) AS overdue,
      (m.deadline >= $1::date AND m.deadline <= $1::date + $2::int AND m.status NOT IN ${DONE}) AS soon,
      CASE WHEN m."latestRatedAt" IS NULL OR p."latestRatedAt" > m."latestRatedAt" THEN p."latestRating"
        ELSE m."latestRating" END AS rating
    FROM "Measure" m JOIN "Problem" p ON p.id = m."problemId"
  ), lit AS (
    SELECT *, CASE WHEN status = 'CLOSED' THEN 'GREY' WHEN status = 'RELAPSED' THEN 'RED'
      WHEN rating = 'PROBLEM_FOUND' THEN 'RED' WHEN overdue THEN 'RED' WHEN rating = 'LAGGING' THEN 'YELLOW'
      WHEN soon THEN 'YELLOW' ELSE 'GREEN' END AS light FROM l
  ), g AS (
    SELECT GROUPING("problemId", "responsibleUnitId", "leadLeaderId") AS g, "problemId", "responsibleUnitId",
      "leadLeaderId", count(*) FILTER (WHERE light = 'GREEN') AS green, count(*) FILTER (WHERE light = 'YELLOW') AS yellow,
      count(*) FILTER (WHERE light = 'RED') AS red, count(*) FILTER (WHERE light = 'GREY') AS grey, count(*) AS total,
      count(*) FILTER (WHERE overdue) AS overdue, count(*) FILTER (WHERE soon) AS due_soon,
      count(*) FILTER (WHERE status = 'RELAPSED') AS relapsed
    FROM lit GROUP BY GROUPING SETS (("problemId"), ("responsibleUnitId"), ("leadLeaderId"), ())
  )
  SELECT g.*, p.section, p.number, p.title, u.name AS unit, pe.name AS leader FROM g
  LEFT JOIN "Problem" p ON p.id = g."problemId" LEFT JOIN "Unit" u ON u.id = g."responsibleUnitId"
  LEFT JOIN "Person" pe ON pe.id = g."leadLeaderId"
  ORDER BY g.g, p.section, p.number, u.name, pe.name`;

export const FLOOR_LIST_SQL = {
  problems: `SELECT id, section, number, title, status FROM "Problem" ORDER BY section, number, id LIMIT 20`,
  byInspector: `SELECT id, "deviceTime", kind, rating, findings FROM "InspectionRecord"
    WHERE "inspectorId" = $1 AND "deviceTime" >= $2 AND "deviceTime" < $3 ORDER BY "deviceTime" DESC, id DESC LIMIT 20`,
  last: `SELECT * FROM (SELECT id, "deviceTime", kind, rating, findings FROM "InspectionRecord"
    ORDER BY "deviceTime" ASC, id ASC LIMIT 20) t ORDER BY "deviceTime" DESC, id DESC`,
  after: `SELECT id, "deviceTime", kind, rating, findings FROM "InspectionRecord"
    WHERE ("deviceTime", id) < ($1, $2) ORDER BY "deviceTime" DESC, id DESC LIMIT 20`,
};

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

async function body(req: import("node:http").IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The user behind a bearer token, as the floor (and the bench's authenticated PostGraphile) checks it. */
export async function sessionUser(pool: pg.Pool, auth: string | undefined) {
  const token = auth?.replace(/^Bearer /, "") ?? "";
  const hash = createHash("sha256").update(token).digest("hex");
  const r = await pool.query(
    `SELECT u.id, u.role FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s."tokenHash" = $1 AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND u.active`,
    [hash],
  );
  return r.rows[0] as { id: string; role: string } | undefined;
}

/** Starts the floor server on a random port over its own pool. */
export async function startFloor(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const who = (auth: string | undefined) => sessionUser(pool, auth);
  const server: Server = createServer((req, res) => {
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(data));
    };
    (async () => {
      const user = await who(req.headers.authorization);
      if (!user) return send(401, { error: "unauthenticated" });
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "POST" && url.pathname === "/sync") {
        const e = JSON.parse(await body(req));
        const c = await pool.connect();
        try {
          await c.query("BEGIN");
          const row = await c.query(`SELECT "clientRevision" FROM "InspectionRecord" WHERE id = $1 FOR UPDATE`, [
            e.recordId,
          ]);
          if (row.rows.length) {
            await c.query("COMMIT");
            return send(200, { recordId: e.recordId, outcome: "ALREADY_APPLIED" });
          }
          const refs = await c.query(
            `SELECT EXISTS (SELECT 1 FROM "Problem" WHERE id = $1) AS p,
               (SELECT count(*)::int FROM "Measure" WHERE id = ANY($2::uuid[]) AND "problemId" = $1) AS m`,
            [e.problemId, e.measureIds],
          );
          if (!refs.rows[0].p || refs.rows[0].m !== e.measureIds.length) {
            await c.query("ROLLBACK");
            return send(200, { recordId: e.recordId, outcome: "REJECTED" });
          }
          const content = JSON.stringify(e);
          await c.query(
            `INSERT INTO "InspectionRecord" (id, kind, "inspectorId", "problemId", content, "contentHash", "clientRevision",
               "deviceTime", "updatedAt", latitude, longitude, "accuracyM", findings, rating, "followUpRequired", details)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10, $11, $12, $13, $14, $15)`,
            [
              e.recordId,
              e.kind,
              user.id,
              e.problemId,
              content,
              createHash("sha256").update(content).digest("hex"),
              e.revision,
              e.deviceTime,
              e.position?.latitude ?? null,
              e.position?.longitude ?? null,
              e.position?.accuracyM ?? null,
              e.findings,
              e.rating,
              e.followUpRequired,
              JSON.stringify(e.details),
            ],
          );
          if (e.measureIds.length) {
            await c.query(
              `INSERT INTO "InspectionRecordMeasure" ("recordId", "measureId") SELECT $1, unnest($2::uuid[])`,
              [e.recordId, e.measureIds],
            );
          }
          await c.query(
            `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", details)
             VALUES (gen_random_uuid(), $1, 'syncRecord', 'InspectionRecord', $2, '{}')`,
            [user.id, e.recordId],
          );
          await c.query("COMMIT");
          return send(200, { recordId: e.recordId, outcome: "CREATED", serverVersion: 1 });
        } catch (err) {
          await c.query("ROLLBACK").catch(() => {});
          throw err;
        } finally {
          c.release();
        }
      }
      if (url.pathname === "/dashboard") {
        return send(200, (await pool.query(FLOOR_DASHBOARD_SQL, [today(), 15])).rows);
      }
      if (url.pathname === "/problems") return send(200, (await pool.query(FLOOR_LIST_SQL.problems)).rows);
      if (url.pathname === "/records/by-inspector") {
        const p = url.searchParams;
        return send(200, (await pool.query(FLOOR_LIST_SQL.byInspector, [p.get("i"), p.get("from"), p.get("to")])).rows);
      }
      if (url.pathname === "/records/last") return send(200, (await pool.query(FLOOR_LIST_SQL.last)).rows);
      if (url.pathname === "/records/after") {
        const p = url.searchParams;
        return send(200, (await pool.query(FLOOR_LIST_SQL.after, [p.get("t"), p.get("id")])).rows);
      }
      send(404, { error: "not found" });
    })().catch((err) => {
      console.error(err);
      if (!res.headersSent) send(500, { error: String(err) });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await pool.end();
    },
  };
}
