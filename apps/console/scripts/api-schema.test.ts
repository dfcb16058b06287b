import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderApiSchema, schemaPath } from "./api-schema.js";

describe("the console's API types", () => {
  it("match the server's current OpenAPI document (run `npm run generate-api -w apps/console` when this fails)", async () => {
    const committed = readFileSync(schemaPath, "utf8");
    expect(committed === (await renderApiSchema()), "apps/console/src/api/schema.d.ts is stale").toBe(true);
  });
});
