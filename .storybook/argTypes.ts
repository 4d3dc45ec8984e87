import type { ArgsEnhancer, ArgTypesEnhancer, SBType, StrictInputType } from 'storybook/internal/types';

/*
 * react-docgen (the docgen that works with TypeScript 7, which has no compiler API)
 * types an optional prop as `T | undefined`. Storybook reads that as a union of
 * non-literals: the props table says "union" and the control is a JSON editor,
 * even for a boolean or a string. This pass, between docgen and Storybook's control
 * inference, drops the `undefined` (and `null`) member, so `boolean | undefined`
 * gets a checkbox and a `boolean` type, and takes each prop's default from its JSDoc
 * ("Default: `true`."), where the components document them: their public
 * components are wrappers whose props are not destructured, so docgen sees no default.
 */

const isEmpty = (type: SBType) => type.name === 'other' && (type.value === 'undefined' || type.value === 'null');

/** The type without its `undefined` / `null` members. */
function withoutEmpty(type: SBType): SBType {
  if (type.name !== 'union') return type;
  const members = type.value.filter((member) => !isEmpty(member));
  if (members.length === 1) return { ...members[0]!, ...(type.required !== undefined && { required: type.required }) };
  return { ...type, value: members };
}

/** `((meter: MeterData) => ReactNode) | undefined` → `(meter: MeterData) => ReactNode`. */
function readable(raw: string): string {
  const text = raw.replace(/\s*\|\s*(undefined|null)\b/g, '').trim();
  // A function type is parenthesised to sit in a union.
  return text.startsWith('((') && text.endsWith(')') ? text.slice(1, -1) : text;
}

/** Our JSDoc states a prop's default last: `... Default: `true`.` */
const DEFAULT = /\s*Default: ([^]*?)\.?$/;

function normalize(argType: StrictInputType): StrictInputType {
  const { type, table, description } = argType;
  const next: StrictInputType = { ...argType, ...(type && { type: withoutEmpty(type) }) };
  const raw = (type as { raw?: string } | undefined)?.raw;
  const summary = table?.type?.summary;
  if (table && raw && (summary === 'union' || summary?.includes('undefined'))) {
    next.table = { ...table, type: { ...table.type, summary: readable(raw) } };
  }
  const stated = typeof description === 'string' ? DEFAULT.exec(description) : null;
  if (stated && table && !table.defaultValue?.summary) {
    next.description = description!.replace(DEFAULT, '').trim();
    next.table = { ...next.table, defaultValue: { summary: stated[1]!.replace(/`/g, '').trim() } };
  }
  return next;
}

/** Readable types, real controls and JSDoc defaults for every component's props (see above). */
export const readablePropTypes: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(Object.entries(argTypes).map(([name, argType]) => [name, normalize(argType)]));

/** A JSDoc default that a control can hold: `true`, `3`, or one of the control's options. */
function controlValue({ type, options, table }: StrictInputType): unknown {
  const stated = table?.defaultValue?.summary;
  if (stated === undefined) return undefined;
  if (type?.name === 'boolean' && (stated === 'true' || stated === 'false')) return stated === 'true';
  if (type?.name === 'number' && stated.trim() !== '' && Number.isFinite(Number(stated))) return Number(stated);
  return options?.includes(stated) ? stated : undefined;
}

/** Starts each control at the prop's documented default, so a checkbox shows `true` rather than "Set boolean". */
export const argsFromDefaults: ArgsEnhancer = ({ argTypes, initialArgs }) => {
  const args: Record<string, unknown> = {};
  for (const [name, argType] of Object.entries(argTypes)) {
    if (name in initialArgs) continue;
    const value = controlValue(argType);
    if (value !== undefined) args[name] = value;
  }
  return args;
};
