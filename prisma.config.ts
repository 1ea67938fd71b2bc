// Prisma CLI configuration: offline-capable (JS engine + pg driver adapter), one schema for PGlite and PostgreSQL.
// The adapter passes host/port/user/database as separate fields so a shadow database is never the main one.
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
    return new PrismaPg({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || "postgres"),
      password: decodeURIComponent(url.password) || undefined,
      database: url.pathname.slice(1) || "postgres",
      idleTimeoutMillis: 100,
      allowExitOnIdle: true,
    });
  },
});
