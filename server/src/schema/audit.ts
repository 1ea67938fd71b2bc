// The audit trail, readable by admins and supervisors, newest first.
import { builder } from "../builder.ts";

builder.prismaNode("AuditEvent", {
  description: "One entry of the audit trail: who did what to which entity, when.",
  id: { field: "id" },
  authScopes: { supervisor: true },
  fields: (t) => ({
    action: t.exposeString("action"),
    entityType: t.exposeString("entityType"),
    entityId: t.exposeString("entityId", { nullable: true }),
    details: t.expose("details", { type: "JSON" }),
    at: t.expose("at", { type: "DateTime" }),
    actorName: t.string({
      nullable: true,
      select: { actor: { select: { username: true } } },
      resolve: (e) => e.actor?.username ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection({
    type: "AuditEvent",
    cursor: "id",
    authScopes: { supervisor: true },
    args: { action: t.arg.string({ required: false }) },
    totalCount: (_c, args, ctx) => ctx.prisma.auditEvent.count({ where: args.action ? { action: args.action } : {} }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.auditEvent.findMany({
        ...query,
        where: args.action ? { action: args.action } : {},
        orderBy: [{ at: "desc" }, { id: "desc" }],
      }),
  }),
}));
