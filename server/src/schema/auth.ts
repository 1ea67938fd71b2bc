// Login and logout: an HttpOnly SameSite session cookie for the PWA, bearer tokens for API clients.
// Invariant: a failed login says nothing about whether the user exists; tokens are shown once, stored hashed.
import { z } from "zod";
import { builder } from "../builder.ts";
import { BadCredentialsError, RateLimitedError, ValidationError } from "../errors.ts";
import { issueSession, revokeSession } from "../auth/sessions.ts";
import { loginSucceeded, reserveLoginAttempt } from "../auth/login-limiter.ts";
import { recordLoginFailure } from "../auth/login-failures.ts";
import { audit } from "../queries/audit.ts";
import { authenticate } from "../queries/users.ts";

const credentials = z.object({
  username: z.string().trim().min(1, "required").max(64, "at most 64 characters"),
  password: z.string().min(1, "required").max(200, "at most 200 characters"),
});

const CredentialKind = builder.enumType("CredentialKind", {
  description: "How a login is carried: a session cookie (PWA) or a bearer token (API clients).",
  values: { COOKIE: { description: "HttpOnly session cookie (the PWA)" }, BEARER: { description: "API token" } },
});

interface LoginResult {
  userId: string;
  token: string | null;
  expiresAt: Date;
}

const LoginPayload = builder.objectRef<LoginResult>("LoginPayload").implement({
  description: "A successful login.",
  fields: (t) => ({
    user: t.prismaField({
      type: "User",
      resolve: (query, r, _a, ctx) => ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: r.userId } }),
    }),
    token: t.exposeString("token", {
      nullable: true,
      description: "The bearer token (BEARER only). Shown once; send it as `Authorization: Bearer <token>`.",
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
  }),
});

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    errors: { types: [BadCredentialsError, RateLimitedError, ValidationError] },
    args: {
      // Checked in the resolver, not by argument validation: that runs before any scope check and, for everyone
      // else, is refused to anonymous callers (see builder.ts), while login is for anonymous callers.
      username: t.arg.string(),
      password: t.arg.string(),
      credential: t.arg({ type: CredentialKind, required: false, defaultValue: "COOKIE" }),
    },
    resolve: async (_root, args, ctx) => {
      const parsed = credentials.safeParse(args);
      if (!parsed.success) {
        throw new ValidationError("Enter a user name and a password", [
          ...parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        ]);
      }
      // Reserve the attempt first: parallel guesses are each counted before any password hash runs.
      const keys = await reserveLoginAttempt(ctx.prisma, ctx.security.login, args.username, ctx.clientAddress);
      let user;
      try {
        user = await authenticate(ctx.prisma, args.username, args.password);
      } catch (err) {
        if (err instanceof BadCredentialsError) await recordLoginFailure(ctx.prisma, args.username, ctx.clientAddress);
        throw err;
      }
      await loginSucceeded(ctx.prisma, keys);
      const kind = args.credential === "BEARER" ? "bearer" : "cookie";
      const { token, expiresAt } = await issueSession(ctx.prisma, user.id, kind, ctx.security);
      if (kind === "cookie") ctx.cookies.set(token, expiresAt);
      // The rest of this response (e.g. the payload's user) is read as the user who just logged in.
      ctx.viewer = {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        unitId: user.unitId,
      };
      await audit(ctx.prisma, { ...user }, "login", "User", user.id, { credential: kind });
      return { userId: user.id, token: kind === "bearer" ? token : null, expiresAt };
    },
  }),
  logout: t.boolean({
    authScopes: { loggedIn: true },
    description: "Ends the current session (cookie or bearer token).",
    resolve: async (_root, _args, ctx) => {
      if (ctx.token) await revokeSession(ctx.prisma, ctx.token);
      if (ctx.viewer && ctx.sessionId)
        ctx.pubsub.publish("sessionEnded", { userId: ctx.viewer.id, sessionId: ctx.sessionId });
      ctx.cookies.clear();
      await audit(ctx.prisma, ctx.viewer, "logout", "User", ctx.viewer?.id ?? null);
      return true;
    },
  }),
}));
