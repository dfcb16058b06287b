import { Type, type TProperties, type TSchema } from "typebox";

/** Request bodies and query strings refuse fields they do not define. */
export const Strict = <P extends TProperties>(properties: P, options: { description?: string } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Id = Type.String({ format: "uuid", description: "A Meridian identifier (UUID)." });
export const Timestamp = Type.Integer({ description: "Unix time in milliseconds." });

export const IdParams = Strict({ id: Id });

export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, default: 50, description: "Items per page, 1 to 500." }),
  ),
  cursor: Type.Optional(
    Type.String({ maxLength: 1024, description: "`nextCursor` from the previous page." }),
  ),
};

export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Optional(
      Type.String({ description: "Pass back as `cursor` for the next page; absent on the last page." }),
    ),
  });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: "Stable machine-readable error code." }),
    detail: Type.String({ description: "What went wrong, in words a person can act on." }),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { description: "RFC 9457 problem details." },
);

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  422: Problem,
  429: Problem,
};

export const NoContent = Type.Null({ description: "No content." });
