import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { format } from "prettier";
import { serverOpenApiDocument } from "./openapi-document.js";

export const schemaPath = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "api", "schema.d.ts");

const HEADER =
  "// Generated from the server's OpenAPI document by apps/console/scripts/generate-api.ts. Do not edit:\n" +
  "// run `npm run generate-api -w apps/console` after changing a route.\n\n";

/** The text schema.d.ts must hold for the server's current routes. */
export async function renderApiSchema(): Promise<string> {
  const document = await serverOpenApiDocument();
  // The version changes with releases, not with the API's shape.
  const info = document.info as Record<string, unknown>;
  const ast = await openapiTS({ ...document, info: { ...info, version: "current" } } as never, {
    alphabetize: true,
  });
  return format(HEADER + astToString(ast), { parser: "typescript", printWidth: 110 });
}
