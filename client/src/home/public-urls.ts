// Where the server publishes a problem (党务公开) and its QR poster: at its database UUID, the Relay id decoded.
import { rawId, type WsProblem } from "../cache/working-set.ts";

export function publicProblemUrls(problem: Pick<WsProblem, "id"> & Partial<Pick<WsProblem, "rawId">>) {
  const uuid = problem.rawId || rawId(problem.id);
  return { page: `/public/problems/${uuid}`, poster: `/qr/problems/${uuid}` };
}
