import { parseConfig } from '@upgradekit/core';
import { screen, within } from '@testing-library/react';
import { diagnosticCount } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { sampleConfig } from './fakeApi/sampleConfig.js';
import { simulate } from './fakeApi/simulate.js';
import { axeProblems, history, liveConfig, renderCockpit, rowText, screenLoaded, TOKEN } from './harness.js';
import type { FakeApi } from './fakeApi/createFakeApi.js';

/** The live config as the server stores it, pretty-printed as the editor shows it. */
const liveText = JSON.stringify({ ...sampleConfig, version: 'v1' }, null, 2);
/** The PDF trigger asks for 3 gate hits in 7 days instead of 2. */
const stricter = liveText.replace('"atLeast": 2,', '"atLeast": 3,');

async function openEditor() {
  await screenLoaded('Config');
  const content = await screen.findByRole('textbox', { name: 'Config JSON' }, { timeout: 10_000 });
  await expect.poll(() => screen.queryByText('Valid against the config schema.'), { timeout: 10_000 }).toBeTruthy();
  return content;
}

const editorState = (content: HTMLElement) => EditorView.findFromDOM(content)!.state;
const editorText = (content: HTMLElement) => editorState(content).doc.toString();
const selectedLength = (content: HTMLElement) => editorState(content).selection.main.to - editorState(content).selection.main.from;

/**
 * Replaces the editor's text as a person would: Ctrl+A, then type (real keyboard input in Chromium).
 * The selection goes through CodeMirror's own key binding first: a selection made only in the DOM
 * reaches the editor on a later `selectionchange`, and text inserted before that lands at the old
 * cursor instead of replacing everything (seen on a loaded machine).
 */
async function replaceText(content: HTMLElement, text: string) {
  await userEvent.click(content);
  await userEvent.keyboard('{Control>}a{/Control}');
  await expect.poll(() => selectedLength(content)).toBe(editorText(content).length);
  await userEvent.fill(content, text);
  await expect.poll(() => editorText(content)).toBe(text);
}

const served = async (api: FakeApi) => (await api.fetch('/api/config', { headers: { authorization: `Bearer ${TOKEN}` } })).json();
const historyRows = () => within(screen.getByRole('region', { name: 'Config versions' })).getAllByRole('row').slice(1);

