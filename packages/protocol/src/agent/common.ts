import { Type, type TProperties } from "typebox";

/** Messages refuse fields they do not define: a misspelt field is an error, not silently ignored. */
export const Message = <P extends TProperties>(properties: P, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

export const Text = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) });

export const Timestamp = Type.Integer({ minimum: 0, description: "Unix time in milliseconds." });

export const Base64Url = (maxLength: number) => Type.String({ maxLength, pattern: "^[A-Za-z0-9_-]*$" });

export const AgentPlatform = Type.Enum(["android", "ios", "macos", "windows"]);
