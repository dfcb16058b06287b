/** Where the command-line bundle is written. */
export declare const bundlePath: string;
/** True when the bundle was built from the current sources and install, in this checkout. */
export declare function bundleIsFresh(): boolean;
/** Builds the bundle (safe to run from several processes at once). */
export declare function buildBundle(): Promise<void>;
