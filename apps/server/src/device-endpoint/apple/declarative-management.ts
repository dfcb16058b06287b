import type { MdmAnswer } from "./checkin.js";

/**
 * Declarative device management, at its smallest: no declarations yet. The sync token is fixed
 * while the set of declarations is, so a device that synced once does not fetch again; status
 * reports are accepted (the device keeps sending them until one is taken).
 */
const DECLARATIONS_TOKEN = "meridian-declarations-none-v1";
const SINCE = "2026-01-01T00:00:00Z";

const json = (value: unknown): MdmAnswer => ({
  status: 200,
  contentType: "application/json",
  body: JSON.stringify(value),
});

export function declarativeManagement(endpoint: string): MdmAnswer {
  switch (endpoint) {
    case "tokens":
      return json({ SyncTokens: { DeclarationsToken: DECLARATIONS_TOKEN, Timestamp: SINCE } });
    case "declaration-items":
      return json({
        Declarations: { Activations: [], Assets: [], Configurations: [], Management: [] },
        DeclarationsToken: DECLARATIONS_TOKEN,
      });
    case "status":
      return { status: 200 };
    default:
      return {
        status: 404,
        contentType: "text/plain; charset=utf-8",
        body: `No declaration is served at ${endpoint}.`,
      };
  }
}
