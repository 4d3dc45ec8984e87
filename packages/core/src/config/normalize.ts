import type { Config, ConfigInput } from './schema.js';

/** A copy of a record without a prototype: a key such as `constructor` must not find `Object.prototype`'s. */
export function ownRecord<T>(record: Readonly<Record<string, T>> | undefined): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

/**
 * A config with its defaults applied, trusted as it is: what production builds do
 * with a config authored in TypeScript (checked by the compiler and by `parseConfig`
 * in development and tests), so that validation code never weighs on the page.
 * `parseConfig` ends here too, so both paths give the same config.
 */
export function normalizeConfig(input: ConfigInput): Config {
  return {
    ...input,
    features: ownRecord(input.features),
    plans: input.plans.map((plan) => ({ ...plan, grants: ownRecord(plan.grants) })),
    addOns: (input.addOns ?? []).map((addOn) => ({ ...addOn, grants: ownRecord(addOn.grants) })),
    trials: [...(input.trials ?? [])],
    triggers: [...(input.triggers ?? [])],
    policy: input.policy ?? {},
  } as Config;
}

/** The feature of an id, only when the id is a string the config defines (never a prototype member, never a hostile object). */
export function featureOf(config: Config, featureId: unknown): Config['features'][string] | undefined {
  return typeof featureId === 'string' && Object.hasOwn(config.features, featureId) ? config.features[featureId] : undefined;
}

/** Identity at run time; gives TypeScript authors autocomplete and typed feature ids. */
export function defineConfig<const C extends ConfigInput>(config: C): C {
  return config;
}
