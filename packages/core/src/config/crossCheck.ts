import { monthly } from '../entitlements/price.js';
import { CONDITION_KEYS, leafOf, type Condition, type LeafKey } from '../triggers/conditionLeaves.js';
import type { ConfigReferences } from '../triggers/leaf.js';
import * as attribute from '../triggers/leaves/attribute.js';
import * as forecast from '../triggers/leaves/forecast.js';
import * as gateHits from '../triggers/leaves/gateHits.js';
import * as plan from '../triggers/leaves/plan.js';
import * as trial from '../triggers/leaves/trial.js';
import * as usage from '../triggers/leaves/usage.js';
import { formatPath, type Path } from './messages.js';
import type { Config, Grant, Price, Trigger } from './schema.js';

/*
 * What a schema cannot see: references between parts of a config (a grant of a
 * feature that does not exist, a trial of an unknown plan), duplicate ids, mixed
 * currencies, plans out of price order, a condition node with two keys. Each
 * message names what *is* defined, so a typo is fixed in one go.
 */

/** Each leaf's references, from its own module (leaves without any are left out). */
const LEAF_CHECKS: Partial<Record<LeafKey, (leaf: never, at: Path, refs: ConfigReferences) => void>> = {
  usage: usage.crossCheck,
  gateHits: gateHits.crossCheck,
  plan: plan.crossCheck,
  trial: trial.crossCheck,
  forecast: forecast.crossCheck,
  attribute: attribute.crossCheck,
};

const quoted = (keys: readonly string[]) => keys.map((key) => `"${key}"`).join(', ');

function isKnownCurrency(code: string): boolean {
  // Intl knows ISO 4217 in every modern runtime; shipping the list would cost bytes.
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('currency');
  return known ? known.includes(code) : /^[A-Z]{3}$/.test(code);
}

/** The checks shared by every part of the config, reporting into one list. */
function references(config: Config, errors: string[]): ConfigReferences & { unique(path: Path, ids: string[], what: string): void } {
  const report = (path: Path, message: string) => void errors.push(`${formatPath(path)}: ${message}`);
  const featureIds = Object.keys(config.features);
  const planIds = config.plans.map((candidate) => candidate.id);
  return {
    report,
    feature(path, featureId, types) {
      const feature = config.features[featureId];
      if (!feature) report(path, `feature "${featureId}" is not defined (defined: ${featureIds.join(', ') || 'none'})`);
      else if (types && !types.includes(feature.type)) report(path, `feature "${featureId}" is ${feature.type}; this needs a ${types.join(' or ')} feature`);
    },
    plan(path, planId) {
      if (!planIds.includes(planId)) report(path, `plan "${planId}" is not defined (defined: ${planIds.join(', ')})`);
    },
    unique(path, ids, what) {
      ids.forEach((value, index) => {
        if (ids.indexOf(value) !== index) report([...path, index, 'id'], `duplicate ${what} id "${value}"`);
      });
    },
  };
}

type References = ReturnType<typeof references>;

function checkGrants(config: Config, refs: References, path: Path, grants: Record<string, Grant>): void {
  for (const [featureId, grant] of Object.entries(grants)) {
    const at = [...path, 'grants', featureId];
    const feature = config.features[featureId];
    if (!feature) refs.feature(at, featureId);
    else if (feature.type === 'boolean' && grant !== true) refs.report(at, `"${featureId}" is a boolean feature: grant it with true (got ${JSON.stringify(grant)})`);
    else if (feature.type !== 'boolean' && grant === true) refs.report(at, `"${featureId}" is a ${feature.type} feature: grant a number or "unlimited", not true`);
    else if (typeof grant === 'number' && !(Number.isInteger(grant) && grant >= 0)) refs.report(at, `limit must be a non-negative integer (got ${grant})`);
  }
}

