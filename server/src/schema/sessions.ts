// Sessions and API tokens, listable and revocable: by their user (own sessions) and by admins (anyone's).
// Invariant: a revoked session stops authenticating at once and its live streams close; tokens are never shown.
import { builder } from "../builder.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import { audit } from "../queries/audit.ts";
import { decodeId } from "./ids.ts";

interface SessionRow {
  id: string;
  kind: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

const SessionRef = builder.objectRef<SessionRow>("Session").implement({
  description: "A login: a PWA session cookie or an API bearer token (the secret itself is never shown again).",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.string({ description: "cookie or bearer", resolve: (s) => s.kind }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    current: t.boolean({
      description: "This request's own session",
      resolve: (s, _a, ctx) => s.id === ctx.sessionId,
    }),
  }),
});

const live = (userId: string) => ({ userId, revokedAt: null, expiresAt: { gt: new Date() } });

builder.queryFields((t) => ({
  mySessions: t.field({
    type: [SessionRef],
    authScopes: { loggedIn: true },
    description: "Your active sessions and API tokens.",
    resolve: (_r, _a, ctx) =>
      ctx.prisma.session.findMany({ where: live(ctx.viewer!.id), orderBy: { createdAt: "desc" } }),
  }),
  userSessions: t.field({
    type: [SessionRef],
    authScopes: { admin: true },
    description: "A user's active sessions and API tokens (admins).",
    args: { userId: t.arg.id() },
    resolve: (_r, a, ctx) =>
      ctx.prisma.session.findMany({ where: live(decodeId(a.userId, "User")), orderBy: { createdAt: "desc" } }),
  }),
}));

builder.mutationFields((t) => ({
  revokeSession: t.field({
    type: SessionRef,
    authScopes: { loggedIn: true },
    description: "Ends one session or API token: your own, or anyone's for an admin.",
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { id: t.arg.id() },
    resolve: async (_r, a, ctx) => {
      const id = String(a.id);
      const s = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.prisma.session.findUnique({ where: { id } }) : null;
      if (!s) throw new NotFoundError("Session", id);
      if (s.userId !== ctx.viewer!.id && ctx.viewer!.role !== "ADMIN") throw new ForbiddenError();
      await ctx.prisma.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
      await audit(ctx.prisma, ctx.viewer, "revokeSession", "User", s.userId, { sessionId: id, kind: s.kind });
      ctx.pubsub.publish("sessionEnded", { userId: s.userId, sessionId: id });
      return s;
    },
  }),
}));
