// Relay global IDs in arguments: decode and check the type, so an id of the wrong kind is a clear error.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { ValidationError } from "../errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeId(globalId: string | number, typename: string): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(String(globalId));
  } catch {
    throw new ValidationError(`"${globalId}" is not a valid ${typename} id`, [{ path: "id", message: "malformed" }]);
  }
  if (decoded.typename !== typename || !UUID.test(decoded.id)) {
    throw new ValidationError(`"${globalId}" is not a ${typename} id`, [
      { path: "id", message: `expected ${typename}` },
    ]);
  }
  return decoded.id;
}
