// A problem's public page and QR poster are addressed by the lowercase UUID inside its Relay id.
import { describe, expect, it } from "vitest";
import { publicProblemUrls } from "./public-urls.ts";

describe("publicProblemUrls", () => {
  it("decodes the Relay id", () => {
    const uuid = "3f2c1d0e-9b8a-4c7d-8e6f-5a4b3c2d1e0f";
    expect(publicProblemUrls({ id: btoa(`Problem:${uuid.toUpperCase()}`) })).toEqual({
      page: `/public/problems/${uuid}`,
      poster: `/qr/problems/${uuid}`,
    });
    expect(publicProblemUrls({ id: "ignored", rawId: uuid }).page).toBe(`/public/problems/${uuid}`);
  });
});