/** Plans and add-ons: prices in one known currency, plans in price order, grants of defined features. */
function checkCatalog(config: Config, refs: References): void {
  let currency: string | undefined;
  const checkPrice = (path: Path, price: Price) => {
    const at = [...path, 'price', 'currency'];
    if (!isKnownCurrency(price.currency)) refs.report(at, `unknown currency "${price.currency}" (use an ISO 4217 code such as USD or EUR)`);
    else if (currency && price.currency !== currency) refs.report(at, `all prices must use one currency: found ${price.currency} and ${currency}`);
    // Only a valid code sets the currency, so one typo is reported once and not again as a mix.
    else currency = price.currency;
  };
  refs.unique(['plans'], config.plans.map((candidate) => candidate.id), 'plan');
  config.plans.forEach((candidate, index) => {
    checkPrice(['plans', index], candidate.price);
    checkGrants(config, refs, ['plans', index], candidate.grants);
    const previous = config.plans[index - 1];
    if (previous && monthly(candidate.price) < monthly(previous.price)) {
      refs.report(
        ['plans', index],
        `plan "${candidate.id}" costs ${monthly(candidate.price)} a month, less than "${previous.id}" before it (${monthly(previous.price)}); order plans from the entry tier up`,
      );
    }
  });
  refs.unique(['addOns'], config.addOns.map((addOn) => addOn.id), 'add-on');
  config.addOns.forEach((addOn, index) => {
    checkPrice(['addOns', index], addOn.price);
    checkGrants(config, refs, ['addOns', index], addOn.grants);
    addOn.plans?.forEach((planId, planIndex) => refs.plan(['addOns', index, 'plans', planIndex], planId));
  });
}

function checkTrials(config: Config, refs: References): void {
  const targets: string[] = [];
  config.trials.forEach((offer, index) => {
    const path = ['trials', index];
    if (!offer.feature === !offer.plan) refs.report(path, 'name exactly one of "feature" or "plan"');
    if (offer.feature) refs.feature([...path, 'feature'], offer.feature);
    if (offer.plan) refs.plan([...path, 'plan'], offer.plan);
    const target = offer.feature ? `feature ${offer.feature}` : `plan ${offer.plan}`;
    if (targets.includes(target)) refs.report(path, `duplicate trial of ${target}`);
    targets.push(target);
  });
}

function checkCondition(refs: References, path: Path, node: Condition): void {
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    refs.report(path, `a condition has exactly one of ${quoted(CONDITION_KEYS)} (got ${keys.length ? quoted(keys) : 'none'}); combine several with "all"`);
    return;
  }
  const at = [...path, keys[0]!];
  (node.all ?? node.any)?.forEach((child, index) => checkCondition(refs, [...at, index], child));
  if (node.not) checkCondition(refs, at, node.not);
  const leaf = leafOf(node);
  if (leaf) LEAF_CHECKS[leaf]?.(node[leaf] as never, at, refs);
}

function checkTrigger(refs: References, trigger: Trigger, path: Path): void {
  checkCondition(refs, [...path, 'when'], trigger.when);
  const prompts = [trigger.prompt, ...(trigger.experiment?.variants ?? []).map((variant) => variant.prompt ?? {})];
  prompts.forEach((prompt, index) => {
    const at = index === 0 ? [...path, 'prompt'] : [...path, 'experiment', 'variants', index - 1, 'prompt'];
    if (prompt.feature) refs.feature([...at, 'feature'], prompt.feature);
    if (prompt.plan) refs.plan([...at, 'plan'], prompt.plan);
    if (prompt.url !== undefined && !/^https?:\/\//i.test(prompt.url)) refs.report([...at, 'url'], `only http(s) URLs are allowed (got "${prompt.url}")`);
  });
  const variants = trigger.experiment?.variants;
  if (variants) refs.unique([...path, 'experiment', 'variants'], variants.map((variant) => variant.id), 'variant');
}

/** Every cross-reference problem of a structurally valid config, in document order. */
export function crossCheck(config: Config): string[] {
  const errors: string[] = [];
  const refs = references(config, errors);
  checkCatalog(config, refs);
  checkTrials(config, refs);
  if (config.policy.activation) checkCondition(refs, ['policy', 'activation'], config.policy.activation);
  refs.unique(['triggers'], config.triggers.map((trigger) => trigger.id), 'trigger');
  config.triggers.forEach((trigger, index) => checkTrigger(refs, trigger, ['triggers', index]));
  return errors;
}
