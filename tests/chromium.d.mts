/** Debian's Chromium, which every browser suite drives. */
export declare const CHROMIUM: string;
/** Headless, and quiet on a closed network. */
export declare const CHROMIUM_ARGS: string[];
/** The Chromium path; installs it when running as root, else fails saying what to install. `suite` names who needs it. */
export declare function ensureChromium(suite: string): string;
