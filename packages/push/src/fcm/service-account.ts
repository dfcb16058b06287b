import { createPrivateKey, type KeyObject } from "node:crypto";
import { PushError } from "../errors.js";

/** The fields of a Google service-account key file that FCM needs. */
export interface ServiceAccount {
  clientEmail: string;
  privateKey: KeyObject;
  privateKeyId: string | undefined;
  tokenUri: string;
  projectId: string;
}

const DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";

/** Reads the JSON key file (as text or parsed); throws a PushError naming what is missing. */
export function readServiceAccount(json: string | Record<string, unknown>): ServiceAccount {
  let parsed: Record<string, unknown>;
  try {
    parsed = typeof json === "string" ? (JSON.parse(json) as Record<string, unknown>) : json;
  } catch (cause) {
    throw new PushError("invalid_credentials", "The FCM service-account key is not JSON.", { cause });
  }
  const field = (name: string) =>
    typeof parsed[name] === "string" && parsed[name] !== "" ? parsed[name] : undefined;
  const missing = ["client_email", "private_key", "project_id"].filter((name) => !field(name));
  if (missing.length > 0)
    throw new PushError(
      "invalid_credentials",
      `The FCM service-account key lacks ${missing.join(", ")}: download a new JSON key for the project's service account.`,
    );
  if (parsed.type !== undefined && parsed.type !== "service_account")
    throw new PushError(
      "invalid_credentials",
      `The FCM key is of type "${String(parsed.type)}", not "service_account".`,
    );
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(field("private_key")!);
  } catch (cause) {
    throw new PushError(
      "invalid_credentials",
      "The FCM service-account private_key is not a readable PEM key.",
      {
        cause,
      },
    );
  }
  if (privateKey.asymmetricKeyType !== "rsa")
    throw new PushError("invalid_credentials", "The FCM service-account private_key must be an RSA key.");
  return {
    clientEmail: field("client_email")!,
    privateKey,
    privateKeyId: field("private_key_id"),
    tokenUri: field("token_uri") ?? DEFAULT_TOKEN_URI,
    projectId: field("project_id")!,
  };
}
