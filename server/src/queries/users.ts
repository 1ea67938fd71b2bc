// Users, units and people: creation and lookup used by the schema, the CLI and first-start bootstrap.
// Invariant: user names are unique and trimmed; a unit liaison always belongs to a unit.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db.ts";
import type { Role } from "../generated/prisma/enums.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { weakPasswordReason } from "../auth/password-strength.ts";
import { BadCredentialsError, ValidationError } from "../errors.ts";

export interface NewUser {
  username: string;
  displayName?: string | null;
  password: string;
  role: Role;
  unitId?: string | null;
}

export async function createUser(prisma: PrismaClient, u: NewUser) {
  const username = u.username.trim();
  if (u.role === "UNIT_LIAISON" && !u.unitId) {
    throw new ValidationError("A unit liaison needs a unit", [{ path: "unitId", message: "required" }]);
  }
  const weak = weakPasswordReason(u.password, [username, u.displayName ?? ""]);
  if (weak) throw new ValidationError(`Password: ${weak}`, [{ path: "password", message: weak }]);
  if (await prisma.user.findUnique({ where: { username } })) {
    throw new ValidationError(`User name "${username}" is taken`, [{ path: "username", message: "taken" }]);
  }
  return prisma.user.create({
    data: {
      username,
      displayName: u.displayName?.trim() || username,
      passwordHash: await hashPassword(u.password),
      role: u.role,
      unitId: u.unitId ?? null,
    },
  });
}

/** A dummy hash so a missing user costs as much time as a wrong password (no user enumeration by timing). */
let dummyHash: Promise<string> | undefined;

export async function authenticate(prisma: PrismaClient, username: string, password: string) {
  const user = await prisma.user.findUnique({ where: { username: username.trim() } });
  if (!user || !user.active) {
    await verifyPassword(password, await (dummyHash ??= hashPassword("dummy")));
    throw new BadCredentialsError();
  }
  if (!(await verifyPassword(password, user.passwordHash))) throw new BadCredentialsError();
  return user;
}

/** On first start: create the admin. Returns the generated password when none was given (printed once). */
export async function ensureAdmin(prisma: PrismaClient, password: string | undefined) {
  if ((await prisma.user.count({ where: { role: "ADMIN" } })) > 0) return null;
  const pw = password || randomBytes(12).toString("base64url");
  await createUser(prisma, { username: "admin", displayName: "管理员", password: pw, role: "ADMIN" });
  return { username: "admin", password: pw, generated: !password };
}

export async function findOrCreateUnit(prisma: PrismaClient, name: string) {
  const clean = name.trim();
  return prisma.unit.upsert({ where: { name: clean }, create: { name: clean }, update: {} });
}
