/**
 * Writes src/api/schema.d.ts, the console's types for the management API, from the server's own
 * OpenAPI document. Run after changing a route:  npm run generate-api -w apps/console
 */
import { writeFileSync } from "node:fs";
import { renderApiSchema, schemaPath } from "./api-schema.js";

writeFileSync(schemaPath, await renderApiSchema());
process.stdout.write(`Wrote ${schemaPath}\n`);
