import type { Clock } from "../clock.js";

export interface AccessToken {
  value: string;
  /** Epoch ms after which the service will refuse it. */
  expiresAt: number;
}

/**
 * An OAuth access token shared by every request: fetched once, reused until shortly before it
 * expires, fetched once again however many requests are waiting, and dropped when the service
 * refuses it (a key rotated early, an emulator restarted).
 */
export class AccessTokenCache {
  private current: AccessToken | undefined;
  private pending: Promise<AccessToken> | undefined;
  /** Tokens fetched so far: tests and metrics read it to prove the cache works. */
  fetches = 0;

  constructor(
    private readonly fetchToken: () => Promise<AccessToken>,
    private readonly clock: Clock,
    /** Renew this long before expiry, so a request never leaves with a token about to lapse. */
    private readonly renewBeforeMs = 5 * 60_000,
  ) {}

  async get(): Promise<AccessToken> {
    const token = this.current;
    if (token && this.clock.now() < token.expiresAt - this.renewBeforeMs) return token;
    this.pending ??= this.fetchToken().then(
      (fresh) => {
        this.fetches++;
        this.current = fresh;
        this.pending = undefined;
        return fresh;
      },
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  /** Forget `token` if it is still the cached one: the service said it is no longer good. */
  invalidate(token: AccessToken): void {
    if (this.current === token) this.current = undefined;
  }
}
