import { describe, expect, it, vi } from 'vitest';
import { createCallbackSink } from '../callback.js';
import { upgrade, usage } from './helpers.js';

describe('createCallbackSink', () => {
  it('hands every event to the callback', () => {
    const callback = vi.fn();
    const sink = createCallbackSink(callback);
    sink.send(usage(1));
    sink.send(upgrade(2));
    expect(callback.mock.calls).toEqual([[usage(1)], [upgrade(2)]]);
  });

  it('catches a throwing callback and reports it through onWarning', () => {
    const warnings: string[] = [];
    const sink = createCallbackSink(
      () => {
        throw new RangeError('boom');
      },
      { onWarning: (m) => warnings.push(m) },
    );
    expect(() => sink.send(usage(1))).not.toThrow();
    expect(warnings).toEqual(['[upgradekit] event callback failed on "usage.tracked" (RangeError: boom); the event was skipped']);
  });

  it('catches the rejection of an async callback', async () => {
    const warnings: string[] = [];
    const sink = createCallbackSink(async () => Promise.reject(new Error('offline')), { onWarning: (m) => warnings.push(m) });
    sink.send(upgrade(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(warnings).toEqual([expect.stringContaining('"upgrade.completed" (Error: offline)')]);
  });

  it('warns on console.warn when no onWarning is given', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    createCallbackSink(() => {
      throw 'nope';
    }).send(usage(1));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('(nope)'));
    warn.mockRestore();
  });
});
