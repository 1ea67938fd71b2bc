// Input rules of hand authoring (inspections, problems, measures), checked inside resolvers so that the role
// and row scope are checked first. Invariant: undefined = leave as is, null = clear (where a field may be empty).
import { z } from "zod";
import { ValidationError } from "../errors.ts";

export const INSPECTION_KINDS = ["巡视", "巡察", "专项巡察", "审计", "其他"] as const;

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);
const optText = (max: number) => z.string().trim().max(max, `at most ${max} characters`).nullish();
const day = z.date().nullish();

export const inspectionCreateSchema = z
  .object({
    kind: z.enum(INSPECTION_KINDS, { message: `one of ${INSPECTION_KINDS.join(" ")}` }),
    round: optText(100),
    team: text(100),
    inspectedBody: text(100),
    startDate: day,
    endDate: day,
    feedbackDate: day,
    rectificationEnd: day,
    published: z.boolean().nullish(),
  })
  .refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, {
    message: "the period ends before it starts",
    path: ["endDate"],
  });
export const inspectionPatchSchema = z.object({
  kind: z.enum(INSPECTION_KINDS, { message: `one of ${INSPECTION_KINDS.join(" ")}` }).optional(),
  round: optText(100),
  team: text(100).optional(),
  inspectedBody: text(100).optional(),
  startDate: day,
  endDate: day,
  feedbackDate: day,
  rectificationEnd: day,
  published: z.boolean().optional(),
});

export const problemCreateSchema = z.object({
  title: text(500),
  category: optText(200),
  body: z.string().trim().max(20_000).nullish(),
  section: z.enum(["COMPLETED", "CONTINUING"]).nullish(),
});
export const problemPatchSchema = z.object({
  title: text(500).optional(),
  category: optText(200),
  body: z.string().trim().max(20_000).optional(),
  section: z.enum(["COMPLETED", "CONTINUING"]).optional(),
});

export const measureTextSchema = z.object({
  text: text(5000).optional(),
  subPoints: z.array(text(2000)).max(50, "at most 50 sub-points").nullish(),
});

/** Parses with a zod schema; failures become one ValidationError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = "input"): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].join("."),
    message: i.message,
  }));
  throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
}

/** A deadline and 长期坚持 exclude each other; returns the columns to write (undefined = unchanged). */
export function deadlineColumns(input: { deadline?: Date | null; longTerm?: boolean | null }) {
  if (input.longTerm && input.deadline) {
    throw new ValidationError("A long-term (长期坚持) measure has no deadline", [
      { path: "deadline", message: "given with longTerm" },
    ]);
  }
  if (input.longTerm === true) return { longTerm: true, deadline: null };
  if (input.deadline) return { longTerm: false, deadline: input.deadline };
  return {
    ...(input.longTerm === false ? { longTerm: false } : {}),
    ...(input.deadline === null ? { deadline: null } : {}),
  };
}
