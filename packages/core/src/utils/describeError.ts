import { quote } from '../config/messages.js';

/** An error in words, safe for anything thrown (a hostile object without a prototype included). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : quote(error);
}
