import type { Cta, DismissReason, EventProps, PromptKind, UpgradeKitEvent } from '@upgradekit/core';
import { MAX_PROPS, MAX_TEXT, type CustomerActivity } from '@upgradekit/core/report';

/*
 * The bulk of a file of events is a handful of types the SDK writes in one shape:
 * its own key order, no whitespace, no escapes. A line in that exact shape is read
 * here by one regular expression, about twice as fast as `JSON.parse`
 * followed by `parseEvent`. The patterns accept only what those accept (a text
 * has no escapes or control characters and, as the line is at most `MAX_TEXT`
 * long, is no longer than that; a number is finite and plain; MRR is not
 * negative), so a match is a valid event. Any other line, valid or not, is
 * `undefined` here and goes the general way, which gives the same event or the
 * same error as before.
 */

/** A JSON string's content without escapes or control characters. */
const TEXT = '"([^"\\\\\\x00-\\x1f]+)"';
const MAYBE_EMPTY_TEXT = '"[^"\\\\\\x00-\\x1f]*"';
/** A plain JSON number of at most 16 digits before the point: never Infinity, so `Number()` of it is what `JSON.parse` gives. */
const NUMBER = '(-?(?:0|[1-9][0-9]{0,15})(?:\\.[0-9]{1,17})?)';
const NOT_NEGATIVE = '((?:0|[1-9][0-9]{0,15})(?:\\.[0-9]{1,17})?)';
/** The same pattern with every group non-capturing: to check a part of the line without reading it. */
const unread = (pattern: string) => pattern.replace(/\((?!\?)/g, '(?:');

/** A product event's props: flat scalars, at most `MAX_PROPS` of them. */
const PROPS = `(\\{(?:${MAYBE_EMPTY_TEXT}:(?:${MAYBE_EMPTY_TEXT}|${unread(NUMBER)}|true|false|null)(?:,${MAYBE_EMPTY_TEXT}:(?:${MAYBE_EMPTY_TEXT}|${unread(NUMBER)}|true|false|null)){0,${MAX_PROPS - 1}})?\\})`;

/** The base fields; groups 1–6: id, at, customerId, mrr, sdkVersion, configVersion. */
const HEAD = `^\\{"v":1,"id":${TEXT},"at":${NUMBER},"customerId":${TEXT},"mrr":${NOT_NEGATIVE},"sdkVersion":${TEXT}(?:,"configVersion":${TEXT})?,"type":"`;
/** The base fields with only what a customer's activity needs; groups 1–4: at, customerId, mrr, configVersion. */
const ACTIVITY_HEAD = `^\\{"v":1,"id":${unread(TEXT)},"at":${NUMBER},"customerId":${TEXT},"mrr":${NOT_NEGATIVE},"sdkVersion":${unread(TEXT)}(?:,"configVersion":${TEXT})?,"type":"`;

/**
 * A string that owns its characters. A substring of the line can share the line's
 * memory, and so keep a whole 1 MiB read buffer alive as long as something keeps
 * it; concatenating and slicing again makes a string of its own. Copied: the
 * customer id and config version (map keys), and the id and trigger fields of
 * the prompt types, which a report keeps to de-duplicate and count them. The ids
 * of usage and gate hits, which nothing keeps, are left shared: copying costs.
 * V8 copies substrings under 13 characters itself (most customer ids and
 * versions), so those are not copied twice.
 */
const owned = (text: string): string => (text.length < 13 ? text : (' ' + text).slice(1));

type Match = RegExpExecArray;

interface Template {
  /** The type's own fields after `"type":"<type>",`, as JSON patterns, one group each. */
  fields: string;
  /** The event without `configVersion`, from the head's groups and the type's from `i` on. */
  build(m: Match, i: number): UpgradeKitEvent;
}

const trigger = `"triggerId":${TEXT},"variant":${TEXT}`;

// Each event is one object literal: spreading a shared base into it measured three times slower.
const TEMPLATES = new Map<string, Template>([
  [
    'usage.tracked',
    {
      fields: `"feature":${TEXT},"amount":${NUMBER},"usage":${NUMBER}`,
      build: (m, i) => ({ v: 1, id: m[1]!, at: Number(m[2]), customerId: owned(m[3]!), mrr: Number(m[4]), sdkVersion: m[5]!, type: 'usage.tracked', feature: m[i]!, amount: Number(m[i + 1]), usage: Number(m[i + 2]) }),
    },
  ],
  ['gate.hit', { fields: `"feature":${TEXT}`, build: (m, i) => ({ v: 1, id: m[1]!, at: Number(m[2]), customerId: owned(m[3]!), mrr: Number(m[4]), sdkVersion: m[5]!, type: 'gate.hit', feature: m[i]! }) }],
  [
    'event.recorded',
    {
      fields: `"name":${TEXT}(?:,"props":${PROPS})?`,
      build: (m, i) => {
        const event: UpgradeKitEvent = { v: 1, id: m[1]!, at: Number(m[2]), customerId: owned(m[3]!), mrr: Number(m[4]), sdkVersion: m[5]!, type: 'event.recorded', name: m[i]! };
        // Small and checked flat already: parsing only the props is cheap.
        if (m[i + 1] !== undefined) event.props = JSON.parse(m[i + 1]!) as EventProps;
        return event;
      },
    },
  ],
  [
    'prompt.shown',
    {
      fields: `${trigger},"kind":${TEXT},"placement":${TEXT}`,
      build: (m, i) => ({ v: 1, id: owned(m[1]!), at: Number(m[2]), customerId: owned(m[3]!), mrr: Number(m[4]), sdkVersion: m[5]!, type: 'prompt.shown', triggerId: owned(m[i]!), variant: owned(m[i + 1]!), kind: m[i + 2]! as PromptKind, placement: m[i + 3]! }),
    },
  ],
  [
    'prompt.dismissed',
    {
      fields: `${trigger},"reason":${TEXT}`,
      build: (m, i) => ({ v: 1, id: owned(m[1]!), at: Number(m[2]), customerId: owned(m[3]!), mrr: Number(m[4]), sdkVersion: m[5]!, type: 'prompt.dismissed', triggerId: owned(m[i]!), variant: owned(m[i + 1]!), reason: m[i + 2]! as DismissReason }),
    },
  ],
  [
    'prompt.clicked',
    {
      fields: `${trigger},"cta":${TEXT}`,
      build: (m, i) => ({ v: 1, id: owned(m[1]!), at: Number(m[2]), customerId: owned(m[3]!), mrr: Number(m[4]), sdkVersion: m[5]!, type: 'prompt.clicked', triggerId: owned(m[i]!), variant: owned(m[i + 1]!), cta: m[i + 2]! as Cta }),
    },
  ],
  ['prompt.held_out', { fields: trigger, build: (m, i) => ({ v: 1, id: owned(m[1]!), at: Number(m[2]), customerId: owned(m[3]!), mrr: Number(m[4]), sdkVersion: m[5]!, type: 'prompt.held_out', triggerId: owned(m[i]!), variant: owned(m[i + 1]!) }) }],
]);

/** The types whose events count only as their customer's activity in a report (see `addActivity`). */
const ACTIVITY_TYPES = ['usage.tracked', 'gate.hit', 'event.recorded'];

const groupsIn = (pattern: string) => new RegExp(`${pattern}|`).exec('')!.length - 1;
const alternative = (type: string, fields: string) => `${type.replace('.', '\\.')}",${fields}`;

/**
 * One pattern for every template (alternatives after the head), so a line is
 * matched once, and where each template's groups start in a match: the first
 * one is defined exactly when its alternative matched.
 */
function compile(templates: ReadonlyMap<string, Template>) {
  const alternatives: string[] = [];
  const starts: Array<{ first: number; build: Template['build'] }> = [];
  let group = groupsIn(HEAD) + 1;
  for (const [type, template] of templates) {
    alternatives.push(alternative(type, template.fields));
    starts.push({ first: group, build: template.build });
    group += groupsIn(template.fields);
  }
  return { pattern: new RegExp(`${HEAD}(?:${alternatives.join('|')})\\}$`), starts };
}

const { pattern: CANONICAL, starts: STARTS } = compile(TEMPLATES);
const ACTIVITY = new RegExp(`${ACTIVITY_HEAD}(?:${ACTIVITY_TYPES.map((type) => alternative(type, unread(TEMPLATES.get(type)!.fields))).join('|')})\\}$`);

/**
 * The event on `line` when the line is in the SDK's own shape for one of the bulk
 * types; `undefined` otherwise (read it with `JSON.parse` and `parseEvent`).
 */
export function readCanonicalEvent(line: string): UpgradeKitEvent | undefined {
  if (line.length > MAX_TEXT) return undefined;
  const match = CANONICAL.exec(line);
  if (!match) return undefined;
  const start = STARTS.find(({ first }) => match[first] !== undefined);
  if (!start) return undefined;
  const event = start.build(match, start.first);
  // Added last, so it is absent rather than undefined on events without one.
  if (match[6] !== undefined) event.configVersion = owned(match[6]);
  return event;
}

/**
 * What a report reads of `line` when it is a valid event, in the SDK's own shape,
 * of a type that counts only as its customer's activity (usage, gate hits,
 * product events); `undefined` otherwise.
 */
export function readCanonicalActivity(line: string): CustomerActivity | undefined {
  if (line.length > MAX_TEXT) return undefined;
  const match = ACTIVITY.exec(line);
  if (!match) return undefined;
  return { customerId: owned(match[2]!), at: Number(match[1]), mrr: Number(match[3]), configVersion: match[4] === undefined ? undefined : owned(match[4]) };
}
