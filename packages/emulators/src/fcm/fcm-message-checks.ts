/** Why FCM would refuse this v1 Message with INVALID_ARGUMENT, or undefined when it is acceptable. */
export function checkMessage(message: unknown): string | undefined {
  if (typeof message !== "object" || message === null)
    return "Request contains an invalid argument: message is required.";
  const { token, topic, condition, data, android } = message as Record<string, unknown>;
  const targets = [token, topic, condition].filter((target) => target !== undefined);
  if (targets.length === 0) return "Recipient of the message is not set.";
  if (targets.length > 1) return "Exactly one of token, topic or condition must be set.";
  if (data !== undefined) {
    if (typeof data !== "object" || data === null) return "Invalid value at 'message.data'.";
    for (const [key, value] of Object.entries(data))
      if (typeof value !== "string") return `Invalid value at 'message.data[${key}].value' (TYPE_STRING).`;
  }
  if (android !== undefined) {
    const { priority, ttl } = android as Record<string, unknown>;
    if (priority !== undefined && priority !== "NORMAL" && priority !== "HIGH")
      return `Invalid value at 'message.android.priority' (${String(priority)}).`;
    if (ttl !== undefined) {
      const match = typeof ttl === "string" ? /^(\d+)(\.\d{1,9})?s$/.exec(ttl) : null;
      if (!match)
        return "Invalid value at 'message.android.ttl' (type.googleapis.com/google.protobuf.Duration).";
      if (Number(match[1]) > 2_419_200) return "The TTL is longer than the maximum of 4 weeks.";
    }
  }
  return undefined;
}
