// Opinions from the public (意见建议) about a published problem or a unit: validated, rate-limited per sender
// without storing the sender's address (a salted hash instead), and triaged and answered by supervisors.
// Invariants: only items of published inspections can be commented on; a rejected submission writes nothing.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "../db.ts";
import type { Viewer } from "../context.ts";
import { NotFoundError, RateLimitedError, ValidationError } from "../errors.ts";
import { audit } from "./audit.ts";
import { PUBLIC_PROBLEM } from "./visibility.ts";
import { reserveInWindow } from "../security/rate-limit.ts";

export const OPINIONS_PER_HOUR = 5;

export const opinionSchema = z.object({
  problemId: z.guid().nullish(),
  unitId: z.guid().nullish(),
  name: z.string().trim().max(50, "姓名最多50字").nullish(),
  contact: z
    .string()
    .trim()
    .max(100, "联系方式最多100字")
    .refine(
      (v) => v === "" || /^[\d\s+()-]{5,30}$/.test(v) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      "请填写电话号码或电子邮箱",
    )
    .nullish(),
  text: z.string().trim().min(5, "意见内容至少5个字").max(2000, "意见内容最多2000字"),
});
export type OpinionInput = z.input<typeof opinionSchema>;

const salts = new WeakMap<PrismaClient, Promise<string>>();

/** A per-installation random salt, kept in the settings table so rate limits survive restarts. */
function installationSalt(prisma: PrismaClient): Promise<string> {
  let salt = salts.get(prisma);
  if (!salt) {
    salt = prisma.setting
      .upsert({
        where: { key: "opinionSalt" },
        create: { key: "opinionSalt", value: randomBytes(16).toString("hex") },
        update: {},
      })
      .then((row) => String(row.value));
    salts.set(prisma, salt);
  }
  return salt;
}

export async function submitOpinion(prisma: PrismaClient, input: OpinionInput, source: string) {
  const parsed = opinionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new ValidationError(issues.map((i) => i.message).join("；"), issues);
  }
  const o = parsed.data;
  if (!o.problemId && !o.unitId) {
    throw new ValidationError("请说明意见针对的问题或单位", [{ path: "problemId", message: "required" }]);
  }
  if (o.problemId) {
    const p = await prisma.problem.findFirst({
      where: { id: o.problemId, ...PUBLIC_PROBLEM },
      select: { id: true },
    });
    if (!p) throw new NotFoundError("Problem", o.problemId);
  }
  if (o.unitId && !(await prisma.unit.findUnique({ where: { id: o.unitId }, select: { id: true } }))) {
    throw new NotFoundError("Unit", o.unitId);
  }
  const sourceHash = createHash("sha256")
    .update(`${await installationSalt(prisma)}:${source}`)
    .digest("hex");
  // Reserved atomically in the database before storing, so concurrent submissions cannot all pass the count.
  const slot = await reserveInWindow(prisma, `opinion:${sourceHash}`, OPINIONS_PER_HOUR, 3600_000);
  if (!slot.allowed) throw new RateLimitedError(slot.retryAfterSeconds);
  const opinion = await prisma.opinion.create({
    data: {
      problemId: o.problemId ?? null,
      unitId: o.unitId ?? null,
      name: o.name || null,
      contact: o.contact || null,
      text: o.text,
      sourceHash,
    },
  });
  await audit(prisma, null, "submitOpinion", "Opinion", opinion.id, {
    problemId: opinion.problemId,
    unitId: opinion.unitId,
  });
  return opinion;
}

export async function answerOpinion(
  prisma: PrismaClient,
  viewer: Viewer,
  id: string,
  status: "TRIAGED" | "ANSWERED" | "DISMISSED",
  answer: string | null,
) {
  if (status === "ANSWERED" && !answer?.trim()) {
    throw new ValidationError("An answer needs its text", [{ path: "answer", message: "required" }]);
  }
  return prisma.$transaction(async (tx) => {
    const o = await tx.opinion.findUnique({ where: { id } });
    if (!o) throw new NotFoundError("Opinion", id);
    const updated = await tx.opinion.update({
      where: { id },
      data: {
        status,
        ...(answer?.trim() ? { answer: answer.trim(), answeredById: viewer.id, answeredAt: new Date() } : {}),
      },
    });
    await audit(tx, viewer, "answerOpinion", "Opinion", id, { status });
    return updated;
  });
}
