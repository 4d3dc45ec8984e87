import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../config/jsonSchema.js';
import { defineConfig } from '../config/normalize.js';
import { assertConfig, parseConfig, UpgradeKitConfigError } from '../config/parseConfig.js';
import { saasConfig } from './fixtures.js';

interface ErrorCase {
  name: string;
  /** Values to put at paths written like the error paths: `plans[1].grants.apiCalls`. */
  set?: Record<string, unknown>;
  unset?: string[];
  errors: string[];
}

const readCases = <T>(file: string): T => JSON.parse(readFileSync(new URL(`./cases/${file}`, import.meta.url), 'utf8')) as T;
const { base, cases } = readCases<{ base: Record<string, unknown>; cases: ErrorCase[] }>('config-errors.json');
const { configs: checkConfigs } = readCases<{ configs: Record<string, unknown> }>('check.json');

function keysOf(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) => (index === undefined ? key! : Number(index)));
}

/** A copy of `input` with `set` and `unset` applied; own properties only, so even `__proto__` is plain data. */
function variant(input: Record<string, unknown>, { set = {}, unset = [] }: Pick<ErrorCase, 'set' | 'unset'>): Record<string, unknown> {
  const copy = structuredClone(input);
  const parentOf = (keys: Array<string | number>) => {
    let node = copy as Record<string | number, unknown>;
    for (const [index, key] of keys.slice(0, -1).entries()) {
      if (node[key] === undefined) node[key] = typeof keys[index + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
    return node;
  };
  for (const [path, value] of Object.entries(set)) {
    const keys = keysOf(path);
    Object.defineProperty(parentOf(keys), keys.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  }
  for (const path of unset) {
    const keys = keysOf(path);
    delete parentOf(keys)[keys.at(-1)!];
  }
  return copy;
}

describe('parseConfig errors (cases/config-errors.json)', () => {
  it('accepts the base config the cases start from', () => {
    expect(parseConfig(base)).toMatchObject({ success: true });
  });

  it.each(cases)('$name', (testCase) => {
    const result = parseConfig(variant(base, testCase));
    expect(result.success).toBe(false);
    expect(result.errors).toEqual(testCase.errors);
  });

  it.each([
    ['a string', 'nope', '(root): expected object, got string'],
    ['null', null, '(root): expected object, got null'],
    ['an array', [], '(root): expected object, got array'],
    ['nothing', undefined, '(root): is required (object)'],
  ])('rejects %s as a config', (_name, input, error) => {
    expect(parseConfig(input).errors).toEqual([error]);
  });
});

describe('parseConfig', () => {
  it('accepts the shared fixture and applies defaults', () => {
    const result = parseConfig({ features: { sso: { type: 'boolean' } }, plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' } }] });
    expect(result.success).toBe(true);
    expect(result.config).toEqual({
      features: { sso: { type: 'boolean' } },
      plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: {} }],
      addOns: [],
      trials: [],
      triggers: [],
      policy: {},
    });
    expect(parseConfig(saasConfig).success).toBe(true);
  });

  it('never mutates its input', () => {
    const input = structuredClone(base);
    parseConfig(input);
    parseConfig(variant(input, { set: { 'plans[0].grants.apiCalls': 1 } }));
    expect(input).toEqual(base);
  });

  it('accepts a config that went through JSON (a remote or file config)', () => {
    expect(parseConfig(JSON.parse(JSON.stringify(saasConfig))).success).toBe(true);
  });
});

describe('parseConfig on hostile input: an error list, never an exception', () => {
  const nested = (depth: number) => {
    let when: Record<string, unknown> = { activated: true };
    for (let level = 0; level < depth; level++) when = { not: when };
    return variant(base, { set: { 'triggers[0].when': when } });
  };

  it('accepts a condition nested within the depth limit', () => {
    expect(parseConfig(nested(50)).success).toBe(true);
  });

  it('reports nesting deeper than 64 levels at its path instead of overflowing the stack', () => {
    const result = parseConfig(nested(5000));
    expect(result.success).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatch(/^triggers\[0\]\.when(\.not)+: nests deeper than 64 levels$/);
  });

  it('reports a cyclic config (built in code) the same way', () => {
    const config = { ...structuredClone(base), policy: {} as Record<string, unknown> };
    config.policy.activation = { not: {} };
    (config.policy.activation as { not: unknown }).not = config.policy.activation;
    expect(parseConfig(config).errors![0]).toMatch(/^policy\.activation(\.not)+: nests deeper than 64 levels$/);
  });

  it('reports a getter that throws as a config that could not be read', () => {
    const config = { ...base, get plans(): unknown { throw new Error('boom'); } };
    expect(parseConfig(config)).toEqual({ success: false, errors: ['(root): could not be read (boom)'] });
  });

  it('reports BigInt where a number belongs', () => {
    expect(parseConfig(variant(base, { set: { 'plans[1].price.amount': 29n } })).errors).toEqual(['plans[1].price.amount: expected number, got bigint']);
  });

  it('leaves Object.prototype untouched and never resolves a feature through it', () => {
    const result = parseConfig(JSON.parse('{"features":{"toString":{"type":"boolean"}},"plans":[{"id":"free","price":{"amount":0,"currency":"USD","interval":"month"},"grants":{"__proto__":{"polluted":true}}}]}'));
    expect(result.errors).toEqual(['plans[0].grants.__proto__: "__proto__" is not allowed as a key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const clean = parseConfig(base);
    expect(clean.config!.features.valueOf).toBeUndefined();
    expect(clean.config!.plans[0]!.grants.constructor).toBeUndefined();
  });
});

describe('assertConfig', () => {
  it('returns the validated config', () => {
    expect(assertConfig(base).plans.map((plan) => plan.id)).toEqual(['free', 'pro']);
  });

  it('throws an UpgradeKitConfigError that lists every error', () => {
    const errors = cases.find((testCase) => testCase.name.startsWith('every cross-reference problem'))!;
    let thrown: unknown;
    try {
      assertConfig(variant(base, errors));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UpgradeKitConfigError);
    expect(thrown).toBeInstanceOf(Error);
    const error = thrown as UpgradeKitConfigError;
    expect(error.name).toBe('UpgradeKitConfigError');
    expect(error.errors).toEqual(errors.errors);
    expect(error.message).toBe(`[upgradekit] invalid config:\n  - ${errors.errors.join('\n  - ')}`);
  });
});

describe('defineConfig', () => {
  it('returns the very object it is given', () => {
    const config = { features: {}, plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' } }] } as const;
    expect(defineConfig(config)).toBe(config);
    expect(defineConfig(saasConfig)).toBe(saasConfig);
  });
});

type Node = Record<string, unknown>;

/** A small JSON Schema checker (the keywords zod's `toJSONSchema` emits); returns the problems found. */
function conformance(schema: Node, root: Node, value: unknown, at = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace('#/$defs/', '');
    return conformance((root.$defs as Record<string, Node>)[target]!, root, value, at);
  }
  if (Array.isArray(schema.anyOf)) {
    return (schema.anyOf as Node[]).some((option) => !conformance(option, root, value, at).length) ? [] : [`${at}: matches no option`];
  }
  if ('const' in schema && value !== schema.const) return [`${at}: expected ${JSON.stringify(schema.const)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return [`${at}: not one of ${JSON.stringify(schema.enum)}`];
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const types = schema.type === undefined ? undefined : ([] as unknown[]).concat(schema.type);
  if (types && !types.includes(kind) && !(kind === 'integer' && types.includes('number'))) return [`${at}: expected ${types.join(' or ')}, got ${kind}`];
  const problems: string[] = [];
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${at}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${at}: above maximum`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) problems.push(`${at}: not above minimum`);
  }
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) problems.push(`${at}: does not match ${schema.pattern}`);
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) problems.push(`${at}: too few items`);
    value.forEach((item, index) => problems.push(...conformance((schema.items ?? {}) as Node, root, item, `${at}[${index}]`)));
  }
  if (kind === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Node>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) problems.push(`${at}: missing required "${key}"`);
    for (const [key, item] of Object.entries(object)) {
      if (schema.propertyNames) problems.push(...conformance(schema.propertyNames as Node, root, key, `${at}.${key} (name)`));
      if (properties[key]) problems.push(...conformance(properties[key], root, item, `${at}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${at}: unknown key "${key}"`);
      else if (typeof schema.additionalProperties === 'object') problems.push(...conformance(schema.additionalProperties as Node, root, item, `${at}.${key}`));
    }
  }
  return problems;
}

describe('configJsonSchema', () => {
  const schema = configJsonSchema();
  const defs = schema.$defs as Record<string, Node>;
  const properties = schema.properties as Record<string, Node>;

  it('is a draft 2020-12 document with a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('UpgradeKit config');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('requires features and plans; everything with a default is optional', () => {
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['features', 'plans']);
    expect(schema.additionalProperties).toBe(false);
    expect(properties.plans).toMatchObject({ type: 'array', minItems: 1 });
    expect(properties.addOns).toMatchObject({ type: 'array', default: [] });
    const plan = (properties.plans!.items as Node);
    expect(plan.required).toEqual(['id', 'price']);
    expect((plan.properties as Record<string, Node>).price).toMatchObject({
      required: ['amount', 'currency', 'interval'],
      properties: { interval: { enum: ['month', 'year'] }, amount: { type: 'number', minimum: 0 } },
    });
  });

  it('lists enum values and id patterns', () => {
    const feature = properties.features!;
    expect(feature.propertyNames).toEqual({ type: 'string', pattern: '^[A-Za-z0-9_.:-]+$' });
    expect(feature.additionalProperties).toMatchObject({
      required: ['type'],
      properties: { type: { enum: ['boolean', 'metered', 'seats'] }, reset: { enum: ['day', 'week', 'month', 'year', 'never'] }, failMode: { enum: ['open', 'closed'] } },
    });
    const trigger = (properties.triggers!.items as Node).properties as Record<string, Node>;
    expect(trigger.prompt).toMatchObject({ required: ['kind'], properties: { kind: { enum: ['meter', 'banner', 'modal', 'trial', 'tooltip'] } } });
  });

  it('defines the recursive condition once, under $defs.Condition', () => {
    const condition = defs.Condition!;
    expect(Object.keys(condition.properties as Node)).toEqual(['all', 'any', 'not', 'usage', 'gateHits', 'event', 'plan', 'trial', 'activated', 'forecast', 'attribute']);
    expect(condition).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { all: { type: 'array', items: { $ref: '#/$defs/Condition' } }, not: { $ref: '#/$defs/Condition' } },
    });
    const trigger = (properties.triggers!.items as Node).properties as Record<string, Node>;
    expect(trigger.when).toEqual({ $ref: '#/$defs/Condition' });
    expect((properties.policy!.properties as Record<string, Node>).activation).toEqual({ $ref: '#/$defs/Condition' });
  });

  it('accepts the fixture and every config of the check cases', () => {
    expect(conformance(schema, schema, JSON.parse(JSON.stringify(saasConfig)))).toEqual([]);
    expect(conformance(schema, schema, base)).toEqual([]);
    for (const config of Object.values(checkConfigs)) expect(conformance(schema, schema, config)).toEqual([]);
  });

  it('rejects structural mistakes the same way parseConfig does', () => {
    const broken = variant(base, { set: { 'plans[1].grant': {}, 'features.seats.type': 'counter', 'triggers[0].when.all[0].usage.atLeast': '80%' }, unset: ['plans[0].price'] });
    expect(conformance(schema, schema, broken).sort()).toEqual([
      '$.features.seats.type: not one of ["boolean","metered","seats"]',
      '$.plans[0]: missing required "price"',
      '$.plans[1]: unknown key "grant"',
      '$.triggers[0].when.all[0].usage.atLeast: expected number, got string',
    ]);
  });
});
