import { webcrypto } from "node:crypto";
import * as pkijs from "pkijs";

let engineSet = false;

/**
 * pkijs signs and hashes through one global engine. It is set to Node's WebCrypto on first use rather
 * than at import, so loading the package has no side effect on other pkijs users in the process.
 */
export function pkijsWithEngine(): typeof pkijs {
  if (!engineSet) {
    pkijs.setEngine(
      "node-webcrypto",
      new pkijs.CryptoEngine({
        name: "node-webcrypto",
        crypto: webcrypto as unknown as pkijs.CryptoEngineParameters["crypto"],
      }),
    );
    engineSet = true;
  }
  return pkijs;
}
