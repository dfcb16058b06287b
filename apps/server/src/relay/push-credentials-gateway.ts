import { MeridianError, type PushCredentialsGateway } from "@meridian/core";
import type { PushCredentials } from "@meridian/protocol";
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
    list: () => translated(() => api.listPushCredentials()),
    set: (credentials) => translated(() => api.setPushCredentials(credentials as unknown as PushCredentials)),
    remove: (service) => translated(() => api.removePushCredentials(service)),
  };
}
