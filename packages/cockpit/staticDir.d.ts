/** The built cockpit (`dist/`), for `@upgradekit/server`'s `staticDir` option. */
export declare const cockpitStaticDir: string;
