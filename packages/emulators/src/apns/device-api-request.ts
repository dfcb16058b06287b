/** What the device-facing API accepts, checked before anything is registered or subscribed. */

export const MAX_REGISTRATIONS_PER_CALL = 10_000;
export const MAX_TOKENS_PER_STREAM = 100_000;
/** 100,000 tokens of 64 hex digits, quoted and comma-separated, with room for whitespace. */
export const MAX_DEVICE_API_BODY = 8 * 1024 * 1024;

export interface DeviceApiError {
  status: number;
  reason: string;
  message: string;
  tokens?: string[];
}

const DEVICE_TOKEN = /^[0-9a-f]{64}$/i;
const fail = (status: number, reason: string, message: string): DeviceApiError => ({
  status,
  reason,
  message,
});

function parseObject(body: string): Record<string, unknown> | DeviceApiError {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return fail(400, "BadJson", "The request body is not JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return fail(400, "BadJson", "The request body must be a JSON object.");
  return value as Record<string, unknown>;
}

export function parseRegistration(body: string): { topic: string; count: number } | DeviceApiError {
  const value = parseObject(body);
  if ("status" in value) return value as DeviceApiError;
  const { topic, count } = value;
  if (typeof topic !== "string" || topic === "" || topic.length > 255)
    return fail(400, "BadTopic", '"topic" must be the app\'s bundle ID or the MDM push topic.');
  if (!Number.isInteger(count) || (count as number) < 1)
    return fail(400, "BadCount", '"count" must be a whole number of devices, at least 1.');
  if ((count as number) > MAX_REGISTRATIONS_PER_CALL)
    return fail(
      413,
      "TooManyDevices",
      `At most ${MAX_REGISTRATIONS_PER_CALL} devices per call; register more in several calls.`,
    );
  return { topic, count: count as number };
}

/**
 * The tokens a stream listens for, lower-cased and without repeats. Unknown tokens are refused, not
 * ignored: a simulator listening on tokens this emulator never issued would wait forever in silence.
 */
export function parseSubscription(
  body: string,
  isKnown: (token: string) => boolean,
): { tokens: Set<string> } | DeviceApiError {
  const value = parseObject(body);
  if ("status" in value) return value as DeviceApiError;
  const list = value.tokens;
  if (!Array.isArray(list) || list.length === 0)
    return fail(400, "BadTokens", '"tokens" must be a non-empty array of device tokens.');
  if (list.length > MAX_TOKENS_PER_STREAM)
    return fail(
      413,
      "TooManyTokens",
      `At most ${MAX_TOKENS_PER_STREAM} tokens per stream; open another stream for the rest.`,
    );
  const tokens = new Set<string>();
  const unknown: string[] = [];
  for (const token of list) {
    if (typeof token !== "string" || !DEVICE_TOKEN.test(token))
      return fail(400, "BadDeviceToken", `${JSON.stringify(token)} is not 64 hexadecimal digits.`);
    const lower = token.toLowerCase();
    if (!isKnown(lower)) unknown.push(lower);
    tokens.add(lower);
  }
  if (unknown.length > 0)
    return {
      ...fail(
        400,
        "UnknownDeviceToken",
        `${unknown.length} token(s) were never registered with this emulator (POST /emulator/v1/devices).`,
      ),
      tokens: unknown.slice(0, 10),
    };
  return { tokens };
}
