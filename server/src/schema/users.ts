// Users, units and people: who uses Rectify and which organisations and leaders the ledger assigns.
// Admins manage users and units; anyone logged in may read unit and people names (needed to assign and filter).
import { z } from "zod";
import { builder } from "../builder.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { hashPassword } from "../auth/password.ts";
import { weakPasswordReason } from "../auth/password-strength.ts";
import { audit } from "../queries/audit.ts";
import { createUser } from "../queries/users.ts";
import { decodeId } from "./ids.ts";

export const RoleEnum = builder.enumType("Role", {
  description: "What a user may do: see README, Roles.",
  values: ["ADMIN", "SUPERVISOR", "INSPECTOR", "UNIT_LIAISON"] as const,
});

export const UserNode = builder.prismaNode("User", {
  description: "A user account.",
  id: { field: "id" },
  // Staff read each other's names (who recorded what); liaisons only themselves; managing users is admin-only.
  authScopes: (user, ctx) => (ctx.viewer?.id === user.id ? true : { staff: true }),
  fields: (t) => ({
    username: t.exposeString("username"),
    displayName: t.exposeString("displayName"),
    role: t.expose("role", { type: RoleEnum }),
    active: t.exposeBoolean("active"),
    unit: t.relation("unit", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const UnitNode = builder.prismaNode("Unit", {
  description: "An organisation: responsible or participating unit (责任单位/参与单位).",
  id: { field: "id" },
  authScopes: { loggedIn: true },
  fields: (t) => ({
    name: t.exposeString("name"),
  }),
});

export const PersonNode = builder.prismaNode("Person", {
  description: "A person named in assignments, e.g. a lead city leader (牵头市领导).",
  id: { field: "id" },
  authScopes: { loggedIn: true },
  fields: (t) => ({
    name: t.exposeString("name"),
    post: t.exposeString("post", { nullable: true }),
    unit: t.relation("unit", { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: "User",
    nullable: true,
    description: "The logged-in user, or null for the public.",
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
  }),
  users: t.prismaConnection({
    type: "User",
    cursor: "id",
    authScopes: { admin: true },
    totalCount: (_c, _a, ctx) => ctx.prisma.user.count(),
    resolve: (query, _root, _args, ctx) => ctx.prisma.user.findMany({ ...query, orderBy: { username: "asc" } }),
  }),
  fieldStaff: t.prismaField({
    type: ["User"],
    description: "Active users who record inspections (inspectors, supervisors, admins), by name: for record filters.",
    authScopes: { staff: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.user.findMany({
        ...query,
        where: { active: true, role: { in: ["INSPECTOR", "SUPERVISOR", "ADMIN"] } },
        orderBy: { displayName: "asc" },
      }),
  }),
  units: t.prismaConnection({
    type: "Unit",
    cursor: "id",
    authScopes: { loggedIn: true },
    maxSize: 500,
    totalCount: (_c, _a, ctx) => ctx.prisma.unit.count(),
    resolve: (query, _root, _args, ctx) => ctx.prisma.unit.findMany({ ...query, orderBy: { name: "asc" } }),
  }),
  people: t.prismaConnection({
    type: "Person",
    cursor: "id",
    authScopes: { loggedIn: true },
    maxSize: 500,
    totalCount: (_c, _a, ctx) => ctx.prisma.person.count(),
    resolve: (query, _root, _args, ctx) => ctx.prisma.person.findMany({ ...query, orderBy: { name: "asc" } }),
  }),
}));

const name = z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters");
// zxcvbn strength, not just length (auth/password-strength.ts).
const password = z
  .string()
  .max(200)
  .superRefine((pw, ctx) => {
    const why = weakPasswordReason(pw);
    if (why) ctx.addIssue({ code: "custom", message: why });
  });

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: "User",
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      username: t.arg.string({
        validate: z
          .string()
          .trim()
          .regex(/^[\w.@-]{2,64}$/, "2–64 letters, digits, . _ @ -"),
      }),
      displayName: t.arg.string({ required: false, validate: name.optional().nullable() }),
      password: t.arg.string({ validate: password }),
      role: t.arg({ type: RoleEnum }),
      unitId: t.arg.id({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const unitId = args.unitId ? decodeId(args.unitId, "Unit") : null;
      const user = await createUser(ctx.prisma, { ...args, unitId });
      await audit(ctx.prisma, ctx.viewer, "createUser", "User", user.id, { username: user.username, role: user.role });
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  updateUser: t.prismaField({
    type: "User",
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      id: t.arg.id(),
      displayName: t.arg.string({ required: false, validate: name.optional().nullable() }),
      role: t.arg({ type: RoleEnum, required: false }),
      unitId: t.arg.id({ required: false }),
      active: t.arg.boolean({ required: false }),
      password: t.arg.string({ required: false, validate: password.optional().nullable() }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "User");
      const current = await ctx.prisma.user.findUnique({ where: { id } });
      if (!current) throw new NotFoundError("User", args.id);
      const unitId = args.unitId ? decodeId(args.unitId, "Unit") : args.unitId === null ? null : undefined;
      const role = args.role ?? current.role;
      if (role === "UNIT_LIAISON" && !(unitId === undefined ? current.unitId : unitId)) {
        throw new ValidationError("A unit liaison needs a unit", [{ path: "unitId", message: "required" }]);
      }
      const updated = await ctx.prisma.$transaction(async (tx) => {
        const u = await tx.user.update({
          where: { id },
          data: {
            displayName: args.displayName ?? undefined,
            role,
            unitId,
            active: args.active ?? undefined,
            passwordHash: args.password ? await hashPassword(args.password) : undefined,
          },
        });
        // Deactivating a user or changing their password ends their sessions.
        if (args.active === false || args.password) {
          await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
        }
        const changed = Object.keys(args).filter((k) => k !== "id" && args[k as keyof typeof args] !== undefined);
        await audit(tx, ctx.viewer, "updateUser", "User", id, { changed });
        return u;
      });
      if (args.active === false || args.password) ctx.pubsub.publish("sessionEnded", { userId: id, sessionId: null });
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: updated.id } });
    },
  }),
  createUnit: t.prismaField({
    type: "Unit",
    authScopes: { admin: true },
    errors: { types: [ValidationError] },
    args: { name: t.arg.string({ validate: name }) },
    resolve: async (query, _root, args, ctx) => {
      if (await ctx.prisma.unit.findUnique({ where: { name: args.name } })) {
        throw new ValidationError(`Unit "${args.name}" exists`, [{ path: "name", message: "taken" }]);
      }
      return ctx.prisma.$transaction(async (tx) => {
        const unit = await tx.unit.create({ ...query, data: { name: args.name } });
        await audit(tx, ctx.viewer, "createUnit", "Unit", unit.id, { name: args.name });
        return unit;
      });
    },
  }),
  renameUnit: t.prismaField({
    type: "Unit",
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id(), name: t.arg.string({ validate: name }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "Unit");
      const clash = await ctx.prisma.unit.findUnique({ where: { name: args.name } });
      if (clash && clash.id !== id) {
        throw new ValidationError(`Unit "${args.name}" exists`, [{ path: "name", message: "taken" }]);
      }
      return ctx.prisma.$transaction(async (tx) => {
        const unit = await tx.unit.update({ ...query, where: { id }, data: { name: args.name } });
        await audit(tx, ctx.viewer, "renameUnit", "Unit", id, { name: args.name });
        return unit;
      });
    },
  }),
  createPerson: t.prismaField({
    type: "Person",
    authScopes: { supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      name: t.arg.string({ validate: name }),
      post: t.arg.string({ required: false, validate: name.optional().nullable() }),
      unitId: t.arg.id({ required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const unitId = args.unitId ? decodeId(args.unitId, "Unit") : null;
      if (await ctx.prisma.person.findUnique({ where: { name: args.name } })) {
        throw new ValidationError(`Person "${args.name}" exists`, [{ path: "name", message: "taken" }]);
      }
      return ctx.prisma.$transaction(async (tx) => {
        const p = await tx.person.create({ ...query, data: { name: args.name, post: args.post ?? null, unitId } });
        await audit(tx, ctx.viewer, "createPerson", "Person", p.id, { name: args.name });
        return p;
      });
    },
  }),
}));
