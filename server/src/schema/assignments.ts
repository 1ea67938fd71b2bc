// Assignment and status mutations: lead leader, responsible and participating units, deadline; status with a reason.
// Supervisors assign; liaisons may move their own measures along the allowed transitions (domain/status.ts).
import { z } from "zod";
import { builder } from "../builder.ts";
import { ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from "../errors.ts";
import {
  assignMeasure,
  assignProblem,
  changeMeasureStatus,
  changeProblemStatus,
  type Assignment,
} from "../queries/ledger.ts";
import { decodeId } from "./ids.ts";
import { RectStatusEnum } from "./enums.ts";
import { decodeGlobalID } from "@pothos/plugin-relay";

const AssignmentInput = builder.inputType("AssignmentInput", {
  description: "Omitted fields stay as they are; null clears a field.",
  fields: (t) => ({
    leadLeaderId: t.id({ required: false }),
    responsibleUnitId: t.id({ required: false }),
    participantUnitIds: t.idList({ required: false }),
    deadline: t.field({ type: "Date", required: false }),
  }),
});

function toAssignment(input: typeof AssignmentInput.$inferInput): Assignment {
  const opt = (v: string | number | null | undefined, type: string) =>
    v === undefined ? undefined : v === null ? null : decodeId(v, type);
  return {
    leadLeaderId: opt(input.leadLeaderId, "Person"),
    responsibleUnitId: opt(input.responsibleUnitId, "Unit"),
    participantUnitIds: input.participantUnitIds?.map((id) => decodeId(id, "Unit")),
    deadline: input.deadline,
  };
}

function publish(
  ctx: Parameters<typeof assignProblem>[0],
  kind: "status" | "assignment",
  problemId: string,
  measureId: string | null,
) {
  ctx.pubsub.publish("ledger", { kind, problemId, measureId, at: new Date().toISOString() });
}

builder.mutationFields((t) => ({
  assignProblem: t.prismaField({
    type: "Problem",
    authScopes: { supervisor: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { id: t.arg.id(), assignment: t.arg({ type: AssignmentInput }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "Problem");
      await assignProblem(ctx, id, toAssignment(args.assignment));
      publish(ctx, "assignment", id, null);
      return ctx.prisma.problem.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  assignMeasure: t.prismaField({
    type: "Measure",
    authScopes: { supervisor: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { id: t.arg.id(), assignment: t.arg({ type: AssignmentInput }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(args.id, "Measure");
      const problemId = await assignMeasure(ctx, id, toAssignment(args.assignment));
      publish(ctx, "assignment", problemId, id);
      return ctx.prisma.measure.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  changeStatus: t.prismaField({
    type: "Problem",
    description:
      "Move a measure (or, for supervisors, a problem) to a new status, with the reason recorded. Returns the problem.",
    authScopes: { supervisor: true, liaison: true },
    errors: { types: [NotFoundError, ValidationError, InvalidTransitionError, ForbiddenError] },
    args: {
      id: t.arg.id({ description: "A Measure or Problem id" }),
      status: t.arg({ type: RectStatusEnum }),
      reason: t.arg.string({ validate: z.string().trim().min(2, "give a reason").max(2000) }),
    },
    resolve: async (query, _root, args, ctx) => {
      let typename: string;
      try {
        typename = decodeGlobalID(String(args.id)).typename;
      } catch {
        typename = "";
      }
      let problemId: string;
      if (typename === "Problem") {
        if (ctx.viewer?.role !== "ADMIN" && ctx.viewer?.role !== "SUPERVISOR") {
          throw new ForbiddenError("Only supervisors change a problem's status; units change their measures'");
        }
        problemId = decodeId(args.id, "Problem");
        await changeProblemStatus(ctx, problemId, args.status, args.reason);
        publish(ctx, "status", problemId, null);
      } else {
        const measureId = decodeId(args.id, "Measure");
        problemId = await changeMeasureStatus(ctx, measureId, args.status, args.reason);
        publish(ctx, "status", problemId, measureId);
      }
      return ctx.prisma.problem.findUniqueOrThrow({ ...query, where: { id: problemId } });
    },
  }),
}));
