'use client';
import { useCallback, useRef, useState } from 'react';
import { useKitContext } from '../context.js';

/**
 * Controlled (`value` + `onChange`) or uncontrolled (`defaultValue`) state,
 * like Radix's: warns when a component switches between the two.
 */
export function useControllableState<T>(value: T | undefined, defaultValue: T, onChange?: (value: T) => void): [T, (next: T) => void] {
  const { diagnostics } = useKitContext('useControllableState()');
  const [own, setOwn] = useState(defaultValue);
  const controlled = value !== undefined;
  const wasControlled = useRef(controlled);
  if (wasControlled.current !== controlled) {
    diagnostics.warn(`a component switched from ${wasControlled.current ? 'controlled' : 'uncontrolled'} to ${controlled ? 'controlled' : 'uncontrolled'}; pick one for its lifetime`);
    wasControlled.current = controlled;
  }
  const set = useCallback(
    (next: T) => {
      if (!controlled) setOwn(next);
      onChange?.(next);
    },
    [controlled, onChange],
  );
  return [controlled ? value : own, set];
}
