/** Bounds on what one device message may cost to decode. */
export interface PlistLimits {
  /** Largest body accepted, in bytes. */
  maxBytes?: number;
  /** Deepest nesting of dictionaries and arrays. */
  maxDepth?: number;
  /** Most values (scalars and containers) in one document. */
  maxObjects?: number;
}

export type ResolvedLimits = Required<PlistLimits>;

// A full InstalledApplicationList from a busy Mac stays well inside these; an attacker's body does not.
export const DEFAULT_LIMITS: ResolvedLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxDepth: 32,
  maxObjects: 1 << 16,
};

export function resolveLimits(limits: PlistLimits = {}): ResolvedLimits {
  return {
    maxBytes: limits.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxDepth: limits.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxObjects: limits.maxObjects ?? DEFAULT_LIMITS.maxObjects,
  };
}
