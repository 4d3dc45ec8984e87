/* Modules the bundler provides. */
declare module '*.css';

declare module '@upgradekit/core/config.schema.json' {
  /** The config's JSON Schema, written by the core's build from the zod schema. */
  const schema: Record<string, unknown>;
  export default schema;
}
