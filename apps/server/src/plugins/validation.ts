import ajv, { type Options } from "ajv";
import ajvFormats from "ajv-formats";
import type { FastifyInstance } from "fastify";

// ajv and ajv-formats are CommonJS: under Node's ESM their exports are the `default` property.
const Ajv = ajv.default;
const addFormats = ajvFormats.default;

const common: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/**
 * Bodies are checked exactly as sent: a string where a number belongs is an error, not something to
 * coerce, and unknown fields are refused rather than silently dropped. Query strings and path
 * parameters arrive as text, so they are coerced to the declared types.
 */
export function useStrictValidation(app: FastifyInstance): void {
  const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
  const textAjv = addFormats(new Ajv({ ...common, coerceTypes: "array" }));
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === "body" ? bodyAjv : textAjv;
    return ajv.compile(schema);
  });
}
