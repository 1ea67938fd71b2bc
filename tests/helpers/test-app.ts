// Starts the real server (real HTTP, real database) for a test file, with the sample report imported and one
// user per role; `as(role)` gives a GraphQL client authenticated with that role's bearer token.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer, type AppServer } from "@rectify/server/server";
import { importReport } from "@rectify/server/queries/import-report";
import { createUser, findOrCreateUnit } from "@rectify/server/queries/users";
import { sampleReportPath } from "@rectify/server/config";
import { securityFromEnv, type SecuritySettings } from "@rectify/server/security/settings";
import { createTestDatabase, type TestDatabase } from "./test-db.ts";

export const PASSWORD = "correct horse battery";
export type RoleName = "admin" | "supervisor" | "inspector" | "liaisonA" | "liaisonB" | "public";

export interface GqlResult<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

export interface TestApp {
  db: TestDatabase;
  dataDir: string;
  server: AppServer;
  url: string;
  units: { a: string; b: string };
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  as(role: RoleName): <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GqlResult<T>>;
  tokenOf(role: RoleName): string | null;
  close(): Promise<void>;
}

/** `env`: security settings as the environment would give them (PUBLIC_URL, TRUSTED_PROXY, …); none by default. */
export async function startTestApp(
  opts: {
    sample?: boolean;
    onStatement?: (sql: string) => void;
    env?: NodeJS.ProcessEnv;
    security?: Partial<SecuritySettings>;
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase({ onStatement: opts.onStatement });
  if (opts.sample !== false) await importReport(db.prisma, await readFile(sampleReportPath, "utf8"));
  const unitA = await findOrCreateUnit(db.prisma, "市委组织部");
  const unitB = await findOrCreateUnit(db.prisma, "市财政局");
  const users: [RoleName, Parameters<typeof createUser>[1]][] = [
    ["admin", { username: "admin", password: PASSWORD, role: "ADMIN" }],
    ["supervisor", { username: "sup", password: PASSWORD, role: "SUPERVISOR" }],
    ["inspector", { username: "insp", password: PASSWORD, role: "INSPECTOR" }],
    ["liaisonA", { username: "liaison-a", password: PASSWORD, role: "UNIT_LIAISON", unitId: unitA.id }],
    ["liaisonB", { username: "liaison-b", password: PASSWORD, role: "UNIT_LIAISON", unitId: unitB.id }],
  ];
  for (const [, u] of users) await createUser(db.prisma, u);
  const dataDir = await mkdtemp(path.join(tmpdir(), "rectify-test-"));
  const security = { ...securityFromEnv(opts.env ?? {}), ...opts.security };
  const server = await startServer({ db, dataDir, port: 0, host: "127.0.0.1", security });
  const gql = async <T = any>(query: string, variables?: Record<string, unknown>, token?: string | null) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/graphql-response+json",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  };
  const tokens = new Map<RoleName, string | null>([["public", null]]);
  for (const [role, u] of users) {
    const r = await gql(
      `mutation($u:String!,$p:String!){ login(username:$u,password:$p,credential:BEARER){ __typename ... on LoginPayload { token } } }`,
      { u: u.username, p: PASSWORD },
    );
    const token = (r.data as any)?.login?.token;
    if (!token) throw new Error(`login as ${role} failed: ${JSON.stringify(r)}`);
    tokens.set(role, token);
  }
  return {
    db,
    dataDir,
    server,
    url: server.url,
    units: { a: unitA.id, b: unitB.id },
    gql,
    as: (role) => (query, variables) => gql(query, variables, tokens.get(role) ?? null),
    tokenOf: (role) => tokens.get(role) ?? null,
    async close() {
      await server.close();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
