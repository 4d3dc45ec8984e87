import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mergeRefs } from '../utils.js';

describe('mergeRefs', () => {
  it('sets ref objects and calls callback refs, then clears them with null', () => {
    const object = createRef<string>();
    const callback = vi.fn();
    const ref = mergeRefs(object, callback, undefined);
    expect(ref('element')).toBeUndefined();
    expect(object.current).toBe('element');
    expect(callback).toHaveBeenLastCalledWith('element');
    ref(null);
    expect(object.current).toBeNull();
    expect(callback).toHaveBeenLastCalledWith(null);
  });

  it('hands a callback ref its own cleanup (React 19), and clears the others in it', () => {
    const object = createRef<string>();
    const cleanup = vi.fn();
    const callback = vi.fn(() => cleanup);
    const done = mergeRefs(object, callback)('element');
    expect(typeof done).toBe('function');
    (done as () => void)();
    expect(cleanup).toHaveBeenCalledOnce();
    expect(callback).toHaveBeenCalledTimes(1);
    expect(object.current).toBeNull();
  });
});
