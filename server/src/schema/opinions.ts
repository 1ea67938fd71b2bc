// Public opinions (意见建议): anyone may send one about a published problem or a unit; supervisors triage and answer.
import { z } from "zod";
import { builder } from "../builder.ts";
import { NotFoundError, RateLimitedError, ValidationError } from "../errors.ts";
import { answerOpinion, submitOpinion } from "../queries/opinions.ts";
import { decodeId } from "./ids.ts";

const OpinionStatusEnum = builder.enumType("OpinionStatus", {
  description: "Where a public opinion stands.",
  values: ["NEW", "TRIAGED", "ANSWERED", "DISMISSED"] as const,
});

builder.prismaNode("Opinion", {
  id: { field: "id" },
  description: "An opinion or report sent by the public about a problem or a unit.",
  authScopes: { supervisor: true },
  fields: (t) => ({
    text: t.exposeString("text"),
    name: t.exposeString("name", { nullable: true }),
    contact: t.exposeString("contact", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    status: t.expose("status", { type: OpinionStatusEnum }),
    answer: t.exposeString("answer", { nullable: true }),
    answeredAt: t.expose("answeredAt", { type: "DateTime", nullable: true }),
    problem: t.relation("problem", { nullable: true }),
    unit: t.relation("unit", { nullable: true }),
  }),
});

const SubmitOpinionPayload = builder.objectRef<{ id: string }>("SubmitOpinionPayload").implement({
  description: "An opinion was received.",
  fields: (t) => ({ received: t.boolean({ resolve: () => true }) }),
});

builder.queryFields((t) => ({
  opinions: t.prismaConnection({
    type: "Opinion",
    cursor: "id",
    description: "Opinions from the public, newest first.",
    authScopes: { supervisor: true },
    args: { status: t.arg({ type: OpinionStatusEnum, required: false }) },
    totalCount: (_c, a, ctx) => ctx.prisma.opinion.count({ where: a.status ? { status: a.status } : {} }),
    resolve: (query, _r, a, ctx) =>
      ctx.prisma.opinion.findMany({
        ...query,
        where: a.status ? { status: a.status } : {},
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      }),
  }),
}));

builder.mutationFields((t) => ({
  submitOpinion: t.field({
    type: SubmitOpinionPayload,
    description: "Anyone, without logging in, sends an opinion about a published problem or a unit (rate-limited).",
    errors: { types: [ValidationError, NotFoundError, RateLimitedError] },
    args: {
      problemId: t.arg.id({ required: false }),
      unitId: t.arg.id({ required: false }),
      name: t.arg.string({ required: false }),
      contact: t.arg.string({ required: false }),
      text: t.arg.string(),
    },
    resolve: async (_r, a, ctx) => {
      const o = await submitOpinion(
        ctx.prisma,
        {
          problemId: a.problemId ? decodeId(a.problemId, "Problem") : null,
          unitId: a.unitId ? decodeId(a.unitId, "Unit") : null,
          name: a.name,
          contact: a.contact,
          text: a.text,
        },
        ctx.clientAddress,
      );
      return { id: o.id };
    },
  }),
  answerOpinion: t.prismaField({
    type: "Opinion",
    description: "A supervisor triages, answers or dismisses a public opinion.",
    authScopes: { supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      id: t.arg.id(),
      status: t.arg({ type: OpinionStatusEnum }),
      answer: t.arg.string({ required: false, validate: z.string().max(5000).nullish() }),
    },
    resolve: async (query, _r, a, ctx) => {
      if (a.status === "NEW")
        throw new ValidationError("An opinion cannot go back to NEW", [{ path: "status", message: "NEW" }]);
      const id = decodeId(a.id, "Opinion");
      await answerOpinion(ctx.prisma, ctx.viewer!, id, a.status, a.answer ?? null);
      return ctx.prisma.opinion.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
