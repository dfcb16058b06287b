import { MeridianError, type HeldPushCredentials, type PushCredentialsGateway } from "@meridian/core";
import type { PushCredentials, PushCredentialsStatus } from "@meridian/protocol";
import { RelayApiError, type RelayApiClient } from "./relay-api-client.js";

/** The relay's push credentials store, as the core sees it; the relay's refusals keep their code and words. */
export function pushCredentialsAtRelay(api: RelayApiClient): PushCredentialsGateway {
  const translated = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof RelayApiError && error.status === 422)
        throw new MeridianError("invalid", error.code, error.message);
      if (error instanceof RelayApiError && error.status === 404)
        throw new MeridianError("not_found", error.code, error.message);
      throw new MeridianError(
        "unavailable",
        "relay_unavailable",
        `The relay did not answer: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  };
  return {
    list: async (scope) => (await translated(() => api.listPushCredentials(scope))).map(held),
    set: async (credentials, scope) =>
      held(await translated(() => api.setPushCredentials(credentials as unknown as PushCredentials, scope))),
    remove: (service, scope) => translated(() => api.removePushCredentials(service, scope)),
  };
}

/** The relay leaves out the scope of the server's own credentials (and a relay from before scopes knows none). */
const held = ({ scope, ...status }: PushCredentialsStatus): HeldPushCredentials => ({
  ...status,
  scope: scope ?? "",
});
