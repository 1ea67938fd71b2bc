// People and units named while authoring: picked by id from the lists, or typed by name and created inline.
// Invariants: a typed name that already exists is that row (names are unique), never a duplicate; every
// inline creation is audited in the caller's transaction; an unknown id is a NotFoundError.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Viewer } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { audit } from "./audit.ts";

type Tx = Prisma.TransactionClient;

/** Exactly one of `id` (an existing row) or `name` (found or created). */
export interface Pick {
  id?: string | null;
  name?: string | null;
}

function pickName(p: Pick, path: string): string | null {
  if (p.id && p.name) throw new ValidationError(`${path}: give an id or a name, not both`, [{ path, message: "both" }]);
  if (p.id) return null;
  const name = p.name?.trim().replace(/\s+/g, " ") ?? "";
  if (name.length < 1 || name.length > 100) {
    throw new ValidationError(`${path}: a name of 1 to 100 characters`, [{ path, message: "empty or too long" }]);
  }
  return name;
}

export async function resolvePerson(tx: Tx, viewer: Viewer | null, p: Pick, path: string): Promise<string> {
  const name = pickName(p, path);
  if (name === null) {
    if (!(await tx.person.findUnique({ where: { id: p.id! }, select: { id: true } }))) {
      throw new NotFoundError("Person", p.id!);
    }
    return p.id!;
  }
  const found = await tx.person.findUnique({ where: { name }, select: { id: true } });
  if (found) return found.id;
  const created = await tx.person.create({ data: { name } });
  await audit(tx, viewer, "createPerson", "Person", created.id, { name, inline: true });
  return created.id;
}

export async function resolveUnit(tx: Tx, viewer: Viewer | null, p: Pick, path: string): Promise<string> {
  const name = pickName(p, path);
  if (name === null) {
    if (!(await tx.unit.findUnique({ where: { id: p.id! }, select: { id: true } }))) {
      throw new NotFoundError("Unit", p.id!);
    }
    return p.id!;
  }
  const found = await tx.unit.findUnique({ where: { name }, select: { id: true } });
  if (found) return found.id;
  const created = await tx.unit.create({ data: { name } });
  await audit(tx, viewer, "createUnit", "Unit", created.id, { name, inline: true });
  return created.id;
}

/** Resolves a list of unit picks, in order, without duplicates. */
export async function resolveUnits(tx: Tx, viewer: Viewer | null, picks: Pick[], path: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, p] of picks.entries()) {
    const id = await resolveUnit(tx, viewer, p, `${path}.${i}`);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
