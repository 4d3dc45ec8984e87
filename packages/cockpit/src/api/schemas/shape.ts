import type * as z from 'zod/mini';

/**
 * Returns the schema unchanged, and fails to compile when what it parses is not
 * assignable to `T`: the cockpit's boundary schemas stay in step with the types
 * of the core and the server they describe.
 */
export const shapeOf =
  <T>() =>
  <S extends z.ZodMiniType<T>>(schema: S): S =>
    schema;

/**
 * Returns the schema unchanged, and fails to compile when a `T` would not pass it:
 * the schema asks for nothing the type it reads lacks.
 */
export const accepting =
  <T>() =>
  <S extends z.ZodMiniType>(schema: S & (T extends z.infer<S> ? unknown : never)): S =>
    schema;
