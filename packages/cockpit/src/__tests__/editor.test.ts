import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import schemaJson from '@upgradekit/core/config.schema.json';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../editor/jsonSchema.js';
import { jsonTreeOf, nodeAtPath } from '../editor/jsonTree.js';
import { schemaCompletion } from '../editor/schemaCompletion.js';
import { lint } from '../editor/schemaLint.js';
import { sampleConfig } from './fakeApi/sampleConfig.js';

const schema = schemaJson as JsonSchema;
const stateOf = (doc: string) => EditorState.create({ doc, extensions: [json()] });
const problemsOf = (doc: string) => {
  const state = stateOf(doc);
  return lint(jsonTreeOf(state)!, schema, schema).map((problem) => ({ at: state.sliceDoc(problem.from, problem.to), message: problem.message }));
};
const complete = (doc: string, cursor = '|') => {
  const pos = doc.indexOf(cursor);
  const state = stateOf(doc.replace(cursor, ''));
  return (schemaCompletion(schema)(new CompletionContext(state, pos, true)) as CompletionResult | null)?.options.map((option) => option.label) ?? [];
};

describe('the config JSON Schema in the editor', () => {
  it('accepts the sample config', () => {
    expect(problemsOf(JSON.stringify(sampleConfig))).toEqual([]);
  });

  it.each([
    ['a duration in words', { cooldown: '3 days' }, '"3 days"', 'Expected a duration such as "7d" (a number, then s, m, h, d or w)'],
    ['an unknown property', { colour: 'red' }, '"colour"', expect.stringMatching(/^Unknown property "colour"; expected one of id, description, when, prompt, /)],
    ['a holdout over 1', { experiment: { holdout: 1.5 } }, '1.5', 'Must be at most 1'],
    ['a number as text', { priority: '10' }, '"10"', 'Expected a number, found text'],
  ])('marks %s where it is', (_name, change, at, message) => {
    const trigger = { ...sampleConfig.triggers[0], ...change };
    expect(problemsOf(JSON.stringify({ ...sampleConfig, triggers: [trigger] }))).toEqual([{ at, message }]);
  });

  it('says what a grant may be, and that required properties are missing', () => {
    const plan = { id: 'pro', price: { amount: 29, currency: 'USD', interval: 'month' }, grants: { projects: 'lots' } };
    expect(problemsOf(JSON.stringify({ features: {}, plans: [plan] }))).toEqual([{ at: '"lots"', message: 'Expected "unlimited"' }]);
    expect(problemsOf('{ "plans": [] }')).toEqual([
      { at: '{', message: 'Missing "features" (required)' },
      { at: '[', message: 'Needs at least 1 item' },
    ]);
  });

  it('finds the node of a path the server reports', () => {
    const state = stateOf(JSON.stringify(sampleConfig, null, 2));
    const node = nodeAtPath(jsonTreeOf(state)!, 'triggers[0].when.all[0].gateHits.feature');
    expect(state.sliceDoc(node.from, node.to)).toBe('"pdfExport"');
  });

  it('completes the properties an object allows, leaving out those present', () => {
    expect(complete('{ "policy": { "attributionWindow": "7d", | } }')).toEqual(expect.arrayContaining(['"caps"', '"snooze"', '"activation"']));
    expect(complete('{ "policy": { "attributionWindow": "7d", | } }')).not.toContain('"attributionWindow"');
    expect(complete('{ "triggers": [ { "when": { | } } ] }')).toEqual(expect.arrayContaining(['"all"', '"any"', '"usage"', '"gateHits"', '"plan"']));
  });

  it('completes the values a property allows', () => {
    expect(complete('{ "features": { "x": { "type": | } } }')).toEqual(['"boolean"', '"metered"', '"seats"']);
    expect(complete('{ "triggers": [ { "prompt": { "kind": "modal", "cta": | } } ] }')).toEqual(['"upgrade"', '"trial"', '"contact_sales"', '"learn_more"']);
  });
});
