import { monthly } from '../entitlements/price.js';
import { formatPath, type Path } from './messages.js';
import type { Condition, Config, Grant, Price } from './schema.js';

/*
 * What a schema cannot see: references between parts of a config (a grant of a
 * feature that does not exist, a trial of an unknown plan), duplicate ids, mixed
 * currencies, plans out of price order, a condition node with two keys. Each
 * message names what *is* defined, so a typo is fixed in one go.
 */

function isKnownCurrency(code: string): boolean {
  // Intl knows ISO 4217 in every modern runtime; shipping the list would cost bytes.
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('currency');
  return known ? known.includes(code) : /^[A-Z]{3}$/.test(code);
}

const ONE_OF = (keys: readonly string[]) => keys.map((key) => `"${key}"`).join(', ');
const CONDITION_KEYS = ['all', 'any', 'not', 'usage', 'gateHits', 'event', 'plan', 'trial', 'activated', 'forecast', 'attribute'] as const;

/** Every cross-reference problem of a structurally valid config, in document order. */
export function crossCheck(config: Config): string[] {
  const errors: string[] = [];
  const report = (path: Path, message: string) => errors.push(`${formatPath(path)}: ${message}`);
  const featureIds = Object.keys(config.features);
  const planIds = config.plans.map((plan) => plan.id);

  const checkFeature = (path: Path, featureId: string, types?: readonly string[]) => {
    const feature = config.features[featureId];
    if (!feature) report(path, `feature "${featureId}" is not defined (defined: ${featureIds.join(', ') || 'none'})`);
    else if (types && !types.includes(feature.type))
      report(path, `feature "${featureId}" is ${feature.type}; this needs a ${types.join(' or ')} feature`);
  };
  const checkPlan = (path: Path, planId: string) => {
    if (!planIds.includes(planId)) report(path, `plan "${planId}" is not defined (defined: ${planIds.join(', ')})`);
  };
  const checkUnique = (path: Path, ids: string[], what: string) => {
    ids.forEach((value, index) => {
      if (ids.indexOf(value) !== index) report([...path, index, 'id'], `duplicate ${what} id "${value}"`);
    });
  };
  const checkGrants = (path: Path, grants: Record<string, Grant>) => {
    for (const [featureId, grant] of Object.entries(grants)) {
      const at = [...path, 'grants', featureId];
      const feature = config.features[featureId];
      if (!feature) {
        checkFeature(at, featureId);
      } else if (feature.type === 'boolean' && grant !== true) {
        report(at, `"${featureId}" is a boolean feature: grant it with true (got ${JSON.stringify(grant)})`);
      } else if (feature.type !== 'boolean' && grant === true) {
        report(at, `"${featureId}" is a ${feature.type} feature: grant a number or "unlimited", not true`);
      } else if (typeof grant === 'number' && !(Number.isInteger(grant) && grant >= 0)) {
        report(at, `limit must be a non-negative integer (got ${grant})`);
      }
    }
  };
  let currency: string | undefined;
  const checkPrice = (path: Path, price: Price) => {
    if (!isKnownCurrency(price.currency)) {
      report([...path, 'price', 'currency'], `unknown currency "${price.currency}" (use an ISO 4217 code such as USD or EUR)`);
    } else if (currency && price.currency !== currency) {
      report([...path, 'price', 'currency'], `all prices must use one currency: found ${price.currency} and ${currency}`);
    } else {
      // Only a valid code sets the currency, so one typo is reported once and not again as a mix.
      currency = price.currency;
    }
  };

  checkUnique(['plans'], planIds, 'plan');
  config.plans.forEach((plan, index) => {
    checkPrice(['plans', index], plan.price);
    checkGrants(['plans', index], plan.grants);
    const previous = config.plans[index - 1];
    if (previous && monthly(plan.price) < monthly(previous.price)) {
      report(
        ['plans', index],
        `plan "${plan.id}" costs ${monthly(plan.price)} a month, less than "${previous.id}" before it (${monthly(previous.price)}); order plans from the entry tier up`,
      );
    }
  });

  checkUnique(['addOns'], config.addOns.map((addOn) => addOn.id), 'add-on');
  config.addOns.forEach((addOn, index) => {
    checkPrice(['addOns', index], addOn.price);
    checkGrants(['addOns', index], addOn.grants);
    addOn.plans?.forEach((planId, planIndex) => checkPlan(['addOns', index, 'plans', planIndex], planId));
  });

  const trialTargets: string[] = [];
  config.trials.forEach((trial, index) => {
    const path = ['trials', index];
    if (!trial.feature === !trial.plan) report(path, 'name exactly one of "feature" or "plan"');
    if (trial.feature) checkFeature([...path, 'feature'], trial.feature);
    if (trial.plan) checkPlan([...path, 'plan'], trial.plan);
    const target = trial.feature ? `feature ${trial.feature}` : `plan ${trial.plan}`;
    if (trialTargets.includes(target)) report(path, `duplicate trial of ${target}`);
    trialTargets.push(target);
  });

  const checkCondition = (path: Path, node: Condition) => {
    const keys = Object.keys(node) as Array<keyof Condition>;
    if (keys.length !== 1) {
      report(path, `a condition has exactly one of ${ONE_OF(CONDITION_KEYS)} (got ${keys.length ? ONE_OF(keys) : 'none'}); combine several with "all"`);
      return;
    }
    const at = [...path, keys[0]!];
    const { all, any, not, usage, gateHits, forecast, plan, trial, attribute } = node;
    (all ?? any)?.forEach((child, index) => checkCondition([...at, index], child));
    if (not) checkCondition(at, not);
    if (usage) {
      checkFeature([...at, 'feature'], usage.feature, ['metered', 'seats']);
      if (usage.atLeast === undefined && usage.below === undefined) report(at, 'give "atLeast" or "below" (a share of the limit, e.g. 0.8)');
    }
    if (gateHits) checkFeature([...at, 'feature'], gateHits.feature);
    if (forecast) checkFeature([...at, 'feature'], forecast.feature, ['metered']);
    plan?.in?.forEach((planId, index) => checkPlan([...at, 'in', index], planId));
    plan?.notIn?.forEach((planId, index) => checkPlan([...at, 'notIn', index], planId));
    if (trial) {
      if (!trial.feature === !trial.plan) report(at, 'name exactly one of "feature" or "plan"');
      if (trial.feature) checkFeature([...at, 'feature'], trial.feature);
      if (trial.plan) checkPlan([...at, 'plan'], trial.plan);
    }
    if (attribute && attribute.equals === undefined && attribute.in === undefined) report(at, 'give "equals" or "in"');
  };
  if (config.policy.activation) checkCondition(['policy', 'activation'], config.policy.activation);

  checkUnique(['triggers'], config.triggers.map((trigger) => trigger.id), 'trigger');
  config.triggers.forEach((trigger, index) => {
    const path = ['triggers', index];
    checkCondition([...path, 'when'], trigger.when);
    const prompts = [trigger.prompt, ...(trigger.experiment?.variants ?? []).map((variant) => variant.prompt ?? {})];
    prompts.forEach((prompt, promptIndex) => {
      const at = promptIndex === 0 ? [...path, 'prompt'] : [...path, 'experiment', 'variants', promptIndex - 1, 'prompt'];
      if (prompt.feature) checkFeature([...at, 'feature'], prompt.feature);
      if (prompt.plan) checkPlan([...at, 'plan'], prompt.plan);
      if (prompt.url !== undefined && !/^https?:\/\//i.test(prompt.url))
        report([...at, 'url'], `only http(s) URLs are allowed (got "${prompt.url}")`);
    });
    const variants = trigger.experiment?.variants;
    if (variants) checkUnique([...path, 'experiment', 'variants'], variants.map((variant) => variant.id), 'variant');
  });

  return errors;
}
