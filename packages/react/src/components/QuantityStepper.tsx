import { useId, useState } from 'react';
import type { Format } from '../messages.js';

export interface QuantityStepperProps {
  value: number;
  /** At least 1. */
  max: number;
  onChange(value: number): void;
  format: Format;
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(1, Math.round(value)));

/**
 * How many units to buy: a labelled number field (arrow keys step it) between
 * − and + buttons. What is typed counts once it is a number in range; leaving
 * the field shows the quantity in force.
 */
export function QuantityStepper({ value, max, onChange, format }: QuantityStepperProps) {
  const id = useId();
  // The text being typed: an empty or half-typed field must not snap back under the cursor.
  const [text, setText] = useState<string | null>(null);
  const step = (next: number) => {
    setText(null);
    onChange(clamp(next, max));
  };
  return (
    <div className="uk-stepper">
      <label htmlFor={id} className="uk-stepper__label">
        {format.t('quantity')}
      </label>
      <button type="button" className="uk-stepper__step" aria-label={format.t('quantityLess')} aria-disabled={value <= 1} onClick={() => step(value - 1)}>
        −
      </button>
      <input
        id={id}
        className="uk-stepper__input"
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        step={1}
        value={text ?? String(value)}
        onChange={(event) => {
          setText(event.target.value);
          const typed = Number.parseInt(event.target.value, 10);
          if (typed >= 1 && typed <= max) onChange(typed);
        }}
        onBlur={() => setText(null)}
      />
      <button type="button" className="uk-stepper__step" aria-label={format.t('quantityMore')} aria-disabled={value >= max} onClick={() => step(value + 1)}>
        +
      </button>
    </div>
  );
}
