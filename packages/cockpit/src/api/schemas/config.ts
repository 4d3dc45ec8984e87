import * as z from 'zod/mini';

/*
 * Config versions, simulations and customers as the server answers them (see the
 * server's API contract). The config itself stays `unknown` here: the server
 * validates it with the core's `parseConfig`, and the editor checks it against the
 * JSON Schema.
 */

const configObject = z.record(z.string(), z.unknown());

export const versionEntrySchema = z.object({
  version: z.string(),
  createdAt: z.number(),
  author: z.string(),
  note: z.nullable(z.optional(z.string())),
  live: z.boolean(),
  rollbackOf: z.nullable(z.optional(z.string())),
});
export type VersionEntry = z.infer<typeof versionEntrySchema>;

export const versionsSchema = z.object({ versions: z.array(versionEntrySchema) });

export const storedVersionSchema = z.object({ version: z.string(), createdAt: z.number(), author: z.string(), config: configObject });

export const publishedSchema = z.object({ version: z.string(), live: z.boolean() });
export type Published = z.infer<typeof publishedSchema>;

export const liveConfigSchema = configObject;
export type ConfigJson = z.infer<typeof configObject>;

export const issuesSchema = z.array(z.object({ path: z.string(), message: z.string() }));
export type ConfigIssue = z.infer<typeof issuesSchema>[number];
