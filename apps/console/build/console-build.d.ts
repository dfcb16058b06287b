/** The console's production build, served by the server under /console. */
export declare const consoleDistDir: string;
/** True when dist/ was built after every source, setting and install it depends on. */
export declare function consoleIsFresh(): boolean;
/** Builds the console into dist/ (safe to run from several processes at once). */
export declare function buildConsole(): Promise<void>;
