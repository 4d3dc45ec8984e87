import type { UpgradeKitEvent } from '../conversion/events.js';

/**
 * Browsers cap what may still be sent while a page unloads: Chrome refuses a
 * `sendBeacon` or `fetch(…, { keepalive: true })` once the bodies of such requests
 * in flight would exceed 64 KiB in total, and other engines have similar limits.
 * A single body above the cap is refused outright, so bodies are cut below it;
 * when several bodies together exceed the budget, `sendBeacon` returns `false`
 * and the caller keeps the rest for the next page.
 */
export const BEACON_BODY_LIMIT = 64 * 1024;

export interface BeaconBody {
  body: string;
  ids: string[];
}

const OPEN = '{"events":[';
const CLOSE = ']}';
let encoder: TextEncoder | undefined;

/** UTF-8 byte length: the limit counts bytes, and one `€` in a feature name is three of them. */
export function byteLength(text: string): number {
  encoder ??= new TextEncoder();
  return encoder.encode(text).byteLength;
}

/**
 * Packs events, in order, into `{ "events": [...] }` bodies of at most `limit`
 * bytes each. An event that alone exceeds the limit goes to `oversized`: it
 * can only leave through a normal request.
 */
export function splitForBeacon(
  events: readonly UpgradeKitEvent[],
  limit = BEACON_BODY_LIMIT,
): { bodies: BeaconBody[]; oversized: UpgradeKitEvent[] } {
  const frame = byteLength(OPEN) + byteLength(CLOSE);
  const bodies: BeaconBody[] = [];
  const oversized: UpgradeKitEvent[] = [];
  let parts: string[] = [];
  let ids: string[] = [];
  let size = frame;
  const close = () => {
    if (parts.length) bodies.push({ body: OPEN + parts.join(',') + CLOSE, ids });
    parts = [];
    ids = [];
    size = frame;
  };
  for (const event of events) {
    const json = JSON.stringify(event);
    const bytes = byteLength(json);
    if (frame + bytes > limit) {
      oversized.push(event);
      continue;
    }
    // The comma between two events counts too.
    if (parts.length && size + 1 + bytes > limit) close();
    size += bytes + (parts.length ? 1 : 0);
    parts.push(json);
    ids.push(event.id);
  }
  close();
  return { bodies, oversized };
}
