// Traffic-light thresholds (Setting table): missing or malformed values read as defaults; writes validated and audited.
import { z } from "zod";
import type { PrismaClient } from "../db.ts";
import type { Context } from "../context.ts";
import { DEFAULT_THRESHOLDS, DUE_SOON_MAX, DUE_SOON_MIN, type Thresholds } from "../domain/traffic-light.ts";
import { audit } from "./audit.ts";

export const TRAFFIC_LIGHT_KEY = "trafficLight";

export const dueSoonDaysSchema = z
  .number()
  .int()
  .min(DUE_SOON_MIN, `dueSoonDays must be at least ${DUE_SOON_MIN}`)
  .max(DUE_SOON_MAX, `dueSoonDays must be at most ${DUE_SOON_MAX}`);

const stored = z.object({ dueSoonDays: dueSoonDaysSchema });

export async function readTrafficLightThresholds(prisma: PrismaClient): Promise<Thresholds> {
  const row = await prisma.setting.findUnique({ where: { key: TRAFFIC_LIGHT_KEY } });
  const parsed = stored.safeParse(row?.value);
  return parsed.success ? { ...DEFAULT_THRESHOLDS, ...parsed.data } : { ...DEFAULT_THRESHOLDS };
}

// One read per request however many `light` fields a query asks for; keyed by the request's context object.
const perRequest = new WeakMap<Context, Promise<Thresholds>>();

export function thresholdsFor(ctx: Context): Promise<Thresholds> {
  let p = perRequest.get(ctx);
  if (!p) {
    p = readTrafficLightThresholds(ctx.prisma);
    perRequest.set(ctx, p);
  }
  return p;
}

export async function setTrafficLightThresholds(ctx: Context, dueSoonDays: number): Promise<Thresholds> {
  const value: Thresholds = { dueSoonDays: dueSoonDaysSchema.parse(dueSoonDays) };
  await ctx.prisma.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: TRAFFIC_LIGHT_KEY } });
    await tx.setting.upsert({
      where: { key: TRAFFIC_LIGHT_KEY },
      create: { key: TRAFFIC_LIGHT_KEY, value: { ...value } },
      update: { value: { ...value } },
    });
    await audit(tx, ctx.viewer, "setTrafficLightThresholds", "Setting", TRAFFIC_LIGHT_KEY, {
      before: before?.value ?? null,
      after: { ...value },
    });
  });
  perRequest.set(ctx, Promise.resolve(value));
  return value;
}
