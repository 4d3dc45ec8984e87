/*
 * Bundlers replace `process.env.NODE_ENV` with a string literal, so code behind
 * `process.env.NODE_ENV !== 'production'` (validation of trusted configs, warnings
 * about developer mistakes) drops out of production builds. This declares just that,
 * for builds without Node's types; Node itself has the real `process`.
 */
declare const process: { env: { NODE_ENV?: string } };