describe('Config', () => {
  it('shows the live config in an editor that checks it against the schema', async () => {
    renderCockpit({ at: '/config' });
    const content = await openEditor();
    expect(editorText(content)).toBe(`${liveText}\n`);
    expect(historyRows().map((row) => row.textContent)).toEqual([expect.stringMatching(/^v1Live.*admininitial config$/)]);
    expect(await axeProblems()).toEqual([]);
  });

  it('simulates an edited threshold on the stored history beside the live config and shows the difference', async () => {
    renderCockpit({ at: '/config' });
    const content = await openEditor();
    await replaceText(content, stricter);
    await userEvent.click(screen.getByRole('button', { name: 'Simulate' }));
    const table = await screen.findByRole('region', { name: 'Simulation: live config against the edited one' }, { timeout: 15_000 });
    const [live, edited] = await simulate([liveConfig, parseConfig(JSON.parse(stricter)).config!], history, {});
    const figures = (result: typeof live, id: string) => result!.triggers.find((trigger) => trigger.triggerId === id)!;
    const before = figures(live, 'power-user-pdf');
    const after = figures(edited, 'power-user-pdf');
    expect(after.firedCustomers).toBeLessThan(before.firedCustomers);
    expect(rowText(table, 'power-user-pdf')).toContain(`${before.firedCustomers} → ${after.firedCustomers} (−${before.firedCustomers - after.firedCustomers})`);
    // team-growing's condition is untouched, so it fires for as many customers; what it is shown
    // still moves where the PDF modal no longer competes with it for the prompt slot (governance).
    const teamBefore = figures(live, 'team-growing');
    const teamAfter = figures(edited, 'team-growing');
    expect(teamAfter.firedCustomers).toBe(teamBefore.firedCustomers);
    expect(teamAfter.shown).not.toBe(teamBefore.shown);
    expect(rowText(table, 'team-growing')).toContain(`${teamBefore.shown} → ${teamAfter.shown} (${teamAfter.shown > teamBefore.shown ? '+' : '−'}${Math.abs(teamAfter.shown - teamBefore.shown)})`);
    expect(screen.getByText(/^Changes: /).textContent).toBe('Changes: power-user-pdf, team-growing.');
    expect(await axeProblems()).toEqual([]);
  });

  it('publishes the edit as a new live version, then rolls back to the first', async () => {
    const { api } = renderCockpit({ at: '/config' });
    const content = await openEditor();
    await replaceText(content, stricter);
    await userEvent.fill(screen.getByLabelText('Note'), 'PDF prompt after 3 tries');
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await screen.findByText('Published v2: it is live, and remote configs pick it up on their next poll.');
    await openEditor();
    expect(historyRows().map((row) => row.getAttribute('data-version'))).toEqual(['v2', 'v1']);
    expect(historyRows()[0]!.textContent).toContain('PDF prompt after 3 tries');
    expect((await served(api)).triggers[0].when.all[0].gateHits.atLeast).toBe(3);

    await userEvent.click(screen.getByRole('button', { name: 'Roll back to v1' }));
    await screen.findByText('Rolled back to v1: v3 is live, and remote configs pick it up on their next poll.');
    await openEditor();
    expect(historyRows()[0]!.textContent).toMatch(/^v3Live.*rollback to v1/);
    const live = await served(api);
    expect([live.version, live.triggers[0].when.all[0].gateHits.atLeast]).toEqual(['v3', 2]);
  });

  it("marks a value the schema does not allow, and holds back Simulate and Publish until it is fixed", async () => {
    renderCockpit({ at: '/config' });
    const content = await openEditor();
    await replaceText(content, liveText.replace('"cooldown": "3d"', '"cooldown": "3 days"'));
    const problems = await screen.findByText('1 problem');
    const line = liveText.split('\n').findIndex((text) => text.includes('"cooldown": "3d"')) + 1;
    expect(problems.nextElementSibling!.textContent).toBe(`Line ${line}: Expected a duration such as "7d" (a number, then s, m, h, d or w)`);
    expect((screen.getByRole('button', { name: 'Simulate' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(true);
    // Marked in the text too, where the editor draws it.
    expect(diagnosticCount(editorState(content))).toBe(1);
    await replaceText(content, liveText.replace('"cooldown": "3d"', '"cooldown": "4d"'));
    await screen.findByText('Valid against the config schema.', undefined, { timeout: 10_000 });
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows the server's own objections at their place and keeps the live config", async () => {
    const { api } = renderCockpit({ at: '/config' });
    const content = await openEditor();
    // Well-formed for the schema, but it names a feature the config does not define.
    const misspelt = liveText.replace('"feature": "pdfExport",\n              "atLeast": 2', '"feature": "pdfExprt",\n              "atLeast": 2');
    await replaceText(content, misspelt);
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The config was rejected');
    const line = misspelt.split('\n').findIndex((text) => text.includes('"pdfExprt"')) + 1;
    await expect
      .poll(() => document.querySelector('.problems')!.textContent)
      .toBe(`1 problemLine ${line}: triggers[0].when.all[0].gateHits.feature: feature "pdfExprt" is not defined (defined: projects, seats, pdfExport)`);
    expect(historyRows()).toHaveLength(1);
    expect((await served(api)).version).toBe('v1');
  });

  it('lets the keyboard leave the editor: Tab indents, Escape then Tab moves on', async () => {
    renderCockpit({ at: '/config' });
    const content = await openEditor();
    content.focus();
    await userEvent.keyboard('{Escape}{Tab}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Simulate' }));
  });

  it('says when the config cannot be loaded', async () => {
    renderCockpit({ at: '/config', fetch: (api) => (input, init) => (String(input).startsWith('/api/config') ? Promise.reject(new TypeError('Failed to fetch')) : api.fetch(input, init)) });
    await screenLoaded('Config');
    expect(screen.getAllByRole('alert').map((alert) => alert.getAttribute('data-problem'))).toEqual(['network', 'network']);
    expect(await axeProblems()).toEqual([]);
  });

  it('starts from an empty config when the server has none yet', async () => {
    renderCockpit({ at: '/config', config: null });
    const content = await openEditor();
    expect(screen.getByText('No config is live yet: write one and publish it.')).toBeTruthy();
    expect(content.textContent).toContain('"plans"');
    expect(screen.getByText('No versions yet')).toBeTruthy();
    expect(await axeProblems()).toEqual([]);
  });
});
